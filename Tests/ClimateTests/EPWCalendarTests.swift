import Foundation
import Testing
@testable import Climate
import Numerics

/// The 0-based data row of an hour in the test year (`EPWText`), counted here without `EPWFile`.
func rowIndex(month: Int, day: Int, hour: Int, leapYear: Bool = false) -> Int {
    let days = [31, leapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return (days.prefix(month - 1).reduce(0, +) + day - 1) * 24 + hour - 1
}

/// The file line of data row `row` (8 header lines, 1-based).
func line(ofRow row: Int) -> Int { row + 9 }

/// A `DESIGN CONDITIONS` line in the ASHRAE 2009 layout (the column names of `RawEPW`), every value 1.0
/// unless given: the fourteen figures the reader uses default to a plausible hot-humid site.
func designLine(cooling: [String: String] = [:], extremes: [String: String] = [:], dropLastExtremes: Int = 0) -> String {
    let coolingDefaults = ["DB0.4": "35.0", "MCWB0.4": "24.0", "DB1": "34.0", "MCWB1": "23.8", "DB2": "33.0", "MCWB2": "23.5",
                           "WB0.4": "26.0", "MCDB0.4": "31.0", "WB1": "25.5", "MCDB1": "30.5", "WB2": "25.0", "MCDB2": "30.0"]
    let extremesDefaults = ["maxWB": "29.0", "n20MaxDB": "40.0"]
    let c = RawEPW.coolingColumns.map { cooling[$0] ?? coolingDefaults[$0] ?? "1.0" }
    let e = RawEPW.extremesColumns.map { extremes[$0] ?? extremesDefaults[$0] ?? "1.0" }.dropLast(dropLastExtremes)
    let heating = Array(repeating: "1.0", count: RawEPW.heatingColumns)
    return (["DESIGN CONDITIONS", "1", "Climate Design Data 2009 ASHRAE Handbook", "", "Heating"] + heating
            + ["Cooling"] + c + ["Extremes"] + e).joined(separator: ",")
}

@Suite("EPW checks: calendar, header ranges, row ranges")
struct EPWCalendarTests {
    /// Expects `epw` to fail on `line` with `message`.
    func expectError(_ epw: EPWText, line: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: EPWError(file: "t.epw", line: line, message), sourceLocation: sourceLocation) {
            try EPWFile(text: epw.text(), file: "t.epw")
        }
    }

    /// Expects the standard year with field `field` of data row `row` set to `value` to fail on that row's line.
    func expectError(row: Int, field: Int, _ value: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var epw = EPWText()
        epw.set(row: row, field: field, value)
        expectError(epw, line: line(ofRow: row), message, sourceLocation: sourceLocation)
    }

    /// Expects the standard year with LOCATION field `index` (0 = the keyword) set to `value` to fail on line 1.
    func expectLocationError(_ index: Int, _ value: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var epw = EPWText()
        var f = epw.header[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        f[index] = value
        epw.header[0] = f.joined(separator: ",")
        expectError(epw, line: 1, message, sourceLocation: sourceLocation)
    }

    /// Expects the standard year with `design` as line 2 to fail on line 2 with `message`.
    func expectDesignError(_ design: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var epw = EPWText()
        epw.header[1] = design
        expectError(epw, line: 2, message, sourceLocation: sourceLocation)
    }

    // MARK: Calendar

    @Test("The test's row arithmetic: 1 Mar hour 1 is row 1,416, and 1,440 in a leap year")
    func rowArithmetic() {
        #expect(rowIndex(month: 3, day: 1, hour: 1) == 59 * 24)
        #expect(rowIndex(month: 3, day: 1, hour: 1, leapYear: true) == 60 * 24)
        #expect(rowIndex(month: 12, day: 31, hour: 24) == 8759)
        #expect(rowIndex(month: 12, day: 31, hour: 24, leapYear: true) == 8783)
    }

    @Test("Month, day and hour are checked as numbers before they become integers: huge, NaN, fractional values are errors, not traps")
    func calendarFieldsAreCheckedBeforeConversion() throws {
        expectError(row: 0, field: 2, "1e20", "field 2 (month): 1e20 is not 1–12")
        expectError(row: 0, field: 2, "-1e20", "field 2 (month): -1e20 is not 1–12")
        expectError(row: 0, field: 3, "nan", "field 3 (day): 'nan' is not a finite number")
        expectError(row: 0, field: 4, "inf", "field 4 (hour): 'inf' is not a finite number")
        expectError(row: 0, field: 4, "2.5", "field 4 (hour): 2.5 is not 1–24 (hour ending)")
        expectError(row: 0, field: 3, "9223372036854775808", "field 3 (day): 9223372036854775808 is not 1–31")
        expectError(row: 0, field: 2, "13", "field 2 (month): 13 is not 1–12")
        // Every one of these, in every calendar field of a row, is an EPWError naming that row's line and field
        // (200 rows suffice: the row is checked before the year's length is).
        var first200 = EPWText()
        first200.rows.removeLast(8760 - 200)
        for value in ["1e20", "-1e20", "1e308", "nan", "-nan", "inf", "-inf", "9223372036854775808", "-9223372036854775809",
                      "2.5", "0.999999", "0", "-1", "", " ", "x", "0x10", "4294967297"] {
            for field in 2...4 {
                var epw = first200
                epw.set(row: 100, field: field, value)
                let error = try #require(throws: EPWError.self, "field \(field) = '\(value)'") { try EPWFile(text: epw.text(), file: "t.epw") }
                #expect(error.line == line(ofRow: 100), "field \(field) = '\(value)': \(error)")
                #expect(error.message.hasPrefix("field \(field) ("), "field \(field) = '\(value)': \(error)")
            }
        }
        // A whole number written with a decimal point is a whole number.
        var epw = EPWText()
        epw.set(row: 0, field: 4, "1.0")
        #expect(try EPWFile(text: epw.text(), file: "t.epw").hours[0].hour == 1)
    }

    @Test("Days beyond the month's length are errors naming the day field")
    func dayInMonth() {
        expectError(row: rowIndex(month: 4, day: 30, hour: 1), field: 3, "31", "field 3 (day): 31 is not 1–30")
        expectError(row: rowIndex(month: 1, day: 31, hour: 1), field: 3, "32", "field 3 (day): 32 is not 1–31")
    }

    @Test("Rows are consecutive hours from 1 Jan hour 1: all rows in January, months running backwards, a repeated or skipped hour")
    func sequence() {
        // Every row in January: the first row of February says 1 Jan again.
        var january = EPWText()
        for row in january.rows.indices { january.set(row: row, field: 2, "1") }
        let february = rowIndex(month: 2, day: 1, hour: 1)
        expectError(january, line: line(ofRow: february),
                    "field 2 (month): 1 Jan hour 1 follows 31 Jan hour 24; expected 1 Feb hour 1 (rows are consecutive hours)")
        // Months backwards: December first.
        var backwards = EPWText()
        backwards.rows = backwards.rows.reversed()
        expectError(backwards, line: 9, "field 2 (month): the first row is 31 Dec hour 24; an EPW year starts on 1 Jan hour 1")
        // A month back in the middle of the year.
        var may = EPWText()
        may.set(row: rowIndex(month: 6, day: 1, hour: 1), field: 2, "5")
        expectError(may, line: line(ofRow: rowIndex(month: 6, day: 1, hour: 1)),
                    "field 2 (month): 1 May hour 1 follows 31 May hour 24; expected 1 Jun hour 1 (rows are consecutive hours)")
        // A day skipped.
        expectError(row: rowIndex(month: 7, day: 4, hour: 1), field: 3, "5",
                    "field 3 (day): 5 Jul hour 1 follows 3 Jul hour 24; expected 4 Jul hour 1 (rows are consecutive hours)")
        // An hour repeated.
        expectError(row: 10, field: 4, "10",
                    "field 4 (hour): 1 Jan hour 10 follows 1 Jan hour 10; expected 1 Jan hour 11 (rows are consecutive hours)")
        // The first row not at hour 1.
        expectError(row: 0, field: 4, "2", "field 4 (hour): the first row is 1 Jan hour 2; an EPW year starts on 1 Jan hour 1")
    }

    @Test("A leap year: 8,784 rows with 29 February load; 29 February in 8,760 rows or 8,784 rows without it are errors")
    func leapYear() throws {
        let leap = try EPWFile(text: EPWText(leapYear: true, year: 2024).text(), file: "t.epw")
        #expect(leap.hours.count == 8784)
        let leapDay = rowIndex(month: 2, day: 29, hour: 1, leapYear: true)
        #expect(leap.hours[leapDay].month == 2 && leap.hours[leapDay].day == 29 && leap.hours[leapDay].hour == 1)
        #expect(leap.hours[8783].month == 12 && leap.hours[8783].day == 31 && leap.hours[8783].hour == 24)
        #expect(ClimateSummary(leap, sourceID: "t").climate.monthlyMeanDailyMaxDryBulbC[1] == 20.0)

        // 29 February in a year of 8,760 rows (a leap year that lost 31 December): the year field (2026 here)
        // is not what decides, the row count is.
        var noDecember31 = EPWText(leapYear: true, year: 2026)
        noDecember31.rows.removeLast(24)
        expectError(noDecember31, line: line(ofRow: leapDay),
                    "field 3 (day): 29 is not 1–28 (February has 28 days in a year of 8,760 rows; 29 February only in a leap year of 8,784 rows)")

        // 8,784 rows without 29 February (a common year with a day appended).
        var appended = EPWText()
        appended.rows += appended.rows.suffix(24)
        expectError(appended, line: line(ofRow: rowIndex(month: 3, day: 1, hour: 1)),
                    "field 2 (month): 1 Mar hour 1 follows 28 Feb hour 24; expected 29 Feb hour 1 (8,784 rows make a leap year, whose February has 29 days)")

        // 8,784 rows with 29 February but 1 Jan repeated at the end instead of 31 Dec.
        var wrongEnd = EPWText(leapYear: true)
        wrongEnd.rows = Array(wrongEnd.rows.dropLast(24)) + wrongEnd.rows.prefix(24)
        expectError(wrongEnd, line: line(ofRow: rowIndex(month: 12, day: 31, hour: 1, leapYear: true)),
                    "field 2 (month): 1 Jan hour 1 follows 30 Dec hour 24; expected 31 Dec hour 1 (rows are consecutive hours)")
    }

    @Test("Rows after 31 Dec hour 24, and a year of the wrong length, are errors")
    func yearLength() {
        var extra = EPWText()
        extra.rows.append(extra.rows[0])
        expectError(extra, line: line(ofRow: 8760),
                    "field 2 (month): 1 Jan hour 1 follows 31 Dec hour 24, the last hour of the year; an EPW year has 8,760 rows (8,784 in a leap year)")
        var short = EPWText()
        short.rows.removeLast(1)
        expectError(short, line: 0, "8759 hourly rows; an EPW year has 8,760 (8,784 in a leap year)")
    }

    // MARK: Header

    @Test("LOCATION: latitude, longitude, time zone and elevation finite and in range, errors on line 1 naming the field")
    func location() throws {
        expectLocationError(6, "95", "LOCATION latitude °: 95.0 is outside −90…90")
        expectLocationError(6, "nan", "LOCATION latitude °: 'nan' is not a finite number")
        expectLocationError(7, "-181", "LOCATION longitude °: -181.0 is outside −180…180")
        expectLocationError(7, "inf", "LOCATION longitude °: 'inf' is not a finite number")
        expectLocationError(8, "15", "LOCATION time zone (h from UTC): 15.0 is outside −12…14 (UTC−12 to UTC+14)")
        expectLocationError(8, "-13", "LOCATION time zone (h from UTC): -13.0 is outside −12…14 (UTC−12 to UTC+14)")
        expectLocationError(9, "9500", "LOCATION elevation m: 9500.0 is outside −500…9,000 (the Dead Sea shore is at ≈ −430 m, Everest's summit at 8,849 m)")
        expectLocationError(9, "-600", "LOCATION elevation m: -600.0 is outside −500…9,000 (the Dead Sea shore is at ≈ −430 m, Everest's summit at 8,849 m)")
        expectLocationError(9, "1e20", "LOCATION elevation m: 1e+20 is outside −500…9,000 (the Dead Sea shore is at ≈ −430 m, Everest's summit at 8,849 m)")
        // The extremes of the Earth load: the Dead Sea shore, Everest, the Line Islands' UTC+14, Nepal's UTC+5:45.
        for (index, value) in [(9, "-430"), (9, "8849"), (8, "14"), (8, "-12"), (8, "5.75"), (6, "-90"), (7, "180")] {
            var epw = EPWText()
            var f = epw.header[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            f[index] = value
            epw.header[0] = f.joined(separator: ",")
            let loaded = try EPWFile(text: epw.text(), file: "t.epw").location
            #expect([loaded.latitudeDeg, loaded.longitudeDeg, loaded.utcOffsetH, loaded.elevationM][index - 6] == Double(value))
        }
    }

    @Test("DESIGN CONDITIONS: the fourteen figures read are finite and in range; errors on line 2 name the ASHRAE column")
    func designConditions() throws {
        var epw = EPWText()
        epw.header[1] = designLine()
        let design = try #require(try EPWFile(text: epw.text(), file: "t.epw").designConditions)
        #expect(design == EPWFile.DesignConditions(coolingDryBulbC: 35, coolingCoincidentWetBulbC: 24, evaporationWetBulbC: 26,
                                                   evaporationWetBulb2PercentC: 25, extremeWetBulbC: 29,
                                                   coolingDryBulb1PercentC: 34, coolingCoincidentWetBulb1PercentC: 23.8,
                                                   coolingDryBulb2PercentC: 33, coolingCoincidentWetBulb2PercentC: 23.5,
                                                   evaporationCoincidentDryBulbC: 31, evaporationWetBulb1PercentC: 25.5,
                                                   evaporationCoincidentDryBulb1PercentC: 30.5, evaporationCoincidentDryBulb2PercentC: 30,
                                                   extremeDryBulb20YearC: 40))
        expectDesignError(designLine(cooling: ["MCDB1": "x"]),
                          "DESIGN CONDITIONS Cooling MCDB1 (mean coincident dry-bulb °C): 'x' is not a finite number")
        expectDesignError(designLine(dropLastExtremes: 3),
                          "DESIGN CONDITIONS Extremes n20MaxDB (20-year maximum dry-bulb °C) is missing: Extremes has 13 values, the figure is value 14")
        expectDesignError(designLine(cooling: ["MCWB0.4": "NaN"]),
                          "DESIGN CONDITIONS Cooling MCWB0.4 (mean coincident wet-bulb °C): 'NaN' is not a finite number")
        expectDesignError(designLine(cooling: ["DB0.4": "inf"]),
                          "DESIGN CONDITIONS Cooling DB0.4 (0.4 % dry-bulb °C): 'inf' is not a finite number")
        expectDesignError(designLine(cooling: ["WB2": ""]),
                          "DESIGN CONDITIONS Cooling WB2 (2 % wet-bulb °C): '' is not a finite number")
        expectDesignError(designLine(cooling: ["DB0.4": "75"]),
                          "DESIGN CONDITIONS Cooling DB0.4 (0.4 % dry-bulb °C): 75.0 is outside −60…60")
        expectDesignError(designLine(cooling: ["WB0.4": "45"]),
                          "DESIGN CONDITIONS Cooling WB0.4 (0.4 % wet-bulb °C): 45.0 is outside −60…40")
        expectDesignError(designLine(extremes: ["maxWB": "-65"]),
                          "DESIGN CONDITIONS Extremes maxWB (extreme annual wet-bulb °C): -65.0 is outside −60…40")
        expectDesignError(designLine(cooling: ["DB0.4": "30.0", "MCWB0.4": "31.0"]),
                          "DESIGN CONDITIONS Cooling MCWB0.4 (mean coincident wet-bulb °C): 31.0 is above its dry-bulb, Cooling DB0.4 = 30.0")
        expectDesignError(designLine(dropLastExtremes: 13),
                          "DESIGN CONDITIONS Extremes maxWB (extreme annual wet-bulb °C) is missing: Extremes has 3 values, the figure is value 4")
        // A coincident wet-bulb equal to its dry-bulb (saturated) is allowed; without Cooling and Extremes there are no figures.
        epw.header[1] = designLine(cooling: ["DB0.4": "30.0", "MCWB0.4": "30.0"])
        #expect(try EPWFile(text: epw.text(), file: "t.epw").designConditions?.coolingCoincidentWetBulbC == 30)
        epw.header[1] = "DESIGN CONDITIONS,0"
        #expect(try EPWFile(text: epw.text(), file: "t.epw").designConditions == nil)
    }

    // MARK: Rows

    @Test("Dry-bulb, dew point and station pressure: finite and in range, errors naming line and field")
    func rowRanges() throws {
        expectError(row: 7, field: 7, "75", "field 7 (dry-bulb °C): 75.0 is outside −70…70")
        expectError(row: 7, field: 7, "-75", "field 7 (dry-bulb °C): -75.0 is outside −70…70")
        expectError(row: 7, field: 7, "nan", "field 7 (dry-bulb °C): 'nan' is not a finite number")
        expectError(row: 7, field: 7, "-inf", "field 7 (dry-bulb °C): '-inf' is not a finite number")
        // At or above the missing-value marker 99.9 (EPW: "missing if >= 99.9"), as before.
        expectError(row: 7, field: 7, "1e20",
                    "field 7 (dry-bulb °C) is missing (99.9); TokenPlant does not invent weather: fill the gap in the file")
        expectError(row: 7, field: 8, "nan", "field 8 (dew point °C): 'nan' is not a finite number")
        expectError(row: 7, field: 8, "-75", "field 8 (dew point °C): -75.0 is below −70")
        expectError(row: 7, field: 8, "-1e20", "field 8 (dew point °C): -1e+20 is below −70")
        // Dew point up to 0.5 K above the 20 °C dry-bulb is tolerated, beyond that it is an error.
        expectError(row: 7, field: 8, "20.6", "field 8 (dew point °C): 20.6 is above the dry-bulb 20.0 by more than 0.5 K")
        var tolerated = EPWText()
        tolerated.set(row: 7, field: 8, "20.5")
        #expect(try EPWFile(text: tolerated.text(), file: "t.epw").hours[7].dewPointC == 20.5)
        expectError(row: 7, field: 10, "20000", "field 10 (station pressure Pa): 20000.0 is outside 30,000–110,000")
        expectError(row: 7, field: 10, "120000", "field 10 (station pressure Pa): 120000.0 is outside 30,000–110,000")
        expectError(row: 7, field: 10, "101.3", "field 10 (station pressure Pa): 101.3 is outside 30,000–110,000")
        expectError(row: 7, field: 10, "-1e20", "field 10 (station pressure Pa): -1e+20 is outside 30,000–110,000")
        expectError(row: 7, field: 10, "nan", "field 10 (station pressure Pa): 'nan' is not a finite number")
        // The bounds themselves load.
        var bounds = EPWText()
        bounds.set(row: 1, field: 7, "-70"); bounds.set(row: 1, field: 8, "-70"); bounds.set(row: 1, field: 10, "30000")
        bounds.set(row: 2, field: 7, "70"); bounds.set(row: 2, field: 10, "110000")
        let file = try EPWFile(text: bounds.text(), file: "t.epw")
        #expect(file.hours[1].dryBulbC == -70 && file.hours[2].dryBulbC == 70 && file.hours[2].pressurePa == 110_000)
    }

    // MARK: The real files

    @Test("All six real weather files pass every check, none needing the dew-point tolerance",
          .enabled(if: WeatherFiles.available, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func realFiles() throws {
        for (site, file) in WeatherFiles.sites {
            let epw = try EPWFile.load(from: WeatherFiles.path(file))
            #expect(epw.hours.count == 8760, "\(site)")
            #expect(epw.hours.allSatisfy { $0.dewPointC <= $0.dryBulbC }, "\(site): a dew point above its dry-bulb")
            #expect(epw.pressureFilledRows == 0, "\(site)")
            let pressures = epw.hours.map(\.pressurePa), dryBulbs = epw.hours.map(\.dryBulbC)
            print("\(site): elevation \(epw.location.elevationM) m, dry-bulb \(dryBulbs.min()!)…\(dryBulbs.max()!) °C, "
                  + "pressure \(pressures.min()!)…\(pressures.max()!) Pa, design \(epw.designConditions.map { "\($0)" } ?? "none")")
        }
    }
}

import Foundation
import Testing
@testable import Climate
import Numerics

/// An EPW file read in the test with plain string handling, independently of `EPWFile`.
struct RawEPW {
    /// The columns of an ASHRAE 2009 `DESIGN CONDITIONS` line after `Heating`, `Cooling` and `Extremes`, in file order
    /// (DB dry-bulb, WB wet-bulb, MC mean coincident, DP dew point, HR humidity ratio, WS wind speed).
    static let heatingColumns = 15
    static let coolingColumns = [
        "hottestMonth", "hottestMonthDBRange",
        "DB0.4", "MCWB0.4", "DB1", "MCWB1", "DB2", "MCWB2",         // cooling dry-bulb / coincident wet-bulb
        "WB0.4", "MCDB0.4", "WB1", "MCDB1", "WB2", "MCDB2",         // evaporation wet-bulb / coincident dry-bulb
        "MCWS0.4", "PCWD0.4",
        "DP0.4", "HR0.4", "MCDBdp0.4", "DP1", "HR1", "MCDBdp1", "DP2", "HR2", "MCDBdp2",
        "Enth0.4", "MCDBenth0.4", "Enth1", "MCDBenth1", "Enth2", "MCDBenth2",
        "hours8to4DB12.8to20.6",
    ]
    static let extremesColumns = [
        "WS1", "WS2.5", "WS5", "maxWB", "meanMinDB", "meanMaxDB", "sdMinDB", "sdMaxDB",
        "n5MinDB", "n5MaxDB", "n10MinDB", "n10MaxDB", "n20MinDB", "n20MaxDB", "n50MinDB", "n50MaxDB",
    ]

    /// The design figures `climate summarize` takes from the header.
    struct Design: Equatable, CustomStringConvertible {
        var dryBulb, coincidentWetBulb, wetBulb, wetBulb2Percent, extremeWetBulb: Double
        var description: String {
            "0.4 % DB \(dryBulb), MCWB \(coincidentWetBulb), 0.4 % WB \(wetBulb), 2 % WB \(wetBulb2Percent), extreme WB \(extremeWetBulb)"
        }
    }

    struct Row { var month: Int, day: Int, dryBulb: Double, dewPoint: Double }

    var design: Design?
    /// Every design column by name (`Cooling.MCDB1`, `Extremes.n20MaxDB`); empty without a header.
    var columns: [String: Double]
    var rows: [Row]

    init(path: String) throws {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
        try #require(lines.count >= 8 + 8760, "\(path): \(lines.count) lines")
        design = try Self.design(lines[1])
        columns = try Self.named(lines[1]) ?? [:]
        rows = try lines.dropFirst(8).map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return try Row(month: #require(Int(f[1])), day: #require(Int(f[2])), dryBulb: #require(Double(f[6])), dewPoint: #require(Double(f[7])))
        }
    }

    /// The header's design figures by column name, after checking the line has exactly the 2009 layout;
    /// nil for `DESIGN CONDITIONS,0`.
    static func design(_ line: Substring) throws -> Design? {
        guard let named = try named(line) else { return nil }
        return Design(dryBulb: named["Cooling.DB0.4"]!, coincidentWetBulb: named["Cooling.MCWB0.4"]!, wetBulb: named["Cooling.WB0.4"]!,
                      wetBulb2Percent: named["Cooling.WB2"]!, extremeWetBulb: named["Extremes.maxWB"]!)
    }

    /// The header's Cooling and Extremes columns by name, after checking the 2009 layout; nil for `DESIGN CONDITIONS,0`.
    static func named(_ line: Substring) throws -> [String: Double]? {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        try #require(f[0] == "DESIGN CONDITIONS", "\(line)")
        if f[1] == "0" { return nil }
        let heating = try #require(f.firstIndex(of: "Heating")), cooling = try #require(f.firstIndex(of: "Cooling"))
        let extremes = try #require(f.firstIndex(of: "Extremes"))
        try #require(cooling - heating - 1 == heatingColumns && extremes - cooling - 1 == coolingColumns.count
                     && f.count - extremes - 1 == extremesColumns.count, "not the ASHRAE 2009 layout: \(line)")
        var named: [String: Double] = [:]
        for (name, value) in zip(coolingColumns, f[(cooling + 1)..<extremes]) { named["Cooling." + name] = try #require(Double(value), "\(name)") }
        for (name, value) in zip(extremesColumns, f[(extremes + 1)...]) { named["Extremes." + name] = try #require(Double(value), "\(name)") }
        return named
    }

    /// Mean over the days of `month` of each day's maximum (or minimum) of `value`.
    func meanDaily(month: Int, _ pick: ([Double]) -> Double, _ value: (Row) -> Double) -> Double {
        let days = Dictionary(grouping: rows.filter { $0.month == month }, by: \.day).values.map { pick($0.map(value)) }
        return days.reduce(0, +) / Double(days.count)
    }

    /// Mean over the hours of `month` of `value`.
    func meanHourly(month: Int, _ value: (Row) -> Double) -> Double {
        let hours = rows.filter { $0.month == month }.map(value)
        return hours.reduce(0, +) / Double(hours.count)
    }
}

@Suite("Real weather files", .enabled(if: WeatherFiles.available, "../shared/data/weather is absent; it sits beside the clone in CI"))
struct RealWeatherTests {
    /// The five figures as printed in each file's header, transcribed by hand, to check the test's own parser.
    static let printed: [String: RawEPW.Design] = [
        "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw": .init(dryBulb: 34.1, coincidentWetBulb: 23.9, wetBulb: 25.4, wetBulb2Percent: 24.1, extremeWetBulb: 28.9),
        "USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw": .init(dryBulb: 43.4, coincidentWetBulb: 21.1, wetBulb: 24.5, wetBulb2Percent: 23.5, extremeWetBulb: 27.7),
        "USA_TX_Dallas-Fort.Worth.Intl.AP.722590_TMY3.epw": .init(dryBulb: 38.0, coincidentWetBulb: 23.6, wetBulb: 25.9, wetBulb2Percent: 25.0, extremeWetBulb: 28.3),
        "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw": .init(dryBulb: 33.3, coincidentWetBulb: 23.7, wetBulb: 25.5, wetBulb2Percent: 23.5, extremeWetBulb: 28.5),
        "SWE_Stockholm.Arlanda.024600_IWEC.epw": .init(dryBulb: 27.1, coincidentWetBulb: 17.5, wetBulb: 18.9, wetBulb2Percent: 17.1, extremeWetBulb: 23.3),
    ]

    @Test("climate summarize gives the ASHRAE figures printed in each file's header and the monthly figures of its hours")
    func summarizeMatchesHeaderAndHours() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: WeatherFiles.folder).filter { $0.hasSuffix(".epw") }.sorted()
        #expect(files.count >= 6)
        var withHeader = 0
        for file in files {
            let path = try WeatherFiles.path(file)
            let raw = try RawEPW(path: path)
            let epw = try EPWFile.load(from: path)
            let summary = ClimateSummary(epw, sourceID: "x")
            let c = summary.climate
            #expect(summary.designFromHeader == (raw.design != nil), "\(file)")
            if let header = raw.design {
                withHeader += 1
                if let printed = Self.printed[file] { #expect(header == printed, "\(file): the test's parser") }
                #expect(header.coincidentWetBulb < header.dryBulb && header.wetBulb2Percent < header.wetBulb
                        && header.wetBulb < header.extremeWetBulb, "\(file): \(header)")
                // Figures are rounded to 0.1 °C; the header prints one decimal, so they are equal.
                #expect(c.coolingDesignDryBulbC == header.dryBulb, "\(file)")
                #expect(c.coolingDesignCoincidentWetBulbC == header.coincidentWetBulb, "\(file)")
                #expect(c.evaporationDesignWetBulbC == header.wetBulb, "\(file)")
                #expect(c.evaporationDesignWetBulb2PercentC == header.wetBulb2Percent, "\(file)")
                #expect(c.extremeWetBulbC == header.extremeWetBulb, "\(file)")
                let more: [(Double, String)] = [
                    (c.coolingDesignDryBulb1PercentC, "Cooling.DB1"), (c.coolingDesignCoincidentWetBulb1PercentC, "Cooling.MCWB1"),
                    (c.coolingDesignDryBulb2PercentC, "Cooling.DB2"), (c.coolingDesignCoincidentWetBulb2PercentC, "Cooling.MCWB2"),
                    (c.evaporationDesignCoincidentDryBulbC, "Cooling.MCDB0.4"), (c.evaporationDesignWetBulb1PercentC, "Cooling.WB1"),
                    (c.evaporationDesignCoincidentDryBulb1PercentC, "Cooling.MCDB1"),
                    (c.evaporationDesignCoincidentDryBulb2PercentC, "Cooling.MCDB2"), (c.extremeDryBulb20YearC, "Extremes.n20MaxDB"),
                ]
                for (value, column) in more { #expect(value == raw.columns[column], "\(file) \(column)") }
            }
            // Monthly figures by plain arithmetic over fields 7 (dry-bulb) and 8 (dew point); the summary rounds to 0.1.
            let julyMax = raw.meanDaily(month: 7, { $0.max()! }, \.dryBulb)
            let januaryMin = raw.meanDaily(month: 1, { $0.min()! }, \.dryBulb)
            let julyDewPoint = raw.meanHourly(month: 7, \.dewPoint)
            print("\(file): \(raw.design.map { "\($0)" } ?? "no DESIGN CONDITIONS"); July mean daily max DB \(julyMax), "
                  + "January mean daily min DB \(januaryMin), July mean dew point \(julyDewPoint)")
            #expect(c.monthlyMeanDailyMaxDryBulbC[6].isApproximatelyEqual(to: julyMax, absoluteTolerance: 0.05 + 1e-9), "\(file): \(julyMax)")
            #expect(c.monthlyMeanDailyMinDryBulbC[0].isApproximatelyEqual(to: januaryMin, absoluteTolerance: 0.05 + 1e-9), "\(file): \(januaryMin)")
            #expect(c.monthlyMeanDewPointC[6].isApproximatelyEqual(to: julyDewPoint, absoluteTolerance: 0.05 + 1e-9), "\(file): \(julyDewPoint)")
            // --design-from-hours: the 35th-hottest hour (0.4 % of 8,760), the 35th- and 175th-highest wet-bulbs
            // (0.4 % and 2 %) and the year's highest.
            let own = ClimateSummary(epw, sourceID: "x", designFrom: .hours).climate
            let dryBulbs = raw.rows.map(\.dryBulb).sorted(by: >), wetBulbs = epw.hours.map(\.wetBulbC).sorted(by: >)
            func r(_ x: Double) -> Double { (x * 10).rounded() / 10 }
            #expect(own.coolingDesignDryBulbC == r(dryBulbs[34]), "\(file)")
            #expect(own.evaporationDesignWetBulbC == r(wetBulbs[34]), "\(file)")
            #expect(own.evaporationDesignWetBulb2PercentC == r(wetBulbs[174]), "\(file)")
            #expect(own.extremeWetBulbC == r(wetBulbs[0]), "\(file)")
            // 1 % and 2 %: the 88th and 175th (0.01 × 8,760 = 87.6 and 0.02 × 8,760 = 175.2 hours, to the nearest hour);
            // the 20-year dry-bulb from one year is its hottest hour. Each coincident figure is the mean over those hours.
            #expect(own.coolingDesignDryBulb1PercentC == r(dryBulbs[87]) && own.coolingDesignDryBulb2PercentC == r(dryBulbs[174]), "\(file)")
            #expect(own.evaporationDesignWetBulb1PercentC == r(wetBulbs[87]), "\(file)")
            #expect(own.extremeDryBulb20YearC == r(dryBulbs[0]), "\(file)")
            let byWetBulb = epw.hours.sorted { $0.wetBulbC > $1.wetBulbC }
            let mcdb = byWetBulb.prefix(35).map(\.dryBulbC).reduce(0, +) / 35
            #expect(own.evaporationDesignCoincidentDryBulbC.isApproximatelyEqual(to: mcdb, absoluteTolerance: 0.05 + 1e-9), "\(file): \(mcdb)")
        }
        #expect(withHeader >= 5, "files with a DESIGN CONDITIONS header: \(withHeader)")
    }

    @Test("Hour counts match the sanity table of shared/data/weather/SOURCES.md")
    func hourCounts() throws {
        // SOURCES.md: hours with dry-bulb > 27 °C and thermodynamic wet-bulb > 24 °C (psychrolib 2.5).
        let expected: [String: (db27: Int, wb24: Int, dbMax: Double)] = [
            "ashburn-va": (685, 132, 37.2), "phoenix-az": (3558, 32, 44.4), "dallas-tx": (1885, 759, 40.0),
            "chicago-il": (522, 149, 35.0), "hillsboro-or": (284, 0, 41.0), "stockholm-se": (1, 0, 27.1),
        ]
        for (siteName, file) in WeatherFiles.sites {
            let epw = try EPWFile.load(from: WeatherFiles.path(file))
            let e = expected[siteName]!
            #expect(epw.hours.count == 8760)
            #expect(epw.hours.filter { $0.dryBulbC > 27 }.count == e.db27, "\(siteName)")
            #expect(epw.hours.map(\.dryBulbC).max() == e.dbMax, "\(siteName)")
            let wb24 = epw.hours.filter { $0.wetBulbC > 24 }.count
            print("\(siteName): wet-bulb > 24 °C in \(wb24) h (SOURCES.md: \(e.wb24))")
            #expect(wb24 == e.wb24, "\(siteName): \(wb24) vs \(e.wb24)")
        }
    }

    @Test("Every hour's wet-bulb agrees with psychrolib's: counts above 24 °C, highest, 0.4 % and 2 % points, mean")
    func allHoursAgainstPsychrolib() throws {
        // Written by tools/psychrolib_reference.py over all 8,760 hours of each file. If every hour is within
        // 0.01 K of psychrolib, so are the year's highest, 35th- and 175th-highest and mean wet-bulbs, and the
        // count above 24 °C differs by at most the hours within 0.01 K of 24 °C.
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Resources/wetbulb-summary.csv"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        try #require(lines.first?.hasPrefix("site,hours,hoursAbove24C,hoursWithin0.01KOf24C,maxWetBulbC,wetBulb35thC,wetBulb175thC,meanWetBulbC,") == true)
        let rows = Dictionary(uniqueKeysWithValues: lines.dropFirst().map { line in
            let f = line.split(separator: ",")
            return (String(f[0]), f.dropFirst().map { Double($0)! })
        })
        for (siteName, file) in WeatherFiles.sites {
            let r = try #require(rows[siteName], "\(siteName) is not in \(path)")
            let epw = try EPWFile.load(from: WeatherFiles.path(file))
            let wetBulbs = epw.hours.map(\.wetBulbC).sorted(by: >)
            #expect(Double(wetBulbs.count) == r[0], "\(siteName)")
            let above = wetBulbs.filter { $0 > 24 }.count
            #expect(abs(Double(above) - r[1]) <= r[2], "\(siteName): \(above) h above 24 °C, psychrolib \(Int(r[1])) h")
            for (name, ours, theirs) in [("highest", wetBulbs[0], r[3]), ("35th", wetBulbs[34], r[4]), ("175th", wetBulbs[174], r[5]),
                                         ("mean", wetBulbs.reduce(0, +) / Double(wetBulbs.count), r[6])] {
                #expect(abs(ours - theirs) <= 0.01, "\(siteName) \(name) wet-bulb: \(ours) °C, psychrolib \(theirs) °C")
            }
            print("\(siteName): \(above) h above 24 °C wet-bulb (psychrolib \(Int(r[1])) h); highest \(wetBulbs[0]) °C (psychrolib \(r[3]) °C)")
        }
    }
}

import Foundation
import Testing
@testable import Climate
import Numerics

/// A well-formed EPW year built in the test: 365 days (366 with `leapYear`), 24 rows each, 20 °C dry-bulb,
/// 10 °C dew point, 84,000 Pa.
struct EPWText {
    var header = Self.standardHeader
    var rows: [String]
    static let standardHeader = [
        "LOCATION,Testville,TS,XYZ,TEST,000000,40.00,-100.00,-6.0,1600.0",
        "DESIGN CONDITIONS,0", "TYPICAL/EXTREME PERIODS,0", "GROUND TEMPERATURES,0",
        "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0", "COMMENTS 1,test", "COMMENTS 2,test", "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31",
    ]

    init(leapYear: Bool = false, year: Int = 1999) {
        let days = [31, leapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        rows = []
        for (m, count) in days.enumerated() {
            for d in 1...count {
                for h in 1...24 {
                    rows.append("\(year),\(m + 1),\(d),\(h),0,?9?9?9?9E0,20.0,10.0,53,84000,0,0,300,0,0,0,0,0,0,0,180,2.0,5,5,16.0,77777,9,999999999,10,0.1,0,88,0.2,0.0,1.0")
                }
            }
        }
    }

    func text(lineEnd: String = "\n") -> String { (header + rows).joined(separator: lineEnd) + lineEnd }

    /// Replaces field `n` (1-based) of data row `row` (0-based).
    mutating func set(row: Int, field n: Int, _ value: String) {
        var f = rows[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        f[n - 1] = value
        rows[row] = f.joined(separator: ",")
    }
}

@Suite("EPW reader")
struct EPWReaderTests {
    @Test("LF and CRLF files read alike; the location and every row are read")
    func lineEnds() throws {
        let lf = try EPWFile(text: EPWText().text(), file: "lf.epw")
        let crlf = try EPWFile(text: EPWText().text(lineEnd: "\r\n"), file: "crlf.epw")
        #expect(lf.hours == crlf.hours)
        #expect(lf.hours.count == 8760)
        #expect(lf.location.elevationM == 1600 && lf.location.utcOffsetH == -6)
        #expect(lf.designConditions == nil)
        #expect(lf.hours[8759].month == 12 && lf.hours[8759].day == 31 && lf.hours[8759].hour == 24)
        #expect(lf.pressureFilledRows == 0)
    }

    /// Expects the year with field `field` of data row `row` set to `value` to fail on `line` with `message`.
    func expectError(row: Int, field: Int, _ value: String, lineEnd: String = "\n", line: Int, _ message: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        var epw = EPWText()
        epw.set(row: row, field: field, value)
        #expect(throws: EPWError(file: "t.epw", line: line, message), sourceLocation: sourceLocation) {
            try EPWFile(text: epw.text(lineEnd: lineEnd), file: "t.epw")
        }
    }

    @Test("Bytes read as a file's are: UTF-8, else ISO Latin-1; load(from:) reads through init(data:file:)")
    func bytes() throws {
        var epw = EPWText()
        epw.header[0] = "LOCATION,Zürich,ZH,CHE,TEST,066600,47.48,8.54,1.0,432.0"
        let text = epw.text()
        let utf8 = try EPWFile(data: Data(text.utf8), file: "u.epw")
        let latin1 = try EPWFile(data: try #require(text.data(using: .isoLatin1)), file: "l.epw")
        #expect(utf8.location.city == "Zürich" && latin1.location.city == "Zürich")
        #expect(utf8.hours == (try EPWFile(text: text, file: "t.epw")).hours)
        #expect(latin1.hours == utf8.hours)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("epw-bytes-\(UUID().uuidString).epw").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try EPWFile.load(from: path).hours == utf8.hours)
        // Errors name the file given, as those of init(text:file:) do.
        #expect(throws: EPWError(file: "x.epw", line: 1, "not an EPW file: the first line must be LOCATION,… and 8 header lines must precede the hours")) {
            try EPWFile(data: Data("hello".utf8), file: "x.epw")
        }
    }

    @Test("A missing dry-bulb or dew point (99.9) is an error with its line")
    func missingTemperature() {
        expectError(row: 100, field: 7, "99.9", line: 109,
                    "field 7 (dry-bulb °C) is missing (99.9); TokenPlant does not invent weather: fill the gap in the file")
        expectError(row: 0, field: 8, "99.9", lineEnd: "\r\n", line: 9,
                    "field 8 (dew point °C) is missing (99.9); TokenPlant does not invent weather: fill the gap in the file")
    }

    @Test("A missing station pressure (999999) is filled from the elevation, and counted")
    func missingPressure() throws {
        var epw = EPWText()
        epw.set(row: 5, field: 10, "999999")
        let file = try EPWFile(text: epw.text(), file: "t.epw")
        #expect(file.pressureFilledRows == 1)
        // ASHRAE standard atmosphere at 1,600 m: 101325·(1 − 2.25577e-5·1600)^5.2559 = 83,523 Pa.
        #expect(file.hours[5].pressurePa.isApproximatelyEqual(to: 83_523, absoluteTolerance: 1))
        #expect(file.hours[4].pressurePa == 84_000)
    }

    @Test("Malformed numbers, hours out of range or order, and a short year are errors with their line")
    func malformed() {
        expectError(row: 2, field: 7, "2O.0", line: 11, "field 7 (dry-bulb °C): '2O.0' is not a finite number")
        expectError(row: 3, field: 4, "6", line: 12, "field 4 (hour): 1 Jan hour 6 follows 1 Jan hour 3; expected 1 Jan hour 4 (rows are consecutive hours)")
        expectError(row: 0, field: 4, "0", line: 9, "field 4 (hour): 0 is not 1–24 (hour ending)")
        var short = EPWText()
        short.rows.removeLast(24)
        #expect(throws: EPWError(file: "t.epw", line: 0, "8736 hourly rows; an EPW year has 8,760 (8,784 in a leap year)")) {
            try EPWFile(text: short.text(), file: "t.epw")
        }
        #expect(throws: EPWError.self) { try EPWFile(text: "hello\n", file: "t.epw") }
    }

    @Test("Without a DESIGN CONDITIONS header the summary derives the design figures from the hours")
    func derivedDesign() throws {
        var epw = EPWText()
        // 35 hot hours at 30 °C and one hotter hour at 31 °C: the 35th hottest is 30 °C.
        for row in 1000..<1036 { epw.set(row: row, field: 7, row == 1000 ? "31.0" : "30.0") }
        let summary = ClimateSummary(try EPWFile(text: epw.text(), file: "t.epw"), sourceID: "t")
        #expect(!summary.designFromHeader)
        #expect(summary.climate.coolingDesignDryBulbC == 30.0)
        #expect(summary.climate.monthlyMeanDewPointC.allSatisfy { $0 == 10.0 })
        #expect(summary.climate.figures["coolingDesignDryBulbC"]?.evidence == .estimate)
        // Rows 1000–1035 run from 11 Feb 17:00 to 13 Feb 04:00: daily maxima 31, 30, 30 and 20 on the other
        // 25 days, so February's mean daily maximum is (25·20 + 91)/28 = 21.1 °C; January stays at 20.
        #expect(summary.climate.monthlyMeanDailyMaxDryBulbC[0] == 20.0)
        #expect(summary.climate.monthlyMeanDailyMaxDryBulbC[1] == 21.1)
    }
}

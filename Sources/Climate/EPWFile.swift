import Foundation

/// An EnergyPlus weather file (EPW): its location, the ASHRAE design conditions in its header (if
/// printed) and its hourly rows.
///
/// Rows are kept in file order; hour-of-year is the row index (typical years mix source years, so the
/// year field is ignored). Hour 1–24 is the hour *ending* at that time, local standard time.
///
/// What is checked (every error names the line and the field):
/// - Calendar: month 1–12, day 1–(days in that month), hour 1–24, each a whole number (checked as a
///   `Double` before it becomes an `Int`); the first row is 1 January hour 1 and every row is the hour
///   after the one before. A year of 8,784 rows is a leap year and must have its 29 February; a year
///   of 8,760 rows must not. Any other row count is an error.
/// - `LOCATION` (line 1): latitude −90…90°, longitude −180…180°, time zone −12…14 h, elevation
///   −500…9,000 m, all finite.
/// - `DESIGN CONDITIONS` (line 2), where it has `Cooling` and `Extremes`: the fourteen figures read are
///   finite, dry-bulb −60…60 °C, wet-bulbs −60…40 °C, and the 0.4 % coincident wet-bulb is not above its
///   dry-bulb.
/// - Rows: dry-bulb (field 7) −70…70 °C, dew point (field 8) −70 °C…dry-bulb + 0.5 K, station pressure
///   (field 10) 30,000–110,000 Pa, all finite; the missing-value markers (99.9, 999999) as documented.
public struct EPWFile: Sendable {
    public struct Location: Sendable, Equatable {
        public var city: String
        public var region: String
        public var country: String
        public var source: String
        public var stationID: String
        public var latitudeDeg: Double
        public var longitudeDeg: Double
        /// Hours from UTC, standard time.
        public var utcOffsetH: Double
        public var elevationM: Double
    }

    /// The cooling and extreme figures of the `DESIGN CONDITIONS` line (ASHRAE Handbook).
    public struct DesignConditions: Sendable, Equatable {
        /// 0.4 % annual cooling dry-bulb, °C.
        public var coolingDryBulbC: Double
        /// Mean coincident wet-bulb at the 0.4 % dry-bulb, °C.
        public var coolingCoincidentWetBulbC: Double
        /// 0.4 % annual evaporation wet-bulb, °C.
        public var evaporationWetBulbC: Double
        /// 2 % annual evaporation wet-bulb, °C.
        public var evaporationWetBulb2PercentC: Double
        /// Extreme annual wet-bulb, °C.
        public var extremeWetBulbC: Double
        /// 1 % annual cooling dry-bulb, °C.
        public var coolingDryBulb1PercentC: Double
        /// Mean coincident wet-bulb at the 1 % dry-bulb, °C.
        public var coolingCoincidentWetBulb1PercentC: Double
        /// 2 % annual cooling dry-bulb, °C.
        public var coolingDryBulb2PercentC: Double
        /// Mean coincident wet-bulb at the 2 % dry-bulb, °C.
        public var coolingCoincidentWetBulb2PercentC: Double
        /// Mean coincident dry-bulb at the 0.4 % evaporation wet-bulb, °C.
        public var evaporationCoincidentDryBulbC: Double
        /// 1 % annual evaporation wet-bulb, °C.
        public var evaporationWetBulb1PercentC: Double
        /// Mean coincident dry-bulb at the 1 % evaporation wet-bulb, °C.
        public var evaporationCoincidentDryBulb1PercentC: Double
        /// Mean coincident dry-bulb at the 2 % evaporation wet-bulb, °C.
        public var evaporationCoincidentDryBulb2PercentC: Double
        /// 20-year return-period maximum dry-bulb, °C.
        public var extremeDryBulb20YearC: Double
    }

    /// One hourly row.
    public struct Hour: Sendable, Equatable {
        public var month: Int
        public var day: Int
        /// 1–24, hour ending.
        public var hour: Int
        public var dryBulbC: Double
        public var dewPointC: Double
        /// Station pressure, Pa: the file's, or the standard atmosphere at the station's elevation where
        /// the file marks it missing (999999).
        public var pressurePa: Double
        /// Thermodynamic wet-bulb computed from dry-bulb, dew point and pressure, °C.
        public var wetBulbC: Double
    }

    public var location: Location
    public var designConditions: DesignConditions?
    public var hours: [Hour]
    /// Rows whose pressure was missing and filled from the elevation.
    public var pressureFilledRows: Int

    // MARK: Limits

    /// Header ranges. Latitude and longitude are the globe's. Time zones run from UTC−12 (Baker Island) to
    /// UTC+14 (Line Islands); the EPW data dictionary's +12 is older than the +13 and +14 zones. Elevation:
    /// the lowest land is the Dead Sea shore (≈ −430 m) and the highest is Everest's summit (8,849 m), so
    /// no weather station lies outside −500…9,000 m (the dictionary allows −1,000…9,999.9).
    static let latitudeRange = -90.0...90.0
    static let longitudeRange = -180.0...180.0
    static let utcOffsetRange = -12.0...14.0
    static let elevationRange = -500.0...9_000.0
    /// Row ranges: dry-bulb and dew point as in the EPW data dictionary (−70…70 °C). Station pressure
    /// 30–110 kPa: 30 kPa is below the standard atmosphere at 9,000 m (30.7 kPa); the highest station
    /// pressures are at the Dead Sea shore, where the standard atmosphere gives 106.6 kPa and a strong
    /// winter high (+2 %) about 109 kPa. (The dictionary allows 31–120 kPa.)
    static let dryBulbRange = -70.0...70.0
    static let dewPointMinimumC = -70.0
    /// A dew point may exceed its dry-bulb by this much (rounding and sensor noise in measured years);
    /// the six files in ../shared/data/weather never exceed it at all.
    static let dewPointToleranceK = 0.5
    static let pressureRangePa = 30_000.0...110_000.0
    /// Design-condition ranges: ASHRAE's 0.4 % cooling dry-bulbs stay well inside −60…60 °C (the hottest
    /// stations print about 49 °C) and its wet-bulbs below 40 °C (the highest printed are about 35 °C).
    static let designDryBulbRange = -60.0...60.0
    static let designWetBulbRange = -60.0...40.0

    // MARK: Reading

    /// Reads and parses an EPW file.
    public static func load(from path: String) throws -> EPWFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EPWError(file: path, line: 0, "cannot read the file")
        }
        return try EPWFile(data: data, file: path)
    }

    /// Parses the bytes of an EPW file, as ``load(from:)`` does after reading them: UTF-8, else ISO Latin-1.
    /// `file` names the source in errors.
    public init(data: Data, file: String) throws {
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw EPWError(file: file, line: 0, "not a text file")
        }
        try self.init(text: text, file: file)
    }

    /// Parses EPW text (LF or CRLF line ends). `file` names the source in errors.
    public init(text: String, file: String) throws {
        // "\r\n" is one Character in Swift, and a newline: CRLF and LF files split alike.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        func fail(_ line: Int, _ message: String) -> EPWError { EPWError(file: file, line: line, message) }
        let headerCount = 8
        guard lines.count > headerCount, lines[0].hasPrefix("LOCATION") else {
            throw fail(1, "not an EPW file: the first line must be LOCATION,… and 8 header lines must precede the hours")
        }
        let loc = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard loc.count >= 10 else { throw fail(1, "LOCATION has \(loc.count - 1) fields, expected 9") }
        func number(_ text: some StringProtocol, _ line: Int, _ what: String) throws -> Double {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw fail(line, "\(what): '\(text)' is not a finite number")
            }
            return value
        }
        func header(_ index: Int, _ what: String, _ range: ClosedRange<Double>, _ why: String = "") throws -> Double {
            let value = try number(loc[index], 1, "LOCATION \(what)")
            guard range.contains(value) else {
                throw fail(1, "LOCATION \(what): \(value) is outside \(Self.show(range))\(why)")
            }
            return value
        }
        location = Location(
            city: loc[1], region: loc[2], country: loc[3], source: loc[4], stationID: loc[5],
            latitudeDeg: try header(6, "latitude °", Self.latitudeRange),
            longitudeDeg: try header(7, "longitude °", Self.longitudeRange),
            utcOffsetH: try header(8, "time zone (h from UTC)", Self.utcOffsetRange, " (UTC−12 to UTC+14)"),
            elevationM: try header(9, "elevation m", Self.elevationRange,
                                   " (the Dead Sea shore is at ≈ −430 m, Everest's summit at 8,849 m)"))
        designConditions = try Self.designConditions(lines[1], fail: { fail(2, $0) })

        // The row count says whether the year is a leap year; the dates must agree with it.
        let rowCount = lines[headerCount...].lazy.filter { !$0.isEmpty }.count
        let leapYear: Bool? = rowCount == 8784 ? true : rowCount == 8760 ? false : nil

        let fallbackPressure = Psychrometrics.standardPressurePa(elevationM: location.elevationM)
        var hours: [Hour] = []
        var filled = 0
        hours.reserveCapacity(8784)
        for index in headerCount..<lines.count {
            let row = lines[index]
            let lineNumber = index + 1
            if row.isEmpty { continue }
            let f = row.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count >= 10 else { throw fail(lineNumber, "\(f.count) fields, expected 35 (at least 10 are read)") }
            func field(_ n: Int, _ name: String, missing: Double?) throws -> Double? {
                let value = try number(f[n - 1], lineNumber, "field \(n) (\(name))")
                if let missing, value >= missing { return nil }
                return value
            }
            /// A calendar field: a whole number in `range`, checked while it is still a `Double`.
            func whole(_ n: Int, _ name: String, _ range: ClosedRange<Int>, _ why: String = "") throws -> Int {
                let text = f[n - 1].trimmingCharacters(in: .whitespaces)
                let value = try number(text, lineNumber, "field \(n) (\(name))")
                guard value >= Double(range.lowerBound), value <= Double(range.upperBound), let whole = Int(exactly: value) else {
                    throw fail(lineNumber, "field \(n) (\(name)): \(text) is not \(range.lowerBound)–\(range.upperBound)\(why)")
                }
                return whole
            }
            let month = try whole(2, "month", 1...12)
            let days = Self.days(inMonth: month, leapYear: leapYear ?? true)
            let day = try whole(3, "day", 1...days, month == 2 && leapYear == false
                                ? " (February has 28 days in a year of 8,760 rows; 29 February only in a leap year of 8,784 rows)" : "")
            let hour = try whole(4, "hour", 1...24, " (hour ending)")
            let date = CalendarHour(month: month, day: day, hour: hour)
            try Self.checkSequence(date, after: hours.last.map { CalendarHour(month: $0.month, day: $0.day, hour: $0.hour) },
                                   leapYear: leapYear, fail: { fail(lineNumber, $0) })

            guard let dryBulb = try field(7, "dry-bulb °C", missing: 99.9) else {
                throw fail(lineNumber, "field 7 (dry-bulb °C) is missing (99.9); TokenPlant does not invent weather: fill the gap in the file")
            }
            guard let dewPoint = try field(8, "dew point °C", missing: 99.9) else {
                throw fail(lineNumber, "field 8 (dew point °C) is missing (99.9); TokenPlant does not invent weather: fill the gap in the file")
            }
            guard Self.dryBulbRange.contains(dryBulb) else {
                throw fail(lineNumber, "field 7 (dry-bulb °C): \(dryBulb) is outside \(Self.show(Self.dryBulbRange))")
            }
            guard dewPoint >= Self.dewPointMinimumC else {
                throw fail(lineNumber, "field 8 (dew point °C): \(dewPoint) is below −70")
            }
            guard dewPoint <= dryBulb + Self.dewPointToleranceK else {
                throw fail(lineNumber, "field 8 (dew point °C): \(dewPoint) is above the dry-bulb \(dryBulb) by more than 0.5 K")
            }
            var pressure = try field(10, "station pressure Pa", missing: 999_999)
            if let p = pressure, !Self.pressureRangePa.contains(p) {
                throw fail(lineNumber, "field 10 (station pressure Pa): \(p) is outside 30,000–110,000")
            }
            if pressure == nil { pressure = fallbackPressure; filled += 1 }
            let wetBulb = Psychrometrics.wetBulbC(dryBulbC: dryBulb, dewPointC: dewPoint, pressurePa: pressure!)
            hours.append(Hour(month: month, day: day, hour: hour, dryBulbC: dryBulb, dewPointC: dewPoint,
                              pressurePa: pressure!, wetBulbC: wetBulb))
        }
        guard leapYear != nil else {
            throw fail(0, "\(hours.count) hourly rows; an EPW year has 8,760 (8,784 in a leap year)")
        }
        self.hours = hours
        pressureFilledRows = filled
    }

    // MARK: Calendar

    struct CalendarHour: Equatable, CustomStringConvertible {
        var month: Int, day: Int, hour: Int
        static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var description: String { "\(day) \(Self.monthNames[month - 1]) hour \(hour)" }
    }

    /// Days in `month` (1–12).
    static func days(inMonth month: Int, leapYear: Bool) -> Int {
        switch month {
        case 2: leapYear ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The hours that may follow `previous` (the first row: 1 January hour 1); none after 31 December
    /// hour 24. After 28 February hour 24 a leap year goes on to 29 February, another year to 1 March;
    /// where the row count decides neither (`leapYear` nil), either.
    static func successors(of previous: CalendarHour?, leapYear: Bool?) -> [CalendarHour] {
        guard let p = previous else { return [CalendarHour(month: 1, day: 1, hour: 1)] }
        if p.hour < 24 { return [CalendarHour(month: p.month, day: p.day, hour: p.hour + 1)] }
        if p.month == 2 && p.day == 28 {
            let leapDay = CalendarHour(month: 2, day: 29, hour: 1), march = CalendarHour(month: 3, day: 1, hour: 1)
            switch leapYear {
            case true?: return [leapDay]
            case false?: return [march]
            case nil: return [leapDay, march]
            }
        }
        if p.day < days(inMonth: p.month, leapYear: true) { return [CalendarHour(month: p.month, day: p.day + 1, hour: 1)] }
        if p.month < 12 { return [CalendarHour(month: p.month + 1, day: 1, hour: 1)] }
        return []
    }

    /// Checks that `date` is the hour after `previous`, naming the first of month, day and hour that is
    /// not what was expected.
    static func checkSequence(_ date: CalendarHour, after previous: CalendarHour?, leapYear: Bool?,
                              fail: (String) -> EPWError) throws {
        let expected = successors(of: previous, leapYear: leapYear)
        if expected.contains(date) { return }
        guard let previous else {
            let field = date.month != 1 ? "field 2 (month)" : date.day != 1 ? "field 3 (day)" : "field 4 (hour)"
            throw fail("\(field): the first row is \(date); an EPW year starts on 1 Jan hour 1")
        }
        guard let first = expected.first else {
            throw fail("field 2 (month): \(date) follows \(previous), the last hour of the year; "
                       + "an EPW year has 8,760 rows (8,784 in a leap year)")
        }
        let field = date.month != first.month ? "field 2 (month)" : date.day != first.day ? "field 3 (day)" : "field 4 (hour)"
        let what = expected.map(\.description).joined(separator: " or ")
        // A year of 8,760 rows cannot reach here with a 29 February (the day's range rejects it first).
        let why = expected == [CalendarHour(month: 2, day: 29, hour: 1)] && leapYear == true
            ? "8,784 rows make a leap year, whose February has 29 days" : "rows are consecutive hours"
        throw fail("\(field): \(date) follows \(previous); expected \(what) (\(why))")
    }

    // MARK: Design conditions

    /// A `DESIGN CONDITIONS` figure the code reads: its section, its position after the section's
    /// keyword, and its ASHRAE 2009 column name.
    struct DesignColumn {
        var section: String, offset: Int, name: String, meaning: String, range: ClosedRange<Double>
        var label: String { "DESIGN CONDITIONS \(section) \(name) (\(meaning))" }
    }

    /// Cooling 0.4 % dry-bulb and its coincident wet-bulb (3rd and 4th values after `Cooling`), the 0.4 %
    /// and 2 % evaporation wet-bulbs (9th and 13th) and the extreme wet-bulb (4th after `Extremes`); then
    /// the 1 % and 2 % dry-bulb/coincident wet-bulb pairs (5th–8th), the evaporation pairs' coincident
    /// dry-bulbs and the 1 % wet-bulb (10th, 11th, 12th, 14th), and the 20-year maximum dry-bulb (14th
    /// after `Extremes`). Positions as in the ASHRAE 2009 layout the EnergyPlus weather files print.
    static let designColumns = [
        DesignColumn(section: "Cooling", offset: 3, name: "DB0.4", meaning: "0.4 % dry-bulb °C", range: designDryBulbRange),
        DesignColumn(section: "Cooling", offset: 4, name: "MCWB0.4", meaning: "mean coincident wet-bulb °C", range: designWetBulbRange),
        DesignColumn(section: "Cooling", offset: 9, name: "WB0.4", meaning: "0.4 % wet-bulb °C", range: designWetBulbRange),
        DesignColumn(section: "Cooling", offset: 13, name: "WB2", meaning: "2 % wet-bulb °C", range: designWetBulbRange),
        DesignColumn(section: "Extremes", offset: 4, name: "maxWB", meaning: "extreme annual wet-bulb °C", range: designWetBulbRange),
        DesignColumn(section: "Cooling", offset: 5, name: "DB1", meaning: "1 % dry-bulb °C", range: designDryBulbRange),
        DesignColumn(section: "Cooling", offset: 6, name: "MCWB1", meaning: "mean coincident wet-bulb °C", range: designWetBulbRange),
        DesignColumn(section: "Cooling", offset: 7, name: "DB2", meaning: "2 % dry-bulb °C", range: designDryBulbRange),
        DesignColumn(section: "Cooling", offset: 8, name: "MCWB2", meaning: "mean coincident wet-bulb °C", range: designWetBulbRange),
        DesignColumn(section: "Cooling", offset: 10, name: "MCDB0.4", meaning: "mean coincident dry-bulb °C", range: designDryBulbRange),
        DesignColumn(section: "Cooling", offset: 11, name: "WB1", meaning: "1 % wet-bulb °C", range: designWetBulbRange),
        DesignColumn(section: "Cooling", offset: 12, name: "MCDB1", meaning: "mean coincident dry-bulb °C", range: designDryBulbRange),
        DesignColumn(section: "Cooling", offset: 14, name: "MCDB2", meaning: "mean coincident dry-bulb °C", range: designDryBulbRange),
        DesignColumn(section: "Extremes", offset: 14, name: "n20MaxDB", meaning: "20-year maximum dry-bulb °C", range: designDryBulbRange),
    ]

    /// The design figures, when the header prints `Cooling` and `Extremes` (nil for `DESIGN CONDITIONS,0`
    /// or a line without them). A figure that is missing, not a finite number or out of range is an error.
    static func designConditions(_ line: Substring, fail: (String) -> EPWError) throws -> DesignConditions? {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard f.first == "DESIGN CONDITIONS", let cooling = f.firstIndex(of: "Cooling"), let extremes = f.firstIndex(of: "Extremes") else {
            return nil
        }
        let values = try designColumns.map { column in
            let start = column.section == "Cooling" ? cooling : extremes
            let end = column.section == "Cooling" && extremes > cooling ? extremes : f.count
            let index = start + column.offset
            guard index < end else {
                throw fail("\(column.label) is missing: \(column.section) has \(end - start - 1) values, the figure is value \(column.offset)")
            }
            guard let value = Double(f[index]), value.isFinite else {
                throw fail("\(column.label): '\(f[index])' is not a finite number")
            }
            guard column.range.contains(value) else {
                throw fail("\(column.label): \(value) is outside \(show(column.range))")
            }
            return value
        }
        guard values[1] <= values[0] else {
            throw fail("\(designColumns[1].label): \(values[1]) is above its dry-bulb, Cooling DB0.4 = \(values[0])")
        }
        return DesignConditions(coolingDryBulbC: values[0], coolingCoincidentWetBulbC: values[1], evaporationWetBulbC: values[2],
                                evaporationWetBulb2PercentC: values[3], extremeWetBulbC: values[4],
                                coolingDryBulb1PercentC: values[5], coolingCoincidentWetBulb1PercentC: values[6],
                                coolingDryBulb2PercentC: values[7], coolingCoincidentWetBulb2PercentC: values[8],
                                evaporationCoincidentDryBulbC: values[9], evaporationWetBulb1PercentC: values[10],
                                evaporationCoincidentDryBulb1PercentC: values[11], evaporationCoincidentDryBulb2PercentC: values[12],
                                extremeDryBulb20YearC: values[13])
    }

    /// "−90…90", with a minus sign and thousands separators.
    static func show(_ range: ClosedRange<Double>) -> String {
        func s(_ x: Double) -> String {
            let whole = Int(exactly: abs(x)).map { n in
                String(n).reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? "\($0.element)," : "\($0.element)" }
                    .reversed().joined()
            } ?? "\(abs(x))"
            return (x < 0 ? "−" : "") + whole
        }
        return "\(s(range.lowerBound))…\(s(range.upperBound))"
    }
}

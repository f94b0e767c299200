import Foundation

/// An EnergyPlus weather file (EPW): its location, the ASHRAE design conditions in its header (if
/// printed) and its hourly rows.
///
/// Rows are kept in file order; hour-of-year is the row index (typical years mix source years, so the
/// year field is ignored). Hour 1–24 is the hour *ending* at that time, local standard time.
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

    /// Reads and parses an EPW file.
    public static func load(from path: String) throws -> EPWFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EPWError(file: path, line: 0, "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw EPWError(file: path, line: 0, "not a text file")
        }
        return try EPWFile(text: text, file: path)
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
        func number(_ text: String, _ line: Int, _ what: String) throws -> Double {
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw fail(line, "\(what): '\(text)' is not a number")
            }
            return value
        }
        location = Location(
            city: loc[1], region: loc[2], country: loc[3], source: loc[4], stationID: loc[5],
            latitudeDeg: try number(loc[6], 1, "LOCATION latitude"), longitudeDeg: try number(loc[7], 1, "LOCATION longitude"),
            utcOffsetH: try number(loc[8], 1, "LOCATION time zone"), elevationM: try number(loc[9], 1, "LOCATION elevation"))
        designConditions = Self.designConditions(lines[1])

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
                let value = try number(String(f[n - 1]), lineNumber, "field \(n) (\(name))")
                if let missing, value >= missing { return nil }
                return value
            }
            let month = Int(try field(2, "month", missing: nil)!)
            let day = Int(try field(3, "day", missing: nil)!)
            let hour = Int(try field(4, "hour", missing: nil)!)
            guard (1...12).contains(month) else { throw fail(lineNumber, "field 2 (month): \(month) is not 1–12") }
            guard (1...31).contains(day) else { throw fail(lineNumber, "field 3 (day): \(day) is not 1–31") }
            guard (1...24).contains(hour) else { throw fail(lineNumber, "field 4 (hour): \(hour) is not 1–24 (hour ending)") }
            if let previous = hours.last, hour != previous.hour % 24 + 1 {
                throw fail(lineNumber, "field 4 (hour): \(hour) follows hour \(previous.hour); rows must be consecutive hours")
            }
            guard let dryBulb = try field(7, "dry-bulb °C", missing: 99.9) else {
                throw fail(lineNumber, "field 7 (dry-bulb °C) is missing (99.9); TokenPlant does not invent weather: fill the gap in the file")
            }
            guard let dewPoint = try field(8, "dew point °C", missing: 99.9) else {
                throw fail(lineNumber, "field 8 (dew point °C) is missing (99.9); TokenPlant does not invent weather: fill the gap in the file")
            }
            guard (-90...70).contains(dryBulb) else { throw fail(lineNumber, "field 7 (dry-bulb °C): \(dryBulb) is outside −90…70") }
            guard dewPoint <= dryBulb + 0.5 else {
                throw fail(lineNumber, "field 8 (dew point °C): \(dewPoint) is above the dry-bulb \(dryBulb)")
            }
            var pressure = try field(10, "station pressure Pa", missing: 999_999)
            if let p = pressure, !(31_000...120_000).contains(p) {
                throw fail(lineNumber, "field 10 (station pressure Pa): \(p) is outside 31,000–120,000")
            }
            if pressure == nil { pressure = fallbackPressure; filled += 1 }
            let wetBulb = Psychrometrics.wetBulbC(dryBulbC: dryBulb, dewPointC: dewPoint, pressurePa: pressure!)
            hours.append(Hour(month: month, day: day, hour: hour, dryBulbC: dryBulb, dewPointC: dewPoint,
                              pressurePa: pressure!, wetBulbC: wetBulb))
        }
        guard hours.count == 8760 || hours.count == 8784 else {
            throw fail(0, "\(hours.count) hourly rows; an EPW year has 8,760 (8,784 in a leap year)")
        }
        self.hours = hours
        pressureFilledRows = filled
    }

    /// Cooling 0.4 % dry-bulb and its coincident wet-bulb (3rd and 4th values after `Cooling`), the 0.4 %
    /// and 2 % evaporation wet-bulbs (9th and 13th) and the extreme wet-bulb (4th after `Extremes`), when
    /// the header prints them.
    static func designConditions(_ line: Substring) -> DesignConditions? {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard f.first == "DESIGN CONDITIONS", let cooling = f.firstIndex(of: "Cooling"), let extremes = f.firstIndex(of: "Extremes"),
              cooling + 13 < f.count, extremes + 4 < f.count,
              let db = Double(f[cooling + 3]), let wb = Double(f[cooling + 4]), let evaporation = Double(f[cooling + 9]),
              let evaporation2 = Double(f[cooling + 13]), let extreme = Double(f[extremes + 4]) else {
            return nil
        }
        return DesignConditions(coolingDryBulbC: db, coolingCoincidentWetBulbC: wb, evaporationWetBulbC: evaporation,
                                evaporationWetBulb2PercentC: evaporation2, extremeWetBulbC: extreme)
    }
}

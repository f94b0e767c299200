/// One year of hourly weather, from an EPW file or synthesized: what the twin reads each hour.
public struct WeatherYear: Sendable {
    /// One hour: calendar position (hour 1–24 ends the interval, local standard time) and ambient.
    public struct Hour: Sendable, Equatable {
        public var month: Int
        public var day: Int
        public var hour: Int
        public var dryBulbC: Double
        public var wetBulbC: Double

        public init(month: Int, day: Int, hour: Int, dryBulbC: Double, wetBulbC: Double) {
            self.month = month
            self.day = day
            self.hour = hour
            self.dryBulbC = dryBulbC
            self.wetBulbC = wetBulbC
        }
    }

    /// Where the hours come from (the EPW file, or "synthetic, seed N").
    public var source: String
    public var hours: [Hour]

    public init(source: String, hours: [Hour]) {
        self.source = source
        self.hours = hours
    }

    /// The hours of an EPW file, with their computed wet-bulb.
    public init(_ epw: EPWFile, source: String) {
        self.source = source
        hours = epw.hours.map { Hour(month: $0.month, day: $0.day, hour: $0.hour, dryBulbC: $0.dryBulbC, wetBulbC: $0.wetBulbC) }
    }
}

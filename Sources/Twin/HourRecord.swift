/// One simulated hour: the row of `timeseries.csv`.
public struct HourRecord: Sendable, Equatable {
    public var year: Int, month: Int, day: Int
    /// Hour beginning, 0–23, local standard time (the EPW's hour 1 is 00:00–01:00).
    public var hour: Int
    public var dryBulbC: Double, wetBulbC: Double
    public var state: PlantState
    /// Usable grid capacity this hour after redundancy and outages, MW.
    public var usableCapacityMW: Double
    /// Share of the hour's demanded GPU work capped to keep power and heat within limits.
    public var throttleFraction: Double
    /// Tokens served in the hour.
    public var tokens: Double
    /// Tokens demanded but not served because of throttling.
    public var lostTokens: Double
    /// What capped the GPUs: `power`, `thermal`, or nil when nothing did.
    public var limit: ThrottleLimit?
    /// Feeds in service that are out this hour.
    public var feedsOut: Int

    public var powerHeadroomMW: Double { usableCapacityMW - state.facilityMW }
    /// Hourly PUE; nil when no IT load.
    public var pue: Double? { state.itMW > 0 ? state.facilityMW / state.itMW : nil }
}

/// The limit that made an hour throttle.
public enum ThrottleLimit: String, Sendable, Codable {
    case power, thermal
}

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
    /// How far the facility's power at full demand exceeds the usable grid capacity, before the battery
    /// and throttling, MW (0 when it does not).
    public var powerShortfallMW: Double = 0
    /// Battery power: positive while it carries load, negative while it charges, MW.
    public var batteryMW: Double = 0
    /// Energy in the battery at the end of the hour, MWh.
    public var batteryStoredMWh: Double = 0

    /// Power drawn from the grid: the facility's load less battery discharge, plus battery charging, MW.
    public var gridMW: Double { state.facilityMW - batteryMW }
    public var powerHeadroomMW: Double { usableCapacityMW - gridMW }
    /// Hourly PUE of the facility's load (battery flows excluded); nil when no IT load.
    public var pue: Double? { state.itMW > 0 ? state.facilityMW / state.itMW : nil }
}

/// The limit that made an hour throttle.
public enum ThrottleLimit: String, Sendable, Codable {
    case power, thermal
}

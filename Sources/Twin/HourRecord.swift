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
    /// What capped the GPUs: the limit that cost the most tokens, or nil when nothing did.
    public var limit: ThrottleLimit?
    /// The hall whose limit `limit` is, when it is a hall's (`hallPower`, `cdu` or `air`).
    public var limitingHall: String? = nil
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

/// The limit that made an hour throttle: one hall's power path, CDUs or air handlers, or the site's grid
/// power or outdoor plant.
public enum ThrottleLimit: String, Sendable, Codable {
    /// A hall's IT power against its usable capacity after redundancy.
    case hallPower
    /// A hall's liquid heat against its CDUs' capacity.
    case cdu
    /// A hall's air heat against its air handlers' capacity.
    case air
    /// The site's facility power against the usable grid capacity (and battery).
    case power
    /// The site's heat against the outdoor plant: heat rejection or chillers.
    case thermal
}

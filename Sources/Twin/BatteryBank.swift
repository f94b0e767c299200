import PlantModel

/// The state of the design's battery over a run, in one-hour steps: it starts full, discharges to cover
/// what the grid cannot carry, and recharges from spare grid capacity; the round-trip loss is taken on
/// charging. A design without a battery has an empty bank that never acts. Where the plan adds battery, the bank takes the
/// battery in service in each quarter (``resize(to:)``).
public struct BatteryBank: Sendable, Equatable {
    public private(set) var battery: Battery?
    /// Energy stored now, MWh.
    public private(set) var storedMWh: Double

    public init(_ battery: Battery?) {
        self.battery = battery
        storedMWh = battery?.energyMWh ?? 0
    }

    /// Takes `battery` as the bank from now on (the battery in service in a new quarter): energy added arrives charged, and what
    /// is stored never exceeds the new energy.
    mutating func resize(to battery: Battery?) {
        let added = max(0, (battery?.energyMWh ?? 0) - (self.battery?.energyMWh ?? 0))
        storedMWh = min(battery?.energyMWh ?? 0, storedMWh + added)
        self.battery = battery
    }

    /// The most the bank can deliver over the next hour, MW.
    public var availableMW: Double { min(battery?.powerMW ?? 0, storedMWh) }

    /// Delivers `mw` for one hour (at most ``availableMW``).
    mutating func discharge(_ mw: Double) {
        storedMWh = max(0, storedMWh - mw)
    }

    /// Charges from up to `spareMW` of grid capacity for one hour and returns the power drawn, MW.
    mutating func charge(spareMW: Double) -> Double {
        guard let battery, spareMW > 0, storedMWh < battery.energyMWh else { return 0 }
        let drawn = min(battery.powerMW, spareMW, (battery.energyMWh - storedMWh) / battery.roundTripEfficiency)
        storedMWh = min(battery.energyMWh, storedMWh + drawn * battery.roundTripEfficiency)
        return drawn
    }
}

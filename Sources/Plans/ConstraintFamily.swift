import PlantModel

/// The families of limits in the plan, each with its stable row-name prefix in exported models.
public enum ConstraintFamily: String, FileEnum {
    case floor, hallPower = "hall_power", liquid, air, sitePower = "site_power",
         heatRejection = "heat_rejection", chiller, network, supply, budget,
         serve, share, stock, tokenTarget = "token_target", ratio,
         capexLimit = "capex_limit", facilityLimit = "facility_limit", water, rackLife = "rack_life",
         buildOrder = "build_order", hallOrder = "hall_order", unitsPerHall = "units_per_hall",
         batteryEnergy = "battery_ride_through", batteryPower = "battery_ride_through_power", chillerHeat = "chiller_heat",
         fabricPorts = "fabric_ports"

    /// The unit of the limit's right-hand side.
    public var unit: String {
        switch self {
        case .floor: "positions"
        case .hallPower, .liquid, .air, .sitePower, .heatRejection, .chiller, .facilityLimit, .batteryPower, .chillerHeat: "MW"
        case .batteryEnergy: "MWh"
        case .network, .fabricPorts: "ports"
        case .supply, .rackLife: "racks"
        case .unitsPerHall: "units"
        case .budget, .capexLimit: "USD"
        case .tokenTarget: "tokens/s"
        case .water: "m³/yr"
        case .serve, .share, .stock, .ratio, .buildOrder, .hallOrder: ""
        }
    }

    /// Whether the family is a physical or commercial limit a designer could move.
    public var isCapacity: Bool {
        switch self {
        case .floor, .hallPower, .liquid, .air, .sitePower, .heatRejection, .chiller, .network, .supply, .budget,
             .capexLimit, .facilityLimit, .water, .batteryEnergy, .batteryPower: true
        case .serve, .share, .stock, .tokenTarget, .ratio, .rackLife, .buildOrder, .hallOrder, .unitsPerHall, .chillerHeat,
             .fabricPorts: false
        }
    }

    /// Whether "what binds" lists the family's rows: the capacities, and whole units per hall (the capacity of one hall
    /// in whole units of a profile, which can stop a plan short of the hall's other limits).
    public var isListedInBinding: Bool { isCapacity || self == .unitsPerHall }

    /// Whether the family limits spending: the design's `budget` and a Pareto point's `capex_limit`, over the horizon or by
    /// a quarter's end (README "Spending by the quarter").
    public var limitsSpending: Bool { self == .budget || self == .capexLimit }

    /// Whether one more unit of a quarter's row pays in later quarters too: a rack a supply allocation lets in stands on,
    /// and a dollar a quarter's spending limit lets out buys what stands on. Such a row's price is tokens/s summed over the
    /// quarters it pays in, not that quarter's tokens/s, even when it is the row of one quarter ("that quarter alone").
    public var reliefOutlastsItsQuarter: Bool { limitsSpending || self == .supply }
}

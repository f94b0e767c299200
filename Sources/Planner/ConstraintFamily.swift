import PlantModel

/// The families of limits in the plan, each with its stable row-name prefix in exported models.
public enum ConstraintFamily: String, Sendable, Codable, CaseIterable {
    case floor, hallPower = "hall_power", liquid, air, sitePower = "site_power",
         heatRejection = "heat_rejection", chiller, network, supply, budget,
         serve, share, stock, tokenTarget = "token_target", ratio,
         capexLimit = "capex_limit", facilityLimit = "facility_limit"

    /// What the limit is, in a designer's words.
    public var words: String {
        switch self {
        case .floor: "floor positions"
        case .hallPower: "hall IT power (after the hall's redundancy rule)"
        case .liquid: "liquid-cooling (CDU) capacity"
        case .air: "air-cooling capacity"
        case .sitePower: "site power (usable grid capacity after the feed redundancy rule)"
        case .heatRejection: "heat-rejection capacity at the design ambient"
        case .chiller: "chiller capacity at the design ambient"
        case .network: "scale-out fabric ports"
        case .supply: "supply allocation"
        case .budget: "capex budget"
        case .serve: "racks serving workloads"
        case .share: "workload share"
        case .stock: "rack stock balance"
        case .tokenTarget: "token target"
        case .ratio: "optimal ratio kept"
        case .capexLimit: "capex limit of the Pareto sweep"
        case .facilityLimit: "facility power limit of the Pareto sweep"
        }
    }

    /// The unit of the limit's right-hand side.
    public var unit: String {
        switch self {
        case .floor: "positions"
        case .hallPower, .liquid, .air, .sitePower, .heatRejection, .chiller, .facilityLimit: "MW"
        case .network: "ports"
        case .supply: "racks"
        case .budget, .capexLimit: "USD"
        case .tokenTarget: "tokens/s"
        case .serve, .share, .stock, .ratio: ""
        }
    }

    /// Whether the family is a physical or commercial limit a designer could move.
    public var isCapacity: Bool {
        switch self {
        case .floor, .hallPower, .liquid, .air, .sitePower, .heatRejection, .chiller, .network, .supply, .budget,
             .capexLimit, .facilityLimit: true
        case .serve, .share, .stock, .tokenTarget, .ratio: false
        }
    }
}

/// What one row of the model means.
public struct RowInfo: Sendable, Equatable {
    public var family: ConstraintFamily
    public var quarter: Quarter?
    /// The hall, profile or workload the row is about, if any.
    public var subject: String?
}

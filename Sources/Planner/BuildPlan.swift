import PlantModel

/// The planner's answer: racks per quarter, hall and profile; per-quarter metrics; solver facts; and
/// the limits that shape the plan. Everything in it is a deterministic function of the inputs.
public struct BuildPlan: Codable, Equatable, Sendable {
    public var inputs: PlanInputs
    public var objective: Objective
    /// The objective's value in ``objectiveUnit``.
    public var objectiveValue: Double
    public var objectiveUnit: String
    public var solver: SolverFacts
    public var designCondition: DesignCondition
    public var quarters: [QuarterMetrics]
    /// One line per quarter × hall × profile with racks installed.
    public var racks: [RackLine]
    public var billOfMaterials: [BillOfMaterials]
    /// Capacity limits at their limit (no further unit fits) or close to it, with shadow prices.
    public var binding: [BindingLimit]
    /// Why allowed profiles are kept out of halls.
    public var exclusions: [String]
}

/// What was planned: names, files and a digest of the inputs' bytes.
public struct PlanInputs: Codable, Equatable, Sendable {
    public var design: String
    public var designFile: String
    public var site: String
    public var siteFile: String
    public var catalog: String
    /// FNV-1a 64-bit digest of the design, site and catalog files' bytes: a change detector, not a
    /// cryptographic hash.
    public var digest: String

    public init(design: String, designFile: String, site: String, siteFile: String, catalog: String, digest: String) {
        self.design = design
        self.designFile = designFile
        self.site = site
        self.siteFile = siteFile
        self.catalog = catalog
        self.digest = digest
    }
}

/// How the solver got there.
public struct SolverFacts: Codable, Equatable, Sendable {
    /// optimal, or feasible (stopped by the gap or time limit; see `relativeGap`).
    public var status: String
    /// Proven bound on `objectiveValue`, in its unit. For the ratio objectives it holds over plans at
    /// least as large as the chosen one (facility MW for tokens-per-mw, tokens for cost-per-token).
    public var bestBound: Double?
    /// |bestBound − objectiveValue| / |objectiveValue|.
    public var relativeGap: Double?
    public var branchAndBoundNodes: Int
    public var simplexIterations: Int
    /// MIP solves: 1 for max-tokens and min-capex, more for the Dinkelbach objectives.
    public var solves: Int
    public var integerVariables: Int
    public var continuousVariables: Int
    public var constraints: Int
}

/// One quarter of the plan, site-wide.
public struct QuarterMetrics: Codable, Equatable, Sendable {
    public var quarter: Quarter
    public var racks: Int
    public var gpus: Int
    /// IT power at full load (racks, in-rack network, fabric), MW.
    public var itMW: Double
    /// Facility power at full load and design ambient, MW.
    public var facilityMW: Double
    public var usableGridMW: Double
    public var designPUE: Double?
    public var tokensPerSecond: Double
    public var tokensPerSecondByWorkload: [String: Double]
    public var tokensPerSecondPerMW: Double?
    public var capexNewUSD: Double
    public var capexCumulativeUSD: Double
    /// (Annualized capex / 4 + energy + facility opex) / tokens in the quarter × 10⁶.
    public var costPerMillionTokensUSD: Double?
}

/// Racks of one profile in one hall in one quarter.
public struct RackLine: Codable, Equatable, Sendable {
    public var quarter: Quarter
    public var hall: String
    public var profile: String
    public var racksNew: Int
    public var racksTotal: Int
    public var gpus: Int
    public var itMW: Double
    public var liquidMW: Double
    public var positions: Int
    public var tokensPerSecond: Double
}

/// Equipment in service in a quarter.
public struct BillOfMaterials: Codable, Equatable, Sendable {
    public var quarter: Quarter
    public var racks: Int
    public var gpus: Int
    /// CDUs: liquid MW of each hall over one CDU's capacity, rounded up, summed.
    public var cdus: Int
    /// Fat-tree switches for the scale-out ports in service.
    public var switches: Int
    public var transceivers: Int
    public var feedsInService: [String]
    public var itMW: Double
    public var facilityMW: Double
}

/// A capacity limit and how tight it is.
public struct BindingLimit: Codable, Equatable, Sendable {
    /// The row's name in the exported model.
    public var constraint: String
    public var family: String
    public var quarter: Quarter?
    public var subject: String?
    public var capacity: Double
    public var used: Double
    public var slack: Double
    public var unit: String
    /// Objective gained per unit more of this limit, from the LP relaxation (continuous racks).
    public var shadowPrice: Double
    /// The same, in words.
    public var explanation: String
}

import PlantModel
import PlantPhysics

/// The planner's answer: racks per quarter, hall and profile; per-quarter metrics; solver facts; and
/// the limits that shape the plan. Everything in it is a deterministic function of the inputs.
public struct BuildPlan: Codable, Equatable, Sendable, PlaceholderDecodable {
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
    /// What to buy each quarter, item by item (`bom.csv`); `nil` in plans written before it was recorded.
    public var purchases: [PurchaseLine]?
    /// Capex and running costs per quarter (`cashflow.csv`); `nil` in plans written before it was recorded.
    public var cashflow: [CashflowLine]?
    /// Halls and feeds the plan decided to build, per quarter from the first one in service; `nil` when the
    /// design and site give no build option.
    public var facilityBuilds: [FacilityBuild]?
    /// Capacity limits at their limit (no further unit fits) or close to it, with shadow prices.
    public var binding: [BindingLimit]
    /// Why allowed profiles are kept out of halls, and inputs the plan cannot use (a feed after the horizon, racks out of life).
    public var exclusions: [String]
    /// "What to build next": the binding limits ranked by value per dollar of relief, then those nothing prices (`plan` fills
    /// it in from the plan, see BuildNext in Reports); `nil` in plans written before it was recorded.
    public var whatToBuildNext: [BuildNextEntry]?
    /// How `plan --hold-every-hour` held the plan, pass by pass; `nil` for a plan made without it.
    public var hold: HoldRecord?

    public init(inputs: PlanInputs, objective: Objective, objectiveValue: Double, objectiveUnit: String, solver: SolverFacts, designCondition: DesignCondition, quarters: [QuarterMetrics], racks: [RackLine], billOfMaterials: [BillOfMaterials], binding: [BindingLimit], exclusions: [String]) {
        self.inputs = inputs
        self.objective = objective
        self.objectiveValue = objectiveValue
        self.objectiveUnit = objectiveUnit
        self.solver = solver
        self.designCondition = designCondition
        self.quarters = quarters
        self.racks = racks
        self.billOfMaterials = billOfMaterials
        self.binding = binding
        self.exclusions = exclusions
    }

    /// Capex of the ports priced fabrics added over the horizon (README "Fabric capex"), USD; 0 without priced fabrics.
    public var fabricCapexUSD: Double { quarters.reduce(0) { $0 + ($1.fabricCapexNewUSD ?? 0) } }
}

/// What was planned: names, files and a digest of the inputs' bytes.
public struct PlanInputs: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var design: String
    public var designFile: String
    public var site: String
    public var siteFile: String
    public var catalog: String
    /// FNV-1a 64-bit digest of the design and site files' bytes, and of the catalog file's when one is
    /// given (the bundled catalog is the build's): a change detector, not a cryptographic hash.
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
public struct SolverFacts: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// How a search ended with a plan.
    public enum Status: String, FileEnum {
        /// Proven within the requested gap.
        case optimal
        /// Stopped by the gap or time limit with a plan; see `relativeGap`.
        case feasible
    }

    /// optimal, or feasible (stopped by the gap or time limit; see `relativeGap`).
    public var status: Status
    /// Proven bound on `objectiveValue`, in its unit. For the ratio objectives it holds over plans at
    /// least as large as the chosen one (facility MW for tokens-per-mw, tokens for cost-per-token).
    public var bestBound: Double?
    /// |bestBound − objectiveValue| / |objectiveValue|.
    public var relativeGap: Double?
    public var branchAndBoundNodes: Int
    public var simplexIterations: Int
    /// Solves of the model (a solve whose starting plan is already within the gap needs no branch-and-bound): 1 for
    /// max-tokens and min-capex, more for the Dinkelbach objectives, and those of each re-plan hall by hall on top.
    public var solves: Int
    public var integerVariables: Int
    public var continuousVariables: Int
    public var constraints: Int
    /// The relative gap asked (`--gap`).
    public var requestedGap: Double?
    /// The time limit of each solve, seconds (`--time-limit`).
    public var timeLimitSeconds: Double?
    /// Whether a solve ran until its time limit (or what was left of the run's `--time-budget`): the reason a plan
    /// ends short of the gap asked.
    public var reachedTimeLimit: Bool?
    /// The whole run's time budget, seconds (`--time-budget`).
    public var timeBudgetSeconds: Double?
    /// Whether the time a solve ran until was the end of the run's budget rather than its own limit.
    public var reachedTimeBudget: Bool?

    public init(status: Status, bestBound: Double? = nil, relativeGap: Double? = nil, branchAndBoundNodes: Int, simplexIterations: Int,
                solves: Int, integerVariables: Int, continuousVariables: Int, constraints: Int, requestedGap: Double? = nil,
                timeLimitSeconds: Double? = nil, reachedTimeLimit: Bool? = nil, timeBudgetSeconds: Double? = nil,
                reachedTimeBudget: Bool? = nil) {
        self.status = status
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.branchAndBoundNodes = branchAndBoundNodes
        self.simplexIterations = simplexIterations
        self.solves = solves
        self.integerVariables = integerVariables
        self.continuousVariables = continuousVariables
        self.constraints = constraints
        self.requestedGap = requestedGap
        self.timeLimitSeconds = timeLimitSeconds
        self.reachedTimeLimit = reachedTimeLimit
        self.timeBudgetSeconds = timeBudgetSeconds
        self.reachedTimeBudget = reachedTimeBudget
    }
}

/// One quarter of the plan, site-wide.
public struct QuarterMetrics: Codable, Equatable, Sendable, PlaceholderDecodable {
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
    /// Share of the GPUs in service serving each workload (GPU time at full load, fraction); `nil` in plans
    /// written before it was recorded.
    public var gpuShareByWorkload: [String: Double]?
    public var tokensPerSecondPerMW: Double?
    public var capexNewUSD: Double
    public var capexCumulativeUSD: Double
    /// Capex of the ports priced fabrics add in the quarter (README "Fabric capex"), USD; `nil` without priced fabrics.
    public var fabricCapexNewUSD: Double?
    /// (Annualized rack, fabric and facility capex / 4 + energy at `utilization` + facility opex) / tokens served in the
    /// quarter × 10⁶.
    public var costPerMillionTokensUSD: Double?
    /// The demanded share of token capacity the cost is counted at; `nil` in plans written before it was recorded
    /// (their cost was at full load).
    public var utilization: Double?

    public init(quarter: Quarter, racks: Int, gpus: Int, itMW: Double, facilityMW: Double, usableGridMW: Double, designPUE: Double? = nil, tokensPerSecond: Double, tokensPerSecondByWorkload: [String: Double], gpuShareByWorkload: [String: Double]? = nil, tokensPerSecondPerMW: Double? = nil, capexNewUSD: Double, capexCumulativeUSD: Double, fabricCapexNewUSD: Double? = nil, costPerMillionTokensUSD: Double? = nil, utilization: Double? = nil) {
        self.utilization = utilization
        self.fabricCapexNewUSD = fabricCapexNewUSD
        self.quarter = quarter
        self.racks = racks
        self.gpus = gpus
        self.itMW = itMW
        self.facilityMW = facilityMW
        self.usableGridMW = usableGridMW
        self.designPUE = designPUE
        self.tokensPerSecond = tokensPerSecond
        self.tokensPerSecondByWorkload = tokensPerSecondByWorkload
        self.gpuShareByWorkload = gpuShareByWorkload
        self.tokensPerSecondPerMW = tokensPerSecondPerMW
        self.capexNewUSD = capexNewUSD
        self.capexCumulativeUSD = capexCumulativeUSD
        self.costPerMillionTokensUSD = costPerMillionTokensUSD
    }
}

/// Racks of one profile in one hall in one quarter.
public struct RackLine: Codable, Equatable, Sendable, PlaceholderDecodable {
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
    /// Racks taken out in the quarter (racksTotal = racksTotal before + racksNew − racksRetired); `nil` in plans
    /// written before retirement existed, read as 0.
    public var racksRetired: Int?

    public init(quarter: Quarter, hall: String, profile: String, racksNew: Int, racksTotal: Int, gpus: Int, itMW: Double, liquidMW: Double,
                positions: Int, tokensPerSecond: Double, racksRetired: Int? = nil) {
        self.quarter = quarter
        self.hall = hall
        self.profile = profile
        self.racksNew = racksNew
        self.racksTotal = racksTotal
        self.gpus = gpus
        self.itMW = itMW
        self.liquidMW = liquidMW
        self.positions = positions
        self.tokensPerSecond = tokensPerSecond
        self.racksRetired = racksRetired
    }
}

/// Equipment in service in a quarter.
public struct BillOfMaterials: Codable, Equatable, Sendable, PlaceholderDecodable {
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

    public init(quarter: Quarter, racks: Int, gpus: Int, cdus: Int, switches: Int, transceivers: Int, feedsInService: [String], itMW: Double, facilityMW: Double) {
        self.quarter = quarter
        self.racks = racks
        self.gpus = gpus
        self.cdus = cdus
        self.switches = switches
        self.transceivers = transceivers
        self.feedsInService = feedsInService
        self.itMW = itMW
        self.facilityMW = facilityMW
    }
}

// Stand-ins for ``PlaceholderDecodable``: plan.json is read by PlantModel's collecting decoder, which goes on
// after a problem so that every problem of the file is reported at once. A stand-in never reaches a caller.
extension BuildPlan {
    public static var placeholder: BuildPlan {
        BuildPlan(inputs: .placeholder, objective: .placeholder, objectiveValue: 0, objectiveUnit: "", solver: .placeholder,
                  designCondition: .placeholder, quarters: [], racks: [], billOfMaterials: [], binding: [], exclusions: [])
    }
}

extension PlanInputs {
    public static var placeholder: PlanInputs { PlanInputs(design: "", designFile: "", site: "", siteFile: "", catalog: "", digest: "") }
}

extension SolverFacts {
    public static var placeholder: SolverFacts {
        SolverFacts(status: .placeholder, branchAndBoundNodes: 0, simplexIterations: 0, solves: 0, integerVariables: 0,
                    continuousVariables: 0, constraints: 0)
    }
}

extension QuarterMetrics {
    public static var placeholder: QuarterMetrics {
        QuarterMetrics(quarter: .placeholder, racks: 0, gpus: 0, itMW: 0, facilityMW: 0, usableGridMW: 0, tokensPerSecond: 0,
                       tokensPerSecondByWorkload: [:], capexNewUSD: 0, capexCumulativeUSD: 0)
    }
}

extension RackLine {
    public static var placeholder: RackLine {
        RackLine(quarter: .placeholder, hall: "", profile: "", racksNew: 0, racksTotal: 0, gpus: 0, itMW: 0, liquidMW: 0,
                 positions: 0, tokensPerSecond: 0)
    }
}

extension BillOfMaterials {
    public static var placeholder: BillOfMaterials {
        BillOfMaterials(quarter: .placeholder, racks: 0, gpus: 0, cdus: 0, switches: 0, transceivers: 0, feedsInService: [],
                        itMW: 0, facilityMW: 0)
    }
}

import PlantModel

/// The range of one number of a plan.json, as ``FieldRange`` is for the site, design and catalog files: a
/// value outside `[low, high]` is reported as `FILE:LINE: racks[4].racksTotal: value V out of range
/// [low, high] unit (what)`.
///
/// Counts of racks, GPUs and positions, power, tokens and money are never negative. The upper bounds come
/// from the design ranges: a valid design holds at most 10⁷ rack positions (2,000 halls × 5,000 positions),
/// a rack has at most 1,000 GPUs and 1 MW and takes at most 10 positions, a GPU gives at most 10⁶ tokens/s,
/// a rack costs at most 10⁹ USD. They keep every sum the twin makes exact in `Int` and finite in `Double`.
/// Figures the twin does not read and whose sign is not fixed (`objectiveValue`, `solver.bestBound`,
/// `designCondition`, `binding[]`, `whatToBuildNext[]`, `hold`) are only required to be finite numbers, which the decoder checks.
public struct PlanFieldRange: Sendable, Equatable {
    /// Dotted path with `[]` for any list index and `*` for any map key (`racks[].racksTotal`).
    public var path: String
    /// What the field is, in the message's parentheses.
    public var what: String
    /// Unit, empty for ratios.
    public var unit: String
    public var low: Double
    /// `nil` for no upper bound (only ≥ `low`).
    public var high: Double?

    init(_ path: String, _ what: String, _ unit: String, _ low: Double = 0, _ high: Double?) {
        self.path = path
        self.what = what
        self.unit = unit
        self.low = low
        self.high = high
    }

    public func contains(_ value: Double) -> Bool { value >= low && value <= (high ?? .infinity) }

    /// The message for `value` (written as `text`), or `nil` when it is in range.
    public func problem(_ value: Double, text: String) -> String? {
        guard !contains(value) else { return nil }
        let unitText = unit.isEmpty ? "" : " \(unit)"
        guard let high else { return "value \(text) must be ≥ \(format(low))\(unitText) (\(what))" }
        return "value \(text) out of range [\(format(low)), \(format(high))]\(unitText) (\(what))"
    }

    /// The row for a field, by its pattern (`racks[].racksTotal`).
    public static func row(_ path: String) -> PlanFieldRange? { index[path] }

    private static let index = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })

    /// Racks in one line or one quarter: no valid design holds more (2,000 halls × 5,000 positions).
    public static let maxRacks = 10_000_000.0
    static let maxGPUs = maxRacks * 1000
    static let maxMW = maxRacks * 1
    static let maxTokensPerSecond = maxGPUs * 1e6
    static let maxUSD = maxRacks * 1e9

    /// Every checked number of a plan.json, in file order.
    public static let all: [PlanFieldRange] = [
        PlanFieldRange("solver.relativeGap", "proven relative gap", "", 0, nil),
        PlanFieldRange("solver.branchAndBoundNodes", "branch-and-bound nodes", "nodes", 0, nil),
        PlanFieldRange("solver.simplexIterations", "simplex iterations", "iterations", 0, nil),
        PlanFieldRange("solver.solves", "MIP solves", "solves", 0, nil),
        PlanFieldRange("solver.integerVariables", "integer columns", "columns", 0, nil),
        PlanFieldRange("solver.continuousVariables", "continuous columns", "columns", 0, nil),
        PlanFieldRange("solver.constraints", "rows", "rows", 0, nil),
        PlanFieldRange("solver.requestedGap", "relative gap asked", "", 0, 1),
        PlanFieldRange("solver.timeLimitSeconds", "time limit of each solve", "s", 0, 86_400),
        PlanFieldRange("solver.timeBudgetSeconds", "time budget of the run", "s", 0, 86_400),
        PlanFieldRange("quarters[].racks", "racks in service", "racks", 0, maxRacks),
        PlanFieldRange("quarters[].gpus", "GPUs in service", "GPUs", 0, maxGPUs),
        PlanFieldRange("quarters[].itMW", "IT power at full load", "MW", 0, maxMW),
        PlanFieldRange("quarters[].facilityMW", "facility power at full load", "MW", 0, 10 * maxMW),
        PlanFieldRange("quarters[].usableGridMW", "usable grid capacity", "MW", 0, 10 * maxMW),
        PlanFieldRange("quarters[].designPUE", "PUE at the design condition", "", 0, 100),
        PlanFieldRange("quarters[].tokensPerSecond", "tokens/s at full load", "tokens/s", 0, maxTokensPerSecond),
        PlanFieldRange("quarters[].tokensPerSecondByWorkload.*", "tokens/s of the workload", "tokens/s", 0, maxTokensPerSecond),
        PlanFieldRange("quarters[].utilization", "demanded share of token capacity", "", 0, 1),
        PlanFieldRange("quarters[].gpuShareByWorkload.*", "share of GPUs serving the workload", "", 0, 1),
        PlanFieldRange("quarters[].tokensPerSecondPerMW", "tokens/s per facility MW", "tokens/s per MW", 0, nil),
        PlanFieldRange("quarters[].capexNewUSD", "rack capex of the quarter", "USD", 0, maxUSD),
        PlanFieldRange("quarters[].capexCumulativeUSD", "rack capex so far", "USD", 0, maxUSD),
        PlanFieldRange("quarters[].fabricCapexNewUSD", "capex of the fabric ports of the quarter", "USD", 0, maxUSD),
        PlanFieldRange("quarters[].costPerMillionTokensUSD", "cost per million tokens", "USD", 0, nil),
        PlanFieldRange("racks[].racksNew", "racks installed in the quarter", "racks", 0, maxRacks),
        PlanFieldRange("racks[].racksTotal", "racks in service", "racks", 0, maxRacks),
        PlanFieldRange("racks[].gpus", "GPUs in service", "GPUs", 0, maxGPUs),
        PlanFieldRange("racks[].itMW", "hall IT power at full load", "MW", 0, maxMW),
        PlanFieldRange("racks[].liquidMW", "heat to liquid at full load", "MW", 0, maxMW),
        PlanFieldRange("racks[].positions", "rack positions used", "positions", 0, 10 * maxRacks),
        PlanFieldRange("racks[].tokensPerSecond", "tokens/s at full load", "tokens/s", 0, maxTokensPerSecond),
        PlanFieldRange("racks[].racksRetired", "racks retired in the quarter", "racks", 0, maxRacks),
        PlanFieldRange("billOfMaterials[].racks", "racks in service", "racks", 0, maxRacks),
        PlanFieldRange("billOfMaterials[].gpus", "GPUs in service", "GPUs", 0, maxGPUs),
        PlanFieldRange("billOfMaterials[].cdus", "CDUs", "CDUs", 0, nil),
        PlanFieldRange("billOfMaterials[].switches", "fabric switches", "switches", 0, nil),
        PlanFieldRange("billOfMaterials[].transceivers", "transceivers", "transceivers", 0, nil),
        PlanFieldRange("billOfMaterials[].itMW", "IT power at full load", "MW", 0, maxMW),
        PlanFieldRange("billOfMaterials[].facilityMW", "facility power at full load", "MW", 0, 10 * maxMW),
        PlanFieldRange("purchases[].new", "bought in the quarter", "units", 0, nil),
        PlanFieldRange("purchases[].inService", "in service", "units", 0, nil),
        PlanFieldRange("purchases[].unitCapexUSD", "capex of one unit", "USD", 0, maxUSD),
        PlanFieldRange("purchases[].capexUSD", "capex of the quarter's purchase", "USD", 0, maxUSD),
        PlanFieldRange("facilityBuilds[].new", "halls or feeds entering service in the quarter", "items", 0, 2000),
        PlanFieldRange("facilityBuilds[].inService", "halls or feeds in service", "items", 0, 2000),
        // The battery carries at most the facility's MW (10 × maxMW) for at most a day (rideThroughMinutes ≤ 1,440).
        PlanFieldRange("facilityBuilds[].energyMWh", "battery energy in service", "MWh", 0, 240 * maxMW),
        PlanFieldRange("facilityBuilds[].powerMW", "battery power in service", "MW", 0, 10 * maxMW),
        PlanFieldRange("facilityBuilds[].newEnergyMWh", "battery energy entering service in the quarter", "MWh", 0, 240 * maxMW),
        PlanFieldRange("facilityBuilds[].newPowerMW", "battery power entering service in the quarter", "MW", 0, 10 * maxMW),
        PlanFieldRange("cashflow[].rackCapexUSD", "rack capex of the quarter", "USD", 0, maxUSD),
        PlanFieldRange("cashflow[].fabricCapexUSD", "capex of the fabric ports of the quarter", "USD", 0, maxUSD),
        PlanFieldRange("cashflow[].retirementUSD", "decommissioning less resale of the quarter", "USD", -maxUSD, maxUSD),
        PlanFieldRange("cashflow[].facilityCapexUSD", "facility capex of the quarter", "USD", 0, maxUSD),
        PlanFieldRange("cashflow[].energyUSD", "energy cost of the quarter", "USD", 0, maxUSD),
        PlanFieldRange("cashflow[].opexUSD", "facility opex of the quarter", "USD", 0, maxUSD),
        PlanFieldRange("cashflow[].totalUSD", "money spent in the quarter", "USD", -maxUSD, 6 * maxUSD),
    ]
}

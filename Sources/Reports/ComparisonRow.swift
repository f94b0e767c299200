import PlantModel
import PlantPhysics
import Plans
import Twin

/// One design × site pair of `tokenplant compare`: the plan's final build-out, one simulated year (or the mean
/// year of several) of that fleet, and the pair's place in the ranking; or why it could not be planned.
public struct ComparisonRow: Sendable, Equatable {
    /// How planning the pair ended.
    public enum Outcome: String, Sendable, Equatable {
        /// A plan, simulated.
        case planned
        /// No plan satisfies every limit (what `plan` exits 3 for).
        case noPlan = "no plan"
        /// No plan within the time or size limits (what `plan` exits 4 or 1 for).
        case noPlanInTime = "no plan within the limits"
    }

    public var design: String
    public var designFile: String
    public var site: String
    public var siteFile: String
    public var outcome: Outcome
    /// The planner's diagnosis in words when there is no plan (the text `plan` prints).
    public var diagnosis: String?
    /// 1 for the best pair by the ranking figure; `nil` for pairs without a plan.
    public var rank: Int?
    public var finalQuarter: Quarter?
    /// IT and facility power at full load and the design condition in the plan's last quarter, MW.
    public var itMW: Double?
    public var facilityMW: Double?
    public var racks: Int?
    public var gpus: Int?
    /// Racks and GPUs by GPU generation (the catalog's `generation`), in the last quarter.
    public var racksByGeneration: [String: Int]?
    public var gpusByGeneration: [String: Int]?
    /// Tokens/s at full load in the last quarter.
    public var tokensPerSecond: Double?
    /// Tokens/s at full load per facility MW at the design condition (the plan's figure).
    public var designTokensPerSecondPerFacilityMW: Double?
    /// Tokens served per second per facility MW drawn, over the simulated year: tokens ÷ (facility MWh × 3,600).
    public var annualTokensPerSecondPerFacilityMW: Double?
    public var annualPUE: Double?
    public var wueLPerKWh: Double?
    public var waterM3PerYear: Double?
    public var co2TonnesPerYear: Double?
    public var co2GramsPerMillionTokens: Double?
    /// Rack capex of the whole plan (the last quarter's cumulative), USD.
    public var capexUSD: Double?
    /// Facility capex of the halls in service in the last quarter (the plan's cash flow summed), USD.
    public var facilityCapexUSD: Double?
    /// (Annualized rack and facility capex + facility opex + energy) per million tokens served in the simulated year, USD.
    public var costPerMillionTokensUSD: Double?
    /// Tokens served ÷ tokens at full load over the simulated hours: the demand the cost is spread over.
    public var utilization: Double?
    public var throttledHoursPerYear: Double?
    public var unservedHoursPerYear: Double?
    public var minPowerHeadroomMW: Double?
    public var minThermalHeadroomMW: Double?
    /// The first facility limit to bind in the plan, in words ("site power (…) in 2028Q2"); a supply allocation or
    /// budget when no facility limit binds.
    public var bindingLimit: String?
    /// The workload mix planned for: each workload's share of the tokens (the design's, or `--workload-mix`'s).
    public var workloadMix: [String: Double] = [:]
    /// Share of GPU time at full load serving each workload, in the last quarter.
    public var gpuShareByWorkload: [String: Double]?

    /// A pair without a plan: every figure absent, the diagnosis kept.
    public init(design: String, designFile: String, site: String, siteFile: String, outcome: Outcome, diagnosis: String?,
                workloadMix: [WorkloadShare]) {
        self.workloadMix = Dictionary(uniqueKeysWithValues: workloadMix.map { ($0.workload, $0.share) })
        self.design = design
        self.designFile = designFile
        self.site = site
        self.siteFile = siteFile
        self.outcome = outcome
        self.diagnosis = diagnosis
    }

    /// The facility's capacities, in the order a tie is broken: what the site and building can carry.
    static let facilityLimits: [ConstraintFamily] = [.sitePower, .hallPower, .unitsPerHall, .heatRejection, .chiller, .liquid, .air, .floor,
                                                     .network, .water]

    /// The facility limit that binds first (earliest quarter; ties in ``facilityLimits`` order); else the first
    /// supply allocation or budget to bind, which caps a plan before the building does.
    static func firstFacilityLimit(_ binding: [BindingLimit]) -> BindingLimit? {
        let bound = binding.filter { $0.state == .binding }
        func first(_ families: [ConstraintFamily]) -> BindingLimit? {
            bound.filter { families.contains($0.family) }.min { a, b in
                let (qa, qb) = (a.quarter?.ordinal ?? .max, b.quarter?.ordinal ?? .max)
                return qa != qb ? qa < qb : families.firstIndex(of: a.family)! < families.firstIndex(of: b.family)!
            }
        }
        return first(facilityLimits) ?? first([.supply, .budget])
    }

    /// A planned pair: the plan's last quarter and `run`, a simulation of that quarter's fleet over one or more years.
    public init(plan: BuildPlan, run: RunSummary, catalog: Catalog, workloadMix: [WorkloadShare],
                designFile: String, siteFile: String) {
        self.init(design: plan.inputs.design, designFile: designFile, site: plan.inputs.site, siteFile: siteFile,
                  outcome: .planned, diagnosis: nil, workloadMix: workloadMix)
        let last = plan.quarters.last
        // Totals per year: over the hours simulated, scaled to a 365-day year (as RunSummary's CO₂ per year).
        let perYear = run.hours > 0 ? TimeBase.hoursPerCommonYear / Double(run.hours) : 0
        finalQuarter = last?.quarter
        itMW = last?.itMW
        facilityMW = last?.facilityMW
        racks = last?.racks
        gpus = last?.gpus
        var racksBy = Dictionary(uniqueKeysWithValues: catalog.generations.map { ($0, 0) })
        var gpusBy = racksBy
        if let last {
            for line in plan.racks where line.quarter == last.quarter {
                guard let profile = catalog.profile(line.profile) else { continue }
                racksBy[profile.generation, default: 0] += line.racksTotal
                gpusBy[profile.generation, default: 0] += line.gpus
            }
        }
        racksByGeneration = racksBy
        gpusByGeneration = gpusBy
        tokensPerSecond = last?.tokensPerSecond
        designTokensPerSecondPerFacilityMW = last?.tokensPerSecondPerMW
        annualTokensPerSecondPerFacilityMW = run.facilityEnergyMWh > 0 ? run.tokens / (run.facilityEnergyMWh * 3600) : nil
        annualPUE = run.pue
        wueLPerKWh = run.wueLPerKWh
        waterM3PerYear = run.waterM3PerYear
        co2TonnesPerYear = run.co2TonnesPerYear
        co2GramsPerMillionTokens = run.co2GramsPerMillionTokens
        capexUSD = last.map { $0.capexCumulativeUSD + plan.fabricCapexUSD }
        facilityCapexUSD = plan.cashflow.map { $0.reduce(0) { $0 + $1.facilityCapexUSD } }
        costPerMillionTokensUSD = run.costPerMillionTokensUSD
        if let full = last?.tokensPerSecond, full > 0, run.hours > 0 {
            utilization = run.tokens / (full * 3600 * Double(run.hours))
        }
        throttledHoursPerYear = Double(run.throttledHours) * perYear
        unservedHoursPerYear = Double(run.unservedHours) * perYear
        minPowerHeadroomMW = run.minPowerHeadroomMW
        minThermalHeadroomMW = run.minThermalHeadroomMW
        bindingLimit = Self.firstFacilityLimit(plan.binding).map { LimitText.limitName($0.family, subject: LimitText.subject(of: $0), quarter: $0.quarter) }
        gpuShareByWorkload = last?.gpuShareByWorkload
    }
}

extension Catalog {
    /// The GPU generations of the catalog's profiles, each once, in catalog order.
    public var generations: [String] {
        profiles.map(\.generation).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }
}

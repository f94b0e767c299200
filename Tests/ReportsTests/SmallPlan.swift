import PlantModel
import PlantPhysics
import Plans

/// A two-quarter plan written by hand (no solver): 2 then 5 GB300 racks in one hall. Every figure follows
/// from 1 rack = 0.15 MW IT, 0.12 MW liquid, 72 GPUs, 1 position and 600,000 tokens/s; facility MW = IT / 0.95.
enum SmallPlan {
    static let q1 = Quarter("2027Q1")!, q2 = Quarter("2027Q2")!

    static func rack(_ q: Quarter, new: Int, total: Int) -> RackLine {
        RackLine(quarter: q, hall: "hall-a", profile: "gb300-nvl72", racksNew: new, racksTotal: total, gpus: 72 * total,
                 itMW: 0.15 * Double(total), liquidMW: 0.12 * Double(total), positions: total,
                 tokensPerSecond: 600_000 * Double(total), racksRetired: 0)
    }

    static func metrics(_ q: Quarter, racks: Int, capexNew: Double, capexTotal: Double) -> QuarterMetrics {
        let it = 0.15 * Double(racks), facility = it / 0.95, tokens = 600_000 * Double(racks)
        return QuarterMetrics(quarter: q, racks: racks, gpus: 72 * racks, itMW: it, facilityMW: facility, usableGridMW: 10,
                              designPUE: facility / it, tokensPerSecond: tokens, tokensPerSecondByWorkload: ["w": tokens],
                              tokensPerSecondPerMW: tokens / facility, capexNewUSD: capexNew, capexCumulativeUSD: capexTotal,
                              costPerMillionTokensUSD: 0.0625)
    }

    static let sitePower = BindingLimit(
        constraint: "site_power(2027Q2)", family: .sitePower, state: .binding, quarter: q2, subject: nil, capacity: 0.8,
        used: 0.7894736842, slack: 0.0105263158, unit: "MW", shadowPrice: 1_234_567.8912, shadowPriceUnit: "tokens/s (summed over quarters)")
    static let floorSpace = BindingLimit(
        constraint: "floor(hall_a,2027Q2)", family: .floor, state: .nearLimit, quarter: q2, subject: "hall-a", capacity: 10,
        used: 5, slack: 5, unit: "positions", shadowPrice: 0.5, shadowPriceUnit: "tokens/s (summed over quarters)")

    static let plan = BuildPlan(
        inputs: PlanInputs(design: "small", designFile: "small.yaml", site: "site", siteFile: "site.yaml", catalog: "bundled",
                           digest: "0123456789abcdef"),
        objective: .maxTokens, objectiveValue: 3_000_000, objectiveUnit: Objective.maxTokens.unit,
        solver: SolverFacts(status: .optimal, bestBound: 3_000_000, relativeGap: 0, branchAndBoundNodes: 1, simplexIterations: 7,
                            solves: 1, integerVariables: 2, continuousVariables: 4, constraints: 9),
        designCondition: DesignCondition(effectiveAmbientC: 25.5, freeCoolingSupplyC: 31.1, plantInletC: 42,
                                         rejectionCapacityMW: 592.4, liquidChillerShare: 0),
        quarters: [metrics(q1, racks: 2, capexNew: 6e6, capexTotal: 6e6), metrics(q2, racks: 5, capexNew: 9e6, capexTotal: 15e6)],
        racks: [rack(q1, new: 2, total: 2), rack(q2, new: 3, total: 5)],
        billOfMaterials: [
            BillOfMaterials(quarter: q1, racks: 2, gpus: 144, cdus: 1, switches: 3, transceivers: 36, feedsInService: ["a", "b"],
                            itMW: 0.3, facilityMW: 0.3 / 0.95),
            BillOfMaterials(quarter: q2, racks: 5, gpus: 360, cdus: 1, switches: 5, transceivers: 90, feedsInService: ["a", "b"],
                            itMW: 0.75, facilityMW: 0.75 / 0.95),
        ],
        binding: [sitePower, floorSpace], exclusions: ["gb200-nvl72 not in hall-a: could stand there only from 2030Q1, after the horizon ends (2029Q4)"])
}

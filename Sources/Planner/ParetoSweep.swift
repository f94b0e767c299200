import PlantModel
import Plans

/// The resource a Pareto sweep trades tokens against.
public enum ParetoAxis: String, Sendable, Codable, CaseIterable {
    /// Cumulative capex over the horizon, USD.
    case capex
    /// Facility power in every quarter, MW.
    case facilityMW = "facility-mw"

    public var unit: String { self == .capex ? "USD" : "MW" }
}

/// The ε-constraint of one sweep point.
public enum ParetoLimit: Sendable, Equatable {
    /// Cumulative capex ≤ this, USD.
    case capexUSD(Double)
    /// Facility power ≤ this in every quarter, MW.
    case facilityMW(Double)
}

/// One point of the tokens-versus-resource frontier.
public struct ParetoPoint: Codable, Equatable, Sendable {
    /// 1…N, from the tightest limit to the unconstrained max-token plan.
    public var point: Int
    /// The ε-limit on the sweep's axis (`nil` for the unconstrained last point).
    public var limit: Double?
    public var tokens: Double
    /// The capex a `capex_limit` row counts: racks, retirements, fabric ports and what the plan builds, USD.
    public var capexUSD: Double
    public var peakFacilityMW: Double
    /// Tokens/s in the last quarter per facility MW in the last quarter.
    public var tokensPerSecondPerMWLastQuarter: Double
    public var status: SolverFacts.Status
    public var relativeGap: Double?
}

/// The frontier a `--pareto N` sweep returns.
public struct ParetoFrontier: Codable, Equatable, Sendable {
    public var inputs: PlanInputs
    public var axis: ParetoAxis
    public var axisUnit: String
    public var points: [ParetoPoint]
}

/// Most points a sweep may ask for: each is a full planning run.
public let maxParetoPoints = 50

extension Planner {
    /// The capex a `capex_limit` row counts in `plan`, USD: the racks bought and retired, the ports priced fabrics add and
    /// what the plan builds (cashflow.csv's capex columns summed), less the given halls entering service in the horizon,
    /// which the cash flow books and no row limits.
    static func limitedCapexUSD(_ plan: BuildPlan, design: ReferenceDesign) -> Double {
        let spent = (plan.cashflow ?? []).reduce(0.0) { $0 + $1.rackCapexUSD + ($1.fabricCapexUSD ?? 0) + $1.retirementUSD + $1.facilityCapexUSD }
        let given = design.halls.filter { $0.build == nil && design.horizon.first <= $0.availableFrom && $0.availableFrom <= design.horizon.last }
            .reduce(0.0) { $0 + Double($1.count) * $1.usableITCapacityMW } * (design.economics.facilityCapexUSDPerMW ?? 0)
        return spent - given
    }

    /// ε-constraint sweep: plans for most tokens with the axis resource limited to i/N of what the
    /// unconstrained max-token plan uses, i = 1…N (the N-th point is that plan itself).
    public static func pareto(design: ReferenceDesign, site: Site, catalog: Catalog, inputs: PlanInputs,
                              options: PlanOptions = PlanOptions(), axis: ParetoAxis, points: Int) throws -> ParetoFrontier {
        guard (2...maxParetoPoints).contains(points) else {
            throw PlanError.invalidOptions("--pareto takes 2 to \(maxParetoPoints) points, got \(points)")
        }
        guard options.objective == .maxTokens else {
            throw PlanError.invalidOptions("a Pareto sweep maximizes tokens against capex or facility MW; use --objective max-tokens")
        }
        func point(_ index: Int, _ limit: Double?, _ plan: BuildPlan) -> ParetoPoint {
            let last = plan.quarters.last
            return ParetoPoint(
                point: index, limit: limit, tokens: plan.objectiveValue,
                capexUSD: limitedCapexUSD(plan, design: design), peakFacilityMW: plan.quarters.map(\.facilityMW).max() ?? 0,
                tokensPerSecondPerMWLastQuarter: last?.tokensPerSecondPerMW ?? 0,
                status: plan.solver.status, relativeGap: plan.solver.relativeGap)
        }
        // One budget for the whole sweep: each point gets what the points before it left.
        let budget = TimeBudget(options)
        let anchor = try plan(design: design, site: site, catalog: catalog, inputs: inputs, options: options).plan
        let full = point(points, nil, anchor)
        let top = axis == .capex ? full.capexUSD : full.peakFacilityMW
        var frontier: [ParetoPoint] = []
        for i in 1..<points {
            let limit = top * Double(i) / Double(points)
            var constrained = options
            constrained.timeBudgetSeconds = max(PlanOptions.minimumSolveSeconds, budget.runRemainingSeconds)
            constrained.limit = axis == .capex ? .capexUSD(limit) : .facilityMW(limit)
            let result = try plan(design: design, site: site, catalog: catalog, inputs: inputs, options: constrained)
            frontier.append(point(i, limit, result.plan))
        }
        return ParetoFrontier(inputs: inputs, axis: axis, axisUnit: axis.unit, points: frontier + [full])
    }
}

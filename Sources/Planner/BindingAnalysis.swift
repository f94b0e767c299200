import LinearProgramming
import Plans

/// Finds the capacity limits that shape a plan and prices them.
///
/// A limit binds when its slack is smaller than what one more purchase unit of any rack in it would
/// use: nothing more fits. Shadow prices come from the LP relaxation of the final model (racks
/// continuous): with integers fixed every rack column is fixed and every capacity dual is zero, so the
/// relaxation is what answers "what is one more MW worth". Under a ratio objective with a gap the prices come from
/// ``RatioPricing`` instead, in the ratio's unit.
enum BindingAnalysis {
    /// Below this a slack counts as zero, and a dual below it times the objective's largest coefficient (solver noise).
    static let tolerance = 1e-9

    static func limits(problem: PlanningProblem, outcome: Planner.Outcome, assignment: HallAssignment, pricing: RatioPricing? = nil)
        -> [BindingLimit] {
        let f = outcome.formulation
        let relaxation = pricing?.relaxation ?? outcome.relaxation
        var duals = relaxation?.rowDuals ?? []
        for (i, share) in boundShares(f, relaxation: relaxation, plan: outcome.solution.values) where i < duals.count { duals[i] += share }
        let objective = pricing?.formulation.model.objective ?? f.model.objective
        let scale = pricing?.scale ?? 1, unit = pricing?.unit ?? outcome.shadowPriceUnit
        // Duals are in the objective's unit per unit of the row: their round-off scales with the objective's coefficients (a
        // rack's tokens/s, a rack's cost), so a dual of 1e-8 tokens/s per MW beside racks of 500,000 tokens/s is noise. Columns
        // fixed at a value (the given halls' capital) move no dual and are left out of the scale.
        let fixed = { (v: VariableID) in
            let column = f.model.variables[v.index]
            return column.lowerBound != nil && column.lowerBound == column.upperBound
        }
        let priceTolerance = tolerance * max(1, objective.filter { !fixed($0.variable) }.map { abs($0.coefficient) }.max() ?? 1)

        // Racks per purchase unit, by stock column, to size "one more unit".
        var unitOf: [VariableID: Double] = [:]
        for (e, byQuarter) in f.stock {
            let unit = Double(problem.design.unitRacks(problem.profiles[problem.eligible[e].profile].id))
            for (_, n) in byQuarter { unitOf[n] = unit }
        }
        // Halls, feeds, plant modules and battery the plan builds stand on the left of their rows (Σ use − capacity · built ≤ given capacity):
        // their part moves back to the capacity, so a row reads "used of capacity" as for given halls and feeds.
        let built = Set(f.facilityBuildColumns + f.batteryColumns)
        let x = outcome.solution.values
        var limits: [BindingLimit] = []
        for (i, info) in f.rows.enumerated() where info.family.isListedInBinding {
            let row = f.model.constraints[i]
            guard let upper = row.upperBound else { continue }
            let capacityTerms = Formulation.builtCapacityTerms(row.terms, among: built)
            let added = Formulation.builtCapacity(row.terms, among: built) { x[$0.index] }
            let capacity = upper + added
            // A hall or feed the plan did not build is no limit: the decision not to build it is.
            if added == 0, upper <= tolerance, !capacityTerms.isEmpty { continue }
            let used = outcome.solution.rowActivities[i] + added
            let slack = capacity - used
            let oneUnit = row.terms.filter { t in !capacityTerms.contains { $0.variable == t.variable } }
                .map { abs($0.coefficient) * (unitOf[$0.variable] ?? 1) }.filter { $0 > 0 }.min() ?? 0
            // A dual within round-off of zero is no price: a full limit with room for nothing more is worth nothing more.
            let price = i < duals.count && abs(duals[i]) > priceTolerance ? duals[i] : 0
            let full = slack < oneUnit - tolerance
            // A row pooled over identical halls may have room for a unit in sum and in no one hall.
            let fullHalls = full ? nil : fullInEachHall(info, problem: problem, outcome: outcome, assignment: assignment)
            guard full || fullHalls != nil || price != 0 else { continue }
            // A whole-units row is in the unit of the hall limit that sets it: counted and priced per purchase unit instead.
            let per = info.wholeUnits?.perUnit ?? 1
            limits.append(BindingLimit(
                constraint: row.name, family: info.family, state: full || fullHalls != nil ? .binding : .nearLimit, quarter: info.quarter,
                subject: info.subject, capacity: capacity / per, used: used / per, slack: slack / per,
                unit: info.family.unit, shadowPrice: price * per * scale,
                shadowPriceUnit: unit, wholeUnits: info.wholeUnits, fullHalls: fullHalls))
        }
        return limits
    }

    /// What the purchase columns' bounds add to the floor rows' prices, by row. A purchase column `build(p,h,t)` is bounded
    /// by the units its hall group's floor holds, which the floor row implies; where the relaxation has it at that bound,
    /// the simplex may put part of the floor's price on the bound (the column's reduced cost) instead of on the row: on a
    /// one-quarter hall of 40 GB300 positions under cost-per-token, the row carried 17,069 of the 68,114 USD a position is
    /// worth and the bound the rest (Tests/PlannerTests/RatioPricingTests.swift). That part goes back to the row, per
    /// position the reduced cost over the unit's positions. Only where the bound is the floor exactly (the row's capacity
    /// at the plan a whole number of units): a bound rounded below it is the units' own limit, not the floor's.
    static func boundShares(_ f: Formulation, relaxation: Solution?, plan x: [Double]) -> [Int: Double] {
        guard let relaxation, let reduced = relaxation.reducedCosts else { return [:] }
        let problem = f.problem
        var floorRow: [String: Int] = [:]
        for (i, info) in f.rows.enumerated() where info.family == .floor {
            floorRow["\(info.subject ?? "")|\(info.quarter.map(String.init(describing:)) ?? "")"] = i
        }
        let built = Set(f.facilityBuildColumns + f.batteryColumns)
        var shares: [Int: Double] = [:]
        for (e, byQuarter) in f.build {
            let profile = problem.profiles[problem.eligible[e].profile], hall = problem.halls[problem.eligible[e].hall]
            let positions = Double(problem.design.unitRacks(profile.id) * profile.positionsPerRack)
            for (t, b) in byQuarter {
                guard let bound = f.model.variables[b.index].upperBound, bound > 0, abs(reduced[b.index]) > tolerance,
                      relaxation.values[b.index] >= bound - tolerance,
                      let i = floorRow["\(hall.name)|\(problem.quarters[t])"] else { continue }
                let row = f.model.constraints[i]
                let capacity = (row.upperBound ?? 0) + Formulation.builtCapacity(row.terms, among: built) { x[$0.index] }
                guard abs(bound * positions - capacity) <= tolerance * max(1, capacity) else { continue }
                shares[i, default: 0] += reduced[b.index] / positions
            }
        }
        return shares
    }

    /// For a per-hall limit of a group of several identical halls: the number of its halls in service when, as placed, each
    /// has less room left than one more purchase unit of any rack it admits would take; `nil` otherwise.
    static func fullInEachHall(_ info: RowInfo, problem: PlanningProblem, outcome: Planner.Outcome, assignment: HallAssignment) -> Int? {
        guard let k = Formulation.perHallFamilies.firstIndex(of: info.family), info.wholeUnits == nil,
              let g = problem.halls.firstIndex(where: { $0.name == info.subject }), problem.halls[g].count > 1,
              let t = info.quarter.flatMap({ problem.quarters.firstIndex(of: $0) }) else { return nil }
        let hall = problem.halls[g]
        let members = problem.eligible.indices.filter { problem.eligible[$0].hall == g }
        let oneUnit = members.map { Double(problem.design.unitRacks(problem.profiles[problem.eligible[$0].profile].id))
            * problem.coefficients($0).perHallUse[k] }.filter { $0 > 0 }.min()
        let inService = outcome.hallsBuiltValues[g].map { min(hall.count, $0[t]) } ?? hall.count
        guard let oneUnit, inService > 0 else { return nil }
        for i in 0..<inService {
            let used = members.reduce(0.0) { $0 + Double(assignment.racks[$1]?[t][i] ?? 0) * problem.coefficients($1).perHallUse[k] }
            let room = hall.perHallLimits(blocks: assignment.powerBlocks[g]?[t][i] ?? 0)[k] - used
            if room >= oneUnit - HallAssignment.tolerance { return nil }
        }
        return inService
    }
}

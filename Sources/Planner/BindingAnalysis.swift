import LinearProgramming

/// Finds the capacity limits that shape a plan and prices them.
///
/// A limit binds when its slack is smaller than what one more purchase unit of any rack in it would
/// use: nothing more fits. Shadow prices come from the LP relaxation of the final model (racks
/// continuous): with integers fixed every rack column is fixed and every capacity dual is zero, so the
/// relaxation is what answers "what is one more MW worth".
enum BindingAnalysis {
    static func limits(problem: PlanningProblem, outcome: Planner.Outcome) -> [BindingLimit] {
        let f = outcome.formulation
        let duals = outcome.relaxation?.rowDuals ?? []

        // Racks per purchase unit, by stock column, to size "one more unit".
        var unitOf: [VariableID: Double] = [:]
        for (e, byQuarter) in f.stock {
            let unit = Double(problem.design.unitRacks(problem.profiles[problem.eligible[e].profile].id))
            for (_, n) in byQuarter { unitOf[n] = unit }
        }
        var limits: [BindingLimit] = []
        for (i, info) in f.rows.enumerated() where info.family.isCapacity {
            let row = f.model.constraints[i]
            guard let capacity = row.upperBound else { continue }
            let used = outcome.solution.rowActivities[i]
            let slack = capacity - used
            let oneUnit = row.terms.map { abs($0.coefficient) * (unitOf[$0.variable] ?? 1) }.filter { $0 > 0 }.min() ?? 0
            let price = i < duals.count ? duals[i] : 0
            guard slack < oneUnit - 1e-9 || abs(price) > 1e-9 else { continue }
            let state = slack < oneUnit - 1e-9 ? "binding" : "near its limit"
            let per = info.family.unit.isEmpty ? "unit" : info.family.unit
            let value = price == 0 ? "" : "; +1 \(per) ≈ \(price > 0 ? "+" : "")\(formatAmount(price)) \(outcome.objective.shadowPriceUnit)"
            let when = info.quarter.map { " in \($0)" } ?? ""
            let whereText = info.subject.map { " (\($0))" } ?? ""
            limits.append(BindingLimit(
                constraint: row.name, family: info.family.words, quarter: info.quarter, subject: info.subject,
                capacity: capacity, used: used, slack: slack, unit: info.family.unit, shadowPrice: price,
                explanation: "\(info.family.words)\(whereText)\(when): \(state), \(formatAmount(used)) of \(formatAmount(capacity)) \(info.family.unit) used\(value)"))
        }
        return limits
    }
}

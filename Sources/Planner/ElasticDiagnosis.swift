import LinearProgramming
import Plans

/// Diagnoses an infeasible plan: every capacity limit and every whole-units-per-hall row gets a penalized slack, and the
/// least total relative violation shows which limits must move and by how much (GLPK has no IIS).
enum ElasticDiagnosis {
    /// Slack below this is solver noise, not a limit to move (in the limit's own unit).
    static let minimumShortfall = 1e-6

    /// Relative gap of the elastic solve, at least: the raises it finds are sufficient (a plan exists with them) and within
    /// this share of the least. Proving the least to the plan's 0.1 % takes whole racks the relaxation does not see: the
    /// bundled example to 1.1e9 tokens/s found `raise by 1,422,840,000 USD` in under a second and spent the rest of its
    /// 60 s limit failing to prove it within 0.1 %.
    static let leastGap = 0.01

    static func diagnose(_ f: Formulation, options: SolverOptions, deadline: SolveDeadline) -> InfeasibilityDiagnosis {
        var model = f.model
        model.sense = .minimize
        model.objective = []
        // Purchase units are bounded by floor space in their column bounds too; the floor rows carry that
        // limit elastically, so the bounds come off here or a target beyond the floor would find no slack.
        for b in f.build.values.flatMap(\.values) { model.variables[b.index].upperBound = nil }
        var options = options
        options.timeLimitSeconds = deadline.remainingSeconds
        options.relativeGap = max(options.relativeGap ?? 0, Self.leastGap)
        var slacks: [(row: Int, slack: VariableID)] = []
        // Halls, feeds, plant and chiller modules and power blocks the plan may build add capacity on the left of their rows (−capacity × built).
        let built = Set(f.facilityBuildColumns)
        func buildable(_ row: Int) -> Double {
            Formulation.builtCapacity(model.constraints[row].terms, among: built) { model.variables[$0.index].upperBound ?? 0 }
        }
        for (i, info) in f.rows.enumerated() where info.family.isListedInBinding {
            guard let capacity = model.constraints[i].upperBound else { continue }
            let slack = model.addVariable("elastic(\(model.constraints[i].name))", lowerBound: 0)
            model.constraints[i].terms.append(Term(slack, -1))
            // Penalize relative growth so that MW, ports and dollars weigh alike: relative to all the row can hold, what
            // is given and what may be built.
            model.objective.append(Term(slack, 1 / max(1, abs(capacity) + buildable(i))))
            slacks.append((i, slack))
        }
        guard let solution = try? model.solve(options: options), solution.hasValues else {
            return InfeasibilityDiagnosis(shortfalls: [])
        }
        let shortfalls = slacks.compactMap { row, slack -> InfeasibilityDiagnosis.Shortfall? in
            let amount = solution[slack]
            guard amount > minimumShortfall else { return nil }
            let info = f.rows[row]
            // The capacity in the elastic solution: what is given and what it builds (the build columns moved back).
            let builtHere = Formulation.builtCapacity(model.constraints[row].terms, among: built) { solution[$0] }
            let capacity = (model.constraints[row].upperBound ?? 0) + builtHere
            // Whole units per hall: the row is in the unit of the hall limit that sets them; what must move is whole units.
            if let w = info.wholeUnits {
                return .init(constraint: model.constraints[row].name, family: info.family, quarter: info.quarter, subject: info.subject,
                             capacity: capacity / w.perUnit, increase: (amount / w.perUnit - minimumShortfall).rounded(.up),
                             unit: info.family.unit, wholeUnits: w)
            }
            return .init(constraint: model.constraints[row].name, family: info.family, quarter: info.quarter, subject: info.subject,
                         capacity: capacity, increase: amount, unit: info.family.unit)
        }
        return InfeasibilityDiagnosis(shortfalls: shortfalls)
    }
}

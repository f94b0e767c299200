import LinearProgramming

/// A bound on a model's optimum at least as tight as its LP relaxation's, from the model split hall by hall (Lagrangian
/// relaxation, Geoffrion, Mathematical Programming Study 2, 1974): every row whose columns span more than one hall group,
/// or a hall and the site (site power, supply, serve, shares, budget…), is priced at the relaxation's duals, and what is
/// left falls apart into one small MIP per hall group (its racks, hall and power blocks over every quarter) and an LP of
/// the columns of no hall. The halls' integer optima and the priced rows add up to the bound.
///
/// Each hall's rows are knapsacks over whole racks and units, which the relaxation fills with fractions of racks; this
/// bound counts every hall at a whole fleet. On benchmarks/campus-48-distinct.yaml it lies 0.0034 % above the optimum
/// where the relaxation lies 0.165 % above (HiGHS 1.16's proven optimum of the exported model), the same bound HiGHS's
/// cuts reach, in about 0.6 s: each hall's stocks are replaced by sums of its builds first
/// (``LinearProgramming/Model/substitutingDefinedColumns()``), and GLPK's cuts then close every hall at its root. It holds
/// to GLPK's tolerances (10⁻⁷ of each hall's value).
struct HallDecomposition {
    /// The model decomposed.
    let model: Model
    /// The hall group of each column, `nil` for the columns of no hall.
    let halls: [Int?]

    /// A hall's reduced objective coefficient this small against the largest objective coefficient is taken as zero (as
    /// is one under GLPK's smallest coefficient, 10⁻¹²): it is noise below GLPK's dual tolerance (10⁻⁷).
    static let negligibleReducedCost = 1e-10

    /// Relative gap to which each hall's MIP is solved; one stopped at its time or gap gives its proven bound, so the
    /// result stays a bound.
    static let hallGap = 1e-7

    /// The bound on `model`'s optimum from the duals of `relaxation` (its LP relaxation, solved to optimality), in the
    /// objective's unit; `nil` when the model has fewer than two halls, `relaxation` has no duals, or a part does not solve
    /// within `deadline` (each hall gets an even share of what is left).
    func bound(relaxation: Solution, deadline: SolveDeadline) -> Double? {
        guard halls.count == model.variables.count, Set(halls.compactMap { $0 }).count >= 2, let duals = relaxation.rowDuals,
              duals.count == model.constraints.count
        else { return nil }
        let owner = rowOwners()
        var reduced = Array(repeating: 0.0, count: model.variables.count)
        for term in model.objective { reduced[term.variable.index] += term.coefficient }
        var priced = model.objectiveConstant
        for (i, row) in model.constraints.enumerated() where owner[i] == .linking {
            guard let (price, level) = pricing(row, dual: duals[i]) else { continue }
            priced += price * level
            for term in row.terms { reduced[term.variable.index] -= price * term.coefficient }
        }
        let largest = model.objective.map { abs($0.coefficient) }.max() ?? 0
        let negligible = max(Self.negligibleReducedCost * largest, Model.minimumMagnitude)
        for j in reduced.indices where abs(reduced[j]) < negligible { reduced[j] = 0 }
        // Each part first gets an even share of the time left; those stopped short of their gap then share what remains.
        let parts = Set(halls).sorted { ($0 ?? -1) < ($1 ?? -1) }
        var optima: [Int?: Optimum] = [:]
        for pass in 0..<2 {
            let open = parts.filter { optima[$0]?.isProven != true }
            for (k, part) in open.enumerated() {
                guard !deadline.isPast,
                      let found = optimum(of: part, owner: owner, reduced: reduced,
                                          deadline: deadline.share(1 / Double(open.count - k)), solveEnd: deadline)
                else {
                    if pass == 0 { return nil } else { break }
                }
                optima[part] = optima[part].map { $0.tighter(found, sense: model.sense) } ?? found
            }
        }
        return parts.reduce(priced) { $0 + optima[$1]!.bound }
    }

    /// A part's bound under the reduced objective.
    struct Optimum {
        /// The bound, in the objective's unit.
        var bound: Double
        /// Whether the bound is the part's optimum to ``HallDecomposition/hallGap``.
        var isProven: Bool

        /// The tighter of two bounds of the same part, in `sense`.
        func tighter(_ other: Optimum, sense: ObjectiveSense) -> Optimum {
            sense.tightest(bound, other.bound) == bound ? self : other
        }
    }

    /// Which part a row belongs to: one hall's, the hall-less columns', or several (a linking row, priced).
    enum RowOwner: Equatable {
        case part(Int?)
        case linking
    }

    /// The part of each row: that of all its columns when they share one, linking otherwise.
    func rowOwners() -> [RowOwner] {
        model.constraints.map { row in
            guard let first = row.terms.first else { return .part(nil) }
            let part = halls[first.variable.index]
            return row.terms.allSatisfy { halls[$0.variable.index] == part } ? .part(part) : .linking
        }
    }

    /// The multiplier of a linking row and the row bound it multiplies, with a sign under which it never overstates
    /// (never understates, when minimizing) the optimum; `nil` for a zero price or a bound on that side missing.
    func pricing(_ row: Constraint, dual: Double) -> (price: Double, level: Double)? {
        guard dual != 0 else { return nil }
        // Maximizing, a positive dual prices the upper bound; minimizing, the lower bound.
        let upper = (dual > 0) == (model.sense == .maximize)
        guard let level = upper ? row.upperBound : row.lowerBound, level.isFinite else { return nil }
        return (dual, level)
    }

    /// The optimum of one part under the reduced objective: a hall's as a MIP (its proven bound when stopped early, its
    /// relaxation's when it proved none by `deadline`, solved by `solveEnd`), the hall-less columns' as an LP; `nil` when it
    /// has none.
    func optimum(of part: Int?, owner: [RowOwner], reduced: [Double], deadline: SolveDeadline, solveEnd: SolveDeadline) -> Optimum? {
        let columns = halls.indices.filter { halls[$0] == part }
        var index: [Int: Int] = [:]
        var sub = Model(name: model.name, sense: model.sense)
        for j in columns {
            var variable = model.variables[j]
            if part == nil { variable.kind = .continuous }
            index[j] = sub.addVariable(variable.name, kind: variable.kind, lowerBound: variable.lowerBound,
                                       upperBound: variable.upperBound, objective: reduced[j]).index
        }
        for (i, row) in model.constraints.enumerated() where owner[i] == .part(part) && !row.terms.isEmpty {
            sub.addConstraint(row.name, row.terms.map { Term(VariableID(index[$0.variable.index]!), $0.coefficient) },
                              lowerBound: row.lowerBound, upperBound: row.upperBound)
        }
        if sub.constraints.isEmpty {
            // Columns on no row of their own: each at the bound its reduced coefficient favours.
            let sign = model.sense.sign
            var value = 0.0
            for term in sub.objective {
                let variable = sub.variables[term.variable.index]
                guard let at = sign * term.coefficient > 0 ? variable.upperBound : variable.lowerBound, at.isFinite else { return nil }
                value += term.coefficient * at
            }
            return Optimum(bound: value, isProven: true)
        }
        // A hall's stocks, defined by its builds, leave knapsacks of whole racks on which GLPK's cuts work.
        if sub.isMixedInteger { sub = sub.substitutingDefinedColumns() }
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, relativeGap: Self.hallGap, presolve: false,
                                    cuts: true, branching: .pseudocost)
        guard let solution = try? sub.solve(options: options) else { return nil }
        if !sub.isMixedInteger {
            // An LP stopped short of its optimum (status feasible) bounds nothing.
            return solution.status == .optimal ? solution.objectiveValue.map { Optimum(bound: $0, isProven: true) } : nil
        }
        switch solution.status {
        case .optimal:
            return solution.objectiveValue.map { Optimum(bound: $0, isProven: true) }
        case .feasible where solution.bestBound != nil && solution.bestBound != solution.objectiveValue:
            // Stopped by its time or gap: GLPK's proven bound (equal to the plan only where GLPK saw none).
            return solution.bestBound.map { Optimum(bound: $0, isProven: (solution.relativeGap ?? .infinity) <= Self.hallGap * (1 + 1e-6)) }
        case .feasible, .limitReachedWithoutSolution:
            var relaxed = sub
            for j in relaxed.variables.indices { relaxed.variables[j].kind = .continuous }
            let lp = try? relaxed.solve(options: SolverOptions(timeLimitSeconds: solveEnd.remainingSeconds, dualSimplex: true))
            return lp?.status == .optimal ? lp?.objectiveValue.map { Optimum(bound: $0, isProven: false) } : nil
        case .infeasible, .unbounded:
            return nil
        }
    }
}

import LinearProgramming

/// The LP relaxation of a model (every integer made continuous); its duals price the binding limits and
/// it seeds the relax-and-fix starting plan.
struct Relaxation {
    let model: Model
    /// `model` with every column continuous.
    let relaxed: Model
    /// The relaxation's optimum; `nil` when it did not solve to optimality.
    let solution: Solution?

    /// Relative gap of each relax-and-fix step: a step only has to be good, the final search proves the plan. A step's
    /// shortfall is never made up (its integers are fixed), so the steps' gaps add up: on benchmarks/campus-48-distinct
    /// (32 steps) 10⁻⁴ left the starting plan 0.28 % below the relaxation and GLPK's search improved on it by nothing in
    /// 45 s; 10⁻⁵ leaves 0.11 %, in the same time (3 × 10⁻⁶ finds the same plan), and the mixed retrofit's plan is the same.
    /// A search for a wider gap needs no step that tight: the facility co-design example at `--gap 0.05` found no
    /// starting plan within 20 s with steps at 10⁻⁵, and one in 8 s at 10⁻⁴. So a step's gap is a hundredth of the
    /// search's, between these two.
    static func stepGap(forSearchGap gap: Double) -> Double { min(1e-4, max(1e-5, gap / 100)) }
    /// A relaxed value this close to a whole number is taken as integral.
    static let integralityTolerance = 1e-9

    /// Relaxes `model` and solves the relaxation within `deadline`, with the dual simplex: on
    /// benchmarks/campus-48-distinct.yaml (10,889 rows) about 1.5 s where the primal took 10 s on a loaded 2-core
    /// machine; on the mixed retrofit the two take the same time.
    init(_ model: Model, deadline: SolveDeadline) {
        self.model = model
        var relaxed = model
        for j in relaxed.variables.indices { relaxed.variables[j].kind = .continuous }
        self.relaxed = relaxed
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, dualSimplex: true)
        solution = (try? relaxed.solve(options: options)).flatMap { $0.status == .optimal ? $0 : nil }
    }

    /// Longest a pricing LP (``fixing(_:at:)``) may take, seconds: an LP of the size the planner builds solves in well
    /// under a second.
    static let pricingSeconds = 10.0

    /// The relaxation with `columns` fixed at their values in `point` (rounded), every other column continuous: with the
    /// halls, feeds and plant modules the plan built fixed, its duals price one more MW of what stands, not of a fractional
    /// hall the relaxation would build for exactly what it needs. `nil` when it does not solve to optimality.
    func fixing(_ columns: [VariableID], at point: [Double]) -> Solution? {
        var fixed = relaxed
        for column in columns {
            let value = point[column.index].rounded()
            fixed.variables[column.index].lowerBound = value
            fixed.variables[column.index].upperBound = value
        }
        return (try? fixed.solve(options: SolverOptions(timeLimitSeconds: Self.pricingSeconds))).flatMap { $0.status == .optimal ? $0 : nil }
    }

    /// A starting plan for `model` with the columns of `fixed` at their values and every other column at the relaxation's
    /// optimum with those fixed (the continuous columns that follow from the integers), if GLPK may take it; `nil` when
    /// that relaxation has no optimum within `deadline`.
    static func completing(_ model: Model, fixed: [VariableID: Double], deadline: SolveDeadline) -> [Double]? {
        var completed = model
        for j in completed.variables.indices { completed.variables[j].kind = .continuous }
        for (column, value) in fixed {
            completed.variables[column.index].lowerBound = value
            completed.variables[column.index].upperBound = value
        }
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, dualSimplex: true)
        guard let solution = try? completed.solve(options: options), solution.status == .optimal else { return nil }
        return usableStart(solution.values, for: model)
    }

    /// A feasible integer point by relax-and-fix: group by group (quarter by quarter), the integer columns
    /// of the earliest unfixed group are made integer while later groups stay relaxed, that small MIP is
    /// solved and its integers fixed. Later quarters thus make up for what rounding took from earlier
    /// ones. `nil` when a step finds no point (e.g. a token target needs more racks than the fixed
    /// quarters allow); GLPK then searches on its own.
    ///
    /// - Parameters:
    ///   - fixingOrder: the integer columns in the groups they are fixed in.
    ///   - searchGap: the relative gap of the whole search (``stepGap(forSearchGap:)``).
    ///   - absoluteGap: the absolute gap of the whole search, shared out among the steps.
    ///   - deadline: the end of the solve the steps belong to.
    ///   - holding: with retirement, the `build` and `retire` columns. Each step then gets at most an even share of
    ///     the time left, so one hard step cannot starve the later ones, and a step that finds no point within it
    ///     holds the fleet instead: its `build` and `retire` columns at 0, the rest from the relaxation. On the mixed
    ///     retrofit split into 24 halls, with build, retire and stock integer, the third quarter's step found no point
    ///     within 2.3 s, and without this no starting plan came back (GLPK then found none in 60 s).
    func relaxAndFix(_ fixingOrder: [[VariableID]], searchGap: Double, absoluteGap: Double?, deadline: SolveDeadline,
                     holding: Set<VariableID>? = nil) -> [Double]? {
        guard var current = solution?.values, let solver = try? IncrementalSolver(model),
              (try? solver.solve(options: SolverOptions(timeLimitSeconds: deadline.remainingSeconds)))?.status == .optimal
        else { return nil }
        var options = SolverOptions(relativeGap: Self.stepGap(forSearchGap: searchGap),
                                    absoluteGap: absoluteGap.map { $0 / Double(max(1, fixingOrder.count)) })
        for (g, group) in fixingOrder.enumerated() {
            if !group.allSatisfy({ abs(current[$0.index] - current[$0.index].rounded()) <= Self.integralityTolerance }) {
                solver.restoreKinds(group)
                options.timeLimitSeconds = deadline.remainingSeconds / (holding == nil ? 1 : Double(fixingOrder.count - g))
                guard let step = try? solver.solve(options: options) else { return nil }
                if step.status == .optimal || step.status == .feasible {
                    current = step.values
                } else if let holding {
                    let held = group.filter(holding.contains)
                    solver.relax(group)
                    solver.fix(held, at: Array(repeating: 0, count: model.variables.count))
                    guard let step = try? solver.solve(options: SolverOptions(timeLimitSeconds: deadline.remainingSeconds)),
                          step.status == .optimal else { return nil }
                    current = step.values
                } else {
                    return nil
                }
            }
            solver.fix(group, at: current.map { $0.rounded() })
        }
        return usableStart(current)
    }

    /// `point` with its integer columns rounded, if GLPK may take it as a starting solution of the model.
    func usableStart(_ point: [Double]) -> [Double]? { Self.usableStart(point, for: model) }

    /// `point` with its integer columns rounded, if GLPK may take it as a starting solution of `model`.
    static func usableStart(_ point: [Double], for model: Model) -> [Double]? {
        let start = zip(model.variables, point).map { $0.kind == .continuous ? $1 : $1.rounded() }
        return model.issues(options: SolverOptions(initialSolution: start)).isEmpty ? start : nil
    }
}

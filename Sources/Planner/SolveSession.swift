import LinearProgramming

extension SolveSession {
    /// The model's first problem, told by the limit it sits in (the planner only builds finite, well-named
    /// models, so what validation still finds is a per-rack figure out of scale).
    static func outOfScale(_ error: ModelError, _ f: Formulation) -> PlanError {
        let issue = error.issues.first
        let detail = issue?.message ?? "the model could not be built"
        if let i = issue?.constraint, i < f.rows.count {
            let info = f.rows[i]
            return .outOfScale(family: info.family, quarter: info.quarter, subject: info.subject, detail: detail)
        }
        return .outOfScale(family: nil, quarter: nil, subject: nil, detail: detail)
    }
}

/// One MIP solve and the LP relaxation of the model it solved (whose duals price the binding limits).
struct SolveStep {
    var solution: Solution
    /// The relaxation of the solved model (racks continuous), when it solved to optimality.
    var relaxation: Solution?
}

/// The MIP solves of one planning run: each starts from a relax-and-fix plan (or a given start), and the
/// session counts solves, the nodes and simplex iterations of every search behind them (``SearchWork``), and turns a failed
/// solve into a ``PlanError``.
struct SolveSession {
    let options: SolverOptions
    let budget: TimeBudget
    private(set) var solves = 0
    /// Nodes and simplex iterations of every search of every solve (``SearchWork``).
    let work = SearchWork()
    var nodes: Int { work.nodes }
    var iterations: Int { work.iterations }
    /// Whether a branch-and-bound ran until its solve's deadline (the per-solve limit, or what was left of the run's budget).
    private(set) var reachedTimeLimit = false
    /// Whether that deadline was the end of the run's budget.
    private(set) var reachedTimeBudget = false
    /// Whether a solve of a model with facility decisions starts from ``FacilityFirst`` (min-capex and the ratio objectives;
    /// README "Facility first").
    let settlesFacilityFirst: Bool
    /// Whether a start short of the gap on a model with facility decisions is followed by ``FacilityFirst``'s, searched
    /// (max-tokens and the ratio objectives; README "Facility first"); not in the max-tokens re-plan hall by hall, whose
    /// start holds the facility of the plan re-planned (``Planner/resolve(_:after:splitting:searched:options:budget:)``).
    var settlesFacilityWhenShort: Bool

    init(_ options: PlanOptions, budget: TimeBudget) {
        // Hybrid pseudocost branching: on the mixed retrofit it reaches a 0.1 % gap in 0.3 s where Driebeck–Tomlin
        // (GLPK's default) is still 4 % away after 30 s (glpsol --cuts with and without --pcost on the exported model).
        self.options = SolverOptions(relativeGap: options.relativeGap, cuts: true, branching: .pseudocost)
        self.budget = budget
        settlesFacilityFirst = [.minCapex, .tokensPerMW, .costPerToken].contains(options.objective)
        settlesFacilityWhenShort = [.maxTokens, .tokensPerMW, .costPerToken].contains(options.objective)
    }

    /// Solves `f`'s current model from the better of `start` and a relax-and-fix plan (by the objective);
    /// `absoluteGap` stops a Dinkelbach step whose optimum is near zero, and `relativeGap` replaces the session's. With `outerBound` (a bound on the objective
    /// proven on a problem of which `f`'s is a restriction), a usable `start` is taken as the starting plan without a
    /// relax-and-fix one. The bound is the tightest of the relaxation's, `outerBound` and, where the start is not within
    /// the gap of those, the halls' (``HallDecomposition``). With ``settlesFacilityWhenShort``, a start still
    /// short of the gap of it is compared with ``FacilityFirst``'s, searched with the facility fixed, and the facility's
    /// bound is taken too. A starting plan within the gap of the bound is returned without a search; otherwise its
    /// neighbourhood is searched first (``Relaxation/improving(_:gap:absoluteGap:target:deadline:)``), and the searches
    /// and branch-and-bound stop at the first plan within the gap of it. The solve ends at `given`, or a solve's limit
    /// from now. With ``settlesFacilityFirst`` and facility decisions in `f`, the start is the better of
    /// `start` and ``FacilityFirst``'s (relax-and-fix's where neither is one), and its bound is taken with `outerBound`.
    mutating func run(_ f: Formulation, absoluteGap: Double? = nil, relativeGap: Double? = nil, start: [Double]? = nil, outerBound: Double? = nil,
                      deadline given: SolveDeadline? = nil) throws -> SolveStep {
        let model = f.model
        let deadline = given ?? budget.solveDeadline()
        var options = self.options
        options.absoluteGap = absoluteGap
        if let relativeGap { options.relativeGap = relativeGap }
        if settlesFacilityFirst, let first = FacilityFirst(f, options: options, deadline: deadline.share(SolveDeadline.startingPlanShare),
                                                           counting: work) {
            let better = [start.flatMap { Relaxation.usableStart($0, for: model) }, first.start].compactMap { $0 }
                .max { Formulation.isBetter($1, than: $0, on: model) }
            return try solveFromStart(f, options: options, start: better, outerBound: model.sense.tightest(outerBound, first.bound),
                                      deadline: deadline)
        }
        return try solveFromStart(f, options: options, start: start, outerBound: outerBound, deadline: deadline)
    }

    /// ``run(_:absoluteGap:relativeGap:start:outerBound:deadline:)`` with its solver `options`, once the facility-first start
    /// and bound, if any, are settled.
    private mutating func solveFromStart(_ f: Formulation, options: SolverOptions, start: [Double]?, outerBound: Double?,
                                         deadline: SolveDeadline) throws -> SolveStep {
        let model = f.model
        var options = options
        let absoluteGap = options.absoluteGap
        let startingPlan = deadline.share(SolveDeadline.startingPlanShare)
        let usable = start.flatMap { Relaxation.usableStart($0, for: model) }
        let relaxingAndFixing = outerBound == nil || usable == nil
        let lp = Relaxation(model, deadline: startingPlan, loadingKept: relaxingAndFixing, counting: work)
        let halls = HallDecomposition(model: model, halls: f.columnHalls)
        // The halls' bound needs only the relaxation: where relax-and-fix runs, it is worked out beside it, on a thread of
        // its own, and used below only where the start does not close the gap to the relaxation's bound.
        let hallsBeside = !relaxingAndFixing ? nil : lp.solution.map { relaxation in
            let until = deadline.share(SolveDeadline.hallBoundShare)
            return BackgroundWork { halls.bound(relaxation: relaxation, deadline: until) }
        }
        let found = !relaxingAndFixing ? nil
            : lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: options.relativeGap ?? 0, absoluteGap: absoluteGap,
                             deadline: startingPlan, fallback: f.stepFallback, solveEnd: deadline)
        let candidates = [usable, found].compactMap { $0 }
        let sign = model.sense.sign
        var initial = candidates.max { Formulation.isBetter($1, than: $0, on: model) }
        func value(_ point: [Double]) -> Double { Formulation.objectiveValue(point, on: model) }
        func closing(_ point: [Double]?, _ bound: Double?) -> Bool {
            guard let point, let bound else { return false }
            return Self.closes(bound: bound, value: value(point), sign: sign, relativeGap: options.relativeGap, absoluteGap: absoluteGap)
        }
        var bound = model.sense.tightest(lp.solution?.objectiveValue, outerBound)
        var proven = outerBound
        // Waited for in every case, so that no thread outlives the solve.
        let hallsBound = hallsBeside?.wait()
        // The relaxation's bound counts fractions of racks in every hall: where the start does not close the gap to it,
        // the halls' own integer optima may (``HallDecomposition``).
        if initial != nil, bound != nil, !closing(initial, bound), let relaxation = lp.solution {
            proven = model.sense.tightest(proven, hallsBeside != nil ? hallsBound
                                          : halls.bound(relaxation: relaxation, deadline: deadline.share(SolveDeadline.hallBoundShare)))
        }
        bound = model.sense.tightest(bound, proven)
        // A start short of the gap (max-tokens, ratio objectives): the facility settled first, and the racks searched for it, may close it,
        // and the facility's bound (of the model with racks continuous) may be tighter.
        if settlesFacilityWhenShort, bound != nil, !closing(initial, bound),
           let first = FacilityFirst(f, options: options, knownBound: bound, searching: true,
                                     deadline: deadline.share(SolveDeadline.facilitySearchShare), counting: work) {
            proven = model.sense.tightest(proven, first.bound)
            bound = model.sense.tightest(bound, proven)
            if let better = first.start, initial.map({ Formulation.isBetter(better, than: $0, on: model) }) ?? true { initial = better }
        }
        // Aimed a hair inside the gap, so that a plan GLPK stops at, rounded, still closes it.
        let target = bound.flatMap { Self.searchTarget(bound: $0, sign: sign, relativeGap: options.relativeGap, absoluteGap: absoluteGap) }
        // GLPK's branch-and-bound seldom improves on a starting plan: its neighbourhood is searched first (RINS).
        if let start = initial, bound != nil, !closing(start, bound) {
            initial = lp.improving(start, gap: Relaxation.neighbourhoodGap(forSearchGap: options.relativeGap ?? 0),
                                   absoluteGap: absoluteGap.map { $0 / 10 },
                                   target: target, deadline: deadline.share(SolveDeadline.neighbourhoodShare))
        }
        if let initial, let bound, closing(initial, bound) {
            solves += 1
            return finish(f, lp: lp, solution: model.solution(at: initial, bestBound: Self.clamped(bound, to: value(initial), sign: sign)))
        }
        if let initial {
            options.presolve = false
            options.initialSolution = initial
        }
        options.objectiveTarget = target
        options.timeLimitSeconds = deadline.remainingSeconds
        var solution: Solution
        do {
            solution = try model.solve(options: options)
        } catch let error as ModelError {
            throw Self.outOfScale(error, f)
        } catch is SolverError {
            throw PlanError.solverFailed
        }
        work.add(solution)
        if solution.status == .limitReachedWithoutSolution, let initial {
            // GLPK stopped before taking up the starting plan: the plan stands, with the bound proven before.
            solution = model.solution(at: initial, bestBound: bound)
        }
        if let proven, let value = solution.objectiveValue, solution.bestBound.map({ sign * proven < sign * $0 }) ?? true {
            let bound = Self.clamped(proven, to: value, sign: sign)
            solution.bestBound = bound
            solution.relativeGap = abs(value - bound) / (abs(value) + .ulpOfOne)
        }
        solves += 1
        if deadline.isPast(within: Self.deadlineResolutionSeconds) {
            reachedTimeLimit = true
            reachedTimeBudget = reachedTimeBudget || budget.runRemainingSeconds < Self.deadlineResolutionSeconds
        }
        switch solution.status {
        case .optimal, .feasible:
            return finish(f, lp: lp, solution: solution)
        case .infeasible:
            // The session's options: this solve's start, target and gaps do not fit the elastic model.
            throw PlanError.infeasible(ElasticDiagnosis.diagnose(f, options: self.options, deadline: budget.solveDeadline()))
        case .limitReachedWithoutSolution:
            throw PlanError.noPlanWithinLimit(seconds: budget.perSolveSeconds, budgetSeconds: budget.isSpent ? budget.runSeconds : nil)
        case .unbounded:
            // Every column is bounded by floor space: only figures out of scale can make the solver say so.
            throw PlanError.outOfScale(family: nil, quarter: nil, subject: nil, detail: "the solver found the objective unbounded")
        }
    }

    /// The step of a solution of `f`: with facility decisions, the duals come from the relaxation with what the plan built
    /// fixed; with `hall_order` rows, from the model without them (``Formulation/modelWithoutHallOrder``).
    private func finish(_ f: Formulation, lp: Relaxation, solution: Solution) -> SolveStep {
        let built = f.facilityBuildColumns
        if f.ordersHalls {
            return SolveStep(solution: solution, relaxation: Relaxation.fixing(f.modelWithoutHallOrder, built, at: solution.values, counting: lp.work))
        }
        return SolveStep(solution: solution, relaxation: built.isEmpty ? lp.solution : lp.fixing(built, at: solution.values))
    }

    /// GLPK's clock ticks in milliseconds: a branch-and-bound that returns this close to its deadline ran out of time.
    static let deadlineResolutionSeconds = 0.01

    /// The least good objective value within the search's gap of `bound` (``closes(bound:value:sign:relativeGap:absoluteGap:)``
    /// holds there): a relative gap g closes at v with bound − v = g·|v| on the side of v, so v = bound / (1 + g) for a
    /// positive bound when maximizing; `nil` for a gap of 1 or more.
    static func closingValue(bound: Double, sign: Double, relativeGap: Double?, absoluteGap: Double?) -> Double? {
        let g = relativeGap ?? 0
        guard g < 1 else { return nil }
        // |v| = ±v: v = bound / (1 + g·sign·sgn(v)), taking the sign of v as that of the bound.
        let relative = bound / (1 + g * sign * (bound < 0 ? -1 : 1))
        let absolute = bound - sign * (absoluteGap ?? 0)
        return sign * relative < sign * absolute ? relative : absolute
    }

    /// `closing` (a ``closingValue(bound:sign:relativeGap:absoluteGap:)``) moved a hair inside the gap, 10⁻⁹ of its size,
    /// so that a plan GLPK stops at there, rounded, still closes it: the target of a search.
    static func aimedInside(_ closing: Double, sign: Double) -> Double { closing + sign * 1e-9 * max(1, abs(closing)) }

    /// The objective target of a search that stops at the first plan within the gap of `bound`: the
    /// ``closingValue(bound:sign:relativeGap:absoluteGap:)`` aimed inside (``aimedInside(_:sign:)``); `nil` for a gap of 1
    /// or more.
    static func searchTarget(bound: Double, sign: Double, relativeGap: Double?, absoluteGap: Double?) -> Double? {
        closingValue(bound: bound, sign: sign, relativeGap: relativeGap, absoluteGap: absoluteGap).map { aimedInside($0, sign: sign) }
    }

    /// `bound`, or `value` where tolerances put the bound on the wrong side of the plan it bounds.
    static func clamped(_ bound: Double, to value: Double, sign: Double) -> Double {
        sign * bound < sign * value ? value : bound
    }

    /// Whether `value` is within the search's gap of `bound` (relative, or absolute for a Dinkelbach step).
    static func closes(bound: Double, value: Double?, sign: Double, relativeGap: Double?, absoluteGap: Double?) -> Bool {
        guard let value else { return false }
        let open = sign * (bound - value)
        return open <= (relativeGap ?? 0) * abs(value) || open <= (absoluteGap ?? 0)
    }
}

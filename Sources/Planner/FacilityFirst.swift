import LinearProgramming

/// A starting plan and a bound for a model with facility decisions, the facility settled first: the model with every
/// integer but the facility's made continuous (a small MIP: halls, feeds, plant and chiller modules, power blocks) is solved,
/// its bound kept, and relax-and-fix then buys the racks for the halls and feeds it chose, fixed, settling the plant and
/// chiller modules and power blocks with them. Used under min-capex and the ratio objectives, and under max-tokens and the
/// ratio objectives where the ordinary start falls short (README "Facility first").
///
/// The model with racks continuous is a relaxation of the plan's model, so its bound holds for every plan. The whole
/// relaxation builds fractions of halls and feeds: on the facility co-design example under min-capex its bound lies
/// 0.24 % below the facility's MIP's, and relax-and-fix quarter by quarter, which settles each quarter's halls before it
/// knows what the later ones need, took 15 s to a plan 0.19 % above that bound; from the facility the plan is 0.025 %
/// above it in about 1 s. In that example's re-plan hall by hall, fixing the modules and blocks too left the racks 0.25 %
/// above the facility's MIP (whole racks need more power than fractions), where with halls and feeds fixed alone the
/// start is the plan that the neighbourhood search took 29 s to reach from there.
///
/// With `searching`, a start short of the gap of the best bound known is then searched with the halls and feeds fixed:
/// branch-and-bound on the fixed model from relax-and-fix's plan, stopped at the first plan within the gap. Used under
/// max-tokens and the ratio objectives where the ordinary start falls short: on the facility co-design example relax-and-fix with the facility
/// fixed ends 0.13 % below the facility's bound, and that search reaches 0.054 % in 819 nodes (about 1.9 s), where
/// branch-and-bound on the whole model took 4,049 nodes (about 4.4 s) to a plan 0.069 % below the same bound.
struct FacilityFirst {
    /// The plan: the facility's MIP's halls and feeds; modules, blocks and racks bought for them by relax-and-fix (and, with
    /// `searching`, improved by branch-and-bound with them fixed). `nil` when relax-and-fix finds no plan for those halls and
    /// feeds by the deadline (whole racks may need more room than fractions).
    let start: [Double]?
    /// The facility's MIP's best bound, a bound on the plan's model.
    let bound: Double

    /// Share of the time given the facility's MIP may take; relax-and-fix (and, with `searching`, the search after it) keeps
    /// the rest.
    static let facilityShare = 0.5

    /// `nil` when `f` has no facility decisions, or the facility's MIP finds no point by `deadline` (then neither does the
    /// plan's model, or its search needs more time: the caller's own search says which). With `searching`, the start is
    /// searched until it is within the gap of the tightest of `knownBound` and the facility's bound, or `deadline`. The
    /// solves (the facility's MIP, relax-and-fix for its halls and feeds, the search) count their work in `work`, whether or
    /// not they end in a plan.
    init?(_ f: Formulation, options: SolverOptions, knownBound: Double? = nil, searching: Bool = false, deadline: SolveDeadline,
          counting work: SearchWork = SearchWork()) {
        let built = f.facilityBuildColumns
        guard !built.isEmpty else { return nil }
        let facility = Set(built)
        let gap = options.relativeGap ?? 0
        var relaxed = f.model
        for j in relaxed.variables.indices where !facility.contains(VariableID(j)) { relaxed.variables[j].kind = .continuous }
        var facilityOptions = options
        facilityOptions.relativeGap = Relaxation.stepGap(forSearchGap: gap)
        facilityOptions.absoluteGap = options.absoluteGap.map { $0 / 10 }
        facilityOptions.timeLimitSeconds = deadline.share(Self.facilityShare).remainingSeconds
        guard let chosen = work.add(try? relaxed.solve(options: facilityOptions)),
              chosen.status == .optimal || chosen.status == .feasible,
              let bound = chosen.bestBound
        else { return nil }
        var fixed = f.model
        for column in f.hallBuilt.values.flatMap(\.values) + f.feedBuilt.values.flatMap(\.values) {
            let value = chosen.values[column.index].rounded()
            fixed.variables[column.index].lowerBound = value
            fixed.variables[column.index].upperBound = value
        }
        // Relax-and-fix returns only points the fixed model takes as a start: the plan's model, with the same rows and wider
        // bounds, takes them too.
        let lp = Relaxation(fixed, deadline: deadline, loadingKept: true, counting: work)
        let found = lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: gap, absoluteGap: options.absoluteGap, deadline: deadline,
                                   fallback: f.stepFallback, solveEnd: deadline)
        self.bound = bound
        let best = f.model.sense.tightest(knownBound, bound) ?? bound
        start = searching ? found.map {
            Self.searched($0, in: fixed, of: f.model, bound: best, options: options, deadline: deadline, counting: work)
        } : found
    }

    /// `start` improved by branch-and-bound on `fixed` (the plan's model with the facility fixed) until a plan is within the
    /// gap of `bound` or `deadline` passes; `start` itself when it already is, or nothing better is found. The search is
    /// counted in `work`.
    private static func searched(_ start: [Double], in fixed: Model, of model: Model, bound: Double, options: SolverOptions,
                                 deadline: SolveDeadline, counting work: SearchWork) -> [Double] {
        let sign = model.sense.sign
        let (relativeGap, absoluteGap) = (options.relativeGap, options.absoluteGap)
        guard !SolveSession.closes(bound: bound, value: Formulation.objectiveValue(start, on: model), sign: sign,
                                   relativeGap: relativeGap, absoluteGap: absoluteGap),
              !deadline.isPast,
              let target = SolveSession.searchTarget(bound: bound, sign: sign, relativeGap: relativeGap, absoluteGap: absoluteGap)
        else { return start }
        var search = options
        search.presolve = false
        search.initialSolution = start
        search.objectiveTarget = target
        search.timeLimitSeconds = deadline.remainingSeconds
        guard let found = work.add(try? fixed.solve(options: search)), found.status == .optimal || found.status == .feasible,
              let point = Relaxation.usableStart(found.values, for: model), Formulation.isBetter(point, than: start, on: model)
        else { return start }
        return point
    }
}

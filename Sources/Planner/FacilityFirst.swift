import LinearProgramming

/// A starting plan and a bound for a model with facility decisions, the facility settled first: the model with every
/// integer but the facility's made continuous (a small MIP: halls, feeds, plant and chiller modules, power blocks) is solved,
/// its bound kept, and relax-and-fix then buys the racks for the halls and feeds it chose, fixed, settling the plant and
/// chiller modules and power blocks with them. Used under min-capex (README "Facility first").
///
/// The model with racks continuous is a relaxation of the plan's model, so its bound holds for every plan. The whole
/// relaxation builds fractions of halls and feeds: on the facility co-design example under min-capex its bound lies
/// 0.24 % below the facility's MIP's, and relax-and-fix quarter by quarter, which settles each quarter's halls before it
/// knows what the later ones need, took 15 s to a plan 0.19 % above that bound; from the facility the plan is 0.025 %
/// above it in about 1 s. In that example's re-plan hall by hall, fixing the modules and blocks too left the racks 0.25 %
/// above the facility's MIP (whole racks need more power than fractions), where with halls and feeds fixed alone the
/// start is the plan that the neighbourhood search took 29 s to reach from there.
struct FacilityFirst {
    /// The plan: the facility's MIP's halls and feeds; modules, blocks and racks bought for them by relax-and-fix. `nil` when
    /// relax-and-fix finds no plan for those halls and feeds by the deadline (whole racks may need more room than fractions).
    let start: [Double]?
    /// The facility's MIP's best bound, a bound on the plan's model.
    let bound: Double

    /// Share of the starting plan's time the facility's MIP may take; relax-and-fix keeps the rest.
    static let facilityShare = 0.5

    /// `nil` when `f` has no facility decisions, or the facility's MIP finds no point by `deadline` (then neither does the
    /// plan's model, or its search needs more time: the caller's own search says which).
    init?(_ f: Formulation, options: SolverOptions, deadline: SolveDeadline) {
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
        guard let chosen = try? relaxed.solve(options: facilityOptions), chosen.status == .optimal || chosen.status == .feasible,
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
        let lp = Relaxation(fixed, deadline: deadline, loadingKept: true)
        start = lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: gap, absoluteGap: options.absoluteGap, deadline: deadline,
                               fallback: f.stepFallback, solveEnd: deadline)
        self.bound = bound
    }
}

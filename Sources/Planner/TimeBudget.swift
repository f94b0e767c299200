/// The wall clock of a planning run: a deadline for the whole run and a limit for each solve.
struct TimeBudget {
    let clock = ContinuousClock()
    let runDeadline: ContinuousClock.Instant
    let perSolveSeconds: Double
    /// The whole run's budget, seconds.
    let runSeconds: Double

    init(_ options: PlanOptions) {
        runDeadline = clock.now + .milliseconds(Int64((options.timeBudgetSeconds * 1000).rounded(.down)))
        perSolveSeconds = options.timeLimitSeconds
        runSeconds = options.timeBudgetSeconds
    }

    /// Seconds left of the whole run (0 when it has run out).
    var runRemainingSeconds: Double { max(0, (runDeadline - clock.now) / .seconds(1)) }

    /// Whether the run's budget is spent.
    var isSpent: Bool { clock.now >= runDeadline }

    /// The deadline of a solve starting now: its own limit, cut to what is left of the run but not below
    /// ``PlanOptions/minimumSolveSeconds`` (unless the limit itself is shorter).
    func solveDeadline() -> SolveDeadline {
        let seconds = min(perSolveSeconds, max(PlanOptions.minimumSolveSeconds, runRemainingSeconds))
        return SolveDeadline(end: clock.now + .milliseconds(Int64((seconds * 1000).rounded(.down))))
    }
}

/// The end of one solve, shared by its LP relaxation, relax-and-fix steps and branch-and-bound.
struct SolveDeadline {
    let clock = ContinuousClock()
    let end: ContinuousClock.Instant

    /// Share of a solve's time the LP relaxation and relax-and-fix may use; branch-and-bound keeps the rest. Most designs
    /// need a fraction of a second for both; on benchmarks/campus-48-distinct.yaml relax-and-fix took about 27 s of a 60 s
    /// solve on an idle 2-core machine (about 8 s now) and more on a busy one, and branch-and-bound improved on its plan
    /// by nothing in the 30 s left, so the start may take three quarters.
    static let startingPlanShare = 0.75

    /// Share of what is left of a solve, once it has a starting plan, that the neighbourhood search (``Relaxation/improving``)
    /// may use; branch-and-bound keeps the rest. On the facility co-design example's re-plan one neighbourhood took that
    /// run's start from 0.58 % to 0.08 % below the bound in 30 s; without it, branch-and-bound gained 0.01 % on its start
    /// in what was left of a 60 s re-plan.
    static let neighbourhoodShare = 0.5

    /// Share of what is left of a solve, once it has a starting plan short of the gap, that the facility settled first and
    /// the racks searched for it (``FacilityFirst`` with `searching`, max-tokens and the ratio objectives) may use; the neighbourhood search and
    /// branch-and-bound keep the rest. On the facility co-design example it needs about 2 s of the 60; given half, a
    /// search that does not reach the gap (29 s with other branching rules) still leaves the whole model's searches as
    /// much time as it took.
    static let facilitySearchShare = 0.5

    /// Share of what is left of a solve, once it has a starting plan (or, where relax-and-fix runs and the bound is worked
    /// out beside it, once the relaxation is solved), that the halls' bound (``HallDecomposition``) may use:
    /// on benchmarks/campus-48-distinct.yaml it took about 10 s of the 43 s left, with two of the 48 halls stopped short,
    /// until each hall was solved over its builds alone; now 0.6 s, every hall at its root.
    static let hallBoundShare = 0.25

    /// A deadline `share` of the way from now to the end.
    func share(_ share: Double) -> SolveDeadline {
        SolveDeadline(end: clock.now + (end - clock.now) * share)
    }

    /// Whether the deadline has passed.
    var isPast: Bool { clock.now >= end }

    /// Whether the deadline has passed or is less than `seconds` away.
    func isPast(within seconds: Double) -> Bool { end - clock.now < .milliseconds(Int64((seconds * 1000).rounded())) }

    /// Seconds left for the next step of the solve, at least a millisecond (GLPK's resolution).
    var remainingSeconds: Double { max(0.001, (end - clock.now) / .seconds(1)) }
}

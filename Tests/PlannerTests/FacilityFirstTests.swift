import Testing
import LinearProgramming
@testable import Planner
@testable import PlantModel

/// The facility-first start and bound (README "Facility first (min-capex, and max-tokens when short)" under `plan`) on an instance small enough to
/// price by hand.
@Suite("Facility settled first: its bound and the racks bought for it")
struct FacilityFirstTests {
    /// Three halls of 2 positions and 1 MW to build at $2M each; 1,500,000 tokens/s in 2026Q2 at least capex.
    static func threeHalls() throws -> TinyInstance {
        try FacilityDecisionTests.buildableHalls(count: 3, positions: 2, capexUSD: 2e6, leadTimeQuarters: 0, budgetUSD: 1e12)
    }

    static let target = 1_500_000.0

    /// The min-capex model of the three halls.
    static func model() throws -> Formulation {
        let tiny = try threeHalls()
        var f = Formulation(PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog), tokenTarget: target)
        f.model.sense = .minimize
        f.model.objective = f.capexTerms
        return f
    }

    /// By hand. The model asks at least 3 units in 2026Q2 (`token_target_units`: 1.5e6 / 596,952 = 2.51 rounded up) and
    /// 596,952a + 395,928b ≥ 1.5e6 tokens/s of a GB300 ($4M) and b GB200 ($3M), 2 positions per hall ($2M).
    /// - Whole racks (the optimum): 2 × GB300 + 1 × GB200 = 1,589,832 tokens/s ($11M; 2 × GB300 alone is 1,193,904, short)
    ///   in 3 positions, so 2 halls ($4M): $15M. 3 × GB300 or 4 × GB200 cost $12M in racks, also in 2 halls: $16M.
    /// - Racks continuous: a + b = 3 with 1,187,784 + 201,024a ≥ 1.5e6, so a = 312,216 / 201,024 = 1.553128, racks
    ///   $9M + $1M·a = $10,553,128. Halls whole (the facility's MIP): 3 positions take 2 halls, $4M: $14,553,128.
    /// - Everything continuous (the relaxation): 1.5 halls, $3M: $13,553,128.
    @Test("min-capex: the facility's bound $14,553,128 lies between the relaxation's $13,553,128 and the optimum $15M, its start is the optimum")
    func boundAndStart() throws {
        let f = try Self.model()
        let deadline = SolveDeadline(end: ContinuousClock.now + .seconds(30))
        let options = SolverOptions(relativeGap: 0, cuts: true, branching: .pseudocost)
        let first = try #require(FacilityFirst(f, options: options, deadline: deadline))
        let racks = 9e6 + 1e6 * 312_216 / 201_024
        #expect(first.bound.isApproximatelyEqual(to: racks + 4e6, relativeTolerance: 1e-6))
        let relaxation = try #require(Relaxation(f.model, deadline: deadline).solution?.objectiveValue)
        #expect(relaxation.isApproximatelyEqual(to: racks + 3e6, relativeTolerance: 1e-6))
        let start = try #require(first.start)
        #expect(Formulation.value(f.capexTerms, start).isApproximatelyEqual(to: 15e6, relativeTolerance: 1e-9))
    }

    /// At a 50 % gap every start closes at once, so the bound reported is the best known before any search: under min-capex
    /// the facility's $14,553,128; without it the relaxation's $13,553,128 (the start, $15M, is 9.7 % above that).
    @Test("The min-capex solve takes the facility's bound: $14,553,128 where the relaxation says $13,553,128")
    func sessionTakesTheBound() throws {
        let f = try Self.model()
        let options = PlanOptions(objective: .minCapex, tokenTargetPerSecond: Self.target, relativeGap: 0.5)
        var session = SolveSession(options, budget: TimeBudget(options))
        #expect(session.settlesFacilityFirst)
        let step = try session.run(f)
        #expect(step.solution.objectiveValue.map { $0.isApproximatelyEqual(to: 15e6, relativeTolerance: 1e-9) } == true)
        let racks = 9e6 + 1e6 * 312_216 / 201_024
        #expect(step.solution.bestBound.map { $0.isApproximatelyEqual(to: racks + 4e6, relativeTolerance: 1e-6) } == true)
        #expect(!SolveSession(PlanOptions(relativeGap: 0.5), budget: TimeBudget(options)).settlesFacilityFirst)
    }

    @Test("The plan min-capex returns from it is the optimum, 2 halls, 2 × GB300 and 1 × GB200, at a proven gap of 0")
    func plan() throws {
        let plan = try Self.threeHalls().plan(.minCapex, target: Self.target).plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 15e6, relativeTolerance: 1e-9))
        #expect(plan.solver.bestBound.map { $0.isApproximatelyEqual(to: 15e6, relativeTolerance: 1e-9) } == true)
        #expect(plan.solver.relativeGap.map { $0 < 1e-9 } == true)
        #expect(plan.facilityBuilds?.last?.inService == 2)
        let last = plan.quarters.last?.quarter
        var racks = [String: Int]()
        for line in plan.racks where line.quarter == last { racks[line.profile, default: 0] += line.racksTotal }
        #expect(racks == ["gb300-nvl72": 2, "gb200-nvl72": 1])
    }

    /// The max-tokens model (as ``MaxTokensStrategy`` sets it) of two halls of 2 positions at $2M under a $15M budget.
    static func twoHallsMaxTokens() throws -> Formulation {
        let tiny = try FacilityDecisionTests.buildableHalls(count: 2, positions: 2, capexUSD: 2e6, leadTimeQuarters: 0, budgetUSD: 15e6)
        var f = Formulation(PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog))
        f.model.sense = .maximize
        f.model.objective = f.discouragingIdleDecisions(Formulation.sum(f.tokenTerms), sense: .maximize)
        return f
    }

    /// Max-tokens, two halls of 2 positions at $2M under a $15M budget, the same racks in both quarters, tokens/s summed over
    /// the two (FacilityDecisionTests.budgets, worked by hand there):
    /// - Whole racks (the optimum): both halls, GB200 + 2 × GB300 = 1,589,832 tokens/s a quarter, 3,179,664 summed.
    /// - Racks continuous, halls whole (the facility's MIP): both halls leave $11M, 2.75 GB300 (a GB300 gives the most
    ///   tokens per dollar and per position) = 1,641,618 a quarter, 3,283,236 summed; one hall leaves $13M for 2 positions,
    ///   1,193,904.
    /// - Everything continuous (the relaxation): $1M of hall per position, so $15M buys 3 GB300 and 1.5 halls,
    ///   1,790,856 a quarter, 3,581,712 summed.
    /// The model's objective also carries 1 per hall in service per quarter (``Formulation/idleDecisionPenalty``): 4 for two
    /// halls over the two quarters, 3 for the relaxation's 1.5.
    @Test("max-tokens: the facility's bound 3,283,232 lies between the relaxation's 3,581,709 and the optimum 3,179,660, which the searched start is")
    func maxTokensBoundAndSearchedStart() throws {
        let f = try Self.twoHallsMaxTokens()
        let deadline = SolveDeadline(end: ContinuousClock.now + .seconds(30))
        let relaxation = try #require(Relaxation(f.model, deadline: deadline).solution?.objectiveValue)
        #expect(relaxation.isApproximatelyEqual(to: 2 * 3 * 596_952 - 3, relativeTolerance: 1e-9))
        let options = SolverOptions(relativeGap: 0, cuts: true, branching: .pseudocost)
        let first = try #require(FacilityFirst(f, options: options, knownBound: relaxation, searching: true, deadline: deadline))
        #expect(first.bound.isApproximatelyEqual(to: 2 * 2.75 * 596_952 - 4, relativeTolerance: 1e-9))
        let start = try #require(first.start)
        #expect(Formulation.objectiveValue(start, on: f.model).isApproximatelyEqual(to: 2 * 1_589_832 - 4, relativeTolerance: 1e-9))
        // The max-tokens solve takes that bound where its own start falls short of the gap.
        let planOptions = PlanOptions(relativeGap: 0)
        var session = SolveSession(planOptions, budget: TimeBudget(planOptions))
        #expect(session.settlesFacilityWhenShort && !session.settlesFacilityFirst)
        let step = try session.run(f)
        #expect(step.solution.objectiveValue.map { $0.isApproximatelyEqual(to: 2 * 1_589_832 - 4, relativeTolerance: 1e-9) } == true)
        #expect(!SolveSession(PlanOptions(objective: .minCapex, tokenTargetPerSecond: Self.target), budget: TimeBudget(planOptions))
            .settlesFacilityWhenShort)
    }

    /// At a 5 % gap the ordinary start (at best the optimum, 12.6 % below the relaxation) is short, and the facility's start
    /// closes the gap to the facility's bound (3.26 %): the solve reports that bound, not the relaxation's. The two halls
    /// are one group, so no halls' bound is worked out (it needs two).
    @Test("max-tokens at a 5 % gap: the solve reports the facility's bound 3,283,232 where the relaxation says 3,581,709")
    func maxTokensSessionTakesTheBound() throws {
        let f = try Self.twoHallsMaxTokens()
        let options = PlanOptions(relativeGap: 0.05)
        var session = SolveSession(options, budget: TimeBudget(options))
        let step = try session.run(f)
        #expect(step.solution.objectiveValue.map { $0.isApproximatelyEqual(to: 2 * 1_589_832 - 4, relativeTolerance: 1e-9) } == true)
        #expect(step.solution.bestBound.map { $0.isApproximatelyEqual(to: 2 * 2.75 * 596_952 - 4, relativeTolerance: 1e-9) } == true)
        // No final branch-and-bound ran (the facility's start closes the gap, so no search with it fixed either), but the
        // work behind the start is counted: the facility's MIP and relax-and-fix for its halls (as they run alone, with the
        // session's options), on top of the relaxation and relax-and-fix of the ordinary start.
        #expect(step.solution.branchAndBoundNodes == 0 && step.solution.simplexIterations == 0)
        let alone = SearchWork()
        _ = FacilityFirst(f, options: SolverOptions(relativeGap: 0.05, cuts: true, branching: .pseudocost), searching: true,
                          deadline: SolveDeadline(end: ContinuousClock.now + .seconds(30)), counting: alone)
        #expect(alone.nodes > 0 && alone.iterations > 0)
        #expect(session.nodes >= alone.nodes && session.iterations > alone.iterations)
    }

    @Test("Without facility decisions there is nothing to settle first")
    func noFacility() throws {
        let tiny = try TinyInstance()
        var f = Formulation(PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog), tokenTarget: Self.target)
        f.model.sense = .minimize
        f.model.objective = f.capexTerms
        let deadline = SolveDeadline(end: ContinuousClock.now + .seconds(30))
        #expect(FacilityFirst(f, options: SolverOptions(relativeGap: 0), deadline: deadline) == nil)
    }
}

import LinearProgramming
import PlantModel
import Plans

/// What a planning run returns: the plan, the final model (for export), and how long it took.
public struct PlanResult: Sendable {
    public var plan: BuildPlan
    /// The model of the final solve, as exported by `--export-model`.
    public var model: Model
    /// Wall-clock time of the whole run, seconds (kept out of the plan so plans stay byte-identical).
    public var elapsedSeconds: Double
    /// The final model's relaxation, to value whole options by (README "What to build next").
    public var relief: ReliefValuation?
}

/// Chooses the hardware mix hall by hall and quarter by quarter.
///
/// Pipeline: check the options → resolve the inputs (``PlanningProblem``: eligibility, design condition,
/// per-rack coefficients) → build the MIP (``Formulation``) → solve it for the objective (an
/// ``ObjectiveStrategy``) → place racks into individual halls (``HallAssignment``), where an aggregated group does not
/// split taking its search's placement if what that leaves out keeps the plan within the gap (``PlacementWithinGap``),
/// else solving again with the group pinned at that placement if that plan is within the gap (``PinnedPlacement``), else
/// re-planning the group hall by hall → with retirement and an objective without money, take the fewest purchases for
/// the racks in service (``FewestPurchases``) → refuse a plan with no rack (``NoRackAnalysis``
/// says why) and re-check every limit at the rounded plan (``PlanCheck``) → read the binding limits and
/// their shadow prices from the final solve's LP relaxation (``BindingAnalysis``; a ratio objective's at the plan's own
/// ratio, in the ratio's unit: ``RatioPricing``) → assemble the plan
/// (``PlanAssembly``).
public enum Planner {
    public static func plan(design: ReferenceDesign, site: Site, catalog: Catalog, inputs: PlanInputs,
                            options: PlanOptions = PlanOptions()) throws -> PlanResult {
        let clock = ContinuousClock()
        let start = clock.now
        try check(options)
        let budget = TimeBudget(options)
        var problem = PlanningProblem(design: design, site: site, catalog: catalog)
        try checkNames(problem)
        try checkBuildOptions(problem)
        if let first = problem.unplaceableExisting.first { throw PlanError.inputProblem(path: first.path, message: first.message) }
        if problem.eligible.isEmpty { throw PlanError.noRacks(NoRackAnalysis.diagnose(Formulation(problem))) }
        try checkTokenTarget(problem, options)
        var outcome = try solve(problem, options: options, budget: budget)
        var assignment = HallAssignment(placing: outcome, searchingUntil: budget.solveDeadline().share(Self.firstSearchShare))
        // Each re-plan splits at least one more group (a group that fitted before may not after), so this ends; single
        // halls cannot be split, and one over its limit is left to the re-check below. Before a re-plan, the groups that did not
        // place are pinned at their searches' placements (``PinnedPlacement``): each such round pins at least one more group.
        var pinned: [VariableID: Double] = [:], pinnedGroups: Set<Int> = []
        while !assignment.overfull.isEmpty {
            let cut = PlacementWithinGap(outcome, assignment, options: options, deadline: budget.solveDeadline())
            if let cut, cut.closesGap {
                (outcome, assignment) = (cut.outcome, cut.assignment)
                break
            }
            if let cut, !assignment.overfull.isSubset(of: pinnedGroups),
               let refit = PinnedPlacement(cut, pinnedBefore: pinned, options: options,
                                           deadline: budget.solveDeadline().share(PinnedPlacement.solveShare)) {
                (outcome, pinned) = (refit.outcome, refit.pinned)
                pinnedGroups.formUnion(assignment.overfull)
                assignment = HallAssignment(placing: outcome, searchingUntil: budget.solveDeadline().share(Self.laterSearchShare))
                // The pinned groups hold the racks the cut placed: that placement stands where a search does not find it again.
                assignment.taking(pinnedGroups, from: cut.assignment, problem: problem)
                continue
            }
            (pinned, pinnedGroups) = ([:], [])
            let split = problem.expanding(assignment.overfull)
            guard split.halls.count > problem.halls.count else { break }
            do {
                outcome = try resolve(split, after: outcome, splitting: assignment.overfull, searched: assignment.searched, options: options,
                                      budget: budget)
            } catch PlanError.noPlanWithinLimit(let seconds, let budgetSeconds) {
                // A re-plan with no plan in its time (a run whose budget the groups' solve spent keeps a second for it): the
                // searches' placement of the groups' plan is a plan, at whatever gap it has.
                guard let cut else { throw PlanError.noPlanWithinLimit(seconds: seconds, budgetSeconds: budgetSeconds) }
                (outcome, assignment) = (cut.outcome, cut.assignment)
                break
            }
            problem = split
            assignment = HallAssignment(placing: outcome, searchingUntil: budget.solveDeadline().share(Self.laterSearchShare))
        }
        if options.objective == .minCapex {
            outcome.solution = ServedTokens.filled(outcome.solution, of: outcome.formulation, deadline: budget.solveDeadline())
        }
        if let fewer = FewestPurchases.fewer(outcome) {
            // The racks in service are the plan's; only which are bought and retired when changes, so they are placed again.
            let placed = HallAssignment(placing: fewer, searchingUntil: budget.solveDeadline().share(Self.laterSearchShare))
            if placed.overfull.isEmpty { (outcome, assignment) = (fewer, placed) }
        }
        let stock = outcome.stockValues
        // A Pareto point's ε-limit may leave room for no rack: that point of the frontier is zero, not an error.
        if options.limit == nil, stock.values.allSatisfy({ $0.values.allSatisfy { $0 == 0 } }) {
            throw PlanError.noRacks(NoRackAnalysis.diagnose(outcome.formulation))
        }
        try PlanCheck.check(problem: problem, stock: stock, retired: outcome.retiredValues, assignment: assignment,
                            hallsBuilt: outcome.hallsBuiltValues, feedsBuilt: outcome.feedsBuiltValues, plantModules: outcome.plantModulesValues,
                            chillerModules: outcome.chillerModulesValues, battery: outcome.batteryValues)
        let pricing = (options.strategy as? RatioStrategy).flatMap {
            RatioPricing(outcome, strategy: $0, within: min(Relaxation.pricingSeconds, max(0.01, budget.runRemainingSeconds)))
        }
        // The pricing LP's simplex iterations count with the run's.
        outcome.iterations += pricing?.iterations ?? 0
        let binding = BindingAnalysis.limits(problem: problem, outcome: outcome, assignment: assignment, pricing: pricing)
        let plan = PlanAssembly.plan(problem: problem, outcome: outcome, assignment: assignment,
                                     binding: binding, inputs: inputs, options: options)
        return PlanResult(plan: plan, model: outcome.formulation.model, elapsedSeconds: (clock.now - start) / .seconds(1),
                          relief: ReliefValuation(pricing?.formulation ?? outcome.formulation, solution: outcome.solution.values,
                                                 budgetEnd: budget.runDeadline, scale: pricing?.scale ?? 1))
    }

    /// Refuses options that do not fit the objective.
    static func check(_ options: PlanOptions) throws {
        if options.objective == .minCapex, options.tokenTargetPerSecond == nil {
            throw PlanError.invalidOptions("min-capex needs a token target (--token-target tokens/s)")
        }
        if let target = options.tokenTargetPerSecond, !(target.isFinite && target > 0) {
            throw PlanError.invalidOptions("the token target must be a positive number of tokens/s, got \(target)")
        }
    }

    /// Refuses a min-capex token target below a thousandth of what one purchase unit of every allowed profile serves at its best
    /// workload: such a target is tokens/s mistyped (2 for 2 million), and GLPK's integrality tolerance (10⁻⁵ of a unit) would
    /// meet it with a sliver of a rack and report a plan without any. A larger target below one unit takes one unit.
    static func checkTokenTarget(_ problem: PlanningProblem, _ options: PlanOptions) throws {
        guard options.objective == .minCapex, let target = options.tokenTargetPerSecond else { return }
        var least: (profile: String, racks: Int, tokensPerSecond: Double)?
        for p in Set(problem.eligible.map(\.profile)).sorted() {
            let profile = problem.profiles[p], racks = problem.design.unitRacks(profile.id)
            let unit = Double(racks) * problem.bestRackTokensPerSecond(profile)
            if unit > 0, least.map({ unit < $0.tokensPerSecond }) ?? true { least = (profile.id, racks, unit) }
        }
        guard let least, target < least.tokensPerSecond / Self.leastTargetUnits else { return }
        throw PlanError.invalidOptions("--token-target \(format(target)) tokens/s is less than a thousandth of what one purchase unit of any "
            + "allowed profile serves (the least: \(least.racks) × \(least.profile), \(format(least.tokensPerSecond.rounded())) tokens/s): "
            + "the target is in tokens/s (1.5e9 for 1.5 billion); give at least "
            + "\(format((least.tokensPerSecond / Self.leastTargetUnits).rounded(.up))) (up to one unit's tokens/s, the plan takes one unit)")
    }

    /// A min-capex token target must be at least one unit's tokens/s over this (``checkTokenTarget(_:_:)``).
    static let leastTargetUnits = 1000.0

    /// Refuses a feed to connect whose capex has no life to be annualized over (the site's feed and the design's facility
    /// give none).
    static func checkBuildOptions(_ problem: PlanningProblem) throws {
        if let issue = Site.pairIssues(problem.site, design: problem.design).first { throw PlanError.invalidOptions(issue.message) }
    }

    /// Share of a solve's time limit the placement searches of the first assignment may take (README "Placement search").
    static let firstSearchShare = 0.25

    /// Share of a solve's time limit the placement searches take after a re-plan, a group's first search there included.
    /// A group searched again then holds the re-plan's plan, close to one a search already placed or failed to: on the
    /// facility co-design example, before plans placed within the gap were taken, the liquid group's second search took its
    /// whole share of the quarter (7.5 s) and still ended short, so the group was re-planned anyway; at a twentieth the run
    /// took 13–14 s instead of 21–23 s, at 0.098 % instead of 0.091 %.
    static let laterSearchShare = 0.05

    /// Longest hall, profile or workload name: row names such as `share(NAME,2027Q3)` stay within GLPK's 255.
    static let maximumNameLength = 120

    /// Refuses names that the model's row names cannot tell apart or hold.
    static func checkNames(_ problem: PlanningProblem) throws {
        let kinds: [(String, [String])] = [
            ("halls", problem.halls.map(\.name)), ("profiles", problem.profiles.map(\.id)),
            ("workloads", problem.design.workloadMix.map(\.workload)),
            // Loops' ids stand beside the main loop's module ids in column names.
            ("water loops", ["heat_rejection", "chillers"] + problem.loops.dropFirst().map(\.name)),
        ]
        for (kind, names) in kinds {
            var seen: [String: String] = [:]
            for name in names {
                if name.utf8.count > maximumNameLength { throw PlanError.nameTooLong(kind: kind, name: name, limit: maximumNameLength) }
                let id = Formulation.id(name)
                if let first = seen[id], first != name { throw PlanError.ambiguousNames(kind: kind, first: first, second: name, id: id) }
                seen[id] = name
            }
        }
    }

    /// The solved final model and what the objective strategy found.
    struct Outcome {
        var objective: Objective
        var formulation: Formulation
        var solution: Solution
        /// The LP relaxation of the final model (racks continuous), when it solved to optimality.
        var relaxation: Solution?
        var objectiveValue: Double
        /// Proven bound on `objectiveValue`, same unit (see ``SolverFacts/bestBound``).
        var objectiveBound: Double?
        /// The unit of the final model's objective, in which shadow prices are given (a ratio objective's with a gap are
        /// given in the ratio's unit instead: ``RatioPricing``).
        var shadowPriceUnit: String
        /// The final solve, to solve again on the problem split hall by hall.
        var final: FinalStep
        var solves: Int
        var nodes: Int
        var iterations: Int
        /// Whether a branch-and-bound of this run, re-plans included, ran until its time limit.
        var reachedTimeLimit: Bool
        /// Whether one ran until the end of the run's time budget.
        var reachedTimeBudget: Bool

        /// |bound − value| / |value| of the objective.
        var relativeGap: Double? {
            objectiveBound.map { abs($0 - objectiveValue) / max(abs(objectiveValue), .leastNonzeroMagnitude) }
        }

        /// Installed racks per eligibility and quarter, rounded from the solution.
        var stockValues: [Int: [Int: Int]] {
            formulation.stock.mapValues { byQuarter in byQuarter.mapValues { Int(solution[$0].rounded()) } }
        }

        /// A build series' value in every quarter, rounded from the solution (0 before its first quarter).
        private func everyQuarter(_ byQuarter: [Int: VariableID]) -> [Int] {
            formulation.problem.quarters.indices.map { t in byQuarter[t].map { Int(solution[$0].rounded()) } ?? 0 }
        }

        /// Halls in service per hall group with a build option and quarter.
        var hallsBuiltValues: [Int: [Int]] { formulation.hallBuilt.mapValues(everyQuarter) }

        /// Feeds with a build option energized (1) or not (0) per feed index and quarter.
        var feedsBuiltValues: [Int: [Int]] { formulation.feedBuilt.mapValues(everyQuarter) }

        /// Plant modules in service per water loop and quarter.
        var plantModulesValues: [[Int]] { formulation.problem.loops.indices.map { everyQuarter(formulation.plantBuilt[$0] ?? [:]) } }

        /// Chiller modules in service per water loop and quarter.
        var chillerModulesValues: [[Int]] { formulation.problem.loops.indices.map { everyQuarter(formulation.chillerBuilt[$0] ?? [:]) } }
        /// Battery energy (MWh) and power (MW) in service per quarter, what is in place included, rounded as plan.json writes
        /// figures; empty without a battery to build to a ride-through.
        var batteryValues: [(energyMWh: Double, powerMW: Double)] {
            guard let ride = formulation.problem.batteryRideThrough, ride.firstQuarter != nil else { return [] }
            return formulation.problem.quarters.indices.map { t in
                (formulation.batteryEnergy[t].map { PlanAssembly.rounded(solution[$0]) } ?? ride.energyInPlaceMWh,
                 formulation.batteryPower[t].map { PlanAssembly.rounded(solution[$0]) } ?? ride.powerInPlaceMW)
            }
        }

        /// Power blocks in service per hall group with power blocks and quarter.
        var powerBlocksValues: [Int: [Int]] { formulation.powerBlocks.mapValues(everyQuarter) }

        /// Racks retired per eligibility and quarter, rounded from the solution, less those bought back in the same
        /// quarter: retiring k racks and buying k of the same profile into the same hall group leaves the stock, and so
        /// every limit and token, as it was, and only costs. The objective's retirement penalty rules that out at the
        /// optimum, but a plan within the gap may carry it. Whole purchase units are cancelled, and with an asset life
        /// only where the racks in stock stay within it.
        var retiredValues: [Int: [Int: Int]] {
            let problem = formulation.problem, stock = stockValues
            var retired = formulation.retire.mapValues { byQuarter in byQuarter.mapValues { Int(solution[$0].rounded()) } }
            let life = problem.design.economics.rackLifeQuarters
            for e in retired.keys.sorted() {
                let unit = problem.design.unitRacks(problem.profiles[problem.eligible[e].profile].id)
                func racks(_ t: Int) -> Int { t < 0 ? problem.existingRacks(e) : stock[e]?[t] ?? 0 }
                func built(_ t: Int) -> Int { racks(t) - racks(t - 1) + (retired[e]?[t] ?? 0) }
                for t in retired[e]!.keys.sorted() {
                    var k = min(retired[e]![t]!, built(t)) / unit * unit
                    if let life, k > 0 {
                        for tau in t..<min(problem.quarters.count, t + life) {
                            let recent = (max(0, tau - life + 1)...tau).reduce(0) { $0 + built($1) }
                            k = min(k, max(0, recent + problem.existingInLife(e, quarter: tau) - racks(tau)) / unit * unit)
                        }
                    }
                    retired[e]![t]! -= k
                }
            }
            return retired
        }
    }

    /// The model of `problem` for `options`, before its objective is set.
    static func formulation(_ problem: PlanningProblem, options: PlanOptions) -> Formulation {
        Formulation(problem, tokenTarget: options.objective == .minCapex ? options.tokenTargetPerSecond : nil,
                    limit: options.limit, water: options.waterLimit, countsEnergy: options.objective == .costPerToken)
    }

    /// Builds the model of `problem` and solves it with the objective's strategy.
    static func solve(_ problem: PlanningProblem, options: PlanOptions, budget: TimeBudget, seed: (Formulation) -> RatioStrategy.Seed? = { _ in nil })
        throws -> Outcome {
        var f = formulation(problem, options: options)
        var session = SolveSession(options, budget: budget)
        let strategy = options.strategy
        let result = try (strategy as? RatioStrategy).map { try $0.solve(&f, session: &session, seed: seed(f)) }
            ?? strategy.solve(&f, session: &session)
        return Outcome(objective: options.objective, formulation: f, solution: result.step.solution,
                       relaxation: result.step.relaxation, objectiveValue: result.value, objectiveBound: result.bound,
                       shadowPriceUnit: result.shadowPriceUnit, final: result.final, solves: session.solves,
                       nodes: session.nodes, iterations: session.iterations, reachedTimeLimit: session.reachedTimeLimit,
                       reachedTimeBudget: session.reachedTimeBudget)
    }

    /// Solves `outcome`'s final step again on `split`, its problem with `groups` split into single halls, from the plan
    /// found placed hall by hall (``SplitStart``) and within the bound proven before: every plan of `split` is one of
    /// the problem solved, at the same objective.
    ///
    /// A ratio objective's final solve holds the ratio λ the groups reached, which single halls may not reach (with no gap
    /// its row would leave no plan): those re-plan every Dinkelbach step on the single halls, from the same start (λ₀ its
    /// ratio) and with the groups' steps, whose bounds hold for them (``RatioStrategy/Seed``), or from the start where
    /// there is no such plan.
    static func resolve(_ split: PlanningProblem, after outcome: Outcome, splitting groups: Set<Int>, searched: [Int: PlacementSearch],
                        options: PlanOptions, budget: TimeBudget) throws -> Outcome {
        if options.objective == .tokensPerMW || options.objective == .costPerToken {
            let deadline = budget.solveDeadline(), startWork = SearchWork()
            var fresh = try solve(split, options: options, budget: budget) { f in
                // The start is refilled at the groups' final objective, on a copy: with no gap that step adds a row.
                var prepared = f
                outcome.final.prepare(&prepared)
                // Refilled only, not rebalanced: on the co-design example under cost-per-token the rebalanced start was better
                // on the groups' final step, but the steps from it ended the run at 0.140 % instead of 0.104 %.
                return SplitStart.point(for: prepared, from: outcome, splitting: groups, searched: searched,
                                        searchGap: options.relativeGap ?? 0, target: nil, deadline: deadline.share(0.5),
                                        counting: startWork)
                    .map { RatioStrategy.Seed(start: $0, steps: outcome.final.ratioSteps) }
            }
            fresh.solves += outcome.solves
            fresh.nodes += outcome.nodes + startWork.nodes
            fresh.iterations += outcome.iterations + startWork.iterations
            fresh.reachedTimeLimit = fresh.reachedTimeLimit || outcome.reachedTimeLimit
            fresh.reachedTimeBudget = fresh.reachedTimeBudget || outcome.reachedTimeBudget
            return fresh
        }
        var f = formulation(split, options: options)
        outcome.final.prepare(&f)
        var session = SolveSession(options, budget: budget)
        // The split model's relaxation is the aggregated model's but for the groups' `units_per_hall` rows, so the facility
        // settled from it is much the one the aggregated solve settled (and searched, where its start fell short), and the
        // start holds the facility of the plan found there: on the facility co-design example on sites/stockholm-se.yaml that
        // search took 29 s of the re-plan and found nothing better than the start, whose neighbourhood then closed the gap in
        // 2 s.
        session.settlesFacilityWhenShort = false
        // One solve's limit for the re-plan: the start (an LP with every integer fixed, then the refill's and the rebalance's
        // MIPs) within half of it, branch-and-bound the rest.
        let deadline = budget.solveDeadline()
        let start = SplitStart.point(for: f, from: outcome, splitting: groups, searched: searched, searchGap: options.relativeGap ?? 0,
                                     target: target(outcome, options), deadline: deadline.share(0.5), counting: session.work)
        let step = try session.run(f, absoluteGap: outcome.final.absoluteGap, start: start, outerBound: outcome.solution.bestBound,
                                   deadline: deadline)
        let result = ObjectiveResult(step: step, final: outcome.final, in: f)
        return Outcome(objective: options.objective, formulation: f, solution: step.solution, relaxation: step.relaxation,
                       objectiveValue: result.value, objectiveBound: result.bound, shadowPriceUnit: result.shadowPriceUnit,
                       final: outcome.final, solves: outcome.solves + session.solves, nodes: outcome.nodes + session.nodes,
                       iterations: outcome.iterations + session.iterations,
                       reachedTimeLimit: outcome.reachedTimeLimit || session.reachedTimeLimit,
                       reachedTimeBudget: outcome.reachedTimeBudget || session.reachedTimeBudget)
    }

    /// The objective value a re-plan's start search aims at: a hair inside the gap asked of the bound `outcome` proved, which
    /// holds for the problem split (a restriction of the one solved); `nil` without a bound.
    static func target(_ outcome: Outcome, _ options: PlanOptions) -> Double? {
        let sign = outcome.formulation.model.sense.sign
        let absoluteGap = outcome.final.absoluteGap
        return outcome.solution.bestBound
            .flatMap { SolveSession.searchTarget(bound: $0, sign: sign, relativeGap: options.relativeGap, absoluteGap: absoluteGap) }
    }
}

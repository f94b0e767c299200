import LinearProgramming

/// A plan of aggregated hall groups that a placement search places hall by hall but for a few racks, taken without the
/// racks it leaves out where it stays within the gap asked of the bound proven: every other decision of the plan stands,
/// the continuous columns (racks' workloads, energy, costs) follow from the relaxation with the integers fixed, and no
/// re-plan hall by hall is needed.
///
/// On the facility co-design example the hybrid group's plan (621 racks in four 18 MW halls, 71.976 MW of their 72) has
/// no placement: each hall's power left after its NVL72 units takes a whole number of 58.8 kW B200 racks, and the
/// search places all but one B200 rack. Re-planning the group hall by hall then took two re-plans and 10 s; without that
/// rack the plan is 0.082 % from the bound instead of 0.070 %.
///
/// What the plan built for the racks left out (a hall, a power block) stands, unused where they were its only racks; the
/// gap allows it, as it allows any plan within it.
struct PlacementWithinGap {
    /// The plan cut to the searches' placements, with its bound.
    var outcome: Planner.Outcome
    /// The assignment with those placements.
    var assignment: HallAssignment
    /// Whether the cut plan stays within the gap asked of the bound proven: the planner takes it then, and otherwise only
    /// where the re-plan hall by hall finds no plan in the time it has.
    var closesGap: Bool
    /// The overfull groups' columns of racks (stock, purchases, retirements), halls built and power blocks at their values in
    /// the cut plan: pinned there, the groups place hall by hall (``PinnedPlacement``).
    var pinned: [VariableID: Double]

    /// `outcome` with the racks of `assignment`'s searched groups as their searches placed them, and the assignment with
    /// those placements, when every overfull group was searched; `nil` otherwise. A ratio objective's bound (each
    /// Dinkelbach step's λ + U/d, ``RatioStrategy``) is taken at the cut plan's own size d, so it holds over plans at least
    /// as large as the cut plan, as the uncut plan's held over plans at least as large as it.
    init?(_ outcome: Planner.Outcome, _ assignment: HallAssignment, options: PlanOptions, deadline: SolveDeadline) {
        guard !assignment.overfull.isEmpty,
              assignment.overfull.isSubset(of: assignment.searched.keys) else { return nil }
        let f = outcome.formulation, problem = f.problem
        var placed = assignment
        placed.takeSearched()
        var fixed = [VariableID: Double]()
        for (j, variable) in f.model.variables.enumerated() where variable.kind != .continuous {
            fixed[VariableID(j)] = outcome.solution.values[j].rounded()
        }
        let blocks = outcome.powerBlocksValues
        var pinned = [VariableID: Double]()
        for (g, search) in assignment.searched where assignment.overfull.contains(g) {
            // A search places the plan's power blocks (more only where its racks need more, which a plan does not).
            if let byHall = search.powerBlocks, byHall.map({ $0.reduce(0, +) }) != blocks[g] { return nil }
            for (e, perQuarter) in search.racks {
                let unit = problem.design.unitRacks(problem.profiles[problem.eligible[e].profile].id)
                let racks = perQuarter.map { $0.reduce(0, +) }
                for t in problem.quarters.indices {
                    guard let stock = f.stock[e]?[t] else { continue }
                    let added = racks[t] - (t > 0 ? racks[t - 1] : 0)
                    guard added >= 0, added % unit == 0 else { return nil }
                    fixed[stock] = Double(racks[t])
                    pinned[stock] = Double(racks[t])
                    if let build = f.build[e]?[t] { (fixed[build], pinned[build]) = (Double(added / unit), Double(added / unit)) }
                    // A searched group retires nothing; a plan within the gap may carry racks retired and bought back at once.
                    if let retire = f.retire[e]?[t] { (fixed[retire], pinned[retire]) = (0, 0) }
                }
            }
            for column in (f.hallBuilt[g]?.values).map(Array.init) ?? [] { pinned[column] = outcome.solution.values[column.index].rounded() }
            for column in (f.powerBlocks[g]?.values).map(Array.init) ?? [] { pinned[column] = outcome.solution.values[column.index].rounded() }
        }
        guard let point = Relaxation.completing(f.model, fixed: fixed, deadline: deadline) else { return nil }
        let step = SolveStep(solution: f.model.solution(at: point, bestBound: outcome.solution.bestBound), relaxation: outcome.relaxation)
        let result = ObjectiveResult(step: step, final: outcome.final, in: f)
        guard let bound = result.bound else { return nil }
        var taken = outcome
        taken.solution = step.solution
        taken.objectiveValue = result.value
        taken.objectiveBound = bound
        self.outcome = taken
        self.assignment = placed
        self.pinned = pinned
        closesGap = SolveSession.closes(bound: bound, value: result.value, sign: options.objective.isMinimized ? -1 : 1,
                                        relativeGap: options.relativeGap, absoluteGap: nil)
    }
}

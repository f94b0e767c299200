import LinearProgramming

/// The starting plan of a re-plan hall by hall: the plan found for the aggregated groups, the groups split placed into
/// single halls (by ``PlacementSearch`` where it placed more tokens, else by ``HallAssignment`` with `leavingOutUnfit`) and
/// the groups kept whole at the plan's racks and power blocks, then refilled
/// (``refilled(_:placed:start:gap:deadline:counting:)``) and, given a target, rebalanced
/// (``rebalanced(_:start:holding:gap:target:deadline:counting:)``), as values of the split formulation's integer columns
/// (racks, halls, feeds, plant and chiller modules, power blocks); the continuous columns follow from the relaxation with
/// those fixed.
///
/// On the facility co-design example at the default gap, before its plan was taken as placed within the gap
/// (``PlacementWithinGap``), placed quarter by quarter the aggregated plan kept 97.3 % of its bound's tokens, placed by the
/// search 99.52 %, refilled 99.76 %; relax-and-fix on the split problem (1,301 integer columns) found no plan within its
/// share of the limit. Where the start is within the gap of the aggregated bound (which holds for the split problem, a
/// restriction of it), the re-plan ends without a search.
enum SplitStart {
    /// The starting plan for `split`, the problem of `outcome` with `groups` split into single halls, rebalanced
    /// (``rebalanced(_:start:holding:gap:target:deadline:counting:)``) towards `target` where there is one; `nil` when the
    /// placed plan is not one of `split`'s (a token target the racks left out were needed for, say). The searches' work is
    /// counted in `work`.
    static func point(for split: Formulation, from outcome: Planner.Outcome, splitting groups: Set<Int>,
                      searched: [Int: PlacementSearch], searchGap: Double, target: Double?, deadline: SolveDeadline,
                      counting work: SearchWork) -> [Double]? {
        let problem = outcome.formulation.problem, new = split.problem
        let hallsBuilt = outcome.hallsBuiltValues
        let packed = HallAssignment(placing: outcome, leavingOutUnfit: true, known: searched)
        // Each hall of the split problem: its group in the problem solved and, for a group split, its index in the group.
        let origin: [(group: Int, index: Int?)] = problem.halls.enumerated().flatMap { g, hall in
            groups.contains(g) ? (0..<hall.count).map { (g, $0) } : [(g, nil)]
        }
        guard origin.count == new.halls.count else { return nil }
        var eligibility: [Pair: Int] = [:]
        for (e, el) in problem.eligible.enumerated() { eligibility[Pair(profile: problem.profiles[el.profile].id, hall: el.hall)] = e }
        // A group not split keeps the plan's racks and power blocks: placed with what fits no hall left out, it could lose
        // units that its own placement (``LastQuarterPacking``, a search) places.
        let planned = outcome.stockValues, retirements = outcome.retiredValues, blocksBuilt = outcome.powerBlocksValues
        var fixed: [VariableID: Double] = [:]
        for (e2, el) in new.eligible.enumerated() {
            let (g, index) = origin[el.hall]
            let profile = new.profiles[el.profile]
            guard let e = eligibility[Pair(profile: profile.id, hall: g)], let placed = packed.racks[e],
                  let out = packed.retired[e] else { return nil }
            func racks(_ t: Int) -> Int { index.map { placed[t][$0] } ?? planned[e]?[t] ?? 0 }
            func retired(_ t: Int) -> Int { index.map { out[t][$0] } ?? retirements[e]?[t] ?? 0 }
            let unit = new.design.unitRacks(profile.id)
            for t in el.firstQuarter..<new.quarters.count {
                let previous = t == el.firstQuarter ? new.existingRacks(e2) : racks(t - 1)
                let added = racks(t) - previous + retired(t)
                guard added >= 0, added % unit == 0, let build = split.build[e2]?[t], let stock = split.stock[e2]?[t] else { return nil }
                fixed[build] = Double(added / unit)
                fixed[stock] = Double(racks(t))
                if let retire = split.retire[e2]?[t] { fixed[retire] = Double(retired(t)) }
            }
        }
        for (h, byQuarter) in split.hallBuilt {
            let (g, index) = origin[h]
            for (t, column) in byQuarter {
                let built = hallsBuilt[g]?[t] ?? 0
                fixed[column] = Double(index.map { $0 < built ? 1 : 0 } ?? built)
            }
        }
        for (h, byQuarter) in split.powerBlocks {
            let (g, index) = origin[h]
            guard let index else {
                for (t, column) in byQuarter { fixed[column] = Double(blocksBuilt[g]?[t] ?? 0) }
                continue
            }
            guard let blocks = packed.powerBlocks[g] else { return nil }
            for (t, column) in byQuarter { fixed[column] = Double(blocks[t][index]) }
        }
        let feeds = outcome.feedsBuiltValues, modules = outcome.plantModulesValues
        for (feed, byQuarter) in split.feedBuilt { for (t, column) in byQuarter { fixed[column] = Double(feeds[feed]?[t] ?? 0) } }
        let chillers = outcome.chillerModulesValues
        for (l, byQuarter) in split.plantBuilt { for (t, column) in byQuarter { fixed[column] = Double(modules[l][t]) } }
        for (l, byQuarter) in split.chillerBuilt { for (t, column) in byQuarter { fixed[column] = Double(chillers[l][t]) } }
        // The split halls in the order the `hall_order` rows ask (every fixed column is whole).
        var point = [Double](repeating: 0, count: split.model.variables.count)
        for (column, value) in fixed { point[column.index] = value }
        let ordered = split.inHallOrder(point)
        for column in fixed.keys { fixed[column] = ordered[column.index] }
        guard let placed = Relaxation.completing(split.model, fixed: fixed, deadline: deadline) else { return nil }
        let refill = refilled(split, placed: fixed, start: placed, gap: refillGap(forSearchGap: searchGap), deadline: deadline,
                              counting: work) ?? placed
        let sign = split.model.sense.sign
        guard let target, sign * Formulation.objectiveValue(refill, on: split.model) < sign * target else { return refill }
        let splitHalls = Set(origin.indices.filter { origin[$0].index != nil })
        return rebalanced(split, start: refill, holding: splitHalls, gap: refillGap(forSearchGap: searchGap), target: target,
                          deadline: deadline, counting: work) ?? refill
    }

    /// The refill's relative gap: a tenth of the search's, so that the start leaves the search most of its gap, and at least
    /// 10⁻⁶ (the refill stops at its own bound, which the search's bound need not reach).
    static func refillGap(forSearchGap gap: Double) -> Double { max(1e-6, gap / 10) }

    /// The placed plan `start` with more racks where they fit: in single halls every rack placed stays (its stock and
    /// purchases are lower bounds) and more may join, with power blocks; groups still aggregated keep exactly their racks (more
    /// would fill their pooled room, which may not place hall by hall); the facility built stays. A MIP from `start` adds
    /// what is worth most, to within `gap` of the best it can; `nil` when it finds nothing better than `start`. Solved without
    /// the `hall_order` rows (with them a later hall could grow only to the tokens of the one before, whose racks are held),
    /// then put in hall order (``Formulation/inHallOrder(_:)``).
    static func refilled(_ split: Formulation, placed fixed: [VariableID: Double], start: [Double], gap: Double,
                         deadline: SolveDeadline, counting work: SearchWork = SearchWork()) -> [Double]? {
        var model = split.modelWithoutHallOrder
        let problem = split.problem
        let singles = Set(problem.eligible.indices.filter { problem.halls[problem.eligible[$0].hall].count == 1 })
        let growing = Set([split.stock, split.build].flatMap { $0.filter { singles.contains($0.key) }.values.flatMap(\.values) }
                          + split.powerBlocks.filter { problem.halls[$0.key].count == 1 }.values.flatMap(\.values))
        for (column, value) in fixed {
            model.variables[column.index].lowerBound = value
            if !growing.contains(column) { model.variables[column.index].upperBound = value }
        }
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, relativeGap: gap, presolve: false, cuts: true,
                                    branching: .pseudocost, initialSolution: start)
        guard let solution = work.add(try? model.solve(options: options)), solution.status == .optimal || solution.status == .feasible,
              let point = Relaxation.usableStart(split.inHallOrder(solution.values), for: split.model) else { return nil }
        return Formulation.isBetter(point, than: start, on: model) ? point : nil
    }

    /// `start` searched with the integer columns of the halls `held` (the halls split) at its values and every other decision
    /// free, from `start`, until a plan reaches `target`, the search's own bound shows none does (it then stops with the best
    /// plan found by then, often `start` itself at the root), it is within `gap` of that bound, or `deadline` comes; `nil`
    /// when it finds nothing better than `start`. The refill holds the groups kept whole at exactly their racks, so the
    /// supply, site power and plant that the racks left out of the split halls held stay unused; here those groups and the
    /// facility take them up, while the split halls keep a placement. On the facility co-design example on
    /// sites/ashburn-va.yaml (the groups kept whole as planned, no facility search in the re-plan) the refilled start was
    /// 0.104 % from the bound, and the re-plan's neighbourhood search and branch-and-bound found nothing better in its 60 s;
    /// rebalanced, it reached 0.063 %.
    static func rebalanced(_ split: Formulation, start: [Double], holding held: Set<Int>, gap: Double, target: Double,
                           deadline: SolveDeadline, counting work: SearchWork = SearchWork()) -> [Double]? {
        var model = split.model
        let halls = split.columnHalls
        for (j, variable) in model.variables.enumerated() where variable.kind != .continuous {
            guard let h = halls[j], held.contains(h) else { continue }
            model.variables[j].lowerBound = start[j]
            model.variables[j].upperBound = start[j]
        }
        // Without cuts: on Ashburn, Phoenix and Stockholm GLPK's cuts at the root took 3–6 s of a search that ended in
        // 0.9–1.9 s without them.
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, relativeGap: gap, presolve: false, cuts: false,
                                    branching: .pseudocost, initialSolution: start, objectiveTarget: target,
                                    abandonsUnreachableTarget: true)
        guard !deadline.isPast, let solution = work.add(try? model.solve(options: options)),
              solution.status == .optimal || solution.status == .feasible,
              let point = Relaxation.usableStart(solution.values, for: split.model) else { return nil }
        return Formulation.isBetter(point, than: start, on: split.model) ? point : nil
    }

    /// A profile in a hall (group) of the problem solved.
    private struct Pair: Hashable { var profile: String, hall: Int }
}

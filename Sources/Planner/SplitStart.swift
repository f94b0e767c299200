import LinearProgramming

/// The starting plan of a re-plan hall by hall: the plan found for the aggregated groups, placed into single halls with
/// what fits no hall left out (``HallAssignment`` with `leavingOutUnfit`), as values of the split formulation's integer
/// columns (racks, halls, feeds, plant and chiller modules, power blocks); the continuous columns follow from the relaxation with those fixed.
///
/// On the facility co-design example at a 0.1 % gap the aggregated plan is within 0.08 % of its bound, and placed hall
/// by hall it keeps all but 1.4–2.6 % of its tokens; relax-and-fix on the split problem (1,301 integer columns) found
/// no plan within its share of the limit. Where the placed plan is within the gap of the aggregated bound (which holds
/// for the split problem, a restriction of it), the re-plan ends without a search.
enum SplitStart {
    /// The starting plan for `split`, the problem of `outcome` with `groups` split into single halls; `nil` when the placed
    /// plan is not one of `split`'s (a token target the racks left out were needed for, say).
    static func point(for split: Formulation, from outcome: Planner.Outcome, splitting groups: Set<Int>,
                      deadline: SolveDeadline) -> [Double]? {
        let problem = outcome.formulation.problem, new = split.problem
        let hallsBuilt = outcome.hallsBuiltValues
        let packed = HallAssignment(problem: problem, stock: outcome.stockValues, retired: outcome.retiredValues,
                                    hallsBuilt: hallsBuilt, powerBlocksBuilt: outcome.powerBlocksValues, leavingOutUnfit: true)
        // Each hall of the split problem: its group in the problem solved and, for a group split, its index in the group.
        let origin: [(group: Int, index: Int?)] = problem.halls.enumerated().flatMap { g, hall in
            groups.contains(g) ? (0..<hall.count).map { (g, $0) } : [(g, nil)]
        }
        guard origin.count == new.halls.count else { return nil }
        var eligibility: [Pair: Int] = [:]
        for (e, el) in problem.eligible.enumerated() { eligibility[Pair(profile: problem.profiles[el.profile].id, hall: el.hall)] = e }
        var fixed: [VariableID: Double] = [:]
        for (e2, el) in new.eligible.enumerated() {
            let (g, index) = origin[el.hall]
            let profile = new.profiles[el.profile]
            guard let e = eligibility[Pair(profile: profile.id, hall: g)], let placed = packed.racks[e],
                  let out = packed.retired[e] else { return nil }
            func racks(_ t: Int) -> Int { index.map { placed[t][$0] } ?? placed[t].reduce(0, +) }
            func retired(_ t: Int) -> Int { index.map { out[t][$0] } ?? out[t].reduce(0, +) }
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
            guard let blocks = packed.powerBlocks[g] else { return nil }
            for (t, column) in byQuarter { fixed[column] = Double(index.map { blocks[t][$0] } ?? blocks[t].reduce(0, +)) }
        }
        let feeds = outcome.feedsBuiltValues, modules = outcome.plantModulesValues
        for (feed, byQuarter) in split.feedBuilt { for (t, column) in byQuarter { fixed[column] = Double(feeds[feed]?[t] ?? 0) } }
        let chillers = outcome.chillerModulesValues
        for (l, byQuarter) in split.plantBuilt { for (t, column) in byQuarter { fixed[column] = Double(modules[l][t]) } }
        for (l, byQuarter) in split.chillerBuilt { for (t, column) in byQuarter { fixed[column] = Double(chillers[l][t]) } }
        return Relaxation.completing(split.model, fixed: fixed, deadline: deadline)
    }

    /// A profile in a hall (group) of the problem solved.
    private struct Pair: Hashable { var profile: String, hall: Int }
}

import PlantModel

/// Places the racks of each aggregated hall group into its individual halls.
///
/// Quarter by quarter, retirements first: a retired rack leaves the hall of its group that holds the oldest
/// racks of its profile (ties to the fullest by floor share, then the lowest number), so the racks in service
/// are the most recent, as the asset-life rows assume. Then new units are placed, larger units first (by their largest
/// share of a hall's positions, power, CDUs or air), each into the hall it fits in (positions, hall power, CDUs, air) that
/// is least loaded once it stands there (its highest share of the four, then its floor share, ties to the lowest
/// number), so racks never move once placed. A group with power blocks has, in each
/// quarter, the blocks the plan built (`powerBlocksBuilt`), and at least the fewest its racks need, never fewer than
/// before: each new block goes to the hall in service with the fewest (ties to the lowest number), up to
/// `perHall`, as the racks are spread evenly; blocks stay where they are. Existing racks stand in their own
/// hall (groups holding them are split) from the quarter they were installed. The result is checked against every per-hall
/// limit; a group that does not fit, holds no existing racks and retires none is placed again over all its quarters at once
/// (``LastQuarterPacking``), or failing that by a search over every placement (``PlacementSearch``), and a group that still
/// does not fit is reported so the planner can take the search's placement (``PlacementWithinGap``) or re-plan it hall by
/// hall. Leaving out what does not fit instead (or taking the search's placement, which leaves out the fewest tokens) gives
/// that re-plan its starting plan.
struct HallAssignment {
    /// Racks per (eligibility, quarter, hall index within its group).
    var racks: [Int: [[Int]]] = [:]
    /// Racks retired per (eligibility, quarter, hall index within its group).
    var retired: [Int: [[Int]]] = [:]
    /// Power blocks in service per (hall group with power blocks, quarter, hall index within its group).
    var powerBlocks: [Int: [[Int]]] = [:]
    /// Groups whose even placement breaks a per-hall limit.
    var overfull: Set<Int> = []
    /// The best placement a search found of each overfull group it searched, with what fits no hall left out.
    var searched: [Int: PlacementSearch] = [:]
    /// A hall is over a limit when it exceeds it by more than this (positions or MW): sums of rack
    /// coefficients carry last-bit rounding.
    static let tolerance = 1e-6

    /// Racks of one eligibility in one hall installed in one quarter (by ordinal), oldest first.
    private struct Cohort { var installed: Int, racks: Int }

    /// Places the racks of `outcome`'s plan (its stock, retirements, halls and power blocks built) into the halls of its problem.
    init(placing outcome: Planner.Outcome, leavingOutUnfit: Bool = false, searchingUntil deadline: SolveDeadline? = nil,
         known: [Int: PlacementSearch] = [:]) {
        self.init(problem: outcome.formulation.problem, stock: outcome.stockValues, retired: outcome.retiredValues,
                  hallsBuilt: outcome.hallsBuiltValues, powerBlocksBuilt: outcome.powerBlocksValues, leavingOutUnfit: leavingOutUnfit,
                  searchingUntil: deadline, known: known)
    }

    /// Places `stock` (racks per eligibility and quarter), of which `retiredRacks` were taken out in each quarter, into
    /// the halls in service: of a group with a build option, the first `hallsBuilt[g][t]` of its halls, with the group's
    /// `powerBlocksBuilt[g][t]` power blocks (the plan's columns; without them, the fewest its racks need). With
    /// `leavingOutUnfit`, a unit that fits no hall in service is left out instead of overfilling one, with the later units of
    /// its profile in that quarter, and placed in a later quarter where it fits. With `deadline`, a group neither greedy rule
    /// places is searched (``PlacementSearch``) until then, each such group with an even share of the time left; with `known`,
    /// a group's placement found by an earlier search stands where it places more tokens than leaving out what does not fit.
    init(problem: PlanningProblem, stock: [Int: [Int: Int]], retired retiredRacks: [Int: [Int: Int]] = [:], hallsBuilt: [Int: [Int]] = [:],
         powerBlocksBuilt: [Int: [Int]] = [:], leavingOutUnfit: Bool = false, searchingUntil deadline: SolveDeadline? = nil,
         known: [Int: PlacementSearch] = [:]) {
        for (g, hall) in problem.halls.enumerated() {
            let members = problem.eligible.indices.filter { problem.eligible[$0].hall == g }
            var cohorts = Array(repeating: Array(repeating: [Cohort](), count: hall.count), count: problem.eligible.count)
            /// What each hall holds of its limits, in ``RackCoefficients/perHallUse``'s order (positions first).
            var used = Array(repeating: [Double](repeating: 0, count: RackCoefficients.perHallLimitCount), count: hall.count)
            var blocks = [Int](repeating: 0, count: hall.count)
            let blockBuild = problem.powerBlockBuilds[g], perHall = hall.powerBlocks?.perHall ?? 0
            /// The group's blocks in each quarter: the plan's, at least the fewest its racks need, never fewer than before.
            var allowed = [Int](repeating: 0, count: problem.quarters.count)
            if let blockBuild, let first = blockBuild.firstQuarter, blockBuild.usableMWPerBlock > 0 {
                for t in first..<problem.quarters.count {
                    let inService = Double(hallsBuilt[g].map { min(hall.count, $0[t]) } ?? hall.count)
                    let mw = members.reduce(0.0) { sum, e in
                        sum + Double(stock[e]?[t] ?? 0) * problem.coefficients(e).hallPowerMW
                    }
                    let need = max(0, Int(((mw - inService * hall.usableITCapacityMW - Self.tolerance) / blockBuild.usableMWPerBlock).rounded(.up)))
                    allowed[t] = max(need, powerBlocksBuilt[g]?[t] ?? 0, t > first ? allowed[t - 1] : 0)
                }
            }
            func add(_ e: Int, _ i: Int, _ n: Int) {
                let use = problem.coefficients(e).perHallUse
                for k in use.indices { used[i][k] += Double(n) * use[k] }
            }
            for e in members {
                let zero = Array(repeating: [Int](repeating: 0, count: hall.count), count: problem.quarters.count)
                racks[e] = zero
                retired[e] = zero
                for cohort in (problem.existing[e] ?? []).sorted(by: { $0.installed < $1.installed }) {
                    cohorts[e][0].append(Cohort(installed: cohort.installed.ordinal, racks: cohort.racks))
                    add(e, 0, cohort.racks)
                }
            }
            /// Takes up to `count` racks of e out, oldest first; returns how many could not be found.
            func retire(_ e: Int, _ count: Int, quarter t: Int) -> Int {
                var out = count
                while out > 0 {
                    let holding = (0..<hall.count).filter { !cohorts[e][$0].isEmpty }
                    guard let i = holding.min(by: { a, b in
                        let (x, y) = (cohorts[e][a][0].installed, cohorts[e][b][0].installed)
                        return x != y ? x < y : used[a][0] != used[b][0] ? used[a][0] > used[b][0] : a < b
                    }) else { break }
                    let n = min(out, cohorts[e][i][0].racks)
                    cohorts[e][i][0].racks -= n
                    if cohorts[e][i][0].racks == 0 { cohorts[e][i].removeFirst() }
                    retired[e]![t][i] += n
                    add(e, i, -n)
                    out -= n
                }
                return out
            }
            // Largest units first within a quarter (by their largest share of a hall's positions, power, CDUs or air): small
            // racks then fill what whole units leave.
            let byUnitSize = members.map { e -> (Int, Double) in
                let profile = problem.profiles[problem.eligible[e].profile], c = problem.coefficients(e)
                let n = Double(problem.design.unitRacks(profile.id))
                let shares = zip(c.perHallUse, hall.perHallLimits(blocks: perHall)).filter { $0.1 > 0 }.map { n * $0.0 / $0.1 }
                return (e, shares.max() ?? 0)
            }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            for t in problem.quarters.indices {
                // The halls in service: of a group with a build option, its first halls built by then.
                let inService = hallsBuilt[g].map { min(hall.count, $0[t]) } ?? hall.count
                // Racks retired in the quarter they were built (never in an optimal plan) leave after the builds.
                var leftover = [Int: Int]()
                for e in members { leftover[e] = retire(e, retiredRacks[e]?[t] ?? 0, quarter: t) }
                // The quarter's new blocks, each to the hall in service with the fewest.
                for _ in 0..<max(0, allowed[t] - blocks.reduce(0, +)) {
                    guard let i = (0..<inService).filter({ blocks[$0] < perHall }).min(by: { blocks[$0] < blocks[$1] }) else { break }
                    blocks[i] += 1
                }
                for e in byUnitSize {
                    let profile = problem.profiles[problem.eligible[e].profile]
                    let unit = problem.design.unitRacks(profile.id)
                    // What the group is to hold once the quarter's retirements are done, less what it holds: the stock's
                    // increment, and with `leavingOutUnfit` also the units left out before (they may fit now).
                    let holding = (0..<hall.count).reduce(0) { sum, i in cohorts[e][i].reduce(sum) { $0 + $1.racks } }
                    let new = (stock[e]?[t] ?? 0) + (leftover[e] ?? 0) - holding
                    let use = problem.coefficients(e).perHallUse, n = Double(unit)
                    let open = used.indices.prefix(leavingOutUnfit ? inService : max(1, inService))
                    /// Hall i's positions, power (with its blocks), CDUs and air once one more unit stands there, with its limits.
                    func withUnit(_ i: Int) -> [(Double, Double)] {
                        Array(zip(zip(used[i], use).map { $0 + n * $1 }, hall.perHallLimits(blocks: blocks[i])))
                    }
                    /// Whether one more unit fits hall i's positions, power, CDUs and air.
                    func fits(_ i: Int) -> Bool { withUnit(i).allSatisfy { $0.0 <= $0.1 + Self.tolerance } }
                    /// Hall i's use with one more unit: its highest share of positions, power, CDUs and air, then its
                    /// floor share.
                    func load(_ i: Int) -> (Double, Double) {
                        (withUnit(i).filter { $0.1 > 0 }.map { $0.0 / $0.1 }.max() ?? 0, used[i][0])
                    }
                    for _ in 0..<max(0, new / unit) {
                        // The hall the unit fits in that is least used once it stands there; if none, the least used (and
                        // the group is over).
                        let candidates = open.filter(fits)
                        if candidates.isEmpty, leavingOutUnfit { break }
                        let target = (candidates.isEmpty ? Array(open) : candidates).min { load($0) < load($1) }!
                        let ordinal = problem.quarters[t].ordinal
                        if cohorts[e][target].last?.installed == ordinal {
                            cohorts[e][target][cohorts[e][target].count - 1].racks += unit
                        } else {
                            cohorts[e][target].append(Cohort(installed: ordinal, racks: unit))
                        }
                        add(e, target, unit)
                    }
                    if let rest = leftover[e], rest > 0 { _ = retire(e, rest, quarter: t) }
                    racks[e]![t] = (0..<hall.count).map { i in cohorts[e][i].reduce(0) { $0 + $1.racks } }
                }
                // A hall not built has no capacity: racks placed in it (only when the plan has racks but no hall) are over.
                for i in 0..<hall.count where i >= inService && used[i][0] > Self.tolerance {
                    overfull.insert(g)
                }
                if blockBuild != nil { powerBlocks[g, default: []].append(blocks) }
                for i in 0..<hall.count where zip(used[i], hall.perHallLimits(blocks: blocks[i])).contains(where: { $0 > $1 + Self.tolerance }) {
                    overfull.insert(g)
                }
            }
            let neverLeave = members.allSatisfy { problem.existing[$0] == nil && (retiredRacks[$0] ?? [:]).values.allSatisfy { $0 == 0 } }
            // A group that overfills may still place when packed from its last quarter back (racks never leave it), or by a
            // search over every placement.
            if overfull.contains(g), !leavingOutUnfit, neverLeave {
                if let packed = LastQuarterPacking(problem: problem, group: g, stock: stock, hallsBuilt: hallsBuilt[g], blocks: allowed) {
                    place(g, racks: packed.racks, powerBlocks: packed.powerBlocks)
                    overfull.remove(g)
                } else if let deadline,
                          // An even share of what is left for this group and each group of several halls after it.
                          let found = PlacementSearch(problem: problem, group: g, stock: stock, hallsBuilt: hallsBuilt[g], blocks: allowed,
                                                      deadline: deadline.share(1 / Double(max(1, problem.halls[g...].filter { $0.count > 1 }.count)))) {
                    if found.isComplete {
                        place(g, racks: found.racks, powerBlocks: found.powerBlocks)
                        overfull.remove(g)
                    } else {
                        searched[g] = found
                    }
                }
            }
            // Leaving out what does not fit, a search's placement stands where it places more tokens.
            if leavingOutUnfit, let found = known[g], found.weight(problem) > PlacementSearch.weight(of: racks.filter { members.contains($0.key) }, problem) {
                place(g, racks: found.racks, powerBlocks: found.powerBlocks)
            }
        }
    }

    /// Takes the placement each overfull group's search found, with what fits no hall left out (``PlacementWithinGap``).
    mutating func takeSearched() {
        for (g, found) in searched where overfull.contains(g) {
            place(g, racks: found.racks, powerBlocks: found.powerBlocks)
            overfull.remove(g)
        }
    }

    /// Takes `other`'s placement of those of `groups` that are overfull here, where they hold the racks and power blocks they
    /// hold in `other` (a plan pinned at that placement, ``PinnedPlacement``).
    mutating func taking(_ groups: Set<Int>, from other: HallAssignment, problem: PlanningProblem) {
        for g in groups where overfull.contains(g) {
            place(g, racks: other.racks.filter { problem.eligible[$0.key].hall == g }, powerBlocks: other.powerBlocks[g])
            overfull.remove(g)
            searched[g] = nil
        }
    }

    /// Takes a placement of group `g` found over all its quarters at once: its racks by eligibility and, where it placed
    /// them, its power blocks.
    private mutating func place(_ g: Int, racks placed: [Int: [[Int]]], powerBlocks blocks: [[Int]]?) {
        for (e, byHall) in placed { racks[e] = byHall }
        if let blocks { powerBlocks[g] = blocks }
    }
}

extension PlanningProblem {
    /// The same problem with the given hall groups split into single halls.
    func expanding(_ groups: Set<Int>) -> PlanningProblem {
        let halls = self.halls.enumerated().flatMap { g, hall in groups.contains(g) ? hall.singles : [hall] }
        return PlanningProblem(design: design, site: site, catalog: catalog, halls: halls)
    }
}

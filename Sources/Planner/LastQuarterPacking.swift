/// A hall group's placement worked out over all its quarters at once, for a group whose quarter-by-quarter placement
/// overfills a hall: racks placed early never move, so an even spread of the first racks can leave no hall for a later
/// rack that shares a hall with none of them (two hybrid racks in two halls, then an air rack whose air fits beside
/// neither).
///
/// Every unit the group buys is packed against the halls' limits in the last quarter (with its power blocks spread evenly),
/// larger units first (then by profile, earlier purchases first), each into a hall in service when it is bought: the one
/// least loaded once it stands there, or, when that leaves a unit without a hall, the fullest it fits (best fit packs
/// tighter). A quarter then holds the units bought by then, a subset of what fits; its power blocks are those its halls'
/// racks need, topped up to the placement's count in the halls that hold more the quarter after. Only for a group that
/// holds no existing racks and retires none: its racks then never leave.
struct LastQuarterPacking {
    /// Racks per (eligibility, quarter, hall index within the group).
    var racks: [Int: [[Int]]]
    /// Power blocks per (quarter, hall index), for a group with power blocks.
    var powerBlocks: [[Int]]?

    /// Where a unit goes among the halls it fits.
    enum Rule: CaseIterable { case leastLoaded, fullest }

    /// The packing of group `g` holding `stock` with `blocks[t]` power blocks in quarter t (the placement's count) in the
    /// halls in service (`hallsBuilt`); `nil` when neither rule packs every unit or a quarter's blocks cannot serve its racks.
    init?(problem: PlanningProblem, group g: Int, stock: [Int: [Int: Int]], hallsBuilt: [Int]?, blocks allowed: [Int]) {
        for rule in Rule.allCases {
            if let packed = Self(problem: problem, group: g, stock: stock, hallsBuilt: hallsBuilt, blocks: allowed, rule: rule) {
                self = packed
                return
            }
        }
        return nil
    }

    private init?(problem: PlanningProblem, group g: Int, stock: [Int: [Int: Int]], hallsBuilt: [Int]?, blocks allowed: [Int], rule: Rule) {
        let hall = problem.halls[g], quarters = problem.quarters.indices
        guard let last = quarters.last else { return nil }
        let members = problem.eligible.indices.filter { problem.eligible[$0].hall == g }
        let build = problem.powerBlockBuilds[g], perHall = hall.powerBlocks?.perHall ?? 0
        func inService(_ t: Int) -> Int { hallsBuilt.map { min(hall.count, $0[t]) } ?? hall.count }
        func unit(_ e: Int) -> Int { problem.design.unitRacks(problem.profiles[problem.eligible[e].profile].id) }
        func racks(_ e: Int, _ t: Int) -> Int { t < 0 ? 0 : stock[e]?[t] ?? 0 }

        // The last quarter's blocks, spread evenly over the halls in service.
        var blocks = [Int](repeating: 0, count: hall.count)
        for _ in 0..<(build == nil ? 0 : allowed[last]) {
            guard let i = (0..<inService(last)).filter({ blocks[$0] < perHall }).min(by: { blocks[$0] < blocks[$1] }) else { return nil }
            blocks[i] += 1
        }
        // Every unit bought, (eligibility, quarter bought): larger units first, then the earlier bought.
        let size = Dictionary(uniqueKeysWithValues: members.map { e in
            (e, zip(problem.coefficients(e).perHallUse, hall.perHallLimits(blocks: perHall)).filter { $0.1 > 0 }
                .map { Double(unit(e)) * $0.0 / $0.1 }.max() ?? 0)
        })
        var units: [(e: Int, bought: Int)] = []
        for e in members {
            for t in quarters {
                let new = racks(e, t) - racks(e, t - 1)
                guard new >= 0, new % unit(e) == 0 else { return nil }
                units += Array(repeating: (e, t), count: new / unit(e))
            }
        }
        units.sort { a, b in size[a.e]! != size[b.e]! ? size[a.e]! > size[b.e]! : a.e != b.e ? a.e < b.e : a.bought < b.bought }

        var used = Array(repeating: [Double](repeating: 0, count: RackCoefficients.perHallLimitCount), count: hall.count)
        var placed = Dictionary(uniqueKeysWithValues: members.map { ($0, Array(repeating: [Int](repeating: 0, count: hall.count), count: quarters.count)) })
        for (e, bought) in units {
            let use = problem.coefficients(e).perHallUse.map { $0 * Double(unit(e)) }
            func after(_ i: Int) -> [(Double, Double)] { Array(zip(zip(used[i], use).map(+), hall.perHallLimits(blocks: blocks[i]))) }
            func load(_ i: Int) -> (Double, Double) { (after(i).filter { $0.1 > 0 }.map { $0.0 / $0.1 }.max() ?? 0, used[i][0]) }
            let fitting = (0..<inService(bought)).filter { after($0).allSatisfy { $0.0 <= $0.1 + HallAssignment.tolerance } }
            let chosen = rule == .leastLoaded ? fitting.min { load($0) < load($1) } : fitting.max { load($0) < load($1) }
            guard let i = chosen else { return nil }
            used[i] = zip(used[i], use).map(+)
            for t in bought..<quarters.count { placed[e]![t][i] += unit(e) }
        }

        // Each quarter's blocks, from the last back: what its halls' racks need, then the placement's count.
        var blockPlan = Array(repeating: [Int](repeating: 0, count: hall.count), count: quarters.count)
        if build != nil {
            blockPlan[last] = blocks
            for t in stride(from: last - 1, through: 0, by: -1) {
                for i in 0..<hall.count {
                    let mw = members.reduce(0.0) { $0 + Double(placed[$1]![t][i]) * problem.coefficients($1).hallPowerMW }
                    let need = hall.powerBlocksNeeded(forMW: mw, tolerance: HallAssignment.tolerance)
                    guard need <= blockPlan[t + 1][i] else { return nil }
                    blockPlan[t][i] = need
                }
                var spare = allowed[t] - blockPlan[t].reduce(0, +)
                guard spare >= 0 else { return nil }
                for i in 0..<inService(t) where spare > 0 {
                    let n = min(spare, blockPlan[t + 1][i] - blockPlan[t][i])
                    blockPlan[t][i] += n
                    spare -= n
                }
                guard spare == 0 else { return nil }
            }
        }
        self.racks = placed
        powerBlocks = build == nil ? nil : blockPlan
    }
}

import LinearProgramming

/// A hall group's placement found by a small MIP over all its quarters at once, for a group that neither quarter-by-quarter
/// placement nor ``LastQuarterPacking`` fits: halls of a group that fill to the last position with units of eight racks
/// and several profiles are a bin-packing problem that greedy rules lose units on.
///
/// Columns: the units of each eligibility standing in each hall in service in each quarter (never fewer than the quarter
/// before: racks do not move) and, for a group with power blocks, each hall's blocks (never fewer than before, at most
/// `perHall`, the group's count in each quarter spread over its halls). Rows: each hall's positions, power (with its
/// blocks), CDUs, air and fabric ports in each quarter, and no more units of an eligibility in the group than the plan
/// holds. The objective is the racks placed, each weighted by its profile's best tokens/s, so a placement that takes
/// every rack is the optimum and a shorter one leaves out the least. Halls that enter service in the same quarter are
/// interchangeable, so each holds at least the weight of the next (a symmetry-breaking row).
///
/// A quarter with the racks, halls in service and power blocks of the quarter before holds that quarter's placement, so
/// only the quarters where one of them changes are searched, each weighted by the quarters it stands for: on the facility
/// co-design example the liquid group's search takes 0.25 s over 5 of its 12 quarters, where it took 3.8 s over all 12.
///
/// Only for a group that holds no existing racks and retires none: its racks then never leave.
struct PlacementSearch {
    /// Racks per (eligibility, quarter, hall index within the group).
    var racks: [Int: [[Int]]]
    /// Power blocks per (quarter, hall index), for a group with power blocks.
    var powerBlocks: [[Int]]?
    /// Whether every rack of the plan is placed.
    var isComplete: Bool
    /// How many quarters the MIP searched (the others repeat one of them, or follow from the last).
    var quartersSearched: Int

    /// The placement of group `g` holding `stock` with `blocks[t]` power blocks in quarter t (the plan's count, at least what
    /// its racks need) in its halls in service (`hallsBuilt`) found within `deadline`; `nil` when the MIP finds none.
    init?(problem: PlanningProblem, group g: Int, stock: [Int: [Int: Int]], hallsBuilt: [Int]?, blocks allowed: [Int],
          deadline: SolveDeadline) {
        let hall = problem.halls[g], quarters = problem.quarters.indices
        guard hall.count > 1 else { return nil }
        let members = problem.eligible.indices.filter { problem.eligible[$0].hall == g }
        let build = problem.powerBlockBuilds[g], perHall = hall.powerBlocks?.perHall ?? 0
        func inService(_ t: Int) -> Int { hallsBuilt.map { min(hall.count, $0[t]) } ?? hall.count }
        func unit(_ e: Int) -> Int { problem.design.unitRacks(problem.profiles[problem.eligible[e].profile].id) }
        func rate(_ e: Int) -> Double { Self.tokensPerRack(e, problem) }
        // Without power blocks to place and with every hall in service whenever the group holds racks, each hall's limits are
        // the same in every quarter and a hall holds no more in an earlier quarter than in the last: a placement of the last
        // quarter's racks gives one of every quarter's (``unrolled``), so only the last quarter is searched.
        guard let last = quarters.last else { return nil }
        let holding = quarters.filter { t in members.contains { (stock[$0]?[t] ?? 0) > 0 } }
        let lastOnly = build == nil && holding.allSatisfy { inService($0) == hall.count }
        // Otherwise a quarter whose racks, halls in service and power blocks are those of the quarter before holds that quarter's
        // placement: only the quarters where one of them changes are searched, each weighing the quarters it stands for.
        func state(_ t: Int) -> [Int] { members.map { stock[$0]?[t] ?? 0 } + [inService(t), allowed[t]] }
        let modelled = lastOnly ? [last] : quarters.filter { $0 == 0 || state($0) != state($0 - 1) }
        /// The searched quarter whose placement quarter t holds (the latest searched by then).
        func searched(_ t: Int) -> Int? { modelled.last { $0 <= t } }
        /// The searched quarter before t's, if any.
        func before(_ t: Int) -> Int? { modelled.last { $0 < t } }
        /// The quarters searched quarter t stands for.
        func span(_ t: Int) -> Double { Double((modelled.first { $0 > t } ?? quarters.count) - t) }
        var model = Model(name: "placement", sense: .maximize)
        /// units[e][t][i]: the column of e's units in hall i in quarter t, where the hall is in service.
        var units = [Int: [[VariableID?]]]()
        for e in members {
            var byQuarter = [[VariableID?]]()
            for t in quarters {
                let most = Double((stock[e]?[t] ?? 0) / unit(e))
                byQuarter.append((0..<hall.count).map { i in
                    guard modelled.contains(t), i < inService(t), most > 0 else { return nil }
                    return model.addVariable("units(\(e),\(i),\(t))", kind: .integer, upperBound: most,
                                             objective: span(t) * rate(e) * Double(unit(e)))
                })
            }
            units[e] = byQuarter
        }
        var blockColumns = [[VariableID?]]()
        if build != nil {
            for t in quarters {
                blockColumns.append((0..<hall.count).map { i in
                    guard modelled.contains(t), i < inService(t), allowed[t] > 0 else { return nil }
                    return model.addVariable("blocks(\(i),\(t))", kind: .integer, upperBound: Double(perHall))
                })
            }
        }
        for t in modelled {
            for e in members {
                let terms = units[e]![t].compactMap { $0 }.map { Term($0, 1) }
                if !terms.isEmpty { model.addConstraint("group(\(e),\(t))", terms, upperBound: Double((stock[e]?[t] ?? 0) / unit(e))) }
                if let previous = before(t) {
                    for i in 0..<hall.count {
                        guard let now = units[e]![t][i] else { continue }
                        if let before = units[e]![previous][i] {
                            model.addConstraint("stays(\(e),\(i),\(t))", [Term(now, 1), Term(before, -1)], lowerBound: 0)
                        }
                    }
                }
            }
            if build != nil {
                let terms = blockColumns[t].compactMap { $0 }.map { Term($0, 1) }
                guard terms.count > 0 || allowed[t] == 0 else { return nil }
                if !terms.isEmpty { model.addConstraint("blocks(\(t))", terms, lowerBound: Double(allowed[t]), upperBound: Double(allowed[t])) }
                if let previous = before(t) {
                    for i in 0..<hall.count {
                        if let now = blockColumns[t][i], let before = blockColumns[previous][i] {
                            model.addConstraint("blocks_stay(\(i),\(t))", [Term(now, 1), Term(before, -1)], lowerBound: 0)
                        }
                    }
                }
            }
            let limits = hall.perHallLimits(blocks: 0)
            for i in 0..<inService(t) {
                for k in limits.indices where limits[k].isFinite {
                    var terms = members.compactMap { e in
                        units[e]![t][i].map { Term($0, Double(unit(e)) * problem.coefficients(e).perHallUse[k]) }
                    }.filter { $0.coefficient != 0 }
                    if k == 1, let build, let blocks = blockColumns.isEmpty ? nil : blockColumns[t][i] {
                        terms.append(Term(blocks, -build.usableMWPerBlock))
                    }
                    if !terms.isEmpty { model.addConstraint("limit(\(k),\(i),\(t))", terms, upperBound: limits[k]) }
                }
            }
        }
        // Halls entering service in the same quarter are interchangeable: each holds at least the weight of the next.
        func weightHeld(_ i: Int, _ sign: Double) -> [Term] {
            members.flatMap { e in quarters.compactMap { t in units[e]![t][i].map { Term($0, sign * rate(e) * Double(unit(e))) } } }
        }
        func firstInService(_ i: Int) -> Int? { quarters.first { inService($0) > i } }
        for i in 1..<hall.count where firstInService(i) != nil && firstInService(i) == firstInService(i - 1) {
            let terms = weightHeld(i - 1, 1) + weightHeld(i, -1)
            if !terms.isEmpty { model.addConstraint("order(\(i))", terms, lowerBound: 0) }
        }
        // A placement of every rack meets the bound: the search stops there, or proves that none exists, or runs out of time.
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, relativeGap: 1e-9, cuts: true, branching: .pseudocost)
        guard model.issues(options: options).isEmpty, let solution = try? model.solve(options: options),
              solution.status == .optimal || solution.status == .feasible else { return nil }
        let blockPlan = build == nil ? nil : quarters.map { t in
            (0..<hall.count).map { i in searched(t).flatMap { blockColumns[$0][i] }.map { Int(solution[$0].rounded()) } ?? 0 }
        }
        var placed = [Int: [[Int]]]()
        var complete = true
        for e in members {
            placed[e] = quarters.map { t in
                (0..<hall.count).map { i in searched(t).flatMap { units[e]![$0][i] }.map { Int(solution[$0].rounded()) * unit(e) } ?? 0 }
            }
            if lastOnly { placed[e] = Self.unrolled(placed[e]![last], stock: quarters.map { stock[e]?[$0] ?? 0 }, unit: unit(e)) }
            for t in quarters where placed[e]![t].reduce(0, +) != stock[e]?[t] ?? 0 { complete = false }
        }
        // GLPK's rows hold within its own tolerance: the placement is checked as every placement is.
        for t in quarters {
            for i in 0..<hall.count {
                let limits = hall.perHallLimits(blocks: blockPlan?[t][i] ?? 0)
                for k in limits.indices {
                    let use = members.reduce(0.0) { $0 + Double(placed[$1]![t][i]) * problem.coefficients($1).perHallUse[k] }
                    guard use <= limits[k] + HallAssignment.tolerance else { return nil }
                }
            }
        }
        racks = placed
        powerBlocks = blockPlan
        isComplete = complete
        quartersSearched = modelled.count
    }
}

extension PlacementSearch {
    /// Every quarter's racks of one eligibility per hall from the last quarter's placement `final`: going back, each quarter
    /// holds what the next holds less the units bought in between (at most `stock[t]`), taken from the last halls first.
    static func unrolled(_ final: [Int], stock: [Int], unit: Int) -> [[Int]] {
        var placed = Array(repeating: final, count: stock.count)
        for t in stride(from: stock.count - 2, through: 0, by: -1) {
            placed[t] = placed[t + 1]
            var surplus = placed[t].reduce(0, +) - min(stock[t], placed[t].reduce(0, +))
            for i in placed[t].indices.reversed() where surplus > 0 {
                let taken = min(surplus / unit * unit, placed[t][i])
                placed[t][i] -= taken
                surplus -= taken
            }
        }
        return placed
    }

    /// The search's objective: racks placed, each at its profile's best tokens/s, summed over quarters.
    func weight(_ problem: PlanningProblem) -> Double { Self.weight(of: racks, problem) }

    /// The search's objective of `racks` (per eligibility, quarter and hall), over the eligibilities `racks` holds.
    static func weight(of racks: [Int: [[Int]]], _ problem: PlanningProblem) -> Double {
        racks.keys.sorted().reduce(0.0) { $0 + tokensPerRack($1, problem) * Double(racks[$1]!.joined().reduce(0, +)) }
    }

    /// A rack's weight in the search: its profile's best tokens/s over the workloads, at least 1 so that every rack counts.
    static func tokensPerRack(_ e: Int, _ problem: PlanningProblem) -> Double {
        let profile = problem.profiles[problem.eligible[e].profile]
        return max(1, problem.bestRackTokensPerSecond(profile))
    }
}

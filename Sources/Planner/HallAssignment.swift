import PlantModel

/// Places the racks of each aggregated hall group into its individual halls.
///
/// Units are placed in commissioning order, each into the hall of the group that is least used so far
/// (by floor share, ties to the lowest number), so racks never move once placed. The result is checked
/// against every per-hall limit; a group that does not fit is reported so the planner can re-plan it
/// hall by hall.
struct HallAssignment {
    /// Racks per (eligibility, quarter, hall index within its group).
    var racks: [Int: [[Int]]] = [:]
    /// Groups whose even placement breaks a per-hall limit.
    var overfull: Set<Int> = []
    /// A hall is over a limit when it exceeds it by more than this (positions or MW): sums of rack
    /// coefficients carry last-bit rounding.
    static let tolerance = 1e-6

    init(problem: PlanningProblem, stock: [Int: [Int: Int]]) {
        for (g, hall) in problem.halls.enumerated() {
            let members = problem.eligible.indices.filter { problem.eligible[$0].hall == g }
            var perHall = Array(repeating: [Int](repeating: 0, count: hall.count), count: problem.eligible.count)
            var positionsUsed = [Double](repeating: 0, count: hall.count)
            var power = [Double](repeating: 0, count: hall.count)
            var liquid = [Double](repeating: 0, count: hall.count)
            var air = [Double](repeating: 0, count: hall.count)
            for e in members { racks[e] = Array(repeating: [Int](repeating: 0, count: hall.count), count: problem.quarters.count) }
            for t in problem.quarters.indices {
                for e in members {
                    let profile = problem.profiles[problem.eligible[e].profile]
                    let unit = problem.design.unitRacks(profile.id)
                    let previous = t > 0 ? (stock[e]?[t - 1] ?? 0) : 0
                    let new = (stock[e]?[t] ?? 0) - previous
                    let c = problem.coefficients[profile.id]!
                    for _ in 0..<max(0, new / unit) {
                        let target = positionsUsed.indices.min { positionsUsed[$0] < positionsUsed[$1] }!
                        perHall[e][target] += unit
                        positionsUsed[target] += Double(unit) * c.positions
                        power[target] += Double(unit) * c.hallPowerMW
                        liquid[target] += Double(unit) * c.liquidMW
                        air[target] += Double(unit) * c.airMW
                    }
                    racks[e]![t] = perHall[e]
                }
                for i in 0..<hall.count where positionsUsed[i] > Double(hall.positions) + Self.tolerance
                    || power[i] > hall.usableITCapacityMW + Self.tolerance
                    || liquid[i] > hall.liquidCapacityMW + Self.tolerance
                    || air[i] > hall.airCapacityMW + Self.tolerance {
                    overfull.insert(g)
                }
            }
        }
    }
}

extension PlanningProblem {
    /// The same problem with the given hall groups split into single halls.
    func expanding(_ groups: Set<Int>) -> PlanningProblem {
        var halls: [HallGroup] = []
        for (g, hall) in self.halls.enumerated() {
            if groups.contains(g), hall.count > 1 {
                for i in 0..<hall.count {
                    var single = hall
                    single.name = hall.hallName(i)
                    single.count = 1
                    halls.append(single)
                }
            } else {
                halls.append(hall)
            }
        }
        return PlanningProblem(design: design, site: site, catalog: catalog, halls: halls)
    }
}

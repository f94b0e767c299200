import LinearProgramming

extension Formulation {
    /// `hall_power(hall,t)`: rack IT and in-rack network power ≤ the hall group's installed power paths
    /// × the share its redundancy rule lets carry load (2N: ½, xN/y: y/x), and each power block in service that share of
    /// its MW (`power_blocks(hall,t)`).
    mutating func defineHallPower(hall h: Int, quarter t: Int) {
        let blocks = powerBlocks[h]?[t].map { [Term($0, -problem.powerBlockBuilds[h]!.usableMWPerBlock)] } ?? []
        addHallRow(.hallPower, hall: h, quarter: t, capacityPerHall: problem.halls[h].usableITCapacityMW, added: blocks) { $0.hallPowerMW }
    }
}

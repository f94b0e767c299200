extension Formulation {
    /// `hall_power(hall,t)`: rack IT and in-rack network power ≤ the hall group's installed power paths
    /// × the share its redundancy rule lets carry load (2N: ½, xN/y: y/x).
    mutating func defineHallPower(hall h: Int, quarter t: Int) {
        addHallRow(.hallPower, hall: h, quarter: t, capacityPerHall: problem.halls[h].usableITCapacityMW) { $0.hallPowerMW }
    }
}

extension Formulation {
    /// `floor(hall,t)`: rack positions used ≤ positions of the hall group.
    mutating func defineFloor(hall h: Int, quarter t: Int) {
        addHallRow(.floor, hall: h, quarter: t, capacityPerHall: Double(problem.halls[h].positions)) { $0.positions }
    }
}

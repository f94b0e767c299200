extension Formulation {
    /// `air(hall,t)`: the racks' air heat (air share and in-rack network) ≤ the hall group's air-handler
    /// capacity.
    mutating func defineAir(hall h: Int, quarter t: Int) {
        addHallRow(.air, hall: h, quarter: t, capacityPerHall: problem.halls[h].airCapacityMW, omitZero: true) { $0.airMW }
    }
}

extension Formulation {
    /// `liquid(hall,t)`: the racks' liquid-captured heat ≤ the hall group's CDU capacity.
    mutating func defineLiquid(hall h: Int, quarter t: Int) {
        addHallRow(.liquid, hall: h, quarter: t, capacityPerHall: problem.halls[h].liquidCapacityMW, omitZero: true) { $0.liquidMW }
    }
}

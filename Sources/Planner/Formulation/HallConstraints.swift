import LinearProgramming
import Plans

extension Formulation {
    /// Adds the row `family(hall,quarter)`: Σ over the hall group's racks of `coefficient` ≤ the group's
    /// count × `capacityPerHall`; racks whose coefficient is 0 are left out where `omitZero`.
    mutating func addHallRow(_ family: ConstraintFamily, hall h: Int, quarter t: Int, capacityPerHall: Double,
                             omitZero: Bool = false, coefficient: (RackCoefficients) -> Double) {
        let hall = problem.halls[h]
        let terms = stockTerms(quarter: t, where: { $0.hall == h }, omitZero: omitZero, coefficient: coefficient)
        addRow("\(family.rawValue)(\(Self.id(hall.name)),\(q(t)))", terms, upper: Double(hall.count) * capacityPerHall,
               family, problem.quarters[t], hall.name)
    }
}

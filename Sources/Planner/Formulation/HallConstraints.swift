import LinearProgramming
import Plans

extension Formulation {
    /// Adds the row `family(hall,quarter)`: Σ over the hall group's racks of `coefficient` ≤ the group's
    /// count × `capacityPerHall`, or with a build option ≤ `halls_built(hall,t)` × `capacityPerHall`; racks whose
    /// coefficient is 0 are left out where `omitZero`.
    mutating func addHallRow(_ family: ConstraintFamily, hall h: Int, quarter t: Int, capacityPerHall: Double,
                             omitZero: Bool = false, coefficient: (RackCoefficients) -> Double) {
        let hall = problem.halls[h]
        var terms = stockTerms(quarter: t, where: { $0.hall == h }, omitZero: omitZero, coefficient: coefficient)
        let name = "\(family.rawValue)(\(Self.id(hall.name)),\(q(t)))"
        if problem.hallBuilds[h] != nil {
            guard !terms.isEmpty, let built = hallBuilt[h]?[t] else { return }
            terms.append(Term(built, -capacityPerHall))
            addRow(name, terms, upper: 0, family, problem.quarters[t], hall.name)
        } else {
            addRow(name, terms, upper: Double(hall.count) * capacityPerHall, family, problem.quarters[t], hall.name)
        }
    }
}

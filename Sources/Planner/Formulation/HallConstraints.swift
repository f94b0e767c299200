import LinearProgramming
import Plans

extension Formulation {
    /// Adds the row `family(hall,quarter)`: Σ over the hall group's racks of `coefficient` ≤ the group's
    /// count × `capacityPerHall`, or with a build option ≤ `halls_built(hall,t)` × `capacityPerHall`, and the capacity
    /// `added` by other build columns (power blocks: −MW × `power_blocks(hall,t)` on the left); racks whose coefficient is
    /// 0 are left out where `omitZero`.
    mutating func addHallRow(_ family: ConstraintFamily, hall h: Int, quarter t: Int, capacityPerHall: Double, added: [Term] = [],
                             omitZero: Bool = false, coefficient: (RackCoefficients) -> Double) {
        let hall = problem.halls[h]
        let racks = stockTerms(quarter: t, where: { $0.hall == h }, omitZero: omitZero, coefficient: coefficient)
        guard !racks.isEmpty else { return }
        let name = "\(family.rawValue)(\(Self.id(hall.name)),\(q(t)))"
        if problem.hallBuilds[h] != nil {
            guard let built = hallBuilt[h]?[t] else { return }
            // A hall whose power path is all power blocks has none of its own to add.
            let own = capacityPerHall != 0 ? [Term(built, -capacityPerHall)] : []
            addRow(name, racks + own + added, upper: 0, family, problem.quarters[t], hall.name)
        } else {
            addRow(name, racks + added, upper: Double(hall.count) * capacityPerHall, family, problem.quarters[t], hall.name)
        }
    }
}

import LinearProgramming
import Plans

extension Formulation {
    /// Whole purchase units per hall: in a group of several identical halls, a profile bought in units of several racks
    /// (a scalable unit) has at most k units per hall, k the fewest whole units one hall's positions, power (with all its
    /// power blocks), CDUs or air take. The group's other rows pool its halls, which lets units straddle them: four 18 MW hybrid halls pool room for
    /// 67 units of eight GB300 racks (1.07 MW a unit), but each holds 16, so 64 fit. Without this row such a plan does
    /// not place hall by hall and the planner re-plans the group hall by hall, a far larger model.
    ///
    /// The row `units_per_hall(GROUP,PROFILE,QUARTER)` reads, in the unit of the limit that sets k: Σ coefficient · stock ≤
    /// k units · their coefficient × the halls (in service). It is no capacity of its own (more hall power, positions or
    /// halls relieve it); "what binds" lists it in units, with the limit that sets k (``WholeUnits``). It is added only
    /// where it cuts, where the pool would take more units. Not with
    /// retirement: racks then leave one by one, and a hall may hold more racks than its whole units.
    mutating func defineUnitsPerHall(hall h: Int, quarter t: Int) {
        let hall = problem.halls[h]
        guard hall.count > 1, !problem.allowsRetirement else { return }
        for (e, el) in problem.eligible.enumerated() where el.hall == h {
            let profile = problem.profiles[el.profile]
            let unit = Double(problem.design.unitRacks(profile.id))
            guard unit > 1, let n = stock[e]?[t] else { continue }
            let c = problem.coefficients(e)
            let limits = zip(Self.perHallFamilies, zip(hall.perHallLimits(blocks: hall.powerBlocks?.perHall ?? 0), c.perHallUse))
                .map { (family: $0, capacity: $1.0, perRack: $1.1) }.filter { $0.perRack > 0 }
            let tolerance = HallAssignment.tolerance
            let unitsPerHall = limits.map { (($0.capacity + tolerance) / (unit * $0.perRack)).rounded(.down) }
            guard let k = unitsPerHall.min(), let r = unitsPerHall.firstIndex(of: k) else { continue }
            let pooled = limits.map { Double(hall.count) * $0.capacity / (unit * $0.perRack) }.min()!
            guard Double(hall.count) * k < (pooled + tolerance).rounded(.down) else { continue }
            let limit = limits[r], kUnitsUse = k * unit * limit.perRack
            // Other limits with no room for unit k + 1 either: relieving the one that sets k alone adds no unit.
            let alsoShort = limits.indices.filter { $0 != r && unitsPerHall[$0] < k + 1 }.map { i in
                WholeUnits.Shortfall(family: limits[i].family, amount: (k + 1) * unit * limits[i].perRack - limits[i].capacity)
            }
            let whole = WholeUnits(profile: profile.id, racksPerUnit: Int(unit), unitsPerHall: Int(k), setBy: limit.family,
                                   perUnit: unit * limit.perRack, perHall: limit.capacity, alsoShort: alsoShort)
            let name = "\(ConstraintFamily.unitsPerHall.rawValue)(\(Self.id(hall.name)),\(Self.id(profile.id)),\(q(t)))"
            if problem.hallBuilds[h] != nil {
                guard let built = hallBuilt[h]?[t] else { continue }
                addRow(name, [Term(n, limit.perRack), Term(built, -kUnitsUse)], upper: 0, .unitsPerHall, problem.quarters[t], hall.name,
                       wholeUnits: whole)
            } else {
                addRow(name, [Term(n, limit.perRack)], upper: Double(hall.count) * kUnitsUse, .unitsPerHall, problem.quarters[t], hall.name,
                       wholeUnits: whole)
            }
        }
    }

    /// The families of ``HallGroup/perHallLimits(blocks:)``, in its order.
    static let perHallFamilies: [ConstraintFamily] = [.floor, .hallPower, .liquid, .air, .network]
}

import LinearProgramming
import Plans

extension Formulation {
    /// `supply(p,t)`: racks of a profile commissioned in t, over all halls ≤ the design's supply cap for
    /// the profile (profiles without a cap are unlimited).
    mutating func defineSupply(quarter t: Int) {
        for (p, profile) in problem.profiles.enumerated() {
            guard let cap = problem.design.supplyCapRacksPerQuarter?[profile.id] else { continue }
            let unit = Double(problem.design.unitRacks(profile.id))
            let terms = problem.eligible.enumerated().compactMap { e, el in
                el.profile == p ? build[e]?[t].map { Term($0, unit) } : nil
            }
            addRow("\(ConstraintFamily.supply.rawValue)(\(Self.id(profile.id)),\(q(t)))", terms, upper: Double(cap), .supply,
                   problem.quarters[t], profile.id)
        }
    }
}

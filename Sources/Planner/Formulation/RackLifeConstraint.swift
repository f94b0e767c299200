import LinearProgramming
import Plans

extension Formulation {
    /// `rack_life(p,h,t)`: with an asset life of L quarters, the racks in stock are no more than those built in
    /// the last L quarters plus the existing racks still within their life:
    /// `stock(t) ≤ Σ_{τ=t−L+1…t} unit · build(τ) + existing in life at t`.
    ///
    /// Racks of one profile in one hall are alike, so the plan may retire the oldest first; then the racks in
    /// stock are the stock(t) most recent, and all are younger than L exactly when this row holds. A rack built in
    /// τ therefore leaves by τ + L without tracking ages per rack.
    mutating func defineRackLife() {
        guard let life = problem.design.economics.rackLifeQuarters else { return }
        for (e, el) in problem.eligible.enumerated() {
            let profile = problem.profiles[el.profile]
            let unit = Double(problem.design.unitRacks(profile.id))
            let names = "\(Self.id(profile.id)),\(Self.id(problem.halls[el.hall].name))"
            for t in el.firstQuarter..<problem.quarters.count {
                guard let n = stock[e]?[t] else { continue }
                var terms = [Term(n, 1)]
                for tau in max(el.firstQuarter, t - life + 1)...t { if let b = build[e]?[tau] { terms.append(Term(b, -unit)) } }
                addRow("\(ConstraintFamily.rackLife.rawValue)(\(names),\(q(t)))", terms,
                       upper: Double(problem.existingInLife(e, quarter: t)), .rackLife, problem.quarters[t], profile.id)
            }
        }
    }
}

import LinearProgramming
import Plans

extension Formulation {
    /// Adds the site-wide row `family(t)`: Σ over every rack of `coefficient` ≤ `capacity`; racks whose
    /// coefficient is 0 are left out where `omitZero`.
    mutating func addSiteRow(_ family: ConstraintFamily, quarter t: Int, capacity: Double, omitZero: Bool = false,
                             coefficient: (RackCoefficients) -> Double) {
        let terms = stockTerms(quarter: t, omitZero: omitZero, coefficient: coefficient)
        addRow("\(family.rawValue)(\(q(t)))", terms, upper: capacity, family, problem.quarters[t], nil)
    }
}

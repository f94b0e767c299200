import LinearProgramming
import Plans

extension Formulation {
    /// Adds the site-wide row `family(t)`: Σ over every rack of `coefficient` ≤ `capacity`; racks whose
    /// coefficient is 0 are left out where `omitZero`.
    mutating func addSiteRow(_ family: ConstraintFamily, quarter t: Int, capacity: Double, omitZero: Bool = false,
                             coefficient: (RackCoefficients) -> Double) {
        let terms = stockColumns(quarter: t).compactMap { c, n in
            let a = coefficient(c)
            return omitZero && a <= 0 ? nil : Term(n, a)
        }
        addRow("\(family.rawValue)(\(q(t)))", terms, upper: capacity, family, problem.quarters[t], nil)
    }
}

import Plans

extension Formulation {
    /// The ε-constraint of a Pareto point: `capex_limit` on cumulative capex, or `facility_limit(t)` on
    /// facility power in every quarter.
    mutating func defineParetoLimit(_ limit: ParetoLimit?) {
        switch limit {
        case .capexUSD(let cap)?:
            addRow(ConstraintFamily.capexLimit.rawValue, capexTerms, upper: cap, .capexLimit, nil, nil)
        case .facilityMW(let cap)?:
            for t in problem.quarters.indices {
                addRow("\(ConstraintFamily.facilityLimit.rawValue)(\(q(t)))", facilityTerms[t], upper: cap, .facilityLimit,
                       problem.quarters[t], nil)
            }
        case nil:
            break
        }
    }

    /// `token_target(last quarter)`: tokens/s in the last quarter ≥ the target (min-capex).
    mutating func defineTokenTarget(_ target: Double?) {
        guard let target, let last = tokenTerms.indices.last else { return }
        addRow("\(ConstraintFamily.tokenTarget.rawValue)(\(q(last)))", tokenTerms[last], lower: target, .tokenTarget,
               problem.quarters[last], nil)
    }
}

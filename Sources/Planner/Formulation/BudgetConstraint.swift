import Plans

extension Formulation {
    /// `budget`: cumulative capex over the horizon (racks, retirements, and the halls and feeds built) ≤ the design's budget,
    /// where it sets one.
    mutating func defineBudget() {
        guard let budget = problem.design.budgetUSD else { return }
        addRow(ConstraintFamily.budget.rawValue, capexTerms, upper: budget, .budget, nil, nil)
    }
}

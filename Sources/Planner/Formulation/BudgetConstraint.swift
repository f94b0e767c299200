import Plans

extension Formulation {
    /// `budget`: cumulative rack capex over the horizon ≤ the design's budget, where it sets one.
    mutating func defineBudget() {
        guard let budget = problem.design.budgetUSD else { return }
        addRow(ConstraintFamily.budget.rawValue, capexTerms, upper: budget, .budget, nil, nil)
    }
}

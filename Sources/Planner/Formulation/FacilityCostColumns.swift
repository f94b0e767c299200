import LinearProgramming

extension Formulation {
    /// `facility_capital(t)`: a column fixed at 1 whose cost is the annualized facility capex of the halls in service
    /// in quarter t, for one quarter. The halls are given, so it is a constant of the cost objectives; as a column it
    /// keeps every cost expression a sum of terms (the Dinkelbach steps evaluate them on a solution).
    mutating func defineFacilityCostColumns() {
        for t in problem.quarters.indices {
            let cost = problem.quarterlyFacilityCapitalUSD(t)
            guard cost > 0 else { continue }
            let column = model.addVariable("facility_capital(\(q(t)))", lowerBound: 1, upperBound: 1)
            costTerms.append(Term(column, cost))
        }
    }
}

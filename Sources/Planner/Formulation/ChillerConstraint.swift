extension Formulation {
    /// `chiller(t)`: heat the chillers must carry at the design condition (s per MW of the plant's stream, less
    /// what the plant at full fan takes before they start, and all chilled air) ≤ the installed chiller
    /// capacity; and `chiller_air(t)`: chilled air alone ≤ the capacity, since the plant's credit cannot cool
    /// air. Racks that need no chiller are left out of the rows.
    mutating func defineChillers(quarter t: Int) {
        addSiteRow(.chiller, quarter: t, capacity: problem.chillerRowCapacityMW, omitZero: true) { $0.chillerLoadMW }
        guard problem.design.airCooling.chilled, problem.chillerRowCapacityMW > problem.design.heatRejection.chillerCapacityMW else { return }
        let terms = stockTerms(quarter: t, omitZero: true) { $0.chilledAirMW }
        addRow("chiller_air(\(q(t)))", terms, upper: problem.design.heatRejection.chillerCapacityMW, .chiller, problem.quarters[t], "chilled air")
    }
}

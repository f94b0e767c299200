extension Formulation {
    /// `chiller(t)`: heat the chillers must carry at the design condition (s per MW of the plant's stream, less
    /// what the plant at full fan takes before they start, and all chilled air) ≤ the installed chiller
    /// capacity. Racks that need no chiller are left out of the row.
    mutating func defineChillers(quarter t: Int) {
        addSiteRow(.chiller, quarter: t, capacity: problem.chillerRowCapacityMW, omitZero: true) { $0.chillerLoadMW }
    }
}

extension Formulation {
    /// `chiller(t)`: heat the chillers must carry at the design condition (liquid trim and chilled air)
    /// ≤ the installed chiller capacity. Racks that need no chiller are left out of the row.
    mutating func defineChillers(quarter t: Int) {
        addSiteRow(.chiller, quarter: t, capacity: problem.design.heatRejection.chillerCapacityMW, omitZero: true) { $0.chillerLoadMW }
    }
}

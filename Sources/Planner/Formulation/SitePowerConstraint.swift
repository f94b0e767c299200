extension Formulation {
    /// `site_power(t)`: facility power at full load and design ambient (IT and fabric through UPS and
    /// transformers, cooling through transformers) ≤ the usable grid capacity in t (feeds in service,
    /// less what the grid redundancy rule holds back).
    mutating func defineSitePower(quarter t: Int) {
        addSiteRow(.sitePower, quarter: t, capacity: problem.site.grid.usableCapacityMW(in: problem.quarters[t])) { $0.facilityMW }
    }
}

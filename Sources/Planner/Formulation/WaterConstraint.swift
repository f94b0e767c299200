extension Formulation {
    /// `water(t)`: the fleet of quarter t over a year, IT MW at full load × the twin's water per IT MW, ≤ the
    /// site's annual water limit. Only with ``PlanOptions/waterLimit``.
    mutating func defineWater(quarter t: Int, limit: WaterLimit?) {
        guard let limit else { return }
        addSiteRow(.water, quarter: t, capacity: limit.m3PerYear, omitZero: true) { $0.itMW * limit.m3PerYearPerITMW }
    }
}

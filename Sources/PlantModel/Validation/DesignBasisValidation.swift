extension ReferenceDesign {
    /// Problems of `designBasis` that relate its fields: which of `percent` and `percentile` the condition
    /// takes, and that a percent is one the site carries. Ranges are checked with every other number.
    static func designBasisIssues(_ basis: DesignBasis, outside: Set<String>, into c: inout IssueCollector<ReferenceDesign>) {
        let pairs = "worseOfPairs, cooling or evaporation"
        switch basis.condition {
        case .worseOfPairs, .cooling, .evaporation:
            if let percent = basis.percent, !outside.contains("designBasis.percent"), !DesignBasis.percents.contains(percent) {
                c.add("designBasis.percent", "\(format(percent)) is not an ASHRAE annual percent a site carries: use 0.4, 1 or 2")
            }
            if basis.percentile != nil {
                c.add("designBasis.percentile", "only condition fromHours takes a percentile; condition \(basis.condition.rawValue) takes percent (0.4, 1 or 2)")
            }
        case .extreme:
            if basis.percent != nil {
                c.add("designBasis.percent", "condition extreme uses the site's 20-year dry-bulb and extreme wet-bulb: remove percent, or use condition \(pairs)")
            }
            if basis.percentile != nil {
                c.add("designBasis.percentile", "only condition fromHours takes a percentile: remove it, or set condition: fromHours")
            }
        case .fromHours:
            if basis.percent != nil {
                c.add("designBasis.percent", "condition fromHours ranks the hours by percentile: write percentile (e.g. 99.6, exceeded in 0.4 % of hours) instead of percent")
            } else if basis.percentile == nil {
                c.add("designBasis.percentile", "required with condition fromHours: the percentile of the hourly effective temperature, e.g. 99.6 (exceeded in 0.4 % of hours)")
            }
        }
    }
}

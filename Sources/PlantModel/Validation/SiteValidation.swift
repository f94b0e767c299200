extension Site {
    /// Figures whose source the site file must give.
    static let requiredFigures = ["energyPriceUSDPerMWh", "grid"]
    static let requiredClimateFigures = [
        "monthlyMeanDailyMaxDryBulbC", "monthlyMeanDailyMinDryBulbC", "monthlyMeanDewPointC",
        "coolingDesignDryBulbC", "coolingDesignCoincidentWetBulbC", "evaporationDesignWetBulbC",
        "evaporationDesignWetBulb2PercentC", "extremeWetBulbC",
        "coolingDesignDryBulb1PercentC", "coolingDesignCoincidentWetBulb1PercentC", "coolingDesignDryBulb2PercentC",
        "coolingDesignCoincidentWetBulb2PercentC", "evaporationDesignCoincidentDryBulbC", "evaporationDesignWetBulb1PercentC",
        "evaporationDesignCoincidentDryBulb1PercentC", "evaporationDesignCoincidentDryBulb2PercentC", "extremeDryBulb20YearC",
    ]

    /// Every problem in a decoded site file.
    public static func issues(in decoded: Decoded<Site>) -> [ValidationIssue] {
        let site = decoded.value
        var c = IssueCollector(decoded)
        // Every number against its physical range (FieldRange), then the checks that relate fields.
        c.ranges(.site, of: site)
        if site.name.isEmpty { c.add("name", "must not be empty") }

        let climate = site.climate
        for (key, values) in [("monthlyMeanDailyMaxDryBulbC", climate.monthlyMeanDailyMaxDryBulbC),
                              ("monthlyMeanDailyMinDryBulbC", climate.monthlyMeanDailyMinDryBulbC),
                              ("monthlyMeanDewPointC", climate.monthlyMeanDewPointC)] {
            if values.count != 12 { c.add("climate.\(key)", "needs 12 monthly values, got \(values.count)") }
        }
        for (i, pair) in zip(climate.monthlyMeanDailyMaxDryBulbC, climate.monthlyMeanDailyMinDryBulbC).enumerated() where pair.0 < pair.1 {
            c.add("climate.monthlyMeanDailyMinDryBulbC[\(i)]", "daily minimum \(format(pair.1)) °C exceeds daily maximum \(format(pair.0)) °C")
        }
        let givenSpreads = climate.monthlySpreads.filter { $0.values != nil }.map(\.key)
        for (key, values) in climate.monthlySpreads {
            guard let values else {
                if !givenSpreads.isEmpty { c.add("climate.\(key)", "missing: the three monthlyStdDev… lists go together (given: \(givenSpreads.joined(separator: ", ")))") }
                continue
            }
            if values.count != 12 { c.add("climate.\(key)", "needs 12 monthly values, got \(values.count)") }
        }
        // Rarer percents are hotter: each figure at most the next rarer one (2 % ≤ 1 % ≤ 0.4 % ≤ extreme).
        let orderings: [(key: String, label: String, value: Double, bound: String, boundValue: Double)] = [
            ("evaporationDesignWetBulb1PercentC", "1 % wet-bulb", climate.evaporationDesignWetBulb1PercentC,
             "the 0.4 % wet-bulb", climate.evaporationDesignWetBulbC),
            ("evaporationDesignWetBulb2PercentC", "2 % wet-bulb", climate.evaporationDesignWetBulb2PercentC,
             "the 1 % wet-bulb", climate.evaporationDesignWetBulb1PercentC),
            ("evaporationDesignWetBulbC", "0.4 % wet-bulb", climate.evaporationDesignWetBulbC,
             "the extreme annual wet-bulb", climate.extremeWetBulbC),
            ("coolingDesignDryBulb1PercentC", "1 % dry-bulb", climate.coolingDesignDryBulb1PercentC,
             "the 0.4 % dry-bulb", climate.coolingDesignDryBulbC),
            ("coolingDesignDryBulb2PercentC", "2 % dry-bulb", climate.coolingDesignDryBulb2PercentC,
             "the 1 % dry-bulb", climate.coolingDesignDryBulb1PercentC),
            ("coolingDesignDryBulbC", "0.4 % dry-bulb", climate.coolingDesignDryBulbC,
             "the 20-year maximum dry-bulb", climate.extremeDryBulb20YearC),
        ]
        for o in orderings where o.value > o.boundValue {
            c.add("climate.\(o.key)", "\(o.label) \(format(o.value)) °C exceeds \(o.bound) \(format(o.boundValue)) °C")
        }
        // Each pair: the coincident wet-bulb is not above its dry-bulb (air cannot be wetter than saturated).
        let pairs: [(wet: String, wetC: Double, dry: String, dryC: Double)] = [
            ("coolingDesignCoincidentWetBulbC", climate.coolingDesignCoincidentWetBulbC, "coolingDesignDryBulbC", climate.coolingDesignDryBulbC),
            ("coolingDesignCoincidentWetBulb1PercentC", climate.coolingDesignCoincidentWetBulb1PercentC,
             "coolingDesignDryBulb1PercentC", climate.coolingDesignDryBulb1PercentC),
            ("coolingDesignCoincidentWetBulb2PercentC", climate.coolingDesignCoincidentWetBulb2PercentC,
             "coolingDesignDryBulb2PercentC", climate.coolingDesignDryBulb2PercentC),
            ("evaporationDesignWetBulbC", climate.evaporationDesignWetBulbC,
             "evaporationDesignCoincidentDryBulbC", climate.evaporationDesignCoincidentDryBulbC),
            ("evaporationDesignWetBulb1PercentC", climate.evaporationDesignWetBulb1PercentC,
             "evaporationDesignCoincidentDryBulb1PercentC", climate.evaporationDesignCoincidentDryBulb1PercentC),
            ("evaporationDesignWetBulb2PercentC", climate.evaporationDesignWetBulb2PercentC,
             "evaporationDesignCoincidentDryBulb2PercentC", climate.evaporationDesignCoincidentDryBulb2PercentC),
        ]
        for pair in pairs where pair.wetC > pair.dryC {
            c.add("climate.\(pair.wet)", "wet-bulb \(format(pair.wetC)) °C exceeds its dry-bulb \(pair.dry) = \(format(pair.dryC)) °C")
        }

        if site.grid.feeds.isEmpty { c.add("grid.feeds", "a site needs at least one feed") }
        c.unique(site.grid.feeds.map(\.name), { "grid.feeds[\($0)].name" }, what: "feed name")
        if site.grid.redundancy == .nPlusOne, site.grid.feeds.count < 2 {
            c.add("grid.redundancy", "N+1 needs at least two feeds, got \(site.grid.feeds.count)")
        }

        let known = Set(site.references.map(\.id))
        c.unique(site.references.map(\.id), { "references[\($0)].id" }, what: "reference id")
        let required = requiredFigures + (site.carbonIntensityKgPerMWh == nil ? [] : ["carbonIntensityKgPerMWh"])
            + (site.waterLimitM3PerYear == nil ? [] : ["waterLimitM3PerYear"])
            + (site.grid.feedReliability == nil ? [] : ["grid.feedReliability"])
        c.sources(site.figures, required: required, known: known, at: "figures")
        c.sources(climate.figures, required: requiredClimateFigures + givenSpreads, known: known, at: "climate.figures")
        return c.issues
    }
}

extension Site {
    /// Figures whose source the site file must give.
    static let requiredFigures = ["energyPriceUSDPerMWh", "grid"]
    static let requiredClimateFigures = [
        "monthlyMeanDailyMaxDryBulbC", "monthlyMeanDailyMinDryBulbC", "monthlyMeanDewPointC",
        "coolingDesignDryBulbC", "coolingDesignCoincidentWetBulbC", "evaporationDesignWetBulbC",
        "evaporationDesignWetBulb2PercentC", "extremeWetBulbC",
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
        if climate.evaporationDesignWetBulb2PercentC > climate.evaporationDesignWetBulbC {
            c.add("climate.evaporationDesignWetBulb2PercentC", "2 % wet-bulb \(format(climate.evaporationDesignWetBulb2PercentC)) °C exceeds the 0.4 % wet-bulb \(format(climate.evaporationDesignWetBulbC)) °C")
        }
        if climate.evaporationDesignWetBulbC > climate.extremeWetBulbC {
            c.add("climate.evaporationDesignWetBulbC", "0.4 % wet-bulb \(format(climate.evaporationDesignWetBulbC)) °C exceeds the extreme annual wet-bulb \(format(climate.extremeWetBulbC)) °C")
        }
        if climate.coolingDesignCoincidentWetBulbC > climate.coolingDesignDryBulbC {
            c.add("climate.coolingDesignCoincidentWetBulbC", "wet-bulb \(format(climate.coolingDesignCoincidentWetBulbC)) °C exceeds its dry-bulb \(format(climate.coolingDesignDryBulbC)) °C")
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

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
        if site.name.isEmpty { c.add("name", "must not be empty") }
        if !(-90...90).contains(site.location.latitudeDeg) { c.add("location.latitudeDeg", "must lie in −90…90, got \(format(site.location.latitudeDeg))") }
        if !(-180...180).contains(site.location.longitudeDeg) { c.add("location.longitudeDeg", "must lie in −180…180, got \(format(site.location.longitudeDeg))") }
        if !(-500...6000).contains(site.location.elevationM) { c.add("location.elevationM", "must lie in −500…6000 m, got \(format(site.location.elevationM))") }
        if !(-12...14).contains(site.location.utcOffsetH) { c.add("location.utcOffsetH", "must lie in −12…14 h, got \(format(site.location.utcOffsetH))") }

        let climate = site.climate
        for (key, values) in [("monthlyMeanDailyMaxDryBulbC", climate.monthlyMeanDailyMaxDryBulbC),
                              ("monthlyMeanDailyMinDryBulbC", climate.monthlyMeanDailyMinDryBulbC),
                              ("monthlyMeanDewPointC", climate.monthlyMeanDewPointC)] {
            if values.count != 12 { c.add("climate.\(key)", "needs 12 monthly values, got \(values.count)") }
            for (i, v) in values.enumerated() { c.temperature(v, "climate.\(key)[\(i)]") }
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
            for (i, v) in values.enumerated() where !(v.isFinite && (0...30).contains(v)) {
                c.add("climate.\(key)[\(i)]", "must lie in 0…30 K, got \(format(v))")
            }
        }
        c.temperature(climate.coolingDesignDryBulbC, "climate.coolingDesignDryBulbC")
        c.temperature(climate.coolingDesignCoincidentWetBulbC, "climate.coolingDesignCoincidentWetBulbC")
        c.temperature(climate.evaporationDesignWetBulbC, "climate.evaporationDesignWetBulbC")
        c.temperature(climate.evaporationDesignWetBulb2PercentC, "climate.evaporationDesignWetBulb2PercentC")
        if climate.evaporationDesignWetBulb2PercentC > climate.evaporationDesignWetBulbC {
            c.add("climate.evaporationDesignWetBulb2PercentC", "2 % wet-bulb \(format(climate.evaporationDesignWetBulb2PercentC)) °C exceeds the 0.4 % wet-bulb \(format(climate.evaporationDesignWetBulbC)) °C")
        }
        c.temperature(climate.extremeWetBulbC, "climate.extremeWetBulbC")
        if climate.evaporationDesignWetBulbC > climate.extremeWetBulbC {
            c.add("climate.evaporationDesignWetBulbC", "0.4 % wet-bulb \(format(climate.evaporationDesignWetBulbC)) °C exceeds the extreme annual wet-bulb \(format(climate.extremeWetBulbC)) °C")
        }
        if climate.coolingDesignCoincidentWetBulbC > climate.coolingDesignDryBulbC {
            c.add("climate.coolingDesignCoincidentWetBulbC", "wet-bulb \(format(climate.coolingDesignCoincidentWetBulbC)) °C exceeds its dry-bulb \(format(climate.coolingDesignDryBulbC)) °C")
        }

        if site.grid.feeds.isEmpty { c.add("grid.feeds", "a site needs at least one feed") }
        c.unique(site.grid.feeds.map(\.name), { "grid.feeds[\($0)].name" }, what: "feed name")
        for (i, feed) in site.grid.feeds.enumerated() {
            c.positive(feed.capacityMW, "grid.feeds[\(i)].capacityMW", unitHint: (5000, "did you give kW?"))
        }
        if site.grid.redundancy == .nPlusOne, site.grid.feeds.count < 2 {
            c.add("grid.redundancy", "N+1 needs at least two feeds, got \(site.grid.feeds.count)")
        }
        if let reliability = site.grid.feedReliability {
            c.positive(reliability.mtbfHours, "grid.feedReliability.mtbfHours")
            c.positive(reliability.mttrHours, "grid.feedReliability.mttrHours")
        }
        c.positive(site.energyPriceUSDPerMWh, "energyPriceUSDPerMWh", unitHint: (2000, "did you give USD per kWh × 1000 or cents?"))
        if let carbon = site.carbonIntensityKgPerMWh { c.nonNegative(carbon, "carbonIntensityKgPerMWh") }
        if let water = site.waterLimitM3PerYear { c.nonNegative(water, "waterLimitM3PerYear") }

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

import Testing
@testable import Climate
import PlantModel
import Numerics

@Suite("Synthetic weather")
struct SyntheticWeatherTests {
    static func chicago() throws -> (Site, SyntheticWeather) {
        let site = try Site.load(from: WeatherFiles.root + "/sites/chicago-il.yaml").value
        return (site, SyntheticWeather(climate: site.climate, elevationM: site.location.elevationM))
    }

    @Test("The same seed gives the same year, another seed another; 8,760 hours with wet-bulb ≤ dry-bulb")
    func seeds() throws {
        let (_, weather) = try Self.chicago()
        let a = weather.year(seed: 3), b = weather.year(seed: 3), c = weather.year(seed: 4)
        #expect(a.hours == b.hours)
        #expect(a.hours != c.hours)
        #expect(a.hours.count == 8760 && a.hours.last?.month == 12 && a.hours.last?.day == 31 && a.hours.last?.hour == 24)
        #expect(a.hours.allSatisfy { $0.wetBulbC <= $0.dryBulbC + 1e-9 })
    }

    @Test("Years drawn with new seeds reproduce the design figures the generator was fitted to")
    func reproducesFigures() throws {
        let (site, weather) = try Self.chicago()
        let c = site.climate
        let years = (100..<110).map { weather.year(seed: UInt64($0)) }
        let hours = years.flatMap(\.hours)
        // 10 years of 8,760 h: 0.4 % is the 350th highest hour, 2 % the 1,752nd (a sampling spread of a few tenths).
        let dryBulbs = hours.map(\.dryBulbC).sorted(by: >), wetBulbs = hours.map(\.wetBulbC).sorted(by: >)
        #expect(dryBulbs[349].isApproximatelyEqual(to: c.coolingDesignDryBulbC, absoluteTolerance: 0.75), "\(dryBulbs[349])")
        #expect(wetBulbs[349].isApproximatelyEqual(to: c.evaporationDesignWetBulbC, absoluteTolerance: 0.5), "\(wetBulbs[349])")
        #expect(wetBulbs[1751].isApproximatelyEqual(to: c.evaporationDesignWetBulb2PercentC, absoluteTolerance: 0.5), "\(wetBulbs[1751])")
        let hottest = hours.sorted { $0.dryBulbC > $1.dryBulbC }.prefix(350)
        let coincident = hottest.map(\.wetBulbC).reduce(0, +) / 350
        #expect(coincident.isApproximatelyEqual(to: c.coolingDesignCoincidentWetBulbC, absoluteTolerance: 0.75), "\(coincident)")
        // Monthly mean of the daily maximum, July (interpolation between mid-months flattens peaks a little).
        let julyMax = years.flatMap { year in
            (1...31).map { day in year.hours.filter { $0.month == 7 && $0.day == day }.map(\.dryBulbC).max()! }
        }
        let mean = julyMax.reduce(0, +) / Double(julyMax.count)
        #expect(mean.isApproximatelyEqual(to: c.monthlyMeanDailyMaxDryBulbC[6], absoluteTolerance: 0.7), "\(mean)")
    }

    @Test("Stockholm's heavy hot tail is capped at its 20-year extreme, and its 0.4 % dry-bulb still holds")
    func cappedHotTail() throws {
        let site = try Site.load(from: WeatherFiles.root + "/sites/stockholm-se.yaml").value
        let weather = SyntheticWeather(climate: site.climate, elevationM: site.location.elevationM)
        // Stockholm's summer maxima are skewed up, so its fitted tail is heavy (λ < 0); uncapped, 30 years reached
        // 46.3 °C against the 33.3 °C 20-year extreme (README "Synthetic weather").
        #expect(weather.dryBulbTailShape < 0)
        let years = (1...30).map { weather.year(seed: UInt64($0)) }
        let hours = years.flatMap(\.hours).map(\.dryBulbC).sorted(by: >)
        #expect(hours[0] <= site.climate.extremeDryBulb20YearC)
        // 30 years of 8,760 h: 0.4 % is the 1,051st highest hour; the cap sits far above it.
        #expect(hours[1050].isApproximatelyEqual(to: site.climate.coolingDesignDryBulbC, absoluteTolerance: 0.75), "\(hours[1050])")
    }

    @Test("Without monthly spreads the dry-bulb stays normal and its scale is fitted to the 0.4 % dry-bulb")
    func withoutSpreads() throws {
        var (site, _) = try Self.chicago()
        site.climate.monthlyStdDevDailyMaxDryBulbK = nil
        site.climate.monthlyStdDevDailyMinDryBulbK = nil
        site.climate.monthlyStdDevDailyMeanDewPointK = nil
        let weather = SyntheticWeather(climate: site.climate, elevationM: site.location.elevationM)
        #expect(weather.dryBulbTailShape == 0 && weather.dryBulbSpreadScale > 1)
        let dryBulbs = (100..<110).flatMap { weather.year(seed: UInt64($0)).hours.map(\.dryBulbC) }.sorted(by: >)
        #expect(dryBulbs[349].isApproximatelyEqual(to: site.climate.coolingDesignDryBulbC, absoluteTolerance: 0.75), "\(dryBulbs[349])")
    }

    @Test("On the real files, synthetic years from each file's own figures average within 25 % of its hot hours",
          .enabled(if: WeatherFiles.available, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func hotHoursAgainstRealYears() throws {
        // The figures are those `climate summarize` prints, with the design conditions taken from the year's
        // own hours: a typical year (TMY3/IWEC) is picked for typical months and is milder at the extremes
        // than ASHRAE's long-term design conditions (Stockholm's IWEC year has 1 h above 27 °C, its ASHRAE
        // 0.4 % dry-bulb of 27.1 °C is exceeded 35 h a year), so only its own figures describe it.
        // One synthetic year is one draw: its count of wet-bulb hours above 24 °C spreads by ±60 % from
        // seed to seed, as real years do, so the test compares the mean over 50 seeds. Below 35 h (0.4 % of
        // the year, the finest statistic the generator is fitted to) a relative band can be meaningless
        // (1 h against 2 h): there both counts staying below 35 h passes too. (Phoenix has 32 h above 24 °C,
        // its 35th-highest wet-bulb 23.97 °C rounds to a 24.0 °C figure, and the fit puts 35 h above that:
        // "below 35 h" alone would be a coin toss, the 25 % band is not.)
        let years = 50
        for (siteName, file) in WeatherFiles.sites {
            let epw = try EPWFile.load(from: WeatherFiles.path(file))
            let figures = ClimateSummary(epw, sourceID: "x", designFrom: .hours).climate
            let generator = SyntheticWeather(climate: figures, elevationM: epw.location.elevationM)
            let synthetic = (1...years).map { generator.year(seed: UInt64($0)).hours }
            let tests: [(String, (Double, Double) -> Bool)] = [("db27", { db, _ in db > 27 }), ("wb24", { _, wb in wb > 24 })]
            for (what, hot) in tests {
                let real = epw.hours.filter { hot($0.dryBulbC, $0.wetBulbC) }.count
                let counts = synthetic.map { year in year.filter { hot($0.dryBulbC, $0.wetBulbC) }.count }
                let mean = Double(counts.reduce(0, +)) / Double(years)
                let message = "\(siteName) \(what): real \(real) h, synthetic mean \(mean) h (seeds 1–\(years): \(counts.min()!)–\(counts.max()!) h)"
                print(message)
                let withinBand = mean.isApproximatelyEqual(to: Double(real), absoluteTolerance: 0.25 * Double(real))
                #expect(withinBand || (real < 35 && mean < 35), "\(message)")
            }
        }
    }
}

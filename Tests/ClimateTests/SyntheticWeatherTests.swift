import Testing
@testable import Climate
import PlantModel

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

    @Test("Years drawn with new seeds reproduce the figures the generator was fitted to")
    func reproducesFigures() throws {
        let (site, weather) = try Self.chicago()
        let years = (100..<110).map { weather.year(seed: UInt64($0)) }
        let hours = years.flatMap(\.hours)
        // 0.4 % design dry-bulb: the 350th hottest of 87,600 hours.
        let hottest = hours.map(\.dryBulbC).sorted(by: >)[349]
        #expect(abs(hottest - site.climate.coolingDesignDryBulbC) < 0.75, "\(hottest) (10 years: a sampling spread of a few tenths)")
        // Monthly mean of the daily maximum, July (interpolation between mid-months flattens peaks a little).
        let julyMax = years.flatMap { year in
            (1...31).map { day in year.hours.filter { $0.month == 7 && $0.day == day }.map(\.dryBulbC).max()! }
        }
        let mean = julyMax.reduce(0, +) / Double(julyMax.count)
        #expect(abs(mean - site.climate.monthlyMeanDailyMaxDryBulbC[6]) < 0.7, "\(mean)")
    }

    @Test("On the real files, the synthetic year's hot hours land within 25 % of the real year's")
    func hotHoursAgainstRealYears() throws {
        // Measured misses (seed 1): the generator is fitted to ASHRAE long-term design conditions, while a
        // typical year (TMY3/IWEC) is chosen to be typical and under-represents extremes (Stockholm's IWEC
        // year has 1 h above 27 °C though its own 0.4 % design dry-bulb, 27.1 °C, is exceeded 35 h a year);
        // and a normal dew-point anomaly does not reproduce monsoon (Phoenix) or steadily humid (Dallas) summers.
        let knownMisses: Set<String> = [
            "hillsboro-or db27", "stockholm-se db27", "phoenix-az wb24", "dallas-tx wb24", "chicago-il wb24", "stockholm-se wb24",
        ]
        for (siteName, file) in WeatherFiles.sites {
            guard let path = WeatherFiles.path(file) else { return }
            let site = try Site.load(from: WeatherFiles.root + "/sites/\(siteName).yaml").value
            let real = try EPWFile.load(from: path).hours
            let synthetic = SyntheticWeather(climate: site.climate, elevationM: site.location.elevationM).year(seed: 1).hours
            let counts = [
                ("db27", real.filter { $0.dryBulbC > 27 }.count, synthetic.filter { $0.dryBulbC > 27 }.count),
                ("wb24", real.filter { $0.wetBulbC > 24 }.count, synthetic.filter { $0.wetBulbC > 24 }.count),
            ]
            for (what, realCount, syntheticCount) in counts {
                let key = "\(siteName) \(what)"
                print("\(key): real \(realCount) h, synthetic \(syntheticCount) h")
                let within = abs(Double(syntheticCount - realCount)) <= 0.25 * Double(realCount)
                if knownMisses.contains(key) {
                    withKnownIssue("\(key): synthetic \(syntheticCount) h vs real \(realCount) h") { #expect(within) }
                } else {
                    #expect(within, "\(key): synthetic \(syntheticCount) h vs real \(realCount) h")
                }
            }
        }
    }
}

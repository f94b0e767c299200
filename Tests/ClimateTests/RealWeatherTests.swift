import Testing
@testable import Climate
import PlantModel

@Suite("Real weather files")
struct RealWeatherTests {
    @Test("climate summarize reproduces the climate block of every shipped site from its weather file")
    func summarizeMatchesSites() throws {
        for (siteName, file) in WeatherFiles.sites {
            guard let path = WeatherFiles.path(file) else { return }
            let site = try Site.load(from: WeatherFiles.root + "/sites/\(siteName).yaml").value
            let epw = try EPWFile.load(from: path)
            let summary = ClimateSummary(epw, sourceID: "x")
            let mine = summary.climate, theirs = site.climate
            #expect(mine.monthlyMeanDailyMaxDryBulbC == theirs.monthlyMeanDailyMaxDryBulbC, "\(siteName)")
            #expect(mine.monthlyMeanDailyMinDryBulbC == theirs.monthlyMeanDailyMinDryBulbC, "\(siteName)")
            #expect(mine.monthlyMeanDewPointC == theirs.monthlyMeanDewPointC, "\(siteName)")
            #expect(mine.coolingDesignDryBulbC == theirs.coolingDesignDryBulbC, "\(siteName)")
            #expect(mine.coolingDesignCoincidentWetBulbC == theirs.coolingDesignCoincidentWetBulbC, "\(siteName)")
            #expect(mine.evaporationDesignWetBulbC == theirs.evaporationDesignWetBulbC, "\(siteName)")
            #expect(mine.evaporationDesignWetBulb2PercentC == theirs.evaporationDesignWetBulb2PercentC, "\(siteName)")
            #expect(mine.extremeWetBulbC == theirs.extremeWetBulbC, "\(siteName)")
            #expect(mine.monthlyStdDevDailyMaxDryBulbK == theirs.monthlyStdDevDailyMaxDryBulbK, "\(siteName)")
            #expect(mine.monthlyStdDevDailyMinDryBulbK == theirs.monthlyStdDevDailyMinDryBulbK, "\(siteName)")
            #expect(mine.monthlyStdDevDailyMeanDewPointK == theirs.monthlyStdDevDailyMeanDewPointK, "\(siteName)")
            #expect(summary.designFromHeader == (siteName != "hillsboro-or"), "\(siteName)")
            // --design-from-hours: the 35th-hottest hour (0.4 % of 8,760), the 35th- and 175th-highest wet-bulbs
            // (0.4 % and 2 %) and the year's highest.
            let own = ClimateSummary(epw, sourceID: "x", designFrom: .hours).climate
            let dryBulbs = epw.hours.map(\.dryBulbC).sorted(by: >), wetBulbs = epw.hours.map(\.wetBulbC).sorted(by: >)
            func r(_ x: Double) -> Double { (x * 10).rounded() / 10 }
            #expect(own.coolingDesignDryBulbC == r(dryBulbs[34]), "\(siteName)")
            #expect(own.evaporationDesignWetBulbC == r(wetBulbs[34]), "\(siteName)")
            #expect(own.evaporationDesignWetBulb2PercentC == r(wetBulbs[174]), "\(siteName)")
            #expect(own.extremeWetBulbC == r(wetBulbs[0]), "\(siteName)")
        }
    }

    @Test("Hour counts match the sanity table of shared/data/weather/SOURCES.md")
    func hourCounts() throws {
        // SOURCES.md: hours with dry-bulb > 27 °C and wet-bulb > 24 °C (wet-bulb by psychrometer bisection).
        let expected: [String: (db27: Int, wb24: Int, dbMax: Double)] = [
            "ashburn-va": (685, 138, 37.2), "phoenix-az": (3558, 47, 44.4), "dallas-tx": (1885, 805, 40.0),
            "chicago-il": (522, 151, 35.0), "hillsboro-or": (284, 0, 41.0), "stockholm-se": (1, 0, 27.1),
        ]
        for (siteName, file) in WeatherFiles.sites {
            guard let path = WeatherFiles.path(file) else { return }
            let epw = try EPWFile.load(from: path)
            let e = expected[siteName]!
            #expect(epw.hours.count == 8760)
            #expect(epw.hours.filter { $0.dryBulbC > 27 }.count == e.db27, "\(siteName)")
            #expect(epw.hours.map(\.dryBulbC).max() == e.dbMax, "\(siteName)")
            let wb24 = epw.hours.filter { $0.wetBulbC > 24 }.count
            print("\(siteName): wet-bulb > 24 °C in \(wb24) h (SOURCES.md: \(e.wb24))")
            #expect(abs(wb24 - e.wb24) <= max(2, e.wb24 / 100), "\(siteName): \(wb24) vs \(e.wb24)")
        }
    }
}

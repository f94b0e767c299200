import Testing
import Climate
import PlantModel
@testable import Twin

@Suite("Twin on real weather", .enabled(if: TwinFixture.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
struct TwinWeatherTests {
    @Test("Free-cooling hours are the hours at or below the design's free-cooling limit, counted from the file")
    func freeCoolingHours() throws {
        let scenario = try TwinFixture.scenario(), path = try TwinFixture.weather(TwinFixture.chicago)
        let summary = Twin.run(scenario, seed: 1)
        // W45 design: 40 °C supply − 5.6 K dry-cooler approach = 34.4 °C on the dry-bulb.
        #expect(scenario.plant.freeCoolingLimitC == 40 - 5.6)
        let counted = try EPWFile.load(from: path).hours.filter { $0.dryBulbC <= 34.4 }.count
        #expect(summary.freeCoolingHours == counted)
        #expect(counted < 8760, "Chicago's year has hours above the limit, so the count is not trivially all hours")
    }

    @Test("The same dry-cooler design and plan has a higher annual PUE in Phoenix than in Chicago and Stockholm")
    func pueByClimate() throws {
        var pue: [String: Double] = [:]
        for file in [TwinFixture.phoenix, TwinFixture.chicago, TwinFixture.stockholm] {
            pue[file] = try Twin.run(TwinFixture.scenario(weather: file), seed: 1).pue
        }
        let phoenix = try #require(pue[TwinFixture.phoenix])
        #expect(phoenix > pue[TwinFixture.chicago]!)
        #expect(phoenix > pue[TwinFixture.stockholm]!)
    }

    @Test("A plan sized at the design ambient throttles only in hours hotter than it, and only on heat")
    func throttlesOnlyAboveDesign() throws {
        // Demand held at full load, the loading the plan is sized for (the design's 70 % mean never reaches it).
        let scenario = try TwinFixture.scenario(edit: { design, _ in
            for i in design.workloadMix.indices {
                design.workloadMix[i].demand = DemandShape(meanUtilization: 1, diurnalAmplitude: 0, peakHourLocal: 0, tenants: 1, hourlyNoise: 0)
            }
        })
        let (summary, hours) = TwinFixture.hours(scenario)
        let design = scenario.site.climate.coolingDesignDryBulbC
        let throttled = hours.filter { $0.limit != nil }
        #expect(!throttled.isEmpty, "the fixture's heat rejection binds at 33.3 °C, and Chicago's year has hotter hours")
        for h in throttled {
            #expect(h.dryBulbC > design, "\(h.timestamp) throttled at \(h.dryBulbC) °C")
            #expect(h.limit == .thermal)
        }
        #expect(summary.throttledHours == throttled.count)
    }
}

import Testing
import Climate
import PlantModel
@testable import Twin

@Suite("Twin on real weather", .enabled(if: TwinFixture.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
struct TwinWeatherTests {
    @Test("No chillers: every hour the plant holds its 40 °C set-point is a free-cooling hour, and it holds it in every cool hour")
    func freeCoolingHours() throws {
        let scenario = try TwinFixture.scenario()
        let (summary, hours) = TwinFixture.hours(scenario)
        let held = hours.filter { $0.state.itMW > 0 && $0.state.supplyTempC <= 40 }
        #expect(summary.freeCoolingHours == held.count)
        // At or below 30 °C the plant is at least 10 K colder than the supply it must make: at full fan it carries
        // E₁·10 / (1 − E₁/C_p) for the fixture's 70 MW plant, far above any load the two halls put on it.
        for h in hours where h.dryBulbC <= 30 && h.state.itMW > 0 {
            #expect(h.state.supplyTempC == 40 && h.state.compressorMW == 0, "\(h.timestamp)")
        }
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
        #expect(hours.contains { $0.dryBulbC > design }, "Chicago's year has hours hotter than the design, so the check can fail")
        for h in throttled {
            #expect(h.dryBulbC > design, "\(h.timestamp) throttled at \(h.dryBulbC) °C")
            #expect(h.limit == .thermal)
        }
        #expect(summary.throttledHours == throttled.count)
    }

    @Test("Sized at the 99.6th percentile of the year's hours, a plan at full load throttles only in hours above that percentile: at most 35")
    func fromHoursBasis() throws {
        let path = try TwinFixture.weather(TwinFixture.chicago)
        let epw = try EPWFile.load(from: path)
        let hours = DesignHours(source: TwinFixture.chicago, dryBulbC: epw.hours.map(\.dryBulbC), wetBulbC: epw.hours.map(\.wetBulbC))
        // No float: the racks' coolant limit less the CDU approach is the 40 °C set-point itself.
        let scenario = try TwinFixture.scenario(edit: { design, _ in
            design.designBasis = DesignBasis(condition: .fromHours, percentile: 99.6, hours: hours)
            design.liquidCooling!.cduApproachK = 45 - design.liquidCooling!.facilitySupplyTempC
            for i in design.workloadMix.indices {
                design.workloadMix[i].demand = DemandShape(meanUtilization: 1, diurnalAmplitude: 0, peakHourLocal: 0, tenants: 1, hourlyNoise: 0)
            }
        })
        // The basis, counted independently: the dry cooler's effective temperature is the dry-bulb; sorted
        // ascending, rank ⌈0.996 × 8,760⌉ = 8,725, so 35 hours lie above it (fewer where they tie with it).
        let sorted = epw.hours.map(\.dryBulbC).sorted()
        let basis = sorted[8724]
        #expect(scenario.plan.designCondition.effectiveAmbientC == basis)
        let (_, simulated) = TwinFixture.hours(scenario)
        let throttled = simulated.filter { $0.limit != nil }
        #expect(!throttled.isEmpty, "the plan fills the plant at the basis, so the hottest hours must throttle")
        for h in throttled { #expect(h.dryBulbC > basis, "\(h.timestamp) throttled at \(h.dryBulbC) °C, basis \(basis) °C") }
        #expect(throttled.count <= 35)
    }
}

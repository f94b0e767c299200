import Testing
import Climate
@testable import PlantModel
import Plans
@testable import Twin
import Numerics

@Suite("Demand is an input: utilization from the design's workloads, rack power from idle to max")
struct DemandTests {
    static func design(_ mix: [WorkloadShare]) throws -> ReferenceDesign {
        var design = try TwinFixture.inputs().design
        design.workloadMix = mix
        return design
    }

    @Test("Utilization is the token-share-weighted mean utilization × each workload's diurnal shape, capped at 1")
    func utilization() throws {
        // Workload 1: 60 % of tokens, U = 0.7, ±20 % peaking at 15:00. Workload 2: 40 %, U = 0.5, flat. No noise.
        // Hour 14:00–15:00 (middle 14.5 h): cos(2π·(−0.5)/24) = cos(π/24) = 0.9914449;
        // u = 0.6 × 0.7 × (1 + 0.2 × 0.9914449) + 0.4 × 0.5 = 0.42 × 1.1982890 + 0.2 = 0.7032814.
        let design = try Self.design([
            WorkloadShare(workload: "a", share: 0.6, demand: DemandShape(meanUtilization: 0.7, diurnalAmplitude: 0.2, peakHourLocal: 15,
                                                                        tenants: 1, hourlyNoise: 0)),
            WorkloadShare(workload: "b", share: 0.4, demand: DemandShape(meanUtilization: 0.5, diurnalAmplitude: 0, peakHourLocal: 0,
                                                                        tenants: 1, hourlyNoise: 0)),
        ])
        var g = SeededGenerator(seed: 1)
        #expect(DemandModel(design: design).utilization(hourOfDay: 14, &g).isApproximatelyEqual(to: 0.7032814, absoluteTolerance: 1e-7))
        // 03:00–04:00 (middle 3.5 h, 11.5 h before the peak): cos(2π·(−11.5)/24) = −0.9914449;
        // u = 0.42 × (1 − 0.1982890) + 0.2 = 0.5367186.
        #expect(DemandModel(design: design).utilization(hourOfDay: 3, &g).isApproximatelyEqual(to: 0.5367186, absoluteTolerance: 1e-7))
        // U = 0.95 with +20 % at the peak would ask 1.14 of capacity: capped at full load.
        let hot = try Self.design([WorkloadShare(workload: "a", share: 1, demand: DemandShape(
            meanUtilization: 0.95, diurnalAmplitude: 0.2, peakHourLocal: 14.5, tenants: 1, hourlyNoise: 0))])
        #expect(DemandModel(design: hot).utilization(hourOfDay: 14, &g) == 1)
        // No demand block: the standard estimate, 70 % at the mean.
        #expect(DemandShape.standard.meanUtilization == 0.7)
    }

    @Test("Rack power runs from idle to max with utilization, and tokens with it")
    func powerFollowsLoad() throws {
        // Lossless plant, one hall of 10 MW idle + 90 MW dynamic to liquid and 1 MW of fabric, 10⁶ tokens/s at full
        // load. At u = 0.5: IT = 10 + 45 + 1 = 56 MW; tokens 0.5 × 10⁶ × 3600.
        let (fleet, plant) = try TwinThrottleTests.losslessPlant()
        var r = TwinThrottleTests.hour(usableMW: 1000)
        Twin.settle(&r, fleet: fleet, utilization: 0.5, plant: plant)
        #expect(r.state.itMW.isApproximatelyEqual(to: 56, absoluteTolerance: 1e-9))
        #expect(r.tokens.isApproximatelyEqual(to: 1.8e9, relativeTolerance: 1e-12) && r.lostTokens == 0 && r.throttleFraction == 0)
        Twin.settle(&r, fleet: fleet, utilization: 0, plant: plant)
        #expect(r.state.itMW.isApproximatelyEqual(to: 11, absoluteTolerance: 1e-9) && r.tokens == 0)
    }

    @Test("Over a year the demanded share of full-load tokens is the design's mean utilization",
          .enabled(if: TwinFixture.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func yearlyMean() throws {
        // The cosine averages to 0 over each day; the noise (σ = 0.05 × 0.6 per hour) to 0 within 0.6 × 0.05/√8760
        // ≈ 3 × 10⁻⁴ over the year: demanded tokens / full-load tokens ≈ U = 0.6 within 0.002.
        let scenario = try TwinFixture.scenario(edit: { design, _ in
            design.workloadMix = design.workloadMix.map {
                var w = $0
                w.demand = DemandShape(meanUtilization: 0.6, diurnalAmplitude: 0.2, peakHourLocal: 15, tenants: 1, hourlyNoise: 0.05)
                return w
            }
        })
        let (summary, hours) = TwinFixture.hours(scenario)
        var fullLoad = 0.0
        for h in hours {
            let fleet = try #require(scenario.fleet(in: Quarter(year: h.year, quarter: (h.month - 1) / 3 + 1)))
            fullLoad += fleet.halls.reduce(0) { $0 + $1.tokensPerSecond } * 3600
        }
        #expect(((summary.tokens + summary.lostTokens) / fullLoad).isApproximatelyEqual(to: 0.6, absoluteTolerance: 0.002))
    }
}

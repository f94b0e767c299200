import Testing
@testable import PlantModel
import Plans
@testable import Twin
import Numerics

@Suite("Grid CO₂ and the site's water limit in a run's summary")
struct SiteCarbonWaterTests {
    @Test("CO₂ is facility energy × the site's intensity; the water limit accrues by the hour and the excess is reported")
    func carbonAndWater() throws {
        let (fleet, _) = try TwinThrottleTests.losslessPlant()
        var site = try TwinFixture.inputs().site
        site.carbonIntensityKgPerMWh = 282.6
        site.waterLimitM3PerYear = 8760
        let hour = try TwinThrottleTests.losslessHour(usableMW: 101)   // 101 MW from the grid, 3.6e9 tokens
        var summary = RunSummary()
        for _ in 0..<2 { summary.add(hour, fleet: fleet, site: site, opexUSDPerMWYear: 0) }
        // 2 h × 101 MW × 282.6 kg/MWh = 57.0852 t; per year × 8,760 / 2 = 250,033.2 t; per million tokens
        // 57.0852e6 g / (7.2e9 / 1e6) = 7,928.5 g.
        #expect(try #require(summary.co2Tonnes).isApproximatelyEqual(to: 57.0852, relativeTolerance: 1e-5))
        #expect(try #require(summary.co2TonnesPerYear).isApproximatelyEqual(to: 250_033.2, relativeTolerance: 1e-5))
        #expect(try #require(summary.co2GramsPerMillionTokens).isApproximatelyEqual(to: 7_928.5, relativeTolerance: 1e-4))
        // 8,760 m³ a year is 1 m³ an hour: 2 m³ for two hours; drawing 5 m³ is 3 m³ over.
        #expect(try #require(summary.waterLimitM3).isApproximatelyEqual(to: 2, relativeTolerance: 1e-12))
        summary.waterM3 = 5
        #expect(summary.waterOverLimitM3 == 3)
    }

    @Test("A site without carbon or water figures reports neither")
    func absent() throws {
        let (fleet, _) = try TwinThrottleTests.losslessPlant()
        var site = try TwinFixture.inputs().site
        site.carbonIntensityKgPerMWh = nil
        site.waterLimitM3PerYear = nil
        var summary = RunSummary()
        summary.add(try TwinThrottleTests.losslessHour(usableMW: 101), fleet: fleet, site: site, opexUSDPerMWYear: 0)
        #expect(summary.co2Tonnes == nil && summary.co2GramsPerMillionTokens == nil && summary.waterOverLimitM3 == nil)
    }
}

import Foundation
import Testing
import Numerics
import Climate
@testable import PlantModel
import Plans
@testable import Twin

/// The twin runs each quarter with the chillers the plan has built by then (README "Facility decisions", chiller modules).
@Suite("Twin with chiller modules")
struct ChillerModuleTwinTests {
    /// The twin fixture with 20 °C facility water, colder than any hour below: the plant takes nothing at the set-point and
    /// the chillers carry the whole stream. 20 MW of chillers given (COP 5) and up to two 15 MW chiller modules.
    static func design() throws -> (design: ReferenceDesign, site: Site, catalog: Catalog) {
        var (design, site, catalog) = try TwinFixture.inputs()
        design.liquidCooling!.facilitySupplyTempC = 20
        design.heatRejection.chillerCapacityMW = 20
        design.heatRejection.chillerCOP = 5
        design.heatRejection.chillerModules = ChillerModules(capacityMW: 15, count: 2,
                                                             build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 20))
        return (design, site, catalog)
    }

    @Test("One hour by hand: the chillers as given fall short of a 42 MW stream, with two modules they carry it")
    func handWorkedHour() throws {
        let (design, site, _) = try Self.design()
        let fleet = InstalledFleet(
            quarter: Quarter("2027Q1")!, halls: [], hallNetworkMW: 0, fabricMW: 0, upsInstalledMW: 20,
            upsDesignLoadMW: 20, gridDesignLoadMW: 500, transformerDesignLoadMW: 20, liquidCapacityMW: 84, airCapacityMW: 3, rackSupplyLimitC: 45,
            rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        // 42 MW to liquid at 30 °C dry-bulb. Pump: 0.037 × 84 × (42/84)³ = 0.3885; the stream 42.3885 MW enters the plant at
        // 20 + 42.3885/90 ≈ 20.47 °C (flow 900 MW / 10 K), below the 30 °C air: the plant takes nothing, the chillers all of it,
        // 22.3885 MW more than the 20 MW given; 20 + 2 × 15 = 50 MW carry it.
        let stream = 42.3885
        let given = HourlyPlant(design: design, site: site).state(liquidMW: 42, rackAirMW: 0, fleet: fleet, dryBulbC: 30, wetBulbC: 20)
        #expect(given.chillerLoadMW.isApproximatelyEqual(to: stream, relativeTolerance: 1e-9))
        #expect(given.chillerUnmetMW.isApproximatelyEqual(to: 22.3885, relativeTolerance: 1e-9))
        let built = HourlyPlant(design: design.withChillerModules(2), site: site)
            .state(liquidMW: 42, rackAirMW: 0, fleet: fleet, dryBulbC: 30, wetBulbC: 20)
        #expect(built.chillerLoadMW.isApproximatelyEqual(to: stream, relativeTolerance: 1e-9))
        #expect(built.chillerUnmetMW == 0)
    }

    @Test("The scenario holds one plant per count of plant and chiller modules in service, with the chillers then built",
          .enabled(if: TwinFixture.weatherAvailable, "needs ../shared/data/weather"))
    func plantsByQuarter() throws {
        let (design, site, catalog) = try Self.design()
        let plan = try TwinFixture.plan(design, site, catalog)
        let year = WeatherYear(try EPWFile.load(from: try TwinFixture.weather(TwinFixture.chicago)), source: TwinFixture.chicago)
        let scenario = TwinScenario(design: design, site: site, catalog: catalog, plan: plan, weather: [year], years: 1)
        let built = plan.quarters.map { design.loopChillerModules(in: $0.quarter, plan.facilityBuilds)[0] }
        #expect(scenario.fleet.map { $0.chillerModules[0] } == built)
        #expect(built.contains { $0 > 0 }, "the plan builds chiller modules")
        for fleet in scenario.fleet {
            let plant = try #require(scenario.plants[TwinScenario.ModulesInService(fleet)])
            #expect(plant.loops[0].design.heatRejection.chillerCapacityMW == 20 + 15 * Double(fleet.chillerModules[0]))
        }
        // No hour of the year asks the chillers built for more than they carry.
        let (summary, hours) = TwinFixture.hours(scenario)
        #expect(hours.allSatisfy { $0.state.chillerUnmetMW <= 1e-9 })
        #expect(summary.hours == 8760)
    }
}

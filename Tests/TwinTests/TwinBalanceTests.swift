import Foundation
import Testing
import Climate
@testable import PlantModel
import Plans
@testable import Twin
import Numerics

@Suite("Twin energy balance and PUE")
struct TwinBalanceTests {
    @Test("Every hour: heat rejected = IT + pump + fan + compressor work, and both limits settle",
          .enabled(if: TwinFixture.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func hourlyBalance() throws {
        let scenario = try TwinFixture.scenario()
        let (_, hours) = TwinFixture.hours(scenario)
        #expect(hours.count == 8760)
        for h in hours where h.state.itMW > 0 {
            let s = h.state
            #expect(s.rejectedMW.isApproximatelyEqual(to: s.itMW + s.pumpMW + s.airFanMW + s.compressorMW, absoluteTolerance: 1e-9), "\(h.timestamp)")
            #expect(s.thermalHeadroomMW >= -1e-6 && h.powerHeadroomMW >= -1e-6, "\(h.timestamp) settles both limits")
        }
    }

    @Test("One hour worked by hand: pumps and fans by the affinity law, losses by the loss curves")
    func handWorkedHour() throws {
        var (design, site, _) = try TwinFixture.inputs()
        design.heatRejection.ratedCapacityMW = 150
        design.powerChain = PowerChain(transformerEfficiency: 0.99, upsEfficiency: 0.975, houseLoadFractionOfIT: 0)
        let plant = HourlyPlant(design: design, site: site)
        let fleet = InstalledFleet(
            quarter: Quarter("2027Q1")!, halls: [], inRackNetworkMW: 1, fabricMW: 2, upsInstalledMW: 106.8,
            upsDesignLoadMW: 80, gridDesignLoadMW: 500, transformerDesignLoadMW: 100, liquidCapacityMW: 84, airCapacityMW: 3, rackSupplyLimitC: 45,
            capexCumulativeUSD: 0, plannedFacilityMW: 0)
        // 63 MW to liquid, no rack air; 20 °C dry-bulb.
        let s = plant.state(liquidMW: 63, rackAirMW: 0, fleet: fleet, dryBulbC: 20, wetBulbC: 15)
        // IT = 63 + 1 + 2 = 66. Pump: 0.037 × 84 × (63/84)³ = 3.108 × 0.421875 = 1.3111875. Hall air fans:
        // 0.05 × 3 × (1/3)³ = 0.0055556; fabric fans 0.05 × 2 = 0.1.
        #expect(s.itMW.isApproximatelyEqual(to: 66, absoluteTolerance: 1e-12))
        #expect(s.pumpMW.isApproximatelyEqual(to: 1.3111875, absoluteTolerance: 1e-9))
        #expect(s.airFanMW.isApproximatelyEqual(to: 0.15 / 27 + 0.1, absoluteTolerance: 1e-9))
        // Free water 20 + 5.6 = 25.6 °C < 40 °C supply: no chiller. Capacity 150 × (50 − 20)/15 = 300 MW.
        #expect(s.compressorMW == 0 && s.freeCooling && s.supplyTempC == 40)
        #expect(s.rejectionCapacityMW.isApproximatelyEqual(to: 300, absoluteTolerance: 1e-9))
        // Rejected 66 + 1.3111875 + 0.1055556 = 67.4167431; plant fans 0.04 × 150 × (67.4167431/300)³.
        let rejected = 66 + 1.3111875 + 0.15 / 27 + 0.1
        #expect(s.rejectedMW.isApproximatelyEqual(to: rejected, absoluteTolerance: 1e-9))
        #expect(s.plantFanMW.isApproximatelyEqual(to: 6 * pow(rejected / 300, 3), absoluteTolerance: 1e-9))
        // UPS at r = 66/80 = 0.825: 80 × (1/0.975 − 1) × (0.4 + 0.3·0.825 + 0.3·0.825²) = 1.8136474…;
        // the transformers energized (100 MW design loading, not the 500 MW grid) deliver IT + UPS loss + cooling
        // at r = P/100, loss 100 × (1/0.99 − 1) × (0.4 + 0.6 r²).
        let ups = 80 * (1 / 0.975 - 1) * (0.4 + 0.3 * 0.825 + 0.3 * 0.825 * 0.825)
        let delivered = 66 + ups + s.coolingMW
        let transformer = 100 * (1 / 0.99 - 1) * (0.4 + 0.6 * (delivered / 100) * (delivered / 100))
        #expect(s.lossesMW.isApproximatelyEqual(to: ups + transformer, absoluteTolerance: 1e-9))
        // Thermal headroom: rejection 300 − 67.42; the racks' 45 °C limit allows the supply to float 2 K of the
        // 10 K loop, so the trim headroom is 0 + 0.2 × 64.3111875 = 12.86 MW, the smaller.
        #expect(s.thermalHeadroomMW.isApproximatelyEqual(to: 0.2 * (63 + 1.3111875), absoluteTolerance: 1e-9))
    }

    @Test("Tower water: evaporation 1.5 L/kWh rejected; with 4 cycles of concentration, make-up 1.5 × 4/3 = 2 L/kWh")
    func towerWater() throws {
        var (design, site, _) = try TwinFixture.inputs()
        design.heatRejection = HeatRejection(type: .coolingTower, ratedCapacityMW: 150, ratedAmbientC: 25.6, ratedFluidInletC: 35,
                                             approachK: 3.8, fanPowerFraction: 0.01, adiabaticEffectiveness: nil, waterLPerKWh: 1.5,
                                             cyclesOfConcentration: nil, chillerCapacityMW: 0, chillerCOP: nil)
        let fleet = InstalledFleet(
            quarter: Quarter("2027Q1")!, halls: [], inRackNetworkMW: 0, fabricMW: 0, upsInstalledMW: 100,
            upsDesignLoadMW: 80, gridDesignLoadMW: 100, transformerDesignLoadMW: 100, liquidCapacityMW: 84, airCapacityMW: 3, rackSupplyLimitC: 45,
            capexCumulativeUSD: 0, plannedFacilityMW: 0)
        let evaporating = HourlyPlant(design: design, site: site).state(liquidMW: 60, rackAirMW: 0, fleet: fleet, dryBulbC: 20, wetBulbC: 15)
        // 15 °C wet-bulb + 3.8 K = 18.8 °C free water: no chiller; the hour rejects IT + pump + fan work.
        #expect(evaporating.compressorMW == 0 && evaporating.rejectedMW > 60)
        #expect(evaporating.waterM3.isApproximatelyEqual(to: 1.5 * evaporating.rejectedMW, absoluteTolerance: 1e-9))
        design.heatRejection.cyclesOfConcentration = 4
        let blowingDown = HourlyPlant(design: design, site: site).state(liquidMW: 60, rackAirMW: 0, fleet: fleet, dryBulbC: 20, wetBulbC: 15)
        #expect(blowingDown.rejectedMW.isApproximatelyEqual(to: evaporating.rejectedMW, absoluteTolerance: 1e-12))
        #expect(blowingDown.waterM3.isApproximatelyEqual(to: 2.0 * evaporating.rejectedMW, absoluteTolerance: 1e-9))
    }

    @Test("Annual PUE is total facility energy over IT energy, not the mean of hourly PUEs",
          .enabled(if: TwinFixture.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func annualPUE() throws {
        let scenario = try TwinFixture.scenario()
        let (summary, hours) = TwinFixture.hours(scenario)
        let facility = hours.reduce(0) { $0 + $1.state.facilityMW }, it = hours.reduce(0) { $0 + $1.state.itMW }
        let hourly = hours.compactMap(\.pue)
        let meanOfHourly = hourly.reduce(0, +) / Double(hourly.count)
        #expect(summary.pue!.isApproximatelyEqual(to: facility / it, absoluteTolerance: 1e-12))
        #expect(abs(summary.pue! - meanOfHourly) > 1e-6, "the two differ on a real year, so the test can tell them apart")
        #expect(summary.pue! > 1.0 && summary.pue! < 1.2)
    }
}

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
            quarter: Quarter("2027Q1")!, halls: [], hallNetworkMW: 1, fabricMW: 2, upsInstalledMW: 106.8,
            upsDesignLoadMW: 80, gridDesignLoadMW: 500, transformerDesignLoadMW: 100, liquidCapacityMW: 84, airCapacityMW: 3, rackSupplyLimitC: 45,
            rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        // 63 MW to liquid, no rack air; 20 °C dry-bulb.
        let s = plant.state(liquidMW: 63, rackAirMW: 0, fleet: fleet, dryBulbC: 20, wetBulbC: 15)
        // IT = 63 + 1 + 2 = 66. Pump: 0.037 × 84 × (63/84)³ = 3.108 × 0.421875 = 1.3111875. Hall air fans:
        // 0.05 × 3 × (1/3)³ = 0.0055556; fabric fans 0.05 × 2 = 0.1.
        #expect(s.itMW.isApproximatelyEqual(to: 66, absoluteTolerance: 1e-12))
        #expect(s.pumpMW.isApproximatelyEqual(to: 1.3111875, absoluteTolerance: 1e-9))
        #expect(s.airFanMW.isApproximatelyEqual(to: 0.15 / 27 + 0.1, absoluteTolerance: 1e-9))
        // The plant (150 MW rated at 50 °C in, 35 °C air, 5.6 K approach): range 9.4 K, C_w,r = 15.9574 MW/K,
        // ε_r = 9.4 / 15 = 0.626667, NTU_r = 2.124875 (cross-flow, C_r = 1), UA_r = 33.9076 MW/K; plant flow
        // C_p = 150 / 10 = 15 MW/K; at full fan ε·C_min = E₁ = 9.78941 MW/K.
        // The stream is the liquid loop, 63 + 1.3111875 = 64.3111875 MW (unchilled air goes to the economizer);
        // it enters at 40 + 64.311 / 15 = 44.2874 °C; holding 40 °C at 20 °C air needs E = 64.311 / 24.2874
        // = 2.64792 MW/K: fan speed 0.178602 (bisection on E(φ)), fans 6 × 0.178602³ = 0.0341829 MW.
        #expect(s.compressorMW == 0 && s.freeCooling && s.supplyTempC == 40)
        let rejected = 66 + 1.3111875 + 0.15 / 27 + 0.1
        #expect(s.rejectedMW.isApproximatelyEqual(to: rejected, absoluteTolerance: 1e-9))
        #expect(s.plantFanMW.isApproximatelyEqual(to: 0.0341829, relativeTolerance: 1e-3))
        // The supply may float to 45 − 3 = 42 °C: E₁ (42 − 20) / (1 − E₁/15) = 619.988 MW, headroom 555.677 MW.
        #expect(s.rejectionCapacityMW.isApproximatelyEqual(to: 619.988, absoluteTolerance: 1e-3))
        #expect(s.thermalHeadroomMW.isApproximatelyEqual(to: 555.677, absoluteTolerance: 1e-3))
        // UPS at r = 66/80 = 0.825: 80 × (1/0.975 − 1) × (0.4 + 0.3·0.825 + 0.3·0.825²) = 1.8136474…;
        // the transformers energized (100 MW design loading, not the 500 MW grid) deliver IT + UPS loss + cooling
        // at r = P/100, loss 100 × (1/0.99 − 1) × (0.4 + 0.6 r²).
        let ups = 80 * (1 / 0.975 - 1) * (0.4 + 0.3 * 0.825 + 0.3 * 0.825 * 0.825)
        let delivered = 66 + ups + s.coolingMW
        let transformer = 100 * (1 / 0.99 - 1) * (0.4 + 0.6 * (delivered / 100) * (delivered / 100))
        #expect(s.lossesMW.isApproximatelyEqual(to: ups + transformer, absoluteTolerance: 1e-9))
    }

    @Test("Tower water: the latent share of the heat evaporates at 1.5 L/kWh; blowdown at 4 cycles (default) or 3")
    func towerWater() throws {
        var (design, site, _) = try TwinFixture.inputs()
        design.heatRejection = HeatRejection(type: .coolingTower, ratedCapacityMW: 150, ratedAmbientC: 25.6, ratedFluidInletC: 35,
                                             approachK: 3.8, fanPowerFraction: 0.01, adiabaticEffectiveness: nil, waterLPerKWh: 1.5,
                                             cyclesOfConcentration: nil, chillerCapacityMW: 0, chillerCOP: nil)
        let fleet = InstalledFleet(
            quarter: Quarter("2027Q1")!, halls: [], hallNetworkMW: 0, fabricMW: 0, upsInstalledMW: 100,
            upsDesignLoadMW: 80, gridDesignLoadMW: 100, transformerDesignLoadMW: 100, liquidCapacityMW: 84, airCapacityMW: 3, rackSupplyLimitC: 45,
            rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        let evaporating = HourlyPlant(design: design, site: site).state(liquidMW: 60, rackAirMW: 0, fleet: fleet, dryBulbC: 20, wetBulbC: 15)
        // 15 °C wet-bulb: no chiller. The stream is 60 + 0.037 × 84 × (60/84)³ = 61.132653 MW; it enters the tower
        // at 40 + 61.1327 / 15 = 44.0755 °C and leaves at 40 °C, so the air leaves saturated at 42.0378 °C.
        // Chicago at 201 m: 98,933.5 Pa (ASHRAE eq. 3); entering air 20 °C / 15 °C: W = 0.0088364 (eq. 33);
        // leaving W_s(42.0378 °C) = 0.056389; latent share (W_s − W)(2501 + 1.86 t) / Δh = 0.844799.
        // Evaporation 1.5 × 0.844799 × 61.132653 = 77.4672 m³; make-up at 4 cycles × 4/3 = 103.2896 m³.
        #expect(evaporating.compressorMW == 0)
        #expect(evaporating.waterM3.isApproximatelyEqual(to: 103.2896, absoluteTolerance: 1e-3))
        design.heatRejection.cyclesOfConcentration = 3
        let blowingDown = HourlyPlant(design: design, site: site).state(liquidMW: 60, rackAirMW: 0, fleet: fleet, dryBulbC: 20, wetBulbC: 15)
        // At 3 cycles: 77.4672 × 3/2 = 116.2008 m³.
        #expect(blowingDown.waterM3.isApproximatelyEqual(to: 116.2008, absoluteTolerance: 1e-3))
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

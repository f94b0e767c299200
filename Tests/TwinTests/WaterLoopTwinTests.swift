import Testing
import Numerics
@testable import Twin
import PlantModel
import Plans

/// The twin's plant with water loops (README "Water loops"): each loop cools its own halls with its own plant, and one
/// power chain carries them all.
@Suite("Water loops in the twin")
struct WaterLoopTwinTests {
    @Test("Two loops: each loop's cooling as its plant alone gives it, the power chain once on the whole")
    func composition() throws {
        let (fleet, single) = try TwinThrottleTests.losslessPlant()
        var design = single.loops[0].design
        design.powerChain = PowerChain(transformerEfficiency: 0.98, upsEfficiency: 0.95, houseLoadFractionOfIT: 0.01)
        design.heatRejection.fanPowerFraction = 0.02
        let site = try TwinFixture.inputs().1
        let main = HourlyPlant(design: design, site: site)
        var second = design
        second.heatRejection.ratedCapacityMW = 300
        let other = HourlyPlant(design: second, site: site)
        let plant = FacilityPlant(loops: [main, other])
        // The fleet's one hall on loop 1; loop 0 keeps the site fabric alone.
        var hall = fleet.halls[0]
        hall.loop = 1
        let split = InstalledFleet(quarter: fleet.quarter, halls: [hall], hallNetworkMW: 0, fabricMW: fleet.fabricMW,
                                   upsInstalledMW: 200, upsDesignLoadMW: 200, gridDesignLoadMW: 200, transformerDesignLoadMW: 200,
                                   liquidCapacityMW: 200, airCapacityMW: 10, rackSupplyLimitC: 45, rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        let fleets = [split.onLoop(0, of: 2), split.onLoop(1, of: 2)]
        #expect(fleets[0].halls.isEmpty && fleets[0].fabricMW == fleet.fabricMW && fleets[1].fabricMW == 0)
        let s = plant.state(liquidMW: [0, 60], rackAirMW: [0, 0], fleets: fleets, fleet: split, dryBulbC: 30, wetBulbC: 20)
        let a = main.cooling(liquidMW: 0, rackAirMW: 0, fleet: fleets[0], dryBulbC: 30, wetBulbC: 20)
        let b = other.cooling(liquidMW: 60, rackAirMW: 0, fleet: fleets[1], dryBulbC: 30, wetBulbC: 20)
        #expect(s.itMW.isApproximatelyEqual(to: 60 + fleet.fabricMW, relativeTolerance: 1e-12))
        #expect(s.plantFanMW.isApproximatelyEqual(to: a.plantFanMW + b.plantFanMW, relativeTolerance: 1e-12))
        #expect(s.rejectionCapacityMW.isApproximatelyEqual(to: a.rejectionCapacityMW + b.rejectionCapacityMW, relativeTolerance: 1e-12))
        #expect(s.rejectionHeadroomMW == min(a.rejectionHeadroomMW, b.rejectionHeadroomMW))
        // The power chain once, on the whole: the same as one plant carrying the summed cooling.
        let whole = main.withPowerChain(a.adding(b), fleet: split)
        #expect(s.lossesMW == whole.lossesMW && s.houseMW.isApproximatelyEqual(to: 0.01 * split.fullLoadITMW, relativeTolerance: 1e-12))
    }

    @Test("Air handling is site-wide: a hall on a dry-cooler loop takes the economizer air the main loop's pads trim")
    func economizerSiteWide() throws {
        var design = try TwinFixture.inputs().design
        let site = try TwinFixture.inputs().site
        design.airCooling.chilled = false
        design.airCooling.chilledWaterSupplyC = nil
        design.heatRejection.type = .adiabaticDryCooler
        design.heatRejection.adiabaticEffectiveness = 0.8
        design.heatRejection.waterLPerKWh = 1.5
        design.airCooling.fanPowerFraction = 0.04
        var dry = design
        dry.heatRejection.type = .dryCooler
        dry.heatRejection.adiabaticEffectiveness = nil
        let plant = FacilityPlant(loops: [HourlyPlant(design: design, site: site), HourlyPlant(design: dry, site: site)])
        // One hall of air-cooled racks (inlet limit 35 °C) on the dry-cooler loop.
        let hall = InstalledFleet.HallLoad(hall: "h", racks: 1, liquidIdleMW: 0, airIdleMW: 1, liquidDynamicMW: 0, airDynamicMW: 4,
                                           hallNetworkMW: 0, tokensPerSecond: 1e6, powerCapacityMW: 10, liquidCapacityMW: 0,
                                           airCapacityMW: 10, loop: 1, airInletLimitC: 35)
        let fleet = InstalledFleet(quarter: Quarter("2027Q1")!, halls: [hall], hallNetworkMW: 0, fabricMW: 0, upsInstalledMW: 20,
                                   upsDesignLoadMW: 20, gridDesignLoadMW: 20, transformerDesignLoadMW: 20, liquidCapacityMW: 0,
                                   airCapacityMW: 10, airInletLimitC: 35, rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        let fleets = [fleet.onLoop(0, of: 2), fleet.onLoop(1, of: 2)]
        // 38 °C dry-bulb, 20 °C wet-bulb: the economizer's 38 + approach is over 35 °C; the main loop's pads take
        // 0.8 × (38 − 20) = 14.4 K off it, as the planner's design condition takes them (DesignCondition.economizerAirC).
        let approach = design.airCooling.economizerApproachKInUse
        #expect(38 + approach > 35 && 38 + approach - 14.4 < 35)
        let s = plant.state(liquidMW: [0, 0], rackAirMW: [0, 5], fleets: fleets, fleet: fleet, dryBulbC: 38, wetBulbC: 20)
        #expect(try #require(s.economizerAirC).isApproximatelyEqual(to: 38 + approach - 14.4, relativeTolerance: 1e-12))
        #expect(s.trimHeadroomMW > 0, "the hall's air is within its racks' inlet limit")
        // The dry-cooler loop's plant alone has no pads: its own economizer air is over the limit, and the hall's air short.
        let alone = plant.loops[1].cooling(liquidMW: 0, rackAirMW: 5, fleet: fleets[1], dryBulbC: 38, wetBulbC: 20)
        #expect(alone.economizerAirC == 38 + approach && alone.trimHeadroomMW == -5)
        // The pads' water: the outdoor air carries the air loop's heat, the hall's 5 MW and its air handlers' 0.04 × 10 MW ×
        // (5/10)³ = 0.05 MW (affinity law); at a 20 °F (100/9 K) rise that is 5.05 × 9/100 = 0.4545 MW/K, which cooled 14.4 K
        // gives up 6.5448 MW to evaporation: at 1.5 L/kWh 9.8172 m³ in the hour. No plant loop rejects heat (no liquid
        // load), so that is all the hour's water; the loop without pads evaporates none.
        #expect(s.waterM3.isApproximatelyEqual(to: 9.8172, relativeTolerance: 1e-12))
        #expect(alone.waterM3 == 0)
        // On one plant with pads the same hour counts the same water; at 25 °C the economizer needs no pads, and none is used.
        let one = HourlyPlant(design: design, site: site)
        let oneFleet = InstalledFleet(quarter: fleet.quarter, halls: [{ var h = hall; h.loop = 0; return h }()], hallNetworkMW: 0, fabricMW: 0,
                                      upsInstalledMW: 20, upsDesignLoadMW: 20, gridDesignLoadMW: 20, transformerDesignLoadMW: 20,
                                      liquidCapacityMW: 0, airCapacityMW: 10, airInletLimitC: 35, rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        #expect(one.cooling(liquidMW: 0, rackAirMW: 5, fleet: oneFleet, dryBulbC: 38, wetBulbC: 20).waterM3.isApproximatelyEqual(to: 9.8172, relativeTolerance: 1e-12))
        #expect(25 + approach < 35)
        #expect(one.cooling(liquidMW: 0, rackAirMW: 5, fleet: oneFleet, dryBulbC: 25, wetBulbC: 18).waterM3 == 0)
    }
}

extension PlantState {
    /// This state with `other` added (``add(_:)``).
    func adding(_ other: PlantState) -> PlantState {
        var sum = self
        sum.add(other)
        return sum
    }
}

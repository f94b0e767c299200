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
                                   liquidCapacityMW: 200, airCapacityMW: 10, rackSupplyLimitC: 45, capexCumulativeUSD: 0, plannedFacilityMW: 0)
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
}

extension PlantState {
    /// This state with `other` added (``add(_:)``).
    func adding(_ other: PlantState) -> PlantState {
        var sum = self
        sum.add(other)
        return sum
    }
}

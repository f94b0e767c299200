import Testing
import Climate
@testable import PlantModel
import PlantPhysics
import Plans
@testable import Twin
import Numerics

@Suite("Part-load electrical: transformers energized, UPS in service, pump minimum speed, house loads")
struct PartLoadElectricalTests {
    @Test("The planner counts house loads through the transformers")
    func plannerHouseLoad() {
        // 10 MW IT through UPS and transformers: 10 / (0.99 × 0.96) = 10.521886; 1 MW cooling and 2 % × 10 = 0.2 MW
        // of house loads through the transformers: 1.2 / 0.99 = 1.212121. Total 11.734007 MW.
        let chain = PowerChain(transformerEfficiency: 0.99, upsEfficiency: 0.96, houseLoadFractionOfIT: 0.02)
        #expect(chain.facilityMWAtDesignLoading(itMW: 10, coolingMW: 1).isApproximatelyEqual(to: 11.734007, absoluteTolerance: 1e-6))
        // No figure: the 1.5 % estimate.
        #expect(PowerChain(transformerEfficiency: 1, upsEfficiency: 1).houseLoadMW(fullLoadITMW: 10) == 0.15)
    }

    @Test("CDU pumps do not slow below their minimum speed")
    func pumpMinimumSpeed() {
        // 5 MW on 84 MW of CDUs is 6 % of flow, below the 30 % floor: 0.037 × 84 × 0.3³ = 0.0839160 MW
        // (the bare cube law would give 0.037 × 84 × (5/84)³ = 0.00066 MW). At 63 MW (75 %) the floor does not bind.
        #expect(AffinityLaw.powerMW(loadMW: 5, capacityMW: 84, fraction: 0.037, minimumSpeed: 0.3)
            .isApproximatelyEqual(to: 0.083916, absoluteTolerance: 1e-9))
        #expect(AffinityLaw.powerMW(loadMW: 63, capacityMW: 84, fraction: 0.037, minimumSpeed: 0.3)
            .isApproximatelyEqual(to: 0.037 * 84 * 0.421875, absoluteTolerance: 1e-12))
    }

    @Test("An hour worked by hand: transformer losses on the transformers energized, house loads in facility power")
    func handWorkedHour() throws {
        var (design, site, _) = try TwinFixture.inputs()
        design.heatRejection.ratedCapacityMW = 150
        design.powerChain = PowerChain(transformerEfficiency: 0.99, upsEfficiency: 0.975, houseLoadFractionOfIT: 0.02)
        let plant = HourlyPlant(design: design, site: site)
        // One hall: 1 MW idle + 9 MW dynamic to liquid, 0.5 MW in-rack network; 0.5 MW of fabric. The grid contract
        // is 500 MW, the transformers energized 12 MW.
        let hall = InstalledFleet.HallLoad(hall: "h", racks: 10, liquidIdleMW: 1, airIdleMW: 0, liquidDynamicMW: 9, airDynamicMW: 0,
                                           hallNetworkMW: 0.5, tokensPerSecond: 1, powerCapacityMW: 10, liquidCapacityMW: 84,
                                           airCapacityMW: 3)
        let fleet = InstalledFleet(quarter: Quarter("2027Q1")!, halls: [hall], hallNetworkMW: 0.5, fabricMW: 0.5, upsInstalledMW: 20,
                                   upsDesignLoadMW: 10, gridDesignLoadMW: 500, transformerDesignLoadMW: 12, liquidCapacityMW: 84,
                                   airCapacityMW: 3, rackSupplyLimitC: 45, rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        // Idle hour: 1 MW to liquid. IT = 1 + 0.5 + 0.5 = 2 MW. House loads 2 % of the 11 MW installed at full load.
        let s = plant.state(liquidMW: 1, rackAirMW: 0, fleet: fleet, dryBulbC: 20, wetBulbC: 15)
        #expect(s.itMW.isApproximatelyEqual(to: 2, absoluteTolerance: 1e-12))
        #expect(s.houseMW.isApproximatelyEqual(to: 0.22, absoluteTolerance: 1e-12))
        // Pumps at the 30 % floor: 0.037 × 84 × 0.027 = 0.083916 MW.
        #expect(s.pumpMW.isApproximatelyEqual(to: 0.083916, absoluteTolerance: 1e-9))
        // UPS at r = 2/10: 10 × (1/0.975 − 1) × (0.4 + 0.06 + 0.012) = 0.1210256 MW.
        let ups = 10 * (1 / 0.975 - 1) * 0.472
        // Transformers (12 MW design loading) deliver IT + UPS + cooling + house: loss 12 × (1/0.99 − 1) × (0.4 + 0.6 r²).
        let delivered = 2 + ups + s.coolingMW + 0.22, r = delivered / 12
        let transformer = 12 * (1 / 0.99 - 1) * (0.4 + 0.6 * r * r)
        #expect(s.lossesMW.isApproximatelyEqual(to: ups + transformer, absoluteTolerance: 1e-9))
        #expect(s.facilityMW.isApproximatelyEqual(to: 2 + s.coolingMW + ups + transformer + 0.22, absoluteTolerance: 1e-9))
        // The core losses alone: 0.4 × 12 × 0.0101010 = 0.048 MW, where the whole 500 MW contract would give 2.02 MW.
        #expect(transformer < 0.06)
    }

    @Test("The fleet energizes the halls with racks: UPS and transformer design loads from their capacities")
    func fleetFromPlan() throws {
        // gb300-nvl72 racks: 5 in nvl-hall-1 and 3 in nvl-hall-2 of the GB300 design's 8 halls of 48 MW at 4N/3
        // (36 MW usable each). UPS in service: 2 × 48 = 96 MW installed, 72 MW design loading.
        let catalog = try Catalog.bundled()
        let design = try ReferenceDesign.load(from: TwinFixture.root + "/reference-designs/gb300-nvl72-hybrid.yaml", catalog: catalog).value
        let site = try TwinFixture.inputs().site
        let p = try #require(catalog.profile("gb300-nvl72"))
        let q = Quarter("2027Q1")!
        func line(_ hall: String, _ n: Int) -> RackLine {
            RackLine(quarter: q, hall: hall, profile: p.id, racksNew: n, racksTotal: n, gpus: 72 * n, itMW: 0, liquidMW: 0,
                     positions: n, tokensPerSecond: 1000 * Double(n))
        }
        // The plan's IT at full load, 8 racks, and a facility power of 1.5 MW chosen for the test: cooling and house
        // loads are 1.5 × 0.99 − IT / 0.96 of the transformers' design loading.
        // A 3-tier fat tree uses 5 switch ports and 6 transceivers per host port (14 W and 15 W today: 160 W).
        try #require(design.fabric.tiers == 3)
        let fabric = 8 * Double(p.scaleOutPorts) * (5 * design.fabric.switchWattsPerPort + 6 * design.fabric.opticsWattsPerPort) / 1e6
        let it = 8 * (p.rackMaxKW + p.networkKWPerRack) / 1000 + fabric
        let metrics = QuarterMetrics(quarter: q, racks: 8, gpus: 576, itMW: it, facilityMW: 1.5, usableGridMW: 0, tokensPerSecond: 8000,
                                     tokensPerSecondByWorkload: [:], capexNewUSD: 0, capexCumulativeUSD: 0)
        var plan = BuildPlan.placeholder
        plan.quarters = [metrics]
        plan.racks = [line("nvl-hall-1", 5), line("nvl-hall-2", 3)]
        let fleet = try #require(InstalledFleet.quarters(of: plan, design: design, site: site, catalog: catalog).first)
        #expect(fleet.halls.map(\.hall) == ["nvl-hall-1", "nvl-hall-2"] && fleet.halls.map(\.racks) == [5, 3])
        #expect(fleet.upsInstalledMW == 96 && fleet.upsDesignLoadMW == 72)
        #expect(fleet.halls.allSatisfy { $0.powerCapacityMW == 36 && $0.liquidCapacityMW == 30 && $0.airCapacityMW == 9 })
        #expect(fleet.liquidCapacityMW == 60 && fleet.airCapacityMW == 18)
        #expect(fleet.fabricMW.isApproximatelyEqual(to: fabric, absoluteTolerance: 1e-12))
        #expect(fleet.transformerDesignLoadMW.isApproximatelyEqual(to: (72 + fabric) / 0.96 + 1.5 * 0.99 - it / 0.96, absoluteTolerance: 1e-9))
        // Hall 1's racks: idle 5 × idle kW split 80/20 liquid/air at liquidShare 0.8, dynamic 5 × (max − idle).
        let h1 = fleet.halls[0]
        #expect(h1.liquidIdleMW.isApproximatelyEqual(to: 5 * p.rackIdleKW * p.liquidShare / 1000, absoluteTolerance: 1e-12))
        #expect(h1.airDynamicMW.isApproximatelyEqual(to: 5 * (p.rackMaxKW - p.rackIdleKW) * (1 - p.liquidShare) / 1000, absoluteTolerance: 1e-12))
        #expect(h1.hallNetworkMW.isApproximatelyEqual(to: 5 * p.networkKWPerRack / 1000, absoluteTolerance: 1e-12))
        #expect(h1.tokensPerSecond == 5000)
        // Installed IT at full load equals the plan's (racks + network + fabric), so house loads match the planner's.
        #expect(fleet.fullLoadITMW.isApproximatelyEqual(to: it, absoluteTolerance: 1e-9))
    }
}

import Testing
import Climate
@testable import PlantModel
import Plans
@testable import Twin
import Numerics

@Suite("Per-hall hourly limits: hall power, CDUs and air handlers throttle their own hall")
struct PerHallLimitTests {
    /// A hall of liquid racks: 2 MW idle and 8 MW dynamic to liquid, 10⁵ tokens/s at full load, 20 MW of power path,
    /// 10 MW of CDUs and 1 MW of air handlers unless changed.
    static func hall(_ name: String, power: Double = 20, liquid: Double = 10, air: Double = 1, airIdle: Double = 0,
                     airDynamic: Double = 0) -> InstalledFleet.HallLoad {
        InstalledFleet.HallLoad(hall: name, racks: 10, liquidIdleMW: 2, airIdleMW: airIdle, liquidDynamicMW: 8, airDynamicMW: airDynamic,
                                hallNetworkMW: 0, tokensPerSecond: 1e5, powerCapacityMW: power, liquidCapacityMW: liquid,
                                airCapacityMW: air)
    }

    /// The halls on the lossless plant of ``TwinThrottleTests`` (facility power = IT, no fabric).
    static func settled(_ halls: [InstalledFleet.HallLoad], utilization u: Double, usableMW: Double = 1000) throws -> HourRecord {
        let plant = try TwinThrottleTests.losslessPlant().1
        let fleet = InstalledFleet(quarter: Quarter("2027Q1")!, halls: halls, hallNetworkMW: 0, fabricMW: 0, upsInstalledMW: 1000,
                                   upsDesignLoadMW: 1000, gridDesignLoadMW: 1000, transformerDesignLoadMW: 1000,
                                   liquidCapacityMW: halls.reduce(0) { $0 + $1.liquidCapacityMW },
                                   airCapacityMW: halls.reduce(0) { $0 + $1.airCapacityMW }, rackCapitalUSDPerYear: 0, plannedFacilityMW: 0)
        var record = TwinThrottleTests.hour(usableMW: usableMW)
        Twin.settle(&record, fleet: fleet, utilization: u, plant: plant)
        return record
    }

    @Test("A hall loaded past its CDU capacity throttles by the computed share while the others do not")
    func cduOverload() throws {
        // Hall b has 8 MW of CDUs for 2 + 8 MW of liquid at full load: its dynamic power is capped by
        // 1 − (8 − 2)/8 = 0.25. Halls a and c fit (10 ≤ 10). Served tokens 10⁵ × (1 + 0.75 + 1) of 3 × 10⁵ demanded:
        // the hour's throttle is 0.25/3. Liquid heat 10 + (2 + 6) + 10 = 28 MW.
        let r = try Self.settled([Self.hall("a"), Self.hall("b", liquid: 8), Self.hall("c")], utilization: 1)
        #expect(r.throttleFraction.isApproximatelyEqual(to: 0.25 / 3, absoluteTolerance: 1e-12))
        #expect(r.limit == .cdu && r.limitingHall == "b")
        #expect(r.tokens.isApproximatelyEqual(to: 2.75e5 * 3600, relativeTolerance: 1e-12))
        #expect(r.lostTokens.isApproximatelyEqual(to: 0.25e5 * 3600, relativeTolerance: 1e-12))
        #expect(r.state.itMW.isApproximatelyEqual(to: 28, absoluteTolerance: 1e-9))
        #expect(r.state.liquidLoopMW.isApproximatelyEqual(to: 28, absoluteTolerance: 1e-9))
        // At 80 % utilization hall b carries 2 + 6.4 = 8.4 MW of liquid: capped by 1 − 6/6.4 = 0.0625 of its dynamic
        // power; IT 2 × (2 + 6.4) + 2 + 6.4 × 0.9375 = 24.8 MW.
        let partial = try Self.settled([Self.hall("a"), Self.hall("b", liquid: 8), Self.hall("c")], utilization: 0.8)
        #expect(partial.throttleFraction.isApproximatelyEqual(to: 0.0625 / 3, absoluteTolerance: 1e-12))
        #expect(partial.state.itMW.isApproximatelyEqual(to: 24.8, absoluteTolerance: 1e-9))
        // Up to (8 − 2)/8 = 75 % utilization hall b fits; at 70 % it needs 2 + 5.6 = 7.6 MW of its 8: nothing throttles.
        #expect(Self.hall("b", liquid: 8).unthrottledUtilization.isApproximatelyEqual(to: 0.75, absoluteTolerance: 1e-8))
        let fits = try Self.settled([Self.hall("a"), Self.hall("b", liquid: 8), Self.hall("c")], utilization: 0.7)
        #expect(fits.throttleFraction == 0 && fits.limit == nil && fits.limitingHall == nil)
    }

    @Test("Hall power after redundancy and air handlers cap their hall; the limit that needs most names the hour")
    func hallPowerAndAir() throws {
        // Hall a: 9 MW of power path for 10 MW of racks → cap 1 − (9 − 2)/8 = 0.125.
        // Hall b: air 0.5 idle + 1.5 dynamic on 1.4 MW of air handlers → cap 1 − (1.4 − 0.5)/1.5 = 0.4; its power
        // path (2 + 8 + 0.5 + 1.5 = 12 ≤ 20) and CDUs (10 ≤ 10) fit, so the air handlers name it.
        // Lost tokens 0.125 × 10⁵ in a, 0.4 × 10⁵ in b: b (air) names the hour.
        let r = try Self.settled([Self.hall("a", power: 9), Self.hall("b", air: 1.4, airIdle: 0.5, airDynamic: 1.5)], utilization: 1)
        #expect(r.throttleFraction.isApproximatelyEqual(to: (0.125 + 0.4) / 2, absoluteTolerance: 1e-12))
        #expect(r.limit == .air && r.limitingHall == "b")
        let a = Self.hall("a", power: 9).throttle(utilization: 1)
        #expect(a.fraction.isApproximatelyEqual(to: 0.125, absoluteTolerance: 1e-12) && a.limit == .hallPower)
        // A hall whose idle racks already exceed a limit is capped completely.
        let starved = Self.hall("s", liquid: 1.5).throttle(utilization: 0.5)
        #expect(starved.fraction == 1 && starved.limit == .cdu)
    }

    @Test("Site limits apply to what the halls leave, and name the hour when they cost more tokens")
    func siteAfterHalls() throws {
        // After hall b's CDU cap the halls draw 28 MW (6 idle, 22 dynamic); a 20 MW grid caps all halls' remaining
        // dynamic power by g = 8/22. Served 2.75 × 10⁵ × (1 − 8/22) = 1.75 × 10⁵ tokens/s of 3 × 10⁵.
        // The site costs 10⁵ tokens/s, hall b 0.25 × 10⁵: the grid names the hour.
        let r = try Self.settled([Self.hall("a"), Self.hall("b", liquid: 8), Self.hall("c")], utilization: 1, usableMW: 20)
        #expect(r.throttleFraction.isApproximatelyEqual(to: 1 - 1.75 / 3, absoluteTolerance: 1e-6))
        #expect(r.state.facilityMW.isApproximatelyEqual(to: 20, absoluteTolerance: 1e-4))
        #expect(r.limit == .power && r.limitingHall == nil)
    }

    @Test("The summary counts hall-limited hours and names the hall and limit named most")
    func summaryNamesHall() throws {
        let site = try TwinFixture.inputs().site
        let b = try Self.settled([Self.hall("a"), Self.hall("b", liquid: 8)], utilization: 1)
        let a = try Self.settled([Self.hall("a", power: 9), Self.hall("b")], utilization: 1)
        let (fleet, _) = try TwinThrottleTests.losslessPlant()
        var counted = RunSummary(), empty = RunSummary()
        for r in [a, b, b, try Self.settled([Self.hall("a")], utilization: 1)] {
            counted.add(r, fleet: fleet, site: site, opexUSDPerMWYear: 0)
            empty.add(r, fleet: nil, site: site, opexUSDPerMWYear: 0)
        }
        #expect(counted.throttledHours == 3 && counted.hallLimitedHours == 3 && counted.powerLimitedHours == 0)
        #expect(counted.limitingHall == HallLimit(hall: "b", limit: .cdu) && counted.limitingHallHours == 2)
        #expect(counted.firstThrottleLimit == .hallPower)
        #expect(empty.hallLimitedHours == 0 && empty.limitingHall == nil, "hours without racks installed count no limits")
    }
}

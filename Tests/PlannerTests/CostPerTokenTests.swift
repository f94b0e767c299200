import Foundation
import Numerics
@testable import Planner
import Plans
@testable import PlantModel
import Testing

/// Cost per million tokens with every dollar counted: rack and facility capex annualized, energy at the demanded
/// utilization, facility opex, over the tokens served. Worked by hand on the tiny instance at two utilizations.
@Suite("Cost per million tokens, every dollar")
struct CostPerTokenTests {
    /// Two GB300 racks on two positions (the floor binds), a 5 MW hall, $80/MWh, racks $4M over 5 years and the
    /// facility $10M per MW over 20 years, both without discounting, $100,000 per facility MW-year of opex.
    static func plan(utilization: Double) throws -> BuildPlan {
        var tiny = try TinyInstance(positions: 2, hallMW: 5, siteMW: 5)
        var catalog = tiny.catalog
        catalog.profiles[catalog.profiles.firstIndex { $0.id == "gb300-nvl72" }!].rackIdleKW = 40
        tiny.site.energyPriceUSDPerMWh = 80
        tiny.design.economics = Economics(depreciationYears: 5, discountRate: 0, facilityOpexUSDPerMWYear: 100_000,
                                          facilityCapexUSDPerMW: 10_000_000, facilityLifeYears: 20)
        tiny.design.workloadMix = [WorkloadShare(workload: "deepseek-r1-server", share: 1,
                                                 demand: DemandShape(meanUtilization: utilization, diurnalAmplitude: 0.2, peakHourLocal: 15,
                                                                     tenants: 1, hourlyNoise: 0.05))]
        return try Planner.plan(design: tiny.design, site: tiny.site, catalog: catalog, inputs: tiny.inputs,
                                options: PlanOptions(relativeGap: 0)).plan
    }

    @Test("At 100 % and 50 % utilization, by hand", arguments: [1.0, 0.5])
    func byHand(utilization u: Double) throws {
        let plan = try Self.plan(utilization: u)
        let q = try #require(plan.quarters.last)
        #expect(q.racks == 2 && q.itMW.isApproximatelyEqual(to: 0.2942, relativeTolerance: 1e-9))
        #expect(q.utilization == u)
        // Per GB300 rack and quarter: capital $4M × 1/5 / 4 = $200,000. At utilization u the rack draws 40 + (142 − 40)·u kW
        // and its in-rack network its full 5.1 kW (0.1471 MW − 142 kW) whatever u; no cooling, losses or house loads in the
        // tiny instance: 0.1471 MW at 100 %, 0.0961 MW at 50 %. Energy: that × $80/MWh × 2,191.5 h (a quarter of 365.25
        // days) = $25,789.57 at 100 %, $16,848.25 at 50 %; opex on the full-load 0.1471 MW × $100,000 / 4 = $3,677.50.
        let mw = u == 1 ? 0.1471 : 0.0961
        let energy = mw * 80 * 2191.5
        #expect(energy.isApproximatelyEqual(to: u == 1 ? 25_789.572 : 16_848.252, relativeTolerance: 1e-6))
        let perRack = 200_000 + energy + 3_677.5
        // Facility: 5 MW of critical IT × $10M × 1/20 / 4 = $625,000 a quarter.
        let quarterCost = 2 * perRack + 625_000
        // Tokens served: 2 × 596,952 tokens/s × u × 7,889,400 s.
        let tokens = 2 * 596_952 * u * 7_889_400
        let expected = quarterCost / tokens * 1e6
        // ($2 × 229,467.07 + $625,000) / 9.4193e12 × 1e6 = $0.115077 per million tokens at 100 %;
        // ($2 × 220,525.75 + $625,000) / 4.7096e12 × 1e6 = $0.226357 at 50 %.
        #expect(expected.isApproximatelyEqual(to: u == 1 ? 0.115077 : 0.226357, relativeTolerance: 1e-5))
        // plan.json keeps six decimals.
        #expect(try #require(q.costPerMillionTokensUSD).isApproximatelyEqual(to: expected, absoluteTolerance: 5e-7))
    }

    @Test("What to buy and the cash flow, by hand: the hall and two racks in the first quarter, running costs after")
    func purchasesAndCashflow() throws {
        let plan = try Self.plan(utilization: 1)
        let purchases = try #require(plan.purchases)
        let q1 = plan.quarters[0].quarter, q2 = plan.quarters[1].quarter
        // The hall: 5 MW of critical IT × $10M = $50M, bought in the first quarter.
        let hall = try #require(purchases.first { $0.quarter == q1 && $0.item == "halls h" })
        #expect(hall.new == 1 && hall.inService == 1 && hall.unitCapexUSD == 50_000_000 && hall.capexUSD == 50_000_000)
        let racks = try #require(purchases.first { $0.quarter == q1 && $0.item == "rack gb300-nvl72" })
        #expect(racks.new == 2 && racks.inService == 2 && racks.unitCapexUSD == 4_000_000 && racks.capexUSD == 8_000_000)
        let later = try #require(purchases.first { $0.quarter == q2 && $0.item == "rack gb300-nvl72" })
        #expect(later.new == 0 && later.inService == 2 && later.capexUSD == 0)
        #expect(purchases.first { $0.quarter == q1 && $0.item == "grid feed f" }?.new == 1)

        let cash = try #require(plan.cashflow)
        // Energy 2 × $25,789.572 = $51,579.144 a quarter at full load; opex 2 × $3,677.50 = $7,355.
        #expect(cash[0].rackCapexUSD == 8_000_000 && cash[0].facilityCapexUSD == 50_000_000)
        #expect(cash[0].energyUSD.isApproximatelyEqual(to: 51_579.144, absoluteTolerance: 1e-3))
        #expect(cash[0].opexUSD.isApproximatelyEqual(to: 7_355, absoluteTolerance: 1e-6))
        #expect(cash[0].totalUSD.isApproximatelyEqual(to: 58_058_934.144, absoluteTolerance: 1e-3))
        #expect(cash[1].rackCapexUSD == 0 && cash[1].facilityCapexUSD == 0)
        #expect(cash[1].totalUSD.isApproximatelyEqual(to: 51_579.144 + 7_355, absoluteTolerance: 1e-3))
    }

    @Test("A given hall and feed in service before the horizon stood before it: in service, not new, their capex not in the cash flow; their annuity still counted")
    func standingBefore() throws {
        var tiny = try TinyInstance(positions: 2, hallMW: 5, siteMW: 5)
        tiny.site.energyPriceUSDPerMWh = 80
        tiny.design.economics = Economics(depreciationYears: 5, discountRate: 0, facilityOpexUSDPerMWYear: 100_000,
                                          facilityCapexUSDPerMW: 10_000_000, facilityLifeYears: 20)
        let fresh = try tiny.plan(.costPerToken).plan
        tiny.design.halls[0].availableFrom = Quarter("2024Q3")!
        tiny.site.grid.feeds[0].availableFrom = Quarter("2024Q3")!
        let standing = try tiny.plan(.costPerToken).plan
        let q1 = standing.quarters[0].quarter
        let purchases = try #require(standing.purchases)
        let hall = try #require(purchases.first { $0.quarter == q1 && $0.item == "halls h" })
        #expect(hall.new == 0 && hall.inService == 1 && hall.capexUSD == 0)
        let feed = try #require(purchases.first { $0.quarter == q1 && $0.item == "grid feed f" })
        #expect(feed.new == 0 && feed.inService == 1)
        // The $50M hall (5 MW × $10M) is booked in the first quarter only where it enters service there.
        let cash = try #require(standing.cashflow), before = try #require(fresh.cashflow)
        #expect(before[0].facilityCapexUSD == 50_000_000)
        #expect(cash.allSatisfy { $0.facilityCapexUSD == 0 })
        #expect((before[0].totalUSD - cash[0].totalUSD).isApproximatelyEqual(to: 50_000_000, absoluteTolerance: 1e-3))
        // The facility's annuity ($625,000 a quarter) is a running cost of the hall in service, standing before or not.
        #expect(standing.quarters.map(\.costPerMillionTokensUSD) == fresh.quarters.map(\.costPerMillionTokensUSD))
        #expect(standing.racks.map(\.racksTotal) == fresh.racks.map(\.racksTotal))
    }

    @Test("A rack's average grid power: the rack at its utilization, network and house loads at full power, cooling with the heat",
          arguments: [1.0, 0.5])
    func averageFacilityPower(utilization u: Double) throws {
        // GB300 in the tiny instance: 142 kW at full load, 40 kW idle, 5.1 kW of in-rack network; here through a 98 % transformer
        // and a 95 % UPS, 1.5 % house loads, and pumps at 4 % of the liquid heat (the only cooling).
        var tiny = try TinyInstance(positions: 2, hallMW: 5, siteMW: 5)
        var catalog = tiny.catalog
        let i = catalog.profiles.firstIndex { $0.id == "gb300-nvl72" }!
        catalog.profiles[i].rackIdleKW = 40
        tiny.design.powerChain = PowerChain(transformerEfficiency: 0.98, upsEfficiency: 0.95, houseLoadFractionOfIT: 0.015)
        tiny.design.liquidCooling!.pumpPowerFraction = 0.04
        tiny.design.workloadMix = [WorkloadShare(workload: "deepseek-r1-server", share: 1,
                                                 demand: DemandShape(meanUtilization: u, diurnalAmplitude: 0.2, peakHourLocal: 15,
                                                                     tenants: 1, hourlyNoise: 0.05))]
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: catalog)
        let c = try #require(problem.coefficients["gb300-nvl72"])
        let pumps = 0.04 * catalog.profiles[i].liquidKW / 1000
        #expect(c.coolingMW.isApproximatelyEqual(to: pumps, relativeTolerance: 1e-12) && c.itMW.isApproximatelyEqual(to: 0.1471, relativeTolerance: 1e-12))
        // By hand: IT at u is (40 + 102·u + 5.1) kW, the pumps scale with it, the house loads stay at 1.5 % of 147.1 kW.
        let it = (40 + 102 * u + 5.1) / 1000
        let expected = it / (0.98 * 0.95) + (pumps * it / 0.1471 + 0.015 * 0.1471) / 0.98
        #expect(problem.averageFacilityMW(catalog.profiles[i], c).isApproximatelyEqual(to: expected, relativeTolerance: 1e-12))
        // At full load it is the rack's design facility MW, worked out apart by the rack coefficients.
        if u == 1 { #expect(problem.averageFacilityMW(catalog.profiles[i], c).isApproximatelyEqual(to: c.facilityMW, relativeTolerance: 1e-12)) }
    }
}

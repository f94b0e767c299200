import Foundation
import Testing
@testable import Planner
import Plans
@testable import PlantModel
import Numerics

@Suite("What binds, and what must move")
struct BindingAndInfeasibilityTests {
    /// Each case tightens one limit of the tiny instance until it is the one that stops the plan.
    static let cases: [(ConstraintFamily, @Sendable (inout TinyInstance) -> Void)] = [
        (.floor, { $0.design.halls[0].positions = 2 }),
        (.hallPower, { $0.design.halls[0].installedCapacityMW = 0.3 }),
        (.liquid, { $0.design.halls[0].liquidCapacityMW = 0.2 }),
        (.air, { $0.design.halls[0].airCapacityMW = 0.05 }),
        (.sitePower, { $0.site.grid.feeds[0].capacityMW = 0.4 }),
        (.heatRejection, { $0.design.heatRejection.ratedCapacityMW = 0.3 }),
        (.chiller, {
            $0.design.liquidCooling!.facilitySupplyTempC = 28
            $0.design.heatRejection.ratedCapacityMW = 0.5
            $0.design.heatRejection.chillerCapacityMW = 0.1
            $0.design.heatRejection.chillerCOP = 5
        }),
        (.network, { $0.design.fabric.switchRadix = 12; $0.design.fabric.tiers = 2 }),
        (.supply, { $0.design.supplyCapRacksPerQuarter = ["gb300-nvl72": 1, "gb200-nvl72": 1] }),
        (.budget, { $0.design.budgetUSD = 5_000_000 }),
    ]

    @Test("Every constraint family binds in an instance built for it, and the report names it",
          arguments: cases.indices)
    func familyBinds(index: Int) throws {
        var tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 5)
        let (family, tighten) = Self.cases[index]
        tighten(&tiny)
        let plan = try tiny.plan().plan
        #expect(plan.binding.contains { $0.family == family && $0.state == .binding },
                "\(family) not reported: \(plan.binding.map { "\($0.family) \($0.state)" })")
    }

    @Test("A site water limit keeps IT MW × water per IT MW within it in every quarter, and binds")
    func waterLimit() throws {
        let tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 5)
        // 1,000 m³/yr at 2,000 m³/yr per IT MW allows 0.5 MW of IT: 3 GB300 racks (0.4413 MW, 3 × 596,952 tokens/s);
        // a fourth rack of either kind (0.1356 or 0.1471 MW) would need 0.577 MW or more. 2 GB300 + 1 GB200 (0.4298 MW)
        // serves less (1,589,832 tokens/s), so the optimum is 3 GB300 in both quarters.
        let options = PlanOptions(relativeGap: 0, waterLimit: WaterLimit(m3PerYear: 1000, m3PerYearPerITMW: 2000))
        let plan = try Planner.plan(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs, options: options).plan
        for quarter in plan.quarters {
            #expect(quarter.racks == 3)
            #expect(quarter.tokensPerSecond.isApproximatelyEqual(to: 3 * 596_952, relativeTolerance: 1e-9))
            #expect(quarter.itMW * 2000 <= 1000)
        }
        let water = try #require(plan.binding.first { $0.family == .water })
        #expect(water.state == .binding && water.unit == "m³/yr")
        #expect(water.used.isApproximatelyEqual(to: 3 * 0.1471 * 2000, relativeTolerance: 1e-9))
        #expect(water.capacity == 1000)

        // A limit below one rack's water is no plan, and the diagnosis names the water limit and what to raise.
        let none = PlanOptions(relativeGap: 0, waterLimit: WaterLimit(m3PerYear: 200, m3PerYearPerITMW: 2000))
        #expect {
            try Planner.plan(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs, options: none)
        } throws: { error in
            guard case .noRacks(let d) = error as? PlanError else { return false }
            return d.blockers.contains { $0.family == .water && $0.capacity == 200 }
        }
    }

    @Test("The water loop: a linear judge is met in two passes; the figure never falls; the cap ends the loop without a plan")
    func waterLoop() throws {
        let tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 5)
        func run(_ judge: (BuildPlan) -> Double, maxPasses: Int = WaterLimitedPlan.maxPasses) throws -> WaterLimitedPlan {
            try Planner.plan(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs,
                             options: PlanOptions(relativeGap: 0), waterLimitM3PerYear: 1000, maxPasses: maxPasses, judge: judge)
        }
        // 2,000 m³/yr per IT MW: the free plan (10 GB300, 1.471 MW: 2,942 m³/yr) is over; the second pass plans at
        // 2,000 × 1.001 = 2,002 per MW, so at most 0.4995 MW: 3 GB300 (0.4413 MW, 882.6 m³/yr), within the limit.
        let linear = try run { $0.quarters.last!.itMW * 2000 }
        #expect(linear.passes.count == 2)
        #expect(linear.passes[0].m3PerYearPerITMW == nil)
        #expect(linear.passes[0].judgedWaterM3PerYear.isApproximatelyEqual(to: 1.471 * 2000, relativeTolerance: 1e-9))
        #expect(try #require(linear.passes[1].m3PerYearPerITMW).isApproximatelyEqual(to: 2002, relativeTolerance: 1e-12))
        #expect(try #require(linear.result).plan.quarters.last!.racks == 3)

        // A judge whose water per MW falls as the plan shrinks (a fixed 300 m³/yr plus 1,500 per MW): the figure is
        // raised to the judge's each pass and never lowered, and the loop ends within the limit.
        let falling = try run { 300 + $0.quarters.last!.itMW * 1500 }
        let figures = falling.passes.compactMap(\.m3PerYearPerITMW)
        #expect(figures == figures.sorted())
        #expect(falling.result != nil && falling.passes.last!.judgedWaterM3PerYear <= 1000)

        // A judge that is never satisfied (always 1 m³/yr over, whatever the plan): each pass tightens the row by a rack
        // or so, and the loop stops at the cap with every pass and no plan.
        let never = try run({ _ in 1001 }, maxPasses: 3)
        #expect(never.result == nil && never.passes.count == 3)
        let sizes = never.passes.map(\.finalITMW)
        #expect(sizes == sizes.sorted(by: >) && Set(sizes).count == 3)
        // A judge far over the limit leaves no rack that fits: the planner says so, naming the water limit.
        #expect {
            _ = try run { _ in 1e9 }
        } throws: { error in
            guard case .noRacks(let d) = error as? PlanError else { return false }
            return d.blockers.contains { $0.family == .water }
        }
    }

    @Test("Chilled air alone stays within the chillers: the plant's free-cooling credit cannot cool air")
    func chilledAirRow() throws {
        var tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 5)
        // Chilled air at 18 °C cannot be made free at Phoenix's basis (26.76 °C + 5.6 K approach > 18 °C); the
        // 1,000 MW plant holds 32 °C facility water with a credit of hundreds of MW, so the liquid row alone
        // would let chilled air run far past the 0.05 MW of chillers.
        tiny.design.airCooling = AirCooling(fanPowerFraction: 0, chilled: true, chilledWaterSupplyC: 18)
        tiny.design.heatRejection.chillerCapacityMW = 0.05
        tiny.design.heatRejection.chillerCOP = 5
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect((problem.condition.chillerCreditMW ?? 0) > 100)
        let plan = try tiny.plan().plan
        let air = plan.quarters.map { quarter in
            plan.racks.filter { $0.quarter == quarter.quarter }.reduce(0.0) { sum, line in
                sum + Double(line.racksTotal) * problem.coefficients[line.profile]!.chilledAirMW
            }
        }.max() ?? 0
        #expect(air <= 0.05 + 1e-9, "chilled air \(air) MW over 0.05 MW of chillers")
        #expect(plan.binding.contains { $0.family == .chiller && $0.subject == "chilled air" && $0.state == .binding },
                "\(plan.binding.map { "\($0.constraint) \($0.state)" })")
    }

    @Test("A token target beyond the site is diagnosed with the limits to raise and by how much")
    func infeasibleTarget() throws {
        // 10 M tokens/s needs ⌈10,000,000 / 596,952⌉ = 17 GB300 racks: 7 positions over the 10 available,
        // and 17 × 0.1471 − 1.0 = 1.5007 MW over both the hall's and the site's 1 MW.
        let tiny = try TinyInstance()
        do {
            _ = try tiny.plan(.minCapex, target: 10_000_000)
            Issue.record("expected an infeasible plan")
        } catch PlanError.infeasible(let diagnosis) {
            let raise = Dictionary(uniqueKeysWithValues: diagnosis.shortfalls.map { ($0.constraint, $0.increase) })
            #expect((raise["floor(h,2026Q2)"] ?? 0).isApproximatelyEqual(to: 7, absoluteTolerance: 1e-6))
            #expect((raise["hall_power(h,2026Q2)"] ?? 0).isApproximatelyEqual(to: 1.5007, absoluteTolerance: 1e-6))
            #expect((raise["site_power(2026Q2)"] ?? 0).isApproximatelyEqual(to: 1.5007, absoluteTolerance: 1e-6))
        }
    }

    /// 1,500,000 tokens/s: 2 GB300 + 1 GB200 (1,589,832 tokens/s) at $11M is the least capex (3 GB300: $12M; 1 GB300 + 3 GB200:
    /// $13M; 4 GB200 serve 1,583,712 at $12M), so a $5M budget must rise by $6M; fractions of racks would need only
    /// 1,500,000 / 596,952 × $4M − $5M = $5.05M. The raise found is enough and within the diagnosis's 1 % of the least.
    @Test("A budget short by whole racks: the raise named is enough for a plan, and within 1 % of the least")
    func budgetShortByWholeRacks() throws {
        var tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 5)
        tiny.design.budgetUSD = 5_000_000
        do {
            _ = try tiny.plan(.minCapex, target: 1_500_000)
            Issue.record("expected an infeasible plan")
        } catch PlanError.infeasible(let diagnosis) {
            #expect(diagnosis.shortfalls.map(\.constraint) == ["budget"])
            let raise = try #require(diagnosis.shortfalls.first).increase
            #expect(raise >= 6_000_000 - 1e-6 && raise <= 6_000_000 * (1 + ElasticDiagnosis.leastGap), "\(raise)")
            tiny.design.budgetUSD = 5_000_000 + raise
            #expect(try tiny.plan(.minCapex, target: 1_500_000).plan.objectiveValue <= 5_000_000 + raise)
        }
    }
}

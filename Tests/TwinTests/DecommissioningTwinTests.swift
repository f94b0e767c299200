import Foundation
import Testing
import Climate
import Planner
import PlantModel
import Plans
@testable import Twin
import Numerics

/// The twin's cost of a plan that retires racks: each retired rack's decommissioning, once, in its quarter.
@Suite("Twin: decommissioning")
struct DecommissioningTwinTests {
    @Test("The twin books each retired rack's decommissioning once: the fleet-refresh plan at $20,000 a rack costs $20,000 × the racks it retires more than at $0, in the plan's quarters only")
    func decommissioning() throws {
        let catalog = try Catalog.bundled()
        let design = try ReferenceDesign.load(from: TwinFixture.root + "/examples/fleet-refresh/hopper-refresh.yaml", catalog: catalog).value
        let site = try Site.load(from: TwinFixture.root + "/examples/fleet-refresh/ashburn-fixed-grid.yaml").value
        #expect(design.economics.decommissioningUSDPerRack == 20_000)
        let inputs = PlanInputs(design: "refresh", designFile: "-", site: site.name, siteFile: "-", catalog: "bundled", digest: "0")
        let plan = try Planner.plan(design: design, site: site, catalog: catalog, inputs: inputs, options: PlanOptions(relativeGap: 0.01)).plan
        func retired(in years: ClosedRange<Int>) -> Int {
            plan.racks.filter { years.contains($0.quarter.year) }.reduce(0) { $0 + ($1.racksRetired ?? 0) }
        }
        // A mild year (15 °C dry bulb, 10 °C wet bulb) on every hour: the costs, not the weather, are under test.
        var hours: [WeatherYear.Hour] = []
        for month in 1...12 {
            for day in 1...[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] {
                for hour in 1...24 { hours.append(WeatherYear.Hour(month: month, day: day, hour: hour, dryBulbC: 15, wetBulbC: 10)) }
            }
        }
        let year = WeatherYear(source: "mild", hours: hours)
        var free = design
        free.economics.decommissioningUSDPerRack = 0
        // 2026, the year most Hopper leave; and 2033, the plan's last, with 2034, which holds its last quarter's fleet and
        // retires nothing again.
        for (first, years) in [(2026, 1), (2033, 2)] {
            let racks = retired(in: first...min(2033, first + years - 1))
            #expect(racks > 0, "racks retired from \(first)")
            let charged = Twin.run(TwinScenario(design: design, site: site, catalog: catalog, plan: plan, weather: [year], years: years,
                                                firstYear: first), seed: 1)
            let unpaid = Twin.run(TwinScenario(design: free, site: site, catalog: catalog, plan: plan, weather: [year], years: years,
                                               firstYear: first), seed: 1)
            #expect((charged.capitalAndOpexUSD - unpaid.capitalAndOpexUSD).isApproximatelyEqual(to: Double(racks) * 20_000, relativeTolerance: 1e-9),
                    "from \(first)")
            #expect(charged.tokens == unpaid.tokens)
        }
    }
}

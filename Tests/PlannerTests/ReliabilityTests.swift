import Foundation
import Numerics
import Testing
import Plans
import PlantPhysics
import Reports
@testable import Planner
@testable import PlantModel

@Suite("Planner reliability: no-rack plans, names, re-checked limits, time limits")
struct ReliabilityTests {
    @Test("Vera Rubin's dry coolers in Phoenix have no rack: 40 °C water cannot be made in 43.4 °C air; exit 3 names the plant")
    func noRackInPhoenix() throws {
        let catalog = try Catalog.bundled()
        let design = try ReferenceDesign.load(from: TinyInstance.root + "/reference-designs/vera-rubin-1gw.yaml", catalog: catalog).value
        let site = try Site.load(from: TinyInstance.root + "/sites/phoenix-az.yaml").value
        let inputs = PlanInputs(design: "d", designFile: "-", site: "s", siteFile: "-", catalog: "bundled", digest: "0")
        do {
            _ = try Planner.plan(design: design, site: site, catalog: catalog, inputs: inputs)
            Issue.record("expected no plan")
        } catch PlanError.noRacks(let d) {
            // Phoenix 0.4 %: 43.4 °C dry-bulb against the 40 °C facility supply: a dry cooler cannot cool water
            // below the air, so it rejects nothing at the set-point, and there are no chillers. One 8-rack unit
            // needs 8 × its liquid heat × (1 + the 3.7 % pump work) of heat rejection.
            #expect(d.condition.effectiveAmbientC == 43.4 && d.condition.rejectionCapacityMW == 0)
            let vr = try #require(d.blockers.first { $0.profile == "vr-nvl72" })
            let profile = try #require(catalog.profile("vr-nvl72"))
            #expect(vr.family == .heatRejection && vr.capacity == 0 && vr.unitRacks == 8)
            #expect(vr.needed.isApproximatelyEqual(to: 8 * profile.liquidKW / 1000 * 1.037, relativeTolerance: 1e-9))
        }
    }

    @Test("A design whose only hall admits no profile is exit 3 before any solve, with the exclusions")
    func noEligibleProfile() throws {
        var tiny = try TinyInstance()
        tiny.design.halls[0].maxRackKW = 100
        do {
            _ = try tiny.plan()
            Issue.record("expected no plan")
        } catch PlanError.noRacks(let d) {
            #expect(d.blockers.isEmpty)
            #expect(d.exclusions.contains { $0.hasPrefix("gb300-nvl72 not in h: rack 142 kW > the hall's maxRackKW 100 kW") }, "\(d.exclusions)")
        }
    }

    @Test("Halls whose names meet in the model's row names are refused")
    func ambiguousNames() throws {
        var tiny = try TinyInstance()
        tiny.design.halls.append(tiny.design.halls[0])
        tiny.design.halls[0].name = "a-b"
        tiny.design.halls[1].name = "a_b"
        #expect(throws: PlanError.ambiguousNames(kind: "halls", first: "a-b", second: "a_b", id: "a_b")) { try tiny.plan() }
    }

    @Test("A per-rack figure out of the solver's scale is named by the limit it lands in, not by a model row")
    func outOfScale() throws {
        // 1e20 W per fabric port (validation would refuse it; set here past validation): one GB300 rack's
        // 72 ports give 7.2e15 MW of fabric power in the site_power row, beyond the 1e15 the solver takes.
        var tiny = try TinyInstance()
        tiny.design.fabric.switchWattsPerPort = 1e20
        #expect {
            try tiny.plan()
        } throws: { error in
            guard case PlanError.outOfScale(let family, let quarter, _, _) = error else { return false }
            return family == .sitePower && quarter == Quarter("2026Q1")
        }
    }

    @Test("A plan over a limit is never reported: the re-check recomputes each limit from the racks")
    func recheck() throws {
        // Site 1 MW: 7 GB300 racks draw 7 × 0.1471 = 1.0297 MW; the check must refuse them, whatever a solver said.
        let tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 1)
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let gb300 = try #require(problem.eligible.firstIndex { problem.profiles[$0.profile].id == "gb300-nvl72" })
        let stock = [gb300: [0: 7, 1: 7]]
        let assignment = HallAssignment(problem: problem, stock: stock)
        #expect {
            try PlanCheck.check(problem: problem, stock: stock, assignment: assignment)
        } throws: { error in
            guard case PlanError.limitBroken(let b) = error else { return false }
            return b.family == .sitePower && b.capacity == 1 && b.used.isApproximatelyEqual(to: 7 * 0.1471, relativeTolerance: 1e-9)
        }
        // Six racks (0.8826 MW) pass.
        let fits = [gb300: [0: 6, 1: 6]]
        try PlanCheck.check(problem: problem, stock: fits, assignment: HallAssignment(problem: problem, stock: fits))
    }

    @Test("A campus of 24 distinct halls plans within its time limit and budget")
    func distinctHallCampus() throws {
        let catalog = try Catalog.bundled()
        let file = TinyInstance.root + "/Tests/PlannerTests/Fixtures/distinct-hall-campus.yaml"
        let design = try ReferenceDesign.load(from: file, catalog: catalog).value
        let site = try Site.load(from: TinyInstance.root + "/sites/ashburn-va.yaml").value
        let inputs = PlanInputs(design: "campus", designFile: file, site: "s", siteFile: "-", catalog: "bundled", digest: "0")
        let start = ContinuousClock.now
        let result = try Planner.plan(design: design, site: site, catalog: catalog, inputs: inputs,
                                      options: PlanOptions(timeLimitSeconds: 60, timeBudgetSeconds: 140, relativeGap: 0.001))
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        // One pass (the campus has no groups to split): a solve of at most 60 s within the 140 s budget, a few
        // seconds of model building and checking on top. With the 2026 catalog GLPK does not prove the 0.1 %
        // gap (it stays near 0.25 % even after 120 s), so the solve runs to its limit and keeps its best plan;
        // the limit leaves room for a first incumbent on a loaded 2-core CI machine.
        #expect(seconds < 140 + 5, "took \(seconds) s")
        #expect(result.plan.quarters.last!.racks > 0)
        #expect(result.plan.solver.integerVariables > 1000, "the 24 halls are planned as distinct halls")
    }
}

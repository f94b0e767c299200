import Foundation
import Testing
import Numerics
@testable import Planner
import PlantModel
import Plans

/// Water loops (README "Water loops") on ``TinyInstance``: two halls of 10 positions and 1 MW, hall `a` on the main loop and
/// hall `b` on loop `w` with a plant of its own, the site far larger than both. Each plant limits its own hall only, so the
/// campus plan is the two one-loop plans side by side: an independent check, since the one-loop planner is checked by brute
/// force elsewhere.
@Suite("Water loops")
struct WaterLoopTests {
    /// Liquid heat one GB300 rack sends to the plant in the tiny instance (its hall power × liquid share; no pumps).
    static func perRackMW(_ tiny: TinyInstance) -> Double {
        PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog).coefficients["gb300-nvl72"]!.rejectedMW
    }

    /// The tiny design with its plant sized so that it rejects `racks` GB300 racks' liquid heat at the design condition
    /// (a plant rejects in proportion to its rating at the same temperatures), and `modules` plant modules of one rack's heat.
    static func sized(_ tiny: TinyInstance, racks: Double, modules: Int = 0) -> HeatRejection {
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let perRatedMW = problem.condition.rejectionCapacityMW / tiny.design.heatRejection.ratedCapacityMW
        var hr = tiny.design.heatRejection
        hr.ratedCapacityMW = racks * perRackMW(tiny) / perRatedMW
        if modules > 0 {
            hr.modules = PlantModules(ratedCapacityMW: perRackMW(tiny) / perRatedMW, count: modules,
                                      build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, fixedOpexUSDPerYear: nil, lifeYears: 20))
        }
        return hr
    }

    /// Hall `a` on a plant for 2.5 racks, hall `b` on loop `w`'s plant for 4.5 racks with one module of a rack's heat more.
    static func campus() throws -> (campus: TinyInstance, a: TinyInstance, b: TinyInstance) {
        var base = try TinyInstance(siteMW: 10)
        base.design.economics.facilityCapexUSDPerMW = nil
        var a = base, b = base, campus = base
        a.design.heatRejection = sized(base, racks: 2.5)
        b.design.heatRejection = sized(base, racks: 4.5, modules: 1)
        campus.design.heatRejection = a.design.heatRejection
        var hallB = base.design.halls[0]
        hallB.name = "b"
        hallB.waterLoop = "w"
        campus.design.halls[0].name = "a"
        campus.design.halls.append(hallB)
        var liquid = base.design.liquidCooling!
        liquid.cduCapacityMW = 0.1
        campus.design.waterLoops = [WaterLoop(name: "w", liquidCooling: liquid, heatRejection: b.design.heatRejection)]
        return (campus, a, b)
    }

    @Test("Each loop's plant holds only its own halls: the campus is its loops' plans side by side")
    func sideBySide() throws {
        let (campus, a, b) = try Self.campus()
        let problem = PlanningProblem(design: campus.design, site: campus.site, catalog: campus.catalog)
        #expect(problem.hallLoops == [0, 1] && problem.loops.map(\.name) == ["main", "w"])
        let result = try campus.plan()
        let names = result.model.constraints.map(\.name)
        #expect(names.contains("heat_rejection(2026Q1)") && names.contains("heat_rejection(w,2026Q1)"))
        #expect(result.model.variables.contains { $0.name == "plant_modules(w,2026Q2)" })
        let alone = try [a.plan().plan, b.plan().plan]
        for (t, q) in result.plan.quarters.enumerated() {
            let sum = alone[0].quarters[t].tokensPerSecond + alone[1].quarters[t].tokensPerSecond
            #expect(q.tokensPerSecond.isApproximatelyEqual(to: sum, relativeTolerance: 1e-9), "\(q.quarter)")
        }
        // Each hall's racks are those of its loop's plan alone.
        for (hall, plan) in [("a", alone[0]), ("b", alone[1])] {
            let mine = result.plan.racks.filter { $0.hall == hall }.map { "\($0.quarter) \($0.profile) \($0.racksTotal)" }
            let theirs = plan.racks.map { "\($0.quarter) \($0.profile) \($0.racksTotal)" }
            #expect(mine == theirs, "\(hall)")
        }
        // Each hall's CDUs are its loop's: hall b's loop has CDUs of 0.1 MW, hall a's those of the main loop.
        let cduMW = [campus.design.liquidCooling!.cduCapacityMW, 0.1]
        for (t, q) in result.plan.quarters.enumerated() {
            let expected = ["a", "b"].enumerated().reduce(0) { sum, hall in
                let liquid = result.plan.racks.filter { $0.quarter == q.quarter && $0.hall == hall.element }.reduce(0.0) { $0 + $1.liquidMW }
                return sum + Int((liquid / cduMW[hall.offset] - 1e-9).rounded(.up))
            }
            #expect(result.plan.billOfMaterials[t].cdus == expected, "\(q.quarter)")
        }
        // The module stands on loop w, under the loop's name, and simulate --plan reads the plan back.
        let modules = (result.plan.facilityBuilds ?? []).filter { $0.kind == .plantModule }
        #expect(modules.map(\.name) == Array(repeating: "w", count: modules.count) && modules.last?.inService == 1)
        var plan = result.plan
        plan.inputs.design = campus.design.name
        #expect(try campus.planFileIssues(plan).isEmpty)
        // The loop's line is checked against the loop's modules (one at most), and a loop no design has is refused.
        plan.facilityBuilds = [FacilityBuild(quarter: Quarter("2026Q1")!, kind: .plantModule, name: "w", new: 2, inService: 2),
                               FacilityBuild(quarter: Quarter("2026Q1")!, kind: .plantModule, name: "w9", new: 1, inService: 1)]
        let found = try campus.planFileIssues(plan)
        #expect(found.contains { $0.path == "facilityBuilds[0].inService" && $0.message.contains("more than the 1 the inputs allow") })
        #expect(found.contains { $0.path == "facilityBuilds[1].name" && $0.message.contains("'w9' is no plantModule") })
    }

    @Test("A rack is kept out of the halls of a loop too warm for its coolant limit, with the reason")
    func warmLoop() throws {
        var (campus, _, _) = try Self.campus()
        // 40 °C water + 3 K CDU approach = 43 °C at the rack, above GB200's and GB300's 35 °C (catalog).
        campus.design.waterLoops![0].liquidCooling.facilitySupplyTempC = 40
        campus.design.waterLoops![0].liquidCooling.cduApproachK = 3
        let problem = PlanningProblem(design: campus.design, site: campus.site, catalog: campus.catalog)
        #expect(problem.eligible.allSatisfy { $0.hall == 0 })
        #expect(problem.exclusions.contains { $0.hasPrefix("gb300-nvl72 not in b") && $0.contains("43 °C on water loop w > the rack's 35 °C") })
    }
}

import Testing
import Numerics
@testable import Planner
import PlantModel
import Plans
import PlantPhysics

/// The chillers' power charged on the heat they carry rather than per rack (README "Chiller power"), on ``TinyInstance``
/// with the dry cooler of ``ChillerModuleTests/plantWithChillers(ratedMW:chillersMW:budgetUSD:)``: share s = 0.4, credit
/// R·lift/10, chillers at COP 5, a lossless power chain and no fans or pumps, so one MW the chillers carry costs 1/5 MW of
/// grid power.
@Suite("Chiller power on the heat the chillers carry")
struct ChillerPowerTests {
    /// One GB300's chiller load L on the plant of `plantWithChillers`, and the rating R that makes the plant's credit
    /// `credits` × L (credit = R·lift/10).
    static func gb300Load(credits: Double, site: Site? = nil) throws -> (load: Double, ratedMW: Double) {
        var probe = try ChillerModuleTests.plantWithChillers(ratedMW: 1)
        if let site { probe.site = site }
        let p0 = PlanningProblem(design: probe.design, site: probe.site, catalog: probe.catalog)
        let load = p0.coefficients["gb300-nvl72"]!.chillerLoadMW
        return (load, 10 * credits * load / (40 - p0.condition.effectiveAmbientC))
    }

    @Test("With a credit, site power charges the compressors on max(load − credit, chilled air): max-tokens matches enumeration")
    func creditBruteForce() throws {
        // Credit 3 L and 10 MW of chillers (no chiller row binds); the grid is set to what 10 GB300 draw exactly:
        // 10 × 0.1471 + 0.2 × max(10 air, 10 L − 3 L). Charged per rack (0.2 × 10 L) they would not fit.
        let (load, rating) = try Self.gb300Load(credits: 3)
        var tiny = try ChillerModuleTests.plantWithChillers(ratedMW: rating, chillersMW: 10)
        tiny.design.heatRejection.modules = nil
        let probe = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let loads = ["gb200-nvl72", "gb300-nvl72"].map { probe.coefficients[$0]!.chillerLoadMW }
        let air = ["gb200-nvl72", "gb300-nvl72"].map { probe.coefficients[$0]!.chilledAirMW }
        #expect(probe.condition.chillerCreditMW!.isApproximatelyEqual(to: 3 * load, relativeTolerance: 1e-9))
        #expect(probe.loops[0].chillerHeatVaries && probe.loops[0].chillerFacilityMWPerMW.isApproximatelyEqual(to: 0.2, relativeTolerance: 1e-12))
        // Each rack's own figure still holds its whole chiller load at 1/5: hall power + 0.2 × load.
        for (i, id) in ["gb200-nvl72", "gb300-nvl72"].enumerated() {
            #expect(probe.coefficients[id]!.facilityMW.isApproximatelyEqual(to: TinyInstance.rackMW[i] + 0.2 * loads[i], relativeTolerance: 1e-12))
        }
        func exact(_ a: Int, _ b: Int) -> Double {
            Double(a) * TinyInstance.rackMW[0] + Double(b) * TinyInstance.rackMW[1]
                + 0.2 * max(0, Double(a) * air[0] + Double(b) * air[1], Double(a) * loads[0] + Double(b) * loads[1] - 3 * load)
        }
        func perRack(_ a: Int, _ b: Int) -> Double {
            Double(a) * (TinyInstance.rackMW[0] + 0.2 * loads[0]) + Double(b) * (TinyInstance.rackMW[1] + 0.2 * loads[1])
        }
        let siteMW = exact(0, 10)
        tiny.site.grid.feeds[0].capacityMW = siteMW
        func best(_ facility: (Int, Int) -> Double) -> Double {
            var best = 0.0
            func fits(_ a: Int, _ b: Int) -> Bool { a + b <= 10 && facility(a, b) <= siteMW + 1e-9 }
            for a0 in 0...10 { for b0 in 0...10 where fits(a0, b0) { for a1 in a0...10 { for b1 in b0...10 where fits(a1, b1) {
                best = max(best, Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(b0 + b1) * TinyInstance.rackTokens[1])
            } } } }
            return best
        }
        let tokens = best(exact)
        // 10 GB300 in both quarters; charged per rack the grid holds fewer tokens.
        #expect(tokens.isApproximatelyEqual(to: 20 * TinyInstance.rackTokens[1], relativeTolerance: 1e-12))
        #expect(best(perRack) < tokens - 1)
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        // The plan's facility MW is the exact figure, the grid's capacity: 1.471 + 0.2 × 7 L.
        #expect(plan.quarters.allSatisfy { $0.facilityMW.isApproximatelyEqual(to: siteMW, absoluteTolerance: 2e-6) })
        #expect(siteMW.isApproximatelyEqual(to: 1.471 + 0.2 * 7 * load, relativeTolerance: 1e-12) && 7 * load > 10 * air[1])
        let f = Formulation(probe)
        #expect(f.model.variables.contains { $0.name == "chiller_heat(2026Q1)" })
        #expect(f.model.constraints.contains { $0.name == "chiller_heat(2026Q1)" } && f.model.constraints.contains { $0.name == "chiller_heat_air(2026Q2)" })
    }

    @Test("Energy charges the chillers on the heat they carry at the racks' average load, less the credit", arguments: [Objective.maxTokens, .costPerToken])
    func energyOnCredit(objective: Objective) throws {
        // The plant of creditBruteForce (credit 3 L, COP 5, lossless, no fans or pumps) with GB300 at 40 kW idle, 50 %
        // utilization and $80/MWh. A GB300 then draws 40 + 102 × 0.5 + 5.1 = 96.1 kW of 147.1 kW: share a = 96.1/147.1, and
        // its heat, so its chiller load, falls with it. 10 GB300 fill the grid in both quarters (its rows are at full load).
        let (load, rating) = try Self.gb300Load(credits: 3)
        var tiny = try ChillerModuleTests.plantWithChillers(ratedMW: rating, chillersMW: 10)
        tiny.design.heatRejection.modules = nil
        tiny.site.energyPriceUSDPerMWh = 80
        tiny.design.economics = Economics(depreciationYears: 5, discountRate: 0, facilityOpexUSDPerMWYear: 0)
        tiny.design.workloadMix = [WorkloadShare(workload: "deepseek-r1-server", share: 1,
                                                 demand: DemandShape(meanUtilization: 0.5, diurnalAmplitude: 0.2, peakHourLocal: 15,
                                                                     tenants: 1, hourlyNoise: 0.05))]
        var catalog = tiny.catalog
        catalog.profiles[catalog.profiles.firstIndex { $0.id == "gb300-nvl72" }!].rackIdleKW = 40
        catalog.profiles.removeAll { $0.id == "gb200-nvl72" }
        let probe = PlanningProblem(design: tiny.design, site: tiny.site, catalog: catalog)
        let air = probe.coefficients["gb300-nvl72"]!.chilledAirMW
        tiny.site.grid.feeds[0].capacityMW = 1.471 + 0.2 * max(10 * air, 7 * load)
        let plan = try Planner.plan(design: tiny.design, site: tiny.site, catalog: catalog, inputs: tiny.inputs,
                                    options: PlanOptions(objective: objective, relativeGap: 0)).plan
        // n GB300 for a quarter: energy 2,191.5 h × $80 × (n × 0.0961 MW of IT + 1/5 × the chillers' heat at the average
        // load, max(n·a·air, n·a·L − 3 L, 0)); charged rack by rack, 1/5 × n·a·L, the credit would be ignored. Cost per
        // million tokens: the racks' $4M over 5 years undiscounted, $200,000 a quarter each (no facility capex or opex), and
        // that energy, over n × 596,952 tokens/s × 0.5 × 7,889,400 s.
        let a = 96.1 / 147.1
        func energy(_ n: Double) -> Double { 2191.5 * 80 * (n * 0.0961 + 0.2 * max(0, n * a * air, n * a * load - 3 * load)) }
        func cost(_ n: Double) -> Double { (n * 200_000 + energy(n)) / (n * 596_952 * 0.5 * 7_889_400) * 1e6 }
        #expect(2191.5 * 80 * 10 * (0.0961 + 0.2 * a * load) - energy(10) > 100)
        // Max-tokens fills the grid with 10; cost-per-token takes the largest n of the least cost (the credit's energy is
        // free, the chillers' beyond it is not; charged rack by rack every n would cost the same and it would take 10).
        let costs = (1...10).map { cost(Double($0)) }
        let n = objective == .maxTokens ? 10 : (1...10).last { cost(Double($0)) <= costs.min()! * (1 + 1e-12) }!
        // By hand: the chillers carry the chilled air until n·a·air = n·a·L − 3 L, n = 3 L / (a·(L − air)) ≈ 7.98; up to
        // there every n costs the same per token, beyond it more: the largest n of least cost is 7.
        #expect(objective == .maxTokens || n == 7)
        #expect((3 * load / (a * (load - air))).isApproximatelyEqual(to: 7.98, absoluteTolerance: 0.01))
        #expect(plan.quarters.allSatisfy { $0.racks == n })
        let cash = try #require(plan.cashflow)
        #expect(cash.allSatisfy { $0.energyUSD.isApproximatelyEqual(to: energy(Double(n)), absoluteTolerance: 1e-3) })
        #expect(plan.quarters.allSatisfy { $0.costPerMillionTokensUSD?.isApproximatelyEqual(to: cost(Double(n)), absoluteTolerance: 1e-6) == true })
        // Under cost-per-token the model charges the same energy: its objective is the horizon's cost over its tokens.
        if objective == .costPerToken { #expect(plan.objectiveValue.isApproximatelyEqual(to: cost(Double(n)), absoluteTolerance: 1e-6)) }
    }

    @Test("Chillers only by module: a quarter before the first is built charges no compressor power")
    func noChillersYet() throws {
        // No chillers given, chiller modules of L after one quarter of lead time, credit 3 L: in 2026Q1 the racks stand on the
        // plant alone (chiller load ≤ credit), and their facility MW is their hall power only. In Stockholm, whose economizer
        // air the racks take without chillers.
        var stockholm = try Site.load(from: TinyInstance.root + "/sites/stockholm-se.yaml").value
        stockholm.grid = try TinyInstance().site.grid
        let (load, rating) = try Self.gb300Load(credits: 3, site: stockholm)
        var tiny = try ChillerModuleTests.plantWithChillers(ratedMW: rating, chillersMW: 0)
        tiny.site = stockholm
        tiny.design.heatRejection.modules = nil
        tiny.design.airCooling.chilled = false
        tiny.design.heatRejection.chillerModules = ChillerModules(capacityMW: load, count: 3,
                                                                  build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 1, lifeYears: 20))
        let plan = try tiny.plan().plan
        let first = plan.racks.filter { $0.quarter == Quarter("2026Q1")! }
        let hallMW = first.reduce(0.0) { $0 + $1.itMW }
        #expect(!first.isEmpty)
        #expect(plan.quarters[0].facilityMW.isApproximatelyEqual(to: hallMW, absoluteTolerance: 2e-6))
        #expect(plan.facilityBuilds?.first?.quarter == Quarter("2026Q2")!)
    }

    @Test("No rack fits: the diagnosis charges a unit the chiller power of what its load leaves beyond the credit")
    func noRackNeed() throws {
        // Credit 3 L: one GB300 alone leaves its chillers only its chilled air, so it needs 0.1471 + 0.2 × air of the grid
        // (0.1471 + 0.2 × L charged per rack); the grid is 0.1 MW.
        let (_, rating) = try Self.gb300Load(credits: 3)
        var tiny = try ChillerModuleTests.plantWithChillers(ratedMW: rating, chillersMW: 10)
        tiny.design.heatRejection.modules = nil
        tiny.site.grid.feeds[0].capacityMW = 0.1
        let air = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog).coefficients["gb300-nvl72"]!.chilledAirMW
        #expect(throws: PlanError.self) {
            do { _ = try tiny.plan() } catch let PlanError.noRacks(diagnosis) {
                let need = diagnosis.blockers.first { $0.profile == "gb300-nvl72" && $0.family == .sitePower }?.needed
                #expect(need?.isApproximatelyEqual(to: 0.1471 + 0.2 * air, relativeTolerance: 1e-9) == true)
                throw PlanError.noRacks(diagnosis)
            }
        }
    }

    @Test("A tower whose chiller modules take every cell: the credit below 0 is taken as 0 in the heat the chillers carry")
    func negativeCredit() throws {
        // cooling-tower-humid with four 60 MW chiller modules: three condensers take more cells than the credit's tower has.
        var inputs = try PlanningInputs.load(designPath: TinyInstance.root + "/reference-designs/cooling-tower-humid.yaml")
        inputs.design.heatRejection.chillerModules = ChillerModules(capacityMW: 60, count: 4,
                                                                    build: BuildOption(capexUSD: 1e7, leadTimeQuarters: 0, lifeYears: 20))
        let loop = PlanningProblem(design: inputs.design, site: inputs.site, catalog: inputs.catalog).loops[0]
        #expect(loop.chillerCreditMW(plantModules: 0, chillerModules: 0) > 0 && loop.chillerCreditMW(plantModules: 0, chillerModules: 3) < 0)
        #expect(loop.chillerHeatMW(loadMW: 100, chilledAirMW: 0, plantModules: 0, chillerModules: 3) == 100)
        let credit = loop.chillerCreditMW(plantModules: 0, chillerModules: 1)
        #expect(loop.chillerHeatMW(loadMW: 100, chilledAirMW: 0, plantModules: 0, chillerModules: 1) == 100 - credit && credit > 0)
    }

    @Test("A design whose chillers carry the racks' load exactly keeps the per-rack charge: no chiller_heat column")
    func noColumnWithoutCredit() throws {
        let tiny = try ChillerModuleTests.chilled(budgetUSD: nil)
        var given = tiny
        given.design.heatRejection.chillerModules = nil
        let problem = PlanningProblem(design: given.design, site: given.site, catalog: given.catalog)
        #expect(problem.condition.chillerCreditMW == 0 && !problem.loops[0].chillerHeatVaries)
        #expect(!Formulation(problem).model.variables.contains { $0.name.hasPrefix("chiller_heat") })
    }
}

import Foundation
import Testing
import Numerics
import PlantPhysics
@testable import Planner
@testable import Reports
import PlantModel
import Plans

/// Chiller modules as decisions, and plant modules on a plant with chillers (README "Facility decisions"), on
/// ``TinyInstance`` (GB200 at 0.1356 MW, 395,928 tokens/s, $3M; GB300 at 0.1471 MW, 596,952 tokens/s, $4M; two quarters).
@Suite("Chiller modules against brute force")
struct ChillerModuleTests {
    static let q1 = Quarter("2026Q1")!, q2 = Quarter("2026Q2")!

    /// A chilled-air design whose facility water (20 °C) is colder than Chicago's design dry-bulb: the dry cooler takes
    /// nothing at the set-point (share s = 1, credit 0), so the chillers carry each rack's whole heat, its hall power
    /// (no pumps or fans in the tiny instance): 0.1356 MW a GB200, 0.1471 MW a GB300. 0.3 MW of chillers given, up to
    /// `count` chiller modules of 0.15 MW at `capexUSD` each; no facility capex per MW (the modules are the facility's only
    /// capex); halls and site far larger than the chillers.
    static func chilled(count: Int = 2, capexUSD: Double = 1e6, leadTimeQuarters: Int = 0, fixedOpexUSDPerYear: Double? = nil,
                        budgetUSD: Double?) throws -> TinyInstance {
        var tiny = try TinyInstance(positions: 10, hallMW: 10, siteMW: 10)
        tiny.design.liquidCooling!.facilitySupplyTempC = 20
        tiny.design.airCooling.chilled = true
        tiny.design.airCooling.chilledWaterSupplyC = 15
        tiny.design.heatRejection.type = .dryCooler
        tiny.design.heatRejection.adiabaticEffectiveness = nil
        tiny.design.heatRejection.chillerCapacityMW = 0.3
        tiny.design.heatRejection.chillerCOP = 5
        tiny.design.heatRejection.chillerModules = ChillerModules(
            capacityMW: 0.15, count: count,
            build: BuildOption(capexUSD: capexUSD, leadTimeQuarters: leadTimeQuarters, fixedOpexUSDPerYear: fixedOpexUSDPerYear, lifeYears: 20))
        tiny.design.economics.facilityCapexUSDPerMW = nil
        tiny.design.budgetUSD = budgetUSD
        return tiny
    }

    /// Every plan of the chilled design (modules m0 ≤ m1 ≤ 2, none in the first quarter before `firstModuleQuarter`, racks
    /// never removed) within 10 positions, the chillers' 0.3 + 0.15 × modules MW and the budget racks ($3M, $4M) and modules
    /// ($1M) share: the most tokens/s summed over the two quarters and the modules in service of the plans that reach it.
    static func bruteForce(budgetM: Double, firstModuleQuarter: Int) -> (tokens: Double, modules: Set<[Int]>) {
        var best = 0.0, modules: Set<[Int]> = []
        for m0 in 0...2 { for m1 in m0...2 where firstModuleQuarter == 0 || m0 == 0 {
            let mw = [0.3 + 0.15 * Double(m0), 0.3 + 0.15 * Double(m1)]
            func fits(_ t: Int, _ a: Int, _ b: Int) -> Bool {
                a + b <= 10 && Double(a) * TinyInstance.rackMW[0] + Double(b) * TinyInstance.rackMW[1] <= mw[t] + 1e-9
            }
            for a0 in 0...10 { for b0 in 0...10 where fits(0, a0, b0) { for a1 in a0...10 { for b1 in b0...10 where fits(1, a1, b1) {
                guard 3 * Double(a1) + 4 * Double(b1) + Double(m1) <= budgetM + 1e-9 else { continue }
                let tokens = Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(b0 + b1) * TinyInstance.rackTokens[1]
                if tokens > best + 1e-6 { best = tokens; modules = [] }
                if abs(tokens - best) <= 1e-6 { modules.insert([m0, m1]) }
            } } } }
        } }
        return (best, modules)
    }

    /// Budgets, the tokens/s per quarter worked by hand and the modules then in service:
    /// - $14M: without a module 0.3 MW holds 2 × GB300 (0.2942 MW, 1,193,904 tokens/s); one module (0.45 MW) lets a third
    ///   in: 3 × GB300 = 0.4413 MW, $12M + $1M = 1,790,856 tokens/s. Four racks need 0.5424 MW or more (two modules) and
    ///   $12M + $2M at least, for 4 × GB200 = 1,583,712 tokens/s only. A second module adds nothing within $14M, and the
    ///   objective's idle-decision penalty leaves it unbuilt.
    /// - $11M: one module leaves $10M: GB300 + 2 × GB200 (0.4183 MW, 1,388,808 tokens/s) beats 2 × GB300 without one.
    static let budgets: [(budgetUSD: Double, tokensPerSecond: Double)] = [(14e6, 1_790_856), (11e6, 1_388_808)]

    @Test("Chilled-air design: the chiller row binds, one chiller module lets one more rack in; max-tokens matches enumeration",
          arguments: budgets.indices)
    func underBudget(case i: Int) throws {
        let (budget, tokens) = Self.budgets[i]
        let tiny = try Self.chilled(budgetUSD: budget)
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(problem.condition.liquidChillerShare == 1 && problem.condition.chillerCreditMW == 0)
        // The chillers carry each rack's whole heat: its hall power.
        for (id, mw) in zip(["gb200-nvl72", "gb300-nvl72"], TinyInstance.rackMW) {
            #expect(problem.coefficients[id]!.chillerLoadMW.isApproximatelyEqual(to: mw, relativeTolerance: 1e-9))
        }
        let brute = Self.bruteForce(budgetM: budget / 1e6, firstModuleQuarter: 0)
        #expect(brute.tokens.isApproximatelyEqual(to: 2 * tokens, relativeTolerance: 1e-9))
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.facilityBuilds == [FacilityBuild(quarter: Self.q1, kind: .chillerModule, name: "chillers", new: 1, inService: 1),
                                        FacilityBuild(quarter: Self.q2, kind: .chillerModule, name: "chillers", new: 0, inService: 1)])
        #expect(brute.modules.contains([1, 1]))
        // bom.csv: one module bought in 2026Q1 at $1M, the chillers 0.45 MW in service; the Built: line names it.
        let bom = plan.purchases ?? []
        let module = bom.filter { $0.item == "chiller module" }
        #expect(module.map(\.new) == [1, 0] && module.map(\.inService) == [1, 1] && module.compactMap(\.capexUSD) == [1e6, 0])
        #expect(bom.filter { $0.item == "chillers" }.allSatisfy { $0.inService.isApproximatelyEqual(to: 0.45, relativeTolerance: 1e-12) })
        #expect(PlanReport.table(plan).contains("Built: 2026Q1 1 chiller module\n"))
        // The twin's chillers in each quarter are the chillers with the modules then in service.
        let fleet = InstalledFleet.quarters(of: plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(fleet.map(\.chillerModules) == [[1], [1]])
        #expect(tiny.design.withChillerModules(1).heatRejection.chillerCapacityMW.isApproximatelyEqual(to: 0.45, relativeTolerance: 1e-12))
        #expect(tiny.design.withChillerModules(1).heatRejection.chillerModules == nil)
    }

    @Test("A chiller module's lead time keeps it out of the first quarter; its capex is spent while it is built")
    func leadTime() throws {
        // One quarter of lead time: in 2026Q1 the 0.3 MW of chillers hold 2 × GB300 (1,193,904 tokens/s); in 2026Q2 the module
        // lets a third in (1,790,856 tokens/s): $12M + $1M within $14M.
        let tiny = try Self.chilled(leadTimeQuarters: 1, budgetUSD: 14e6)
        let brute = Self.bruteForce(budgetM: 14, firstModuleQuarter: 1)
        #expect(brute.tokens.isApproximatelyEqual(to: 1_193_904 + 1_790_856, relativeTolerance: 1e-9))
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.facilityBuilds == [FacilityBuild(quarter: Self.q2, kind: .chillerModule, name: "chillers", new: 1, inService: 1)])
        // The module enters service in 2026Q2 after one quarter of building: its $1M is spent in 2026Q1.
        #expect(plan.cashflow?.map(\.facilityCapexUSD) == [1e6, 0])
    }

    @Test("min-capex counts the chiller modules' capex: the cheapest plan reaching the target, modules included")
    func minCapex() throws {
        // Target 1,790,000 tokens/s in the last quarter. 3 × GB300 ($12M, 1,790,856 tokens/s, 0.4413 MW) need one module:
        // $13M. Cheaper rack sets fall short (GB300 + 3 × GB200 = $13M for 1,784,736; 4 × GB200 = 1,583,712; 2 × GB300 + GB200
        // = 1,589,832); the next that reaches it, 2 × GB300 + 2 × GB200 (0.5654 MW, two modules), costs $14M + $2M.
        let plan = try Self.chilled(budgetUSD: nil).plan(.minCapex, target: 1_790_000).plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 13e6, relativeTolerance: 1e-9))
        #expect(plan.facilityBuilds?.last?.inService == 1)
    }

    @Test("A built chiller module's annual cost enters each quarter's cost per million tokens; its fixed opex the cash flow")
    func costPerToken() throws {
        // The same plan with 0.45 MW of chillers given and with 0.3 MW given and one 0.15 MW module built ($2M, $0.1M a year,
        // 20 years): 3 × GB300 in both quarters either way (a fourth rack needs 0.5424 MW). Each quarter's cost differs by the
        // module's annual cost / 4, so its cost per million tokens by that over the million tokens served.
        var given = try Self.chilled(count: 1, capexUSD: 2e6, fixedOpexUSDPerYear: 1e5, budgetUSD: nil)
        let built = given
        given.design.heatRejection.chillerCapacityMW = 0.45
        given.design.heatRejection.chillerModules = nil
        let a = try given.plan().plan, b = try built.plan().plan
        #expect(a.quarters.map(\.racks) == [3, 3] && b.quarters.map(\.racks) == [3, 3])
        let r = built.design.economics.discountRate
        // Capital recovery r / (1 − (1 + r)^−20), the annuity formula written out here.
        let annual = 2e6 * (r > 0 ? r / (1 - pow(1 + r, -20)) : 1.0 / 20) + 1e5
        for (x, y) in zip(a.quarters, b.quarters) {
            let servedMillions = x.tokensPerSecond * x.utilization! * TimeBase.secondsPerQuarter / 1e6
            #expect(y.costPerMillionTokensUSD!.isApproximatelyEqual(to: x.costPerMillionTokensUSD! + annual / 4 / servedMillions,
                                                                   relativeTolerance: 1e-5))
        }
        for (x, y) in zip(a.cashflow!, b.cashflow!) { #expect((y.opexUSD - x.opexUSD).isApproximatelyEqual(to: 25_000, relativeTolerance: 1e-9)) }
    }

    @Test("simulate --plan refuses chillerModule lines that are not the design's, do not add up or come before their lead time")
    func planFileChecks() throws {
        let tiny = try Self.chilled(leadTimeQuarters: 1, budgetUSD: 14e6)
        var plan = try tiny.plan().plan
        plan.inputs.design = tiny.design.name
        #expect(try FacilityDecisionTests.planFileIssues(plan, tiny) == [])
        plan.facilityBuilds = [FacilityBuild(quarter: Self.q1, kind: .chillerModule, name: "nope", new: 1, inService: 1),
                               FacilityBuild(quarter: Self.q1, kind: .chillerModule, name: "chillers", new: 1, inService: 1),
                               FacilityBuild(quarter: Self.q2, kind: .chillerModule, name: "chillers", new: 2, inService: 3)]
        let found = try FacilityDecisionTests.planFileIssues(plan, tiny)
        #expect(found.contains { $0.hasPrefix("'nope' is no chillerModule with a build option in the design") })
        #expect(found.contains { $0.hasPrefix("2026Q1 is before the earliest quarter it can be in service (2026Q2)") })
        #expect(found.contains { $0.hasPrefix("3 is more than the 2 the inputs allow") })
    }

    @Test("What to build next prices the chiller row by one chiller module")
    func buildNextPrice() throws {
        let tiny = try Self.chilled(budgetUSD: 14e6)
        let plan = try tiny.plan().plan
        let (options, _) = BuildNext.options(.chiller, group: nil, subject: nil, plan: plan, design: tiny.design, site: tiny.site)
        // A dry cooler's chiller module adds its 0.15 MW and no change of credit: $1M / 0.15 MW.
        #expect(options.count == 1)
        #expect(options.first?.priceUSD(Self.q1).map { $0.isApproximatelyEqual(to: 1e6 / 0.15, relativeTolerance: 1e-9) } == true)
        #expect(options.first?.name(Self.q1).hasPrefix("a chiller module: $1,000,000 for 0.15 MW") == true)
    }

    /// Issues of the bundled example design with its `chillerCapacityMW: 0` line replaced by `heatRejection` lines.
    static func exampleIssues(_ lines: String) throws -> [(path: String, message: String)] {
        let text = try String(contentsOfFile: TinyInstance.root + "/reference-designs/gb300-nvl72-hybrid.yaml", encoding: .utf8)
        let yaml = text.replacingOccurrences(of: "  chillerCapacityMW: 0\n", with: lines)
        #expect(yaml != text)
        let decoded = try PlantFile.decode(ReferenceDesign.self, from: yaml, file: "d.yaml")
        return ReferenceDesign.issues(in: decoded, catalog: try Catalog.bundled()).map { ($0.path, $0.message) }
    }

    @Test("Validation: chiller modules need a COP (with none given they are the plant's first chillers) and a capacity in range; plant modules beside chillers are accepted")
    func validation() throws {
        let module = "  chillerModules: {capacityMW: 10, count: 2, build: {capexUSD: 6000000, leadTimeQuarters: 2}}\n"
        let none = try Self.exampleIssues("  chillerCapacityMW: 0\n" + module)
        #expect(none.filter { $0.path.hasPrefix("heatRejection") }.map(\.path) == ["heatRejection.chillerCOP"])
        let first = try Self.exampleIssues("  chillerCapacityMW: 0\n  chillerCOP: 6\n" + module)
        #expect(first.filter { $0.path.hasPrefix("heatRejection") }.isEmpty, "\(first)")
        let big = try Self.exampleIssues("  chillerCapacityMW: 20\n  chillerCOP: 6\n" + module.replacingOccurrences(of: "capacityMW: 10", with: "capacityMW: 1000"))
        #expect(big.contains { $0.path == "heatRejection.chillerModules.capacityMW" && $0.message.contains("out of range [0.1, 500] MW") })
        let both = try Self.exampleIssues("  chillerCapacityMW: 20\n  chillerCOP: 6\n" + module
            + "  modules: {ratedCapacityMW: 100, count: 2, build: {capexUSD: 40000000, leadTimeQuarters: 3}}\n")
        #expect(both.filter { $0.path.hasPrefix("heatRejection") }.isEmpty, "\(both)")
    }

    // MARK: A plant whose first chillers are modules

    @Test("No chillers given: with none built the chiller row is the heat-rejection limit, by hand from the curve's numbers")
    func firstChillersRowByHand() throws {
        // The dry cooler of `creditByHand` (E₁ = R/10, C_p = R/6, s = 0.4) with no chillers given: the plant takes a stream Q
        // whole at full fan while Q = E₁·(T_s + Q/C_p − T_a), i.e. Q = E₁·lift / (1 − E₁/C_p) = R·lift/4. The chiller row with
        // no module built, s·Q ≤ credit = R·lift/10, is Q ≤ R·lift/4: the same limit.
        var tiny = try Self.plantWithChillers(ratedMW: 1, chillersMW: 0)
        tiny.design.heatRejection.modules = nil
        let given = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let lift = 40 - given.condition.effectiveAmbientC
        #expect(given.condition.chillerCreditMW == nil && given.condition.liquidChillerShare == 0)
        #expect(given.condition.rejectionCapacityMW.isApproximatelyEqual(to: lift / 4, relativeTolerance: 1e-6))
        tiny.design.heatRejection.chillerModules = ChillerModules(capacityMW: 0.1, count: 2,
                                                                  build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 20))
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(problem.condition.liquidChillerShare.isApproximatelyEqual(to: 0.4, relativeTolerance: 1e-6))
        #expect(problem.condition.chillerCreditMW!.isApproximatelyEqual(to: lift / 10, relativeTolerance: 1e-6))
        #expect((problem.loops[0].chillerRowCapacityMW(plantModules: 0, chillerModules: 0) / problem.condition.liquidChillerShare)
            .isApproximatelyEqual(to: lift / 4, relativeTolerance: 1e-6))
        // Each module adds its cooling (a dry cooler's condensers are air-cooled: no change of credit).
        #expect(problem.loops[0].chillerRowCapacityMW(plantModules: 0, chillerModules: 2).isApproximatelyEqual(to: lift / 10 + 0.2, relativeTolerance: 1e-6))
        // Racks carry the chiller share (and their chilled air) as on a plant with chillers given, and no heat-rejection row is written.
        let k = problem.coefficients["gb300-nvl72"]!
        #expect(k.chillerLoadMW.isApproximatelyEqual(to: 0.4 * k.rejectedMW + k.chilledAirMW, relativeTolerance: 1e-12) && k.chilledAirMW > 0)
        let f = Formulation(problem)
        #expect(f.model.constraints.contains { $0.name == "chiller(2026Q1)" })
        #expect(!f.model.constraints.contains { $0.name.hasPrefix("heat_rejection(") })
        // The plan's design condition line: the chillers start where the plant's own limit ends, R·lift/4 = credit / s.
        let text = PlanReport.table(try tiny.plan().plan), mw = String(format: "%.1f", lift / 4)
        #expect(text.contains("the plant holds the set-point for \(mw) MW of its water stream, chillers carry 40 % of each MW beyond \(mw) MW"))
    }

    @Test("No chillers given: the plan builds its first chiller modules as racks need them; max-tokens matches enumeration")
    func firstChillersBruteForce() throws {
        // The plant's credit is L (one GB300's chiller load), each module adds L for $1M, and racks are $3M and $4M within
        // $14M. Chilled air needs chillers, so no rack stands in a quarter without a module: the best plans build one at once.
        let probe = try Self.plantWithChillers(ratedMW: 1)
        let p0 = PlanningProblem(design: probe.design, site: probe.site, catalog: probe.catalog)
        let load = p0.coefficients["gb300-nvl72"]!.chillerLoadMW
        var tiny = try Self.plantWithChillers(ratedMW: 10 * load / (40 - p0.condition.effectiveAmbientC), chillersMW: 0, budgetUSD: 14e6)
        tiny.design.heatRejection.modules = nil
        tiny.design.heatRejection.chillerModules = ChillerModules(capacityMW: load, count: 3,
                                                                  build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 20))
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(problem.condition.chillerCreditMW!.isApproximatelyEqual(to: load, relativeTolerance: 1e-9))
        let loads = ["gb200-nvl72", "gb300-nvl72"].map { problem.coefficients[$0]!.chillerLoadMW }
        let air = ["gb200-nvl72", "gb300-nvl72"].map { problem.coefficients[$0]!.chilledAirMW }
        var best = 0.0, modules: Set<[Int]> = []
        for n0 in 0...3 { for n1 in n0...3 {
            // The chiller row (credit L + n modules of L) and the chilled air alone within the n modules' cooling.
            func fits(_ n: Int, _ a: Int, _ b: Int) -> Bool {
                a + b <= 10 && Double(a) * loads[0] + Double(b) * loads[1] <= load * Double(1 + n) + 1e-9
                    && Double(a) * air[0] + Double(b) * air[1] <= load * Double(n) + 1e-9
            }
            for a0 in 0...10 { for b0 in 0...10 where fits(n0, a0, b0) { for a1 in a0...10 { for b1 in b0...10 where fits(n1, a1, b1) {
                guard 3 * a1 + 4 * b1 + n1 <= 14 else { continue }
                let tokens = Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(b0 + b1) * TinyInstance.rackTokens[1]
                if tokens > best + 1e-6 { best = tokens; modules = [] }
                if abs(tokens - best) <= 1e-6 { modules.insert([n0, n1]) }
            } } } }
        } }
        #expect(best > 0 && modules.allSatisfy { $0[0] >= 1 })
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: best * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        let built = [Self.q1, Self.q2].map { tiny.design.loopChillerModules(in: $0, plan.facilityBuilds)[0] }
        #expect(modules.contains(built))
        // bom.csv's chillers line is the modules in service, from none given.
        let chillers = (plan.purchases ?? []).filter { $0.item == "chillers" }.map(\.inService)
        #expect(zip(chillers, built).allSatisfy { $0.isApproximatelyEqual(to: load * Double($1), relativeTolerance: 1e-9) })
        // The twin's chillers in each quarter are the modules then in service.
        let fleet = InstalledFleet.quarters(of: plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(fleet.map(\.chillerModules) == built.map { [$0] })
    }

    // MARK: Plant modules on a plant with chillers

    /// A dry cooler rated R MW at 30 °C ambient with 40 °C fluid in and a 4 K approach (range 6 K), on a liquid loop of 6 K
    /// rise, 40 °C supply, 0.1 MW of chillers (COP 5) and up to 2 plant modules rated as the plant, $1M each; chilled air
    /// (Chicago's economizer air is above the racks' inlet limit), which the chillers carry whole.
    static func plantWithChillers(ratedMW: Double, chillersMW: Double = 0.1, budgetUSD: Double? = nil) throws -> TinyInstance {
        var tiny = try TinyInstance(positions: 10, hallMW: 10, siteMW: 10)
        tiny.design.liquidCooling!.facilitySupplyTempC = 40
        tiny.design.liquidCooling!.loopDeltaTK = 6
        tiny.design.airCooling.chilled = true
        tiny.design.airCooling.chilledWaterSupplyC = 15
        let hr = HeatRejection(type: .dryCooler, ratedCapacityMW: ratedMW, ratedAmbientC: 30, ratedFluidInletC: 40, approachK: 4,
                               fanPowerFraction: 0, adiabaticEffectiveness: nil, waterLPerKWh: nil, cyclesOfConcentration: nil,
                               chillerCapacityMW: chillersMW, chillerCOP: 5,
                               modules: PlantModules(ratedCapacityMW: ratedMW, count: 2,
                                                     build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 20)))
        tiny.design.heatRejection = hr
        tiny.design.budgetUSD = budgetUSD
        return tiny
    }

    @Test("Plant modules on a dry cooler with chillers: the credit and share by hand from the curve's numbers")
    func creditByHand() throws {
        // By hand (HeatRejectionCurve): range 40 − 30 − 4 = 6 K, so the rated water rate is R/6 MW/K and ε = 6/10 = 0.6. The
        // loop's rise is also 6 K: the plant's flow C_p = R/6 equals the air rate, a balanced coil whose UA gives back
        // ε = 0.6, so E₁ = 0.6 · R/6 = R/10. Share s = 1 − E₁/C_p = 1 − 0.6 = 0.4 whatever R; credit E₁·(40 − T_a) = R/10 ·
        // (40 − T_a); one module rated as the plant adds as much again.
        let tiny = try Self.plantWithChillers(ratedMW: 1)
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let lift = 40 - problem.condition.effectiveAmbientC
        #expect(lift > 0)
        #expect(problem.condition.liquidChillerShare.isApproximatelyEqual(to: 0.4, relativeTolerance: 1e-6))
        #expect(problem.condition.chillerCreditMW!.isApproximatelyEqual(to: lift / 10, relativeTolerance: 1e-6))
        #expect(problem.condition.chillerCreditMWPerPlantModule!.isApproximatelyEqual(to: lift / 10, relativeTolerance: 1e-6))
        // The chiller row with one module built: 0.1 MW of chillers + 2 × R/10 × lift.
        #expect(problem.loops[0].chillerRowCapacityMW(plantModules: 1, chillerModules: 0).isApproximatelyEqual(to: 0.1 + 2 * lift / 10, relativeTolerance: 1e-6))
        // The plant as built (R = 2 MW) gives the same figures: the row is exact for a dry cooler.
        let built = DesignCondition(design: tiny.design.withPlantModules(1), site: tiny.site)
        #expect(built.liquidChillerShare.isApproximatelyEqual(to: 0.4, relativeTolerance: 1e-6))
        #expect(built.chillerCreditMW!.isApproximatelyEqual(to: 2 * lift / 10, relativeTolerance: 1e-6))
    }

    @Test("Plant modules on a plant with chillers: max-tokens under a budget matches enumeration over the chiller row")
    func plantModulesWithChillers() throws {
        // The chillers carry 0.4 of each rack's liquid heat beyond the credit, and its chilled air. Size the plant so that its
        // credit and each module's is one GB300's load L and the chillers 1.5 L: 2.5 L holds 2 × GB300, one module (3.5 L) a
        // third, within $14M ($12M + $1M); the chilled air alone stays within the chillers (`chiller_air`).
        let probe = try Self.plantWithChillers(ratedMW: 1)
        let p0 = PlanningProblem(design: probe.design, site: probe.site, catalog: probe.catalog)
        let load = p0.coefficients["gb300-nvl72"]!.chillerLoadMW
        let rating = 10 * load / (40 - p0.condition.effectiveAmbientC)
        let tiny = try Self.plantWithChillers(ratedMW: rating, chillersMW: 1.5 * load, budgetUSD: 14e6)
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let loads = ["gb200-nvl72", "gb300-nvl72"].map { problem.coefficients[$0]!.chillerLoadMW }
        let air = ["gb200-nvl72", "gb300-nvl72"].map { problem.coefficients[$0]!.chilledAirMW }
        #expect(loads[1].isApproximatelyEqual(to: load, relativeTolerance: 1e-12))
        var best = 0.0, modules: Set<[Int]> = []
        for n0 in 0...2 { for n1 in n0...2 {
            func fits(_ n: Int, _ a: Int, _ b: Int) -> Bool {
                a + b <= 10 && Double(a) * loads[0] + Double(b) * loads[1] <= load * (2.5 + Double(n)) + 1e-9
                    && Double(a) * air[0] + Double(b) * air[1] <= 1.5 * load + 1e-9
            }
            for a0 in 0...10 { for b0 in 0...10 where fits(n0, a0, b0) { for a1 in a0...10 { for b1 in b0...10 where fits(n1, a1, b1) {
                guard 3 * a1 + 4 * b1 + n1 <= 14 else { continue }
                let tokens = Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(b0 + b1) * TinyInstance.rackTokens[1]
                if tokens > best + 1e-6 { best = tokens; modules = [] }
                if abs(tokens - best) <= 1e-6 { modules.insert([n0, n1]) }
            } } } }
        } }
        #expect(best.isApproximatelyEqual(to: 2 * 1_790_856, relativeTolerance: 1e-9))
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: best * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        let built = [Self.q1, Self.q2].map { tiny.design.loopPlantModules(in: $0, plan.facilityBuilds)[0] }
        #expect(modules.contains(built) && built == [1, 1])
    }

    @Test("The rows never promise more than the physics of the plant as built, for every count of plant and chiller modules",
          arguments: [HeatRejectionType.dryCooler, .coolingTower])
    func conservative(type: HeatRejectionType) throws {
        var tiny = try Self.plantWithChillers(ratedMW: 1, chillersMW: 0.3)
        tiny.design.heatRejection.type = type
        if type == .coolingTower {
            // A tower rated at 24 °C wet-bulb, 35 °C in, 4 K approach.
            tiny.design.heatRejection.ratedAmbientC = 24
            tiny.design.heatRejection.ratedFluidInletC = 35
            tiny.design.heatRejection.waterLPerKWh = 1.5
        }
        tiny.design.heatRejection.modules!.ratedCapacityMW = 0.5
        tiny.design.heatRejection.modules!.count = 3
        tiny.design.heatRejection.chillerModules = ChillerModules(capacityMW: 0.1, count: 3,
                                                                  build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 20))
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect((problem.condition.chillerCreditMW ?? 0) > 0)
        for n in 0...3 { for m in 0...3 {
            let physics = DesignCondition(design: tiny.design.withPlantModules(n).withChillerModules(m), site: tiny.site)
            // The row's share is at least the physics' and its capacity (chillers + credit) at most the physics'.
            #expect(problem.condition.liquidChillerShare >= physics.liquidChillerShare - 1e-12)
            let chillers = 0.3 + 0.1 * Double(m)
            #expect(problem.loops[0].chillerRowCapacityMW(plantModules: n, chillerModules: m) <= chillers + physics.chillerCreditMW! + 1e-9)
            // A dry cooler's rows are exact: share and credit are linear in the modules.
            if type == .dryCooler {
                #expect(problem.condition.liquidChillerShare.isApproximatelyEqual(to: physics.liquidChillerShare, relativeTolerance: 1e-9))
                #expect(problem.loops[0].chillerRowCapacityMW(plantModules: n, chillerModules: m)
                    .isApproximatelyEqual(to: chillers + physics.chillerCreditMW!, relativeTolerance: 1e-9))
            }
        } }
        if type == .coolingTower {
            // On a tower a chiller module's condenser takes cells: the credit falls with each one.
            #expect((problem.condition.chillerCreditMWPerChillerModule ?? 0) < 0)
        }
    }
}

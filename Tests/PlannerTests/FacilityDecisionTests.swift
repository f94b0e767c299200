import Foundation
import Testing
import Numerics
import PlantPhysics
@testable import Planner
import PlantModel
import Plans

/// Halls and feeds as decisions (README "Facility decisions"), on ``TinyInstance`` (GB200 at 0.1356 MW, 395,928 tokens/s,
/// $3M; GB300 at 0.1471 MW, 596,952 tokens/s, $4M; two quarters) under a capex budget that racks, halls and feeds share.
@Suite("Facility decisions against brute force")
struct FacilityDecisionTests {
    static let q1 = Quarter("2026Q1")!, q2 = Quarter("2026Q2")!

    /// Every plan of `hallCount` buildable halls of `positions` positions and 1 MW each, built (never unbuilt) from quarter
    /// index `firstHallQuarter`, with racks never removed, within the site's `siteMW` and the `budgetM` (USD millions) that
    /// the racks ($3M, $4M) and the halls (`hallCapexM` each) share: the most tokens/s summed over the two quarters and the
    /// halls and racks of the plans that reach it.
    static func bruteForce(hallCount: Int, positions: Int, hallCapexM: Double, budgetM: Double, siteMW: Double,
                           firstHallQuarter: Int) -> (tokens: Double, plans: [(halls: [Int], racks: [[Int]])]) {
        var best = 0.0, plans: [(halls: [Int], racks: [[Int]])] = []
        let most = hallCount * positions
        for h0 in 0...hallCount { for h1 in h0...hallCount where firstHallQuarter == 0 || h0 == 0 {
            let halls = [h0, h1]
            func fits(_ t: Int, _ a: Int, _ b: Int) -> Bool {
                let mw = Double(a) * TinyInstance.rackMW[0] + Double(b) * TinyInstance.rackMW[1]
                return a + b <= positions * halls[t] && mw <= Double(halls[t]) * 1.0 + 1e-9 && mw <= siteMW + 1e-9
            }
            for a0 in 0...most { for b0 in 0...most where fits(0, a0, b0) {
                for a1 in a0...most { for b1 in b0...most where fits(1, a1, b1) {
                    guard 3 * Double(a1) + 4 * Double(b1) + hallCapexM * Double(h1) <= budgetM + 1e-9 else { continue }
                    let tokens = Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(b0 + b1) * TinyInstance.rackTokens[1]
                    if tokens > best + 1e-6 { best = tokens; plans = [] }
                    if abs(tokens - best) <= 1e-6 { plans.append((halls, [[a0, b0], [a1, b1]])) }
                } }
            } }
        } }
        return (best, plans)
    }

    /// The tiny instance with one group of `count` halls of `positions` positions that the plan may build.
    static func buildableHalls(count: Int, positions: Int, capexUSD: Double, leadTimeQuarters: Int, budgetUSD: Double) throws -> TinyInstance {
        var tiny = try TinyInstance(positions: positions, hallMW: 1, siteMW: 1)
        tiny.design.halls[0].count = count
        tiny.design.halls[0].build = BuildOption(capexUSD: capexUSD, leadTimeQuarters: leadTimeQuarters, lifeYears: 20)
        tiny.design.budgetUSD = budgetUSD
        return tiny
    }

    /// The tiny instance on one given 0.3 MW feed run N+1 (nothing usable) with a second 0.3 MW feed to connect for $1M,
    /// under a $10M budget.
    static func feedToConnect() throws -> TinyInstance {
        var tiny = try TinyInstance(positions: 10, hallMW: 1, siteMW: 0.3)
        tiny.site.grid.redundancy = .nPlusOne
        tiny.site.grid.feeds.append(Feed(name: "g", capacityMW: 0.3, availableFrom: Self.q1,
                                         build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 30)))
        tiny.design.budgetUSD = 10e6
        return tiny
    }

    /// The messages `simulate --plan` would give for `plan` written as plan.json, against the tiny design (and the site).
    static func planFileIssues(_ plan: BuildPlan, _ tiny: TinyInstance, site: Site? = nil) throws -> [String] {
        try tiny.planFileIssues(plan, site: site).map(\.message)
    }

    /// Budgets, the tokens/s per quarter worked by hand and the halls the plan then has in service:
    /// - $15M: one hall ($2M) leaves $13M for its 2 positions, 2 × GB300 = 1,193,904 tokens/s; two halls ($4M) leave $11M,
    ///   GB200 + 2 × GB300 for 3 of the 4 positions = 1,589,832 tokens/s: both halls are built in 2026Q1.
    /// - $13M: two halls leave $9M, at most 3 × GB200 = 1,187,784 or 2 × GB300 = 1,193,904 tokens/s, no better than one
    ///   hall: the second would stand empty (max-tokens does not price it) and is not built.
    static let budgets: [(budgetUSD: Double, tokensPerSecond: Double, halls: Int)] = [(15e6, 1_589_832, 2), (13e6, 1_193_904, 1)]

    @Test("Building halls: max-tokens under a budget the halls share matches enumeration; an empty hall is not built",
          arguments: budgets.indices)
    func hallsUnderBudget(case i: Int) throws {
        let (budget, tokens, halls) = Self.budgets[i]
        let tiny = try Self.buildableHalls(count: 2, positions: 2, capexUSD: 2e6, leadTimeQuarters: 0, budgetUSD: budget)
        let brute = Self.bruteForce(hallCount: 2, positions: 2, hallCapexM: 2, budgetM: budget / 1e6, siteMW: 1, firstHallQuarter: 0)
        #expect(brute.tokens.isApproximatelyEqual(to: 2 * tokens, relativeTolerance: 1e-9))
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.facilityBuilds == [FacilityBuild(quarter: Self.q1, kind: .hall, name: "h", new: halls, inService: halls),
                                        FacilityBuild(quarter: Self.q2, kind: .hall, name: "h", new: 0, inService: halls)])
        // The halls' capex counts against the budget beside the racks'.
        #expect(plan.purchases?.filter { $0.item == "halls h" }.compactMap(\.capexUSD).reduce(0, +) == Double(halls) * 2e6)
    }

    /// Two halls to build at $40M each under a $10M budget: a GB200 rack ($3M) or a GB300 rack ($4M) alone is within it,
    /// but stands in no hall until one is built, so each needs $43M and $44M; no rack, and the diagnosis says so.
    @Test("No rack under a budget: a unit that stands only in a hall to build needs the hall's capex too")
    func budgetCountsHallToBuild() throws {
        let tiny = try Self.buildableHalls(count: 2, positions: 10, capexUSD: 40e6, leadTimeQuarters: 0, budgetUSD: 10e6)
        do {
            _ = try tiny.plan()
            Issue.record("expected no rack")
        } catch PlanError.noRacks(let d) {
            let budget = d.blockers.filter { $0.family == .budget }
            #expect(budget.map(\.profile) == ["gb200-nvl72", "gb300-nvl72"] && budget.allSatisfy { $0.hallToBuild == "h" && $0.powerBlocksToBuild == nil && $0.capacity == 10e6 })
            #expect(budget.map(\.needed) == [43e6, 44e6])
        }
    }

    @Test("A hall's lead time keeps it, and its racks, out of the first quarter; its capex is spent while it is built")
    func leadTime() throws {
        let tiny = try Self.buildableHalls(count: 2, positions: 2, capexUSD: 2e6, leadTimeQuarters: 1, budgetUSD: 15e6)
        let brute = Self.bruteForce(hallCount: 2, positions: 2, hallCapexM: 2, budgetM: 15, siteMW: 1, firstHallQuarter: 1)
        // By hand: as in the budget case, but only in 2026Q2: 1,589,832 tokens/s for one quarter.
        #expect(brute.tokens.isApproximatelyEqual(to: 1_589_832, relativeTolerance: 1e-9))
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.facilityBuilds == [FacilityBuild(quarter: Self.q2, kind: .hall, name: "h", new: 2, inService: 2)])
        // Two halls entering service in 2026Q2 after one quarter of building: their $4M is spent in 2026Q1.
        #expect(plan.cashflow?.map(\.facilityCapexUSD) == [4e6, 0])
    }

    @Test("The twin's facility is the plan's as built: halls from the quarter they enter service, feeds not connected gone")
    func asBuilt() throws {
        var tiny = try Self.buildableHalls(count: 2, positions: 2, capexUSD: 2e6, leadTimeQuarters: 1, budgetUSD: 15e6)
        tiny.site.grid.feeds.append(Feed(name: "spare", capacityMW: 5, availableFrom: Self.q1, build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0)))
        let plan = try tiny.plan().plan
        // The spare feed adds nothing the plan can use (the halls' 2 MW and the budget bind first): not connected.
        #expect(tiny.site.asBuilt(plan.facilityBuilds).grid.feeds.map(\.name) == ["f"])
        let design = tiny.design.asBuilt(plan.facilityBuilds)
        #expect(design.halls.map(\.name) == ["h-1", "h-2"])
        #expect(design.halls.map(\.availableFrom) == [Self.q2, Self.q2])
        // Each built hall costs $2M annualized over its 20 years at the design's rate: r / (1 − (1 + r)^−20) a year.
        let r = tiny.design.economics.discountRate
        let perHall = 2e6 * (r > 0 ? r / (1 - pow(1 + r, -20)) : 1.0 / 20)
        let fleet = InstalledFleet.quarters(of: plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(fleet[0].facilityCapitalUSDPerYear == 0)
        #expect(fleet[1].facilityCapitalUSDPerYear.isApproximatelyEqual(to: 2 * perHall, relativeTolerance: 1e-9))
        #expect(fleet[1].halls.map(\.hall) == ["h-1", "h-2"])
    }

    @Test("A plan.json whose racks stand in halls its facilityBuilds does not build (yet) is refused against the design")
    func planFileChecksBuilds() throws {
        let tiny = try Self.buildableHalls(count: 2, positions: 2, capexUSD: 2e6, leadTimeQuarters: 0, budgetUSD: 15e6)
        var plan = try tiny.plan().plan
        plan.inputs.design = tiny.design.name
        func issues(_ plan: BuildPlan) throws -> [String] { try Self.planFileIssues(plan, tiny) }
        #expect(try issues(plan) == [])
        let builds = plan.facilityBuilds
        plan.facilityBuilds = nil
        // Each hall holding racks is named, once.
        let unbuilt = try issues(plan).filter { $0.contains("holds racks but facilityBuilds does not build it") }
        #expect(unbuilt.count == 2 && unbuilt[0].contains("'h-1'") && unbuilt[1].contains("'h-2'"), "\(unbuilt)")
        // Built a quarter later than the racks stand in it.
        plan.facilityBuilds = builds.map { _ in [FacilityBuild(quarter: Self.q2, kind: .hall, name: "h", new: 2, inService: 2)] }
        #expect(try issues(plan).contains { $0.contains("holds racks in 2026Q1, before facilityBuilds builds it (2026Q2)") })
        // Lines that are not the design's options, or do not add up.
        plan.facilityBuilds = [FacilityBuild(quarter: Self.q1, kind: .hall, name: "nope", new: 1, inService: 1),
                               FacilityBuild(quarter: Self.q1, kind: .hall, name: "h", new: 2, inService: 3),
                               FacilityBuild(quarter: Self.q2, kind: .hall, name: "h", new: 1, inService: 3),
                               FacilityBuild(quarter: Self.q1, kind: .plantModule, name: "heatRejection", new: 1, inService: 1)]
        let found = try issues(plan)
        #expect(found.contains { $0.hasPrefix("'nope' is no hall with a build option in the design") })
        #expect(found.contains { $0.hasPrefix("3 is not the 0 in service before and 2 new") })
        #expect(found.contains { $0.hasPrefix("3 is more than the 2 the inputs allow") })
        #expect(found.contains { $0.hasPrefix("'heatRejection' is no plantModule with a build option") })
    }

    @Test("Against the site, a plan.json whose feeds cannot carry its facility MW is refused")
    func planFileChecksFeeds() throws {
        let tiny = try Self.feedToConnect()
        var plan = try tiny.plan().plan
        plan.inputs.design = tiny.design.name
        func issues(_ plan: BuildPlan) throws -> [String] { try Self.planFileIssues(plan, tiny, site: tiny.site) }
        #expect(try issues(plan) == [])
        // Without the feed it connects, one given 0.3 MW feed under N+1 leaves nothing usable for the plan's 0.2942 MW.
        plan.facilityBuilds = nil
        #expect(try issues(plan).contains { $0.hasPrefix("0.2942 MW is more than the 0.0 MW usable from the feeds given and those facilityBuilds connects by 2026Q1") })
    }

    @Test("Single halls of one group are built in order, and racks stand only in built halls")
    func singlesInOrder() throws {
        // Existing racks are not allowed in buildable halls, so split the group by planning it hall by hall.
        var tiny = try Self.buildableHalls(count: 3, positions: 2, capexUSD: 2e6, leadTimeQuarters: 0, budgetUSD: 13e6)
        tiny.design.halls = tiny.design.halls[0].singles.map { var hall = $0; hall.build = tiny.design.halls[0].build; return hall }
        let plan = try tiny.plan().plan
        let brute = Self.bruteForce(hallCount: 3, positions: 2, hallCapexM: 2, budgetM: 13, siteMW: 1, firstHallQuarter: 0)
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        // Three single halls named h-1, h-2, h-3 each carry their own build option; the racks stand in the built ones.
        let built = Set((plan.facilityBuilds ?? []).filter { $0.inService > 0 }.map(\.name))
        #expect(Set(plan.racks.map(\.hall)).isSubset(of: built))
    }

    @Test("Connecting a feed under N+1: without it no MW is usable; it is built when its capex buys tokens")
    func feedUnderNPlusOne() throws {
        // By hand: one given 0.3 MW feed under N+1 leaves 0 MW usable. Connecting a second 0.3 MW feed ($1M) makes
        // 0.6 − 0.3 = 0.3 MW usable: at most two racks (2 × GB300 = 0.2942 MW; three GB200 need 0.4068 MW). With $10M,
        // $1M feed + 2 × GB300 ($8M) = 1,193,904 tokens/s in both quarters.
        var tiny = try Self.feedToConnect()
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 2 * 1_193_904 * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.facilityBuilds == [FacilityBuild(quarter: Self.q1, kind: .feed, name: "g", new: 1, inService: 1),
                                        FacilityBuild(quarter: Self.q2, kind: .feed, name: "g", new: 0, inService: 1)])
        #expect(plan.quarters.map(\.usableGridMW) == [0.3, 0.3])
        #expect(plan.billOfMaterials.map(\.feedsInService) == [["f", "g"], ["f", "g"]])
        // With the feed a year away (lead time 4 quarters > the horizon), no rack can be powered: the plan says so.
        tiny.site.grid.feeds[1].build?.leadTimeQuarters = 4
        #expect(throws: PlanError.self) { try tiny.plan() }
    }

    @Test("A built hall's annual cost enters each quarter's cost per million tokens served")
    func hallCostPerToken() throws {
        // The same plan with the hall given and with the hall built (no facility capex per MW in either): each quarter's
        // cost differs by the hall's annual cost / 4, so its cost per million tokens by that over the million tokens served.
        var given = try TinyInstance(positions: 4, hallMW: 1, siteMW: 1)
        given.design.economics.facilityCapexUSDPerMW = nil
        given.design.economics.facilityLifeYears = nil
        var built = given
        built.design.halls[0].build = BuildOption(capexUSD: 40e6, leadTimeQuarters: 0, fixedOpexUSDPerYear: 1e6, lifeYears: 20)
        let a = try given.plan().plan, b = try built.plan().plan
        #expect(a.quarters.map(\.racks) == b.quarters.map(\.racks))
        let r = built.design.economics.discountRate
        // Capital recovery r / (1 − (1 + r)^−20), the annuity formula written out here.
        let annual = 40e6 * (r > 0 ? r / (1 - pow(1 + r, -20)) : 1.0 / 20) + 1e6
        for (x, y) in zip(a.quarters, b.quarters) {
            let servedMillions = x.tokensPerSecond * x.utilization! * TimeBase.secondsPerQuarter / 1e6
            let expected = x.costPerMillionTokensUSD! + annual / 4 / servedMillions
            #expect(y.costPerMillionTokensUSD!.isApproximatelyEqual(to: expected, relativeTolerance: 1e-5))
        }
        // The cash flow's opex carries the hall's $1M a year, a quarter of it each quarter.
        for (x, y) in zip(a.cashflow!, b.cashflow!) { #expect((y.opexUSD - x.opexUSD).isApproximatelyEqual(to: 250_000, relativeTolerance: 1e-9)) }
    }

    @Test("Plant modules: max-tokens under a budget matches enumeration; each module adds the plant's share of heat")
    func plantModules() throws {
        // A plant sized so that it takes 0.3 MW at the design condition, and two modules of the same rating, $1M each, under a
        // $14M budget: two racks' heat fits the plant (2 × GB300 ≈ 0.28 MW), a third needs a module ($12M + $1M).
        var tiny = try TinyInstance(positions: 10, hallMW: 10, siteMW: 10)
        let probe = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let rating = 0.3 * tiny.design.heatRejection.ratedCapacityMW / probe.condition.rejectionCapacityMW
        tiny.design.heatRejection.ratedCapacityMW = rating
        tiny.design.heatRejection.modules = PlantModules(ratedCapacityMW: rating, count: 2,
                                                         build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 20))
        tiny.design.budgetUSD = 14e6
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let plant = problem.condition.rejectionCapacityMW
        #expect(plant.isApproximatelyEqual(to: 0.3, relativeTolerance: 1e-6))
        #expect(problem.loops[0].plantModuleBuild?.rejectionMWPerModule.isApproximatelyEqual(to: plant, relativeTolerance: 1e-9) == true)
        let heat = ["gb200-nvl72", "gb300-nvl72"].map { problem.coefficients[$0]!.rejectedMW }
        // Every plan: modules n0 ≤ n1, racks never removed, heat ≤ plant × (1 + modules), $3M, $4M a rack and $1M a module
        // within $14M.
        var best = 0.0, modules: Set<[Int]> = []
        for n0 in 0...2 { for n1 in n0...2 {
            func fits(_ n: Int, _ a: Int, _ b: Int) -> Bool {
                a + b <= 10 && Double(a) * heat[0] + Double(b) * heat[1] <= plant * Double(1 + n) + 1e-9
            }
            for a0 in 0...10 { for b0 in 0...10 where fits(n0, a0, b0) { for a1 in a0...10 { for b1 in b0...10 where fits(n1, a1, b1) {
                guard 3 * a1 + 4 * b1 + n1 <= 14 else { continue }
                let tokens = Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(b0 + b1) * TinyInstance.rackTokens[1]
                if tokens > best + 1e-6 { best = tokens; modules = [] }
                if abs(tokens - best) <= 1e-6 { modules.insert([n0, n1]) }
            } } } }
        } }
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: best * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        let built = [Self.q1, Self.q2].map { tiny.design.loopPlantModules(in: $0, plan.facilityBuilds)[0] }
        #expect(modules.contains(built), "\(built) not among \(modules.sorted { $0.lexicographicallyPrecedes($1) })")
        #expect(built.last! > 0)
        // The twin's plant in a quarter is the plant with the modules then in service.
        let fleet = InstalledFleet.quarters(of: plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(fleet.map { $0.plantModules[0] } == built)
        #expect(tiny.design.withPlantModules(built.last!).heatRejection.ratedCapacityMW == rating * Double(1 + built.last!))
    }

    @Test("A feed's cost per year: capex annualized over its life plus fixed opex")
    func feedCost() throws {
        // Capital recovery at 8 % over 25 years: 0.08 / (1 − 1.08^−25) = 0.0936788 (standard annuity table); $50M × that
        // + $0.5M opex = $5,183,940 a year.
        var economics = Economics(depreciationYears: 5, discountRate: 0.08, facilityOpexUSDPerMWYear: 0)
        economics.facilityLifeYears = 30
        let option = BuildOption(capexUSD: 50e6, leadTimeQuarters: 0, fixedOpexUSDPerYear: 0.5e6, lifeYears: 25)
        #expect(economics.annualCostUSD(option).isApproximatelyEqual(to: 5_183_940, relativeTolerance: 1e-5))
    }

    @Test("Inputs the plan cannot use are named under Excluded: a feed to connect after the horizon, existing racks past their life")
    func unusedInputs() throws {
        var tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 5)
        // A feed connectable from 2027Q1 (the horizon ends in 2026Q2); one with a lead time of 2 quarters from 2026Q1 (2026Q3).
        tiny.site.grid.feeds.append(Feed(name: "late", capacityMW: 5, availableFrom: Quarter("2027Q1")!, build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0)))
        tiny.site.grid.feeds.append(Feed(name: "slow", capacityMW: 5, availableFrom: Self.q1, build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 2)))
        tiny.site.grid.feeds.append(Feed(name: "soon", capacityMW: 5, availableFrom: Self.q2, build: BuildOption(capexUSD: 1e6, leadTimeQuarters: 0)))
        // A 1-year life: racks installed 2024Q4 leave in 2025Q4, before 2026Q1; racks of 2025Q2 are in service until 2026Q2.
        tiny.design.economics.rackLifeYears = 1
        tiny.design.existingRacks = [ExistingRacks(hall: "h", profile: "gb200-nvl72", racks: 2, installedQuarter: Quarter("2024Q4")!),
                                     ExistingRacks(hall: "h", profile: "gb200-nvl72", racks: 1, installedQuarter: Quarter("2025Q2")!)]
        let notes = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog).exclusions.filter { !$0.contains(" not in ") }
        #expect(notes == [
            "existingRacks[0]: 2 × gb200-nvl72 in h are out of life from 2025Q4 (installed 2024Q4, economics.rackLifeYears 1), by the "
                + "horizon's first quarter: retired in 2026Q1 without serving",
            "feed late not connected: its earliest service (2027Q1) is after the horizon ends (2026Q2)",
            "feed slow not connected: its earliest service (2026Q3) is after the horizon ends (2026Q2)",
        ])
    }
}

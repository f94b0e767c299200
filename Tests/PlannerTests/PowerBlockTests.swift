import Foundation
import Testing
import Numerics
import PlantPhysics
@testable import Planner
import PlantModel
import Plans

/// Power blocks per hall as decisions (README "Facility decisions"), on ``TinyInstance`` (GB200 at 0.1356 MW, 395,928
/// tokens/s, $3M; GB300 at 0.1471 MW, 596,952 tokens/s, $4M; two quarters; redundancy N, so a hall's usable MW is its
/// installed MW): one hall of 4 positions with 0.15 MW of its own and up to 3 blocks of 0.15 MW at $1M each.
@Suite("Power blocks against brute force")
struct PowerBlockTests {
    static let q1 = Quarter("2026Q1")!, q2 = Quarter("2026Q2")!

    /// The tiny instance with one hall of 4 positions, 0.15 MW of its own and up to `perHall` blocks of 0.15 MW ($1M each,
    /// `leadTimeQuarters`, 20 years), no facility capex per MW (so the blocks are the facility's only cost), under `budgetUSD`.
    static func blocks(perHall: Int = 3, leadTimeQuarters: Int = 0, budgetUSD: Double?, count: Int = 1, positions: Int = 4) throws -> TinyInstance {
        var tiny = try TinyInstance(positions: positions, hallMW: 0.15, siteMW: 10)
        tiny.design.halls[0].count = count
        tiny.design.halls[0].powerBlocks = PowerBlocks(capacityMW: 0.15, perHall: perHall,
                                                       build: BuildOption(capexUSD: 1e6, leadTimeQuarters: leadTimeQuarters, lifeYears: 20))
        tiny.design.economics.facilityCapexUSDPerMW = nil
        tiny.design.budgetUSD = budgetUSD
        return tiny
    }

    /// Every plan of the one hall (blocks b0 ≤ b1 ≤ 3, none in the first quarter before `firstBlockQuarter`, racks never
    /// removed) within 4 positions, 0.15 MW × (1 + blocks) and the budget racks ($3M, $4M) and blocks ($1M) share: the most
    /// tokens/s summed over the two quarters and the blocks in service in each quarter of the plans that reach it.
    static func bruteForce(budgetM: Double, firstBlockQuarter: Int) -> (tokens: Double, blocks: Set<[Int]>) {
        var best = 0.0, blocks: Set<[Int]> = []
        for b0 in 0...3 { for b1 in b0...3 where firstBlockQuarter == 0 || b0 == 0 {
            let mw = [0.15 * Double(1 + b0), 0.15 * Double(1 + b1)]
            func fits(_ t: Int, _ a: Int, _ c: Int) -> Bool {
                a + c <= 4 && Double(a) * TinyInstance.rackMW[0] + Double(c) * TinyInstance.rackMW[1] <= mw[t] + 1e-9
            }
            for a0 in 0...4 { for c0 in 0...4 where fits(0, a0, c0) { for a1 in a0...4 { for c1 in c0...4 where fits(1, a1, c1) {
                guard 3 * Double(a1) + 4 * Double(c1) + Double(b1) <= budgetM + 1e-9 else { continue }
                let tokens = Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(c0 + c1) * TinyInstance.rackTokens[1]
                if tokens > best + 1e-6 { best = tokens; blocks = [] }
                if abs(tokens - best) <= 1e-6 { blocks.insert([b0, b1]) }
            } } } }
        } }
        return (best, blocks)
    }

    /// Budgets worked by hand (4 positions; blocks needed = ⌈(rack MW − 0.15) / 0.15⌉):
    /// - $15M: 3 × GB300 = 0.4413 MW needs 2 blocks, $12M + $2M = $14M: 1,790,856 tokens/s. Four racks need 3 blocks and
    ///   cost ≥ $12M + $3M with 4 × GB200 (1,583,712 tokens/s, less); any four with a GB300 is over $15M.
    /// - $10M: 2 × GB300 = 0.2942 MW needs 1 block, $9M: 1,193,904 tokens/s; a third rack needs a second block and
    ///   ≥ $3M more (GB300 + GB200 + 1 block = $8M gives 992,880; 3 × GB200 + 2 blocks = $11M is over).
    static let budgets: [(budgetUSD: Double, tokensPerSecond: Double, blocks: Int)] = [(15e6, 1_790_856, 2), (10e6, 1_193_904, 1)]

    /// GB300 alone in units of 2 racks (0.2942 MW, $8M) in the hall's own 0.15 MW: one unit needs ⌈(0.2942 − 0.15) / 0.15⌉ = 1
    /// block ($1M), $9M in all, so an $8.5M budget (enough for the racks alone) buys none, and the diagnosis counts the block.
    @Test("No rack under a budget: a unit whose power needs a block to build needs the block's capex too")
    func budgetCountsPowerBlocks() throws {
        var tiny = try Self.blocks(budgetUSD: 8.5e6)
        tiny.design.profiles = ["gb300-nvl72"]
        tiny.design.scalableUnits = ["gb300-nvl72": 2]
        do {
            _ = try tiny.plan()
            Issue.record("expected no rack")
        } catch PlanError.noRacks(let d) {
            let budget = try #require(d.blockers.first { $0.family == .budget })
            #expect(budget.needed == 9e6 && budget.powerBlocksToBuild == 1 && budget.hallToBuild == nil && budget.capacity == 8.5e6)
        }
    }

    @Test("Blocks are built when racks need the power: max-tokens under a budget matches enumeration of every block count",
          arguments: budgets.indices)
    func blocksUnderBudget(case i: Int) throws {
        let (budget, tokens, blocks) = Self.budgets[i]
        let tiny = try Self.blocks(budgetUSD: budget)
        let brute = Self.bruteForce(budgetM: budget / 1e6, firstBlockQuarter: 0)
        #expect(brute.tokens.isApproximatelyEqual(to: 2 * tokens, relativeTolerance: 1e-9))
        // Among the best plans, the fewest blocks in service (a block beyond the racks' need only costs) are k in both quarters.
        #expect(brute.blocks.min { $0.reduce(0, +) < $1.reduce(0, +) } == [blocks, blocks])
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.facilityBuilds == [FacilityBuild(quarter: Self.q1, kind: .powerBlock, name: "h", new: blocks, inService: blocks),
                                        FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "h", new: 0, inService: blocks)])
        // bom.csv: the blocks as their own item with their capex, and the power path's MW with them.
        let bought = plan.purchases?.filter { $0.item == "power blocks h" } ?? []
        #expect(bought.map(\.inService) == [Double(blocks), Double(blocks)])
        #expect(bought.compactMap(\.capexUSD).reduce(0, +) == Double(blocks) * 1e6)
        #expect(plan.purchases?.filter { $0.item == "UPS and transformers" }.map(\.inService).allSatisfy {
            $0.isApproximatelyEqual(to: 0.15 * Double(1 + blocks), relativeTolerance: 1e-12)
        } == true)
    }

    @Test("Without a budget no block is built beyond what the racks need, and none without racks that need it")
    func noIdleBlock() throws {
        // Unlimited money: 4 × GB300 = 0.5884 MW needs ⌈(0.5884 − 0.15) / 0.15⌉ = 3 blocks, the most; with 2 positions,
        // 2 × GB300 = 0.2942 MW needs 1 of the 3 the hall could take (max-tokens carries a unit against each block in service).
        let full = try Self.blocks(budgetUSD: nil).plan().plan
        #expect(full.facilityBuilds?.last == FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "h", new: 0, inService: 3))
        #expect(full.quarters.map(\.tokensPerSecond) == [4 * 596_952, 4 * 596_952])
        let small = try Self.blocks(budgetUSD: nil, positions: 2).plan().plan
        #expect(small.facilityBuilds?.map(\.inService) == [1, 1])
    }

    @Test("min-capex counts the blocks' capex: the cheapest plan reaching the target, blocks included")
    func minCapex() throws {
        // Target 1,790,856 tokens/s in the last quarter. 3 × GB300 ($12M) need 2 blocks ($2M): $14M. Cheaper rack sets fall
        // short (4 × GB200 = 1,583,712 tokens/s; 2 × GB300 + GB200 = 1,589,832); the next that reaches it, 2 × GB300 + 2 × GB200
        // (1,985,760 tokens/s, 0.5654 MW, 3 blocks), costs $14M + $3M.
        let plan = try Self.blocks(budgetUSD: nil).plan(.minCapex, target: 1_790_856).plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 14e6, relativeTolerance: 1e-9))
        #expect(plan.facilityBuilds?.last?.inService == 2)
        #expect(plan.quarters.last?.tokensPerSecond == 1_790_856)
    }

    @Test("A block's lead time keeps it out of the first quarter; its capex is spent while it is built")
    func leadTime() throws {
        // One quarter of lead time: in 2026Q1 the hall has its own 0.15 MW, one GB300 (596,952 tokens/s); in 2026Q2 two
        // blocks carry 3 × GB300 (1,790,856 tokens/s), $12M + $2M within $15M.
        let tiny = try Self.blocks(leadTimeQuarters: 1, budgetUSD: 15e6)
        let brute = Self.bruteForce(budgetM: 15, firstBlockQuarter: 1)
        #expect(brute.tokens.isApproximatelyEqual(to: 596_952 + 1_790_856, relativeTolerance: 1e-9))
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.facilityBuilds == [FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "h", new: 2, inService: 2)])
        // Two blocks entering service in 2026Q2 after one quarter of building: their $2M is spent in 2026Q1.
        #expect(plan.cashflow?.map(\.facilityCapexUSD) == [2e6, 0])
    }

    @Test("A group of halls gets at most perHall blocks in each hall, placed where its racks need the power")
    func blocksPerHall() throws {
        // Two halls of 2 positions, 0.15 MW each and at most one 0.15 MW block each: 2 × GB300 (0.2942 MW) fit a hall with
        // its block, so 4 × GB300 = 2,387,808 tokens/s with one block in each hall (two in one hall are not allowed).
        let plan = try Self.blocks(perHall: 1, budgetUSD: nil, count: 2, positions: 2).plan().plan
        #expect(plan.quarters.map(\.tokensPerSecond) == [2_387_808, 2_387_808])
        #expect(plan.facilityBuilds?.filter { $0.quarter == Self.q2 } == [
            FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "h-1", new: 0, inService: 1),
            FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "h-2", new: 0, inService: 1)])
    }

    @Test("The as-built hall has its own MW and its blocks'; the twin's fleet and costs use them")
    func asBuilt() throws {
        let tiny = try Self.blocks(leadTimeQuarters: 1, budgetUSD: 15e6)
        let plan = try tiny.plan().plan
        let design = tiny.design.asBuilt(plan.facilityBuilds)
        // 0.15 MW of its own in 2026Q1, + 2 × 0.15 MW from 2026Q2.
        #expect(design.withPowerBlocks(in: Self.q1, plan.facilityBuilds).halls.map(\.installedCapacityMW) == [0.15])
        #expect(design.withPowerBlocks(in: Self.q2, plan.facilityBuilds).halls.map(\.installedCapacityMW)[0]
            .isApproximatelyEqual(to: 0.45, relativeTolerance: 1e-12))
        let fleet = InstalledFleet.quarters(of: plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(fleet.map(\.upsInstalledMW)[1].isApproximatelyEqual(to: 0.45, relativeTolerance: 1e-12))
        #expect(fleet[1].halls.map(\.powerCapacityMW)[0].isApproximatelyEqual(to: 0.45, relativeTolerance: 1e-12))
        // Each block's $1M annualized over 20 years at 8 %: 0.08 / (1 − 1.08^−20) = 0.1018522 (standard annuity table).
        #expect(fleet[0].facilityCapitalUSDPerYear == 0)
        #expect(fleet[1].facilityCapitalUSDPerYear.isApproximatelyEqual(to: 2 * 101_852.2, relativeTolerance: 1e-6))
    }

    @Test("A block's annual cost enters each quarter's cost per million tokens served")
    func blockCostPerToken() throws {
        // The same racks with the hall's 0.45 MW given and with 0.15 MW + 2 blocks built: each quarter's cost differs by two
        // blocks' annual cost / 4 = 2 × $101,852.2 / 4, over the million tokens served.
        var given = try Self.blocks(budgetUSD: 15e6)
        given.design.halls[0].powerBlocks = nil
        given.design.halls[0].installedCapacityMW = 0.45
        given.design.budgetUSD = 13e6
        let a = try given.plan().plan, b = try Self.blocks(budgetUSD: 15e6).plan().plan
        #expect(a.quarters.map(\.racks) == b.quarters.map(\.racks))
        for (x, y) in zip(a.quarters, b.quarters) {
            let servedMillions = x.tokensPerSecond * x.utilization! * TimeBase.secondsPerQuarter / 1e6
            let expected = x.costPerMillionTokensUSD! + 2 * 101_852.2 / 4 / servedMillions
            // Both figures are written to six decimals: within two half-units of the last.
            #expect(abs(y.costPerMillionTokensUSD! - expected) <= 1e-6)
        }
    }

    @Test("simulate --plan refuses power-block lines over perHall, in a hall not built, or before their earliest quarter")
    func planFileChecksBlocks() throws {
        var tiny = try Self.blocks(leadTimeQuarters: 1, budgetUSD: 15e6)
        var plan = try tiny.plan().plan
        plan.inputs.design = tiny.design.name
        func issues(_ plan: BuildPlan) throws -> [ValidationIssue] { try tiny.planFileIssues(plan) }
        #expect(try issues(plan) == [])
        plan.facilityBuilds = [FacilityBuild(quarter: Self.q1, kind: .powerBlock, name: "h", new: 1, inService: 1),
                               FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "h", new: 3, inService: 4),
                               FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "nope", new: 1, inService: 1)]
        let found = try issues(plan)
        #expect(found.contains { $0.path == "facilityBuilds[0].quarter" && $0.message.hasPrefix("2026Q1 is before the earliest quarter it can be in service (2026Q2)") })
        #expect(found.contains { $0.path == "facilityBuilds[1].inService" && $0.message.hasPrefix("4 is more than the 3 the inputs allow") })
        #expect(found.contains { $0.path == "facilityBuilds[2].name" && $0.message.hasPrefix("'nope' is no hall of a group with powerBlocks") })
        // The block lines removed: 3 × GB300 (0.4413 MW, $12M of the $15M) stand in 2026Q2 on the hall's own 0.15 MW.
        var unblocked = try tiny.plan().plan
        unblocked.inputs.design = tiny.design.name
        #expect(unblocked.racks.contains { $0.quarter == Self.q2 && $0.racksTotal == 3 })
        unblocked.facilityBuilds = []
        #expect(try issues(unblocked).contains { $0.path == "racks"
            && $0.message.hasPrefix("hall 'h' carries 0.4413 MW of racks in 2026Q2, more than the 0.15 MW usable with the 0 power blocks") })
        // A group the plan builds: a block in its second hall while facilityBuilds builds one hall.
        tiny.design.halls[0].count = 2
        tiny.design.halls[0].build = BuildOption(capexUSD: 1e6, leadTimeQuarters: 0, lifeYears: 20)
        plan.facilityBuilds = [FacilityBuild(quarter: Self.q2, kind: .hall, name: "h", new: 1, inService: 1),
                               FacilityBuild(quarter: Self.q2, kind: .powerBlock, name: "h-2", new: 1, inService: 1)]
        plan.racks = []
        for i in plan.quarters.indices { (plan.quarters[i].racks, plan.quarters[i].tokensPerSecond) = (0, 0) }
        #expect(try issues(plan).contains { $0.path == "facilityBuilds[1].name"
            && $0.message.hasPrefix("hall 'h-2' holds 1 power blocks in 2026Q2 but facilityBuilds does not build it") })
    }
}

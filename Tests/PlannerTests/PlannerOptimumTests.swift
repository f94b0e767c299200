import Foundation
import Testing
import PlantPhysics
import LinearProgramming
@testable import Planner
import PlantModel
import Numerics

@Suite("Planner optimum against brute force and glpsol")
struct PlannerOptimumTests {
    @Test("max-tokens matches enumeration; the best tokens-per-MW profile fills the site")
    func maxTokens() throws {
        let tiny = try TinyInstance()
        let best = tiny.enumerate().max { $0.tokens < $1.tokens }!
        let result = try tiny.plan()
        #expect(result.plan.objectiveValue.isApproximatelyEqual(to: best.tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        // GB300 has the most tokens/s per facility MW (596,952 / 0.1471 > 395,928 / 0.1356).
        #expect(result.plan.racks.allSatisfy { $0.profile == "gb300-nvl72" })
        #expect(result.plan.quarters.last?.racks == best.racks[1][0] + best.racks[1][1])
    }

    @Test("tokens-per-mw finds the exact best ratio over all plans")
    func tokensPerMW() throws {
        let tiny = try TinyInstance()
        let bestRatio = tiny.enumerate().filter { $0.facilityMW > 0 }.map { $0.tokens / $0.facilityMW }.max()!
        let result = try tiny.plan(.tokensPerMW)
        #expect(result.plan.objectiveValue.isApproximatelyEqual(to: bestRatio, relativeTolerance: 1e-6))
        #expect(result.plan.solver.solves >= 2)
    }

    @Test("min-capex reaches the target at the least capex found by enumeration")
    func minCapex() throws {
        let tiny = try TinyInstance()
        let target = 1_500_000.0
        let capex = [3_000_000.0, 4_000_000.0]
        let best = tiny.enumerate().filter { Double($0.racks[1][0]) * TinyInstance.rackTokens[0] + Double($0.racks[1][1]) * TinyInstance.rackTokens[1] >= target }
            .map { Double($0.racks[1][0]) * capex[0] + Double($0.racks[1][1]) * capex[1] }.min()!
        let result = try tiny.plan(.minCapex, target: target)
        #expect(result.plan.objectiveValue == best)
    }

    /// Units of 3 racks: one serves at most 3 × 596,952 = 1,790,856 tokens/s (GB300), so 5,000,000 tokens/s needs
    /// ⌈5,000,000 / 1,790,856⌉ = ⌈2.792⌉ = 3 units. Reaching it: 3 GB300 units (5,372,568 tokens/s) cost 3 × $12M = $36M;
    /// 2 GB300 + 1 GB200 unit serve 3,581,712 + 1,187,784 = 4,769,496, short; 2 + 2 serve 5,957,280 at $42M; 1 GB300 + 3
    /// GB200 serve 5,354,208 at $39M; 4 GB200 serve 4,751,136, short. So $36M, and the row `token_target_units` reads ≥ 3.
    @Test("min-capex: the target in whole units, Σ units bought ≥ ⌈target / the most one unit serves⌉, keeps the optimum")
    func minCapexWholeUnits() throws {
        var tiny = try TinyInstance(positions: 20, hallMW: 5, siteMW: 5)
        tiny.design.scalableUnits = ["gb200-nvl72": 3, "gb300-nvl72": 3]
        let result = try tiny.plan(.minCapex, target: 5_000_000)
        let row = try #require(result.model.constraints.first { $0.name == "token_target_units(2026Q2)" })
        #expect(row.lowerBound == 3 && row.upperBound == nil && row.terms.allSatisfy { $0.coefficient == 1 })
        #expect(row.terms.count == 4, "the build columns of both profiles in both quarters")
        #expect(result.plan.objectiveValue == 36_000_000)
        #expect(result.plan.quarters[1].racks == 9)
    }

    /// GB300 is the cheaper way to tokens ($4M for 596,952 tokens/s against GB200's $3M for 395,928) and 1,700,000 tokens/s
    /// take 3 of them ($12M; 1 GB300 + 3 GB200 serve 1,784,736 at $13M), but only 2 may be bought a quarter: at least one
    /// stands in the first quarter, and serves there, 596,952 tokens/s a rack (the target asks nothing of that quarter).
    @Test("min-capex: racks bought before the last quarter serve their tokens there")
    func minCapexServesEarlierQuarters() throws {
        var tiny = try TinyInstance(positions: 10, hallMW: 5, siteMW: 5)
        tiny.design.supplyCapRacksPerQuarter = ["gb300-nvl72": 2]
        let plan = try tiny.plan(.minCapex, target: 1_700_000).plan
        #expect(plan.objectiveValue == 12_000_000)
        let first = plan.quarters[0]
        #expect(first.racks >= 1 && plan.quarters[1].racks == 3)
        #expect(first.tokensPerSecond.isApproximatelyEqual(to: Double(first.racks) * 596_952, relativeTolerance: 1e-9))
    }

    @Test("The exported model solved by glpsol gives the planner's objective")
    func glpsolAgrees() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else {
            print("skipped: glpsol not installed (apt-get install glpk-utils)")
            return
        }
        let result = try TinyInstance().plan()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID().uuidString).lp").path
        let report = path + ".out"
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: report) }
        try result.model.write(to: path, format: .cplexLP)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = ["--lp", path, "-o", report]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try #require(Double(line.split(separator: "=")[1].split(separator: " ")[0]))
        // The model's objective is Σ over quarters of tokens/s; the plan reports tokens (× seconds per quarter).
        #expect((value * TimeBase.secondsPerQuarter).isApproximatelyEqual(to: result.plan.objectiveValue, relativeTolerance: 1e-6))
    }
}

@Suite("Planner heuristics and gaps")
struct PlannerGapTests {
    @Test("With a 0.1 % gap the ratio objectives land within 0.1 % of the brute-force optimum, under their bound")
    func ratioWithinGap() throws {
        let tiny = try TinyInstance()
        let plans = tiny.enumerate().filter { $0.facilityMW > 0 }
        let bestRatio = plans.map { $0.tokens / $0.facilityMW }.max()!
        let options = PlanOptions(objective: .tokensPerMW, relativeGap: 0.001)
        let result = try Planner.plan(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs, options: options)
        #expect(result.plan.objectiveValue >= bestRatio * (1 - 0.001))
        #expect(result.plan.objectiveValue <= bestRatio * (1 + 1e-9))
        #expect(try #require(result.plan.solver.bestBound) >= result.plan.objectiveValue)
    }

    /// The tiny instance of 7 positions, a 0.9 MW hall and a 0.95 MW site, its max-tokens formulation and LP relaxation, and
    /// a fresh solve deadline.
    static func relaxation() throws -> (TinyInstance, PlanningProblem, Formulation, Relaxation, SolveDeadline) {
        let tiny = try TinyInstance(positions: 7, hallMW: 0.9, siteMW: 0.95)
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        var f = Formulation(problem)
        f.model.objective = Formulation.sum(f.tokenTerms)
        let deadline = TimeBudget(PlanOptions()).solveDeadline()
        return (tiny, problem, f, Relaxation(f.model, deadline: deadline), deadline)
    }

    @Test("Relax-and-fix steps at a tenth of the search's gap, between 10⁻⁵ and 10⁻⁴")
    func stepGap() {
        #expect(Relaxation.stepGap(forSearchGap: 0.001).isApproximatelyEqual(to: 1e-4, relativeTolerance: 1e-12))
        #expect(Relaxation.stepGap(forSearchGap: 0.0002).isApproximatelyEqual(to: 2e-5, relativeTolerance: 1e-12))
        #expect(Relaxation.stepGap(forSearchGap: 0.05) == 1e-4)
        #expect(Relaxation.stepGap(forSearchGap: 0) == 1e-5)
    }

    @Test("Relax-and-fix returns an integral point that satisfies every row, between the rounded-down plan and the LP bound")
    func relaxAndFix() throws {
        let (tiny, _, f, lp, deadline) = try Self.relaxation()
        let point = try #require(lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: 0.001, absoluteGap: nil, deadline: deadline,
                                                        fallback: f.stepFallback, solveEnd: deadline))
        for (j, variable) in f.model.variables.enumerated() where variable.kind != .continuous {
            #expect(point[j] == point[j].rounded())
        }
        for row in f.model.constraints {
            let activity = Formulation.value(row.terms, point)
            #expect(activity <= (row.upperBound ?? .infinity) + 1e-6 && activity >= (row.lowerBound ?? -.infinity) - 1e-6, "\(row.name)")
        }
        // The brute-force optimum is what the point should reach on this small case; the LP bounds it.
        let best = tiny.enumerate().map(\.tokens).max()!
        let value = Formulation.value(f.model.objective, point)
        #expect(value.isApproximatelyEqual(to: best, relativeTolerance: 1e-6))
        let bound = try #require(lp.solution?.objectiveValue)
        #expect(value <= bound + 1e-6)
    }

    /// A 1.02 MW hall over two quarters: the relaxation buys 1.02 / 0.1471 = 6.934 GB300 racks in the first quarter (0.1471
    /// facility MW each); 6 leave 1.02 − 0.8826 = 0.1374 MW, room for one GB200 (0.1356 MW), which the optimum and the step's
    /// branch-and-bound buy. Rounded down, the first quarter serves 6 × 596,952 = 3,581,712 tokens/s and the second, still
    /// relaxed, 1.02 × 596,952 / 0.1471 = 4,139,300: 7,721,012 against the relaxation's 8,278,600, a loss of 557,588, 7.2 % of
    /// it. A step's share of a gap g over two quarters is √(1 + g) − 1: 41 % for g = 1, which takes that rounding (and the
    /// second quarter's, 0.934 of a rack, to 2 × 3,581,712 = 7,163,424); 4.9 % for g = 0.1, which does not (g itself, 10 %,
    /// would), nor does the 0.1 % gap.
    @Test("Relax-and-fix rounding first: a step within its share of the gap takes its quarter rounded down")
    func relaxAndFixRoundingFirst() throws {
        let tiny = try TinyInstance(positions: 10, hallMW: 1.02, siteMW: 1.2)
        var f = Formulation(PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog))
        f.model.objective = Formulation.sum(f.tokenTerms)
        let deadline = TimeBudget(PlanOptions()).solveDeadline()
        let lp = Relaxation(f.model, deadline: deadline)
        let relaxed = try #require(lp.solution?.values)
        func plan(gap: Double, roundingFirstRows: Int) -> [Double]? {
            lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: gap, absoluteGap: nil, deadline: deadline, fallback: f.stepFallback,
                           solveEnd: deadline, roundingFirstRows: roundingFirstRows)
        }
        #expect(f.buildColumnsByQuarter.count == 2)
        let gb200 = try #require(f.build.first { f.problem.profiles[f.problem.eligible[$0.key].profile].id == "gb200-nvl72" }?.value[0])
        let gb300 = try #require(f.build.first { f.problem.profiles[f.problem.eligible[$0.key].profile].id == "gb300-nvl72" }?.value[0])
        #expect(relaxed[gb300.index].isApproximatelyEqual(to: 1.02 / 0.1471, relativeTolerance: 1e-3))
        #expect(abs(relaxed[gb200.index]) < 1e-9)
        let bound = try #require(lp.solution?.objectiveValue)
        #expect(bound.isApproximatelyEqual(to: 8_278_600, relativeTolerance: 1e-3))
        let rounded = try #require(plan(gap: 1, roundingFirstRows: 0))
        #expect(rounded[gb300.index] == 6 && rounded[gb200.index] == 0)
        #expect(Formulation.value(f.model.objective, rounded).isApproximatelyEqual(to: 2 * 6 * TinyInstance.rackTokens[1], relativeTolerance: 1e-9))
        for row in f.model.constraints {
            let activity = Formulation.value(row.terms, rounded)
            #expect(activity <= (row.upperBound ?? .infinity) + 1e-6 && activity >= (row.lowerBound ?? -.infinity) - 1e-6, "\(row.name)")
        }
        #expect(Relaxation.roundingShare(ofSearchGap: 1, steps: 2).isApproximatelyEqual(to: 2.0.squareRoot() - 1, relativeTolerance: 1e-12))
        #expect(Relaxation.roundingShare(ofSearchGap: 0.1, steps: 2).isApproximatelyEqual(to: 1.1.squareRoot() - 1, relativeTolerance: 1e-12))
        for (gap, rows) in [(0.1, 0), (1, Int.max), (0.001, 0)] {
            let searched = try #require(plan(gap: gap, roundingFirstRows: rows))
            #expect(searched[gb300.index] == 6 && searched[gb200.index] == 1, "gap \(gap), rounding first from \(rows) rows")
        }
        let best = tiny.enumerate().map(\.tokens).max()!
        let tight = try #require(plan(gap: 0.001, roundingFirstRows: 0))
        #expect(Formulation.value(f.model.objective, tight).isApproximatelyEqual(to: best, relativeTolerance: 1e-6))
    }

    @Test("The relaxation solved beside the kept problem's LP, on another thread, is the one solved alone, and so is relax-and-fix's plan")
    func relaxationBesideKeptProblem() throws {
        let (tiny, _, f, alone, deadline) = try Self.relaxation()
        let beside = Relaxation(f.model, deadline: deadline, loadingKept: true)
        #expect(try #require(beside.solution) == alone.solution)
        func plan(_ lp: Relaxation) -> [Double]? {
            lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: 0.001, absoluteGap: nil, deadline: deadline, fallback: f.stepFallback,
                           solveEnd: deadline)
        }
        let point = try #require(plan(beside))
        #expect(point == plan(alone))
        // Both reach the brute-force optimum of this small case.
        let best = tiny.enumerate().map(\.tokens).max()!
        #expect(Formulation.value(f.model.objective, point).isApproximatelyEqual(to: best, relativeTolerance: 1e-6))
    }

    @Test("The pricing LP matches a fresh LP: built afresh before relax-and-fix, in the kept problem from its basis after")
    func pricingAfterRelaxAndFix() throws {
        let (_, _, f, lp, deadline) = try Self.relaxation()
        let point = try #require(lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: 0.001, absoluteGap: nil, deadline: deadline,
                                                fallback: f.stepFallback, solveEnd: deadline))
        // The first quarter's purchases fixed where relax-and-fix put them, every other column continuous.
        let fixed = try #require(f.buildColumnsByQuarter.first)
        var fresh = f.model
        for j in fresh.variables.indices { fresh.variables[j].kind = .continuous }
        for column in fixed {
            fresh.variables[column.index].lowerBound = point[column.index].rounded()
            fresh.variables[column.index].upperBound = point[column.index].rounded()
        }
        let expected = try #require(try fresh.solve().objectiveValue)
        // Before relax-and-fix nothing is loaded: the pricing LP is built afresh.
        let before = try #require(Self.relaxation().3.fixing(fixed, at: point)?.objectiveValue)
        #expect(before.isApproximatelyEqual(to: expected, relativeTolerance: 1e-9))
        let after = try #require(lp.fixing(fixed, at: point)?.objectiveValue)
        #expect(after.isApproximatelyEqual(to: expected, relativeTolerance: 1e-9))
        // With nothing fixed the kept model is the relaxation again.
        let none = try #require(lp.fixing([], at: point)?.objectiveValue)
        #expect(none.isApproximatelyEqual(to: try #require(lp.solution?.objectiveValue), relativeTolerance: 1e-9))
    }
}

@Suite("Relax-and-fix fallback")
struct StepFallbackTests {
    @Test("Rounding takes purchases down and facility counts up; holding keeps the quarter before, 0 in an item's first")
    func rules() {
        // Column 0 a purchase, 1 and 2 one item's facility counts in two quarters, 3 a retirement.
        let fallback = StepFallback(purchases: [VariableID(0)], retirements: [VariableID(3)], facility: [VariableID(1), VariableID(2)],
                                    previous: [VariableID(2): VariableID(1)])
        let point = [2.7, 1.3, 1.6, 0.2]
        let all = (0..<4).map(VariableID.init)
        let bounds: (VariableID) -> (lower: Double, upper: Double) = { _ in (0, 10) }
        let rounded = fallback.values(.rounding, of: all, at: point, bounds: bounds)
        #expect(rounded == [VariableID(0): 2, VariableID(1): 2, VariableID(2): 2, VariableID(3): 1])
        let held = fallback.values(.holding, of: all, at: point, bounds: bounds)
        #expect(held == [VariableID(0): 0, VariableID(1): 0, VariableID(2): 0, VariableID(3): 0])
        // Column 1 already fixed at 1 in an earlier quarter: the later quarter holds it.
        let later = fallback.values(.holding, of: [VariableID(2)], at: [0, 1, 1.6, 0], bounds: bounds)
        #expect(later == [VariableID(2): 1])
        // A hall count a hair over its bound of 2 (LP noise) stays 2; one past it by more is clamped to the bound.
        let noisy = fallback.values(.rounding, of: all, at: [0, 2 + 2e-9, 2.4, 0]) { _ in (0, 2) }
        #expect(noisy[VariableID(1)] == 2 && noisy[VariableID(2)] == 2)
        #expect(fallback.sharesTime)
    }

    @Test("Past its deadline relax-and-fix rounds every quarter's purchases down from the relaxation and completes the plan")
    func spentDeadline() throws {
        let (_, problem, f, lp, deadline) = try PlannerGapTests.relaxation()
        let relaxed = try #require(lp.solution?.values)
        let spent = SolveDeadline(end: ContinuousClock.now)
        let point = try #require(lp.relaxAndFix(f.buildColumnsByQuarter, searchGap: 0.001, absoluteGap: nil, deadline: spent,
                                                fallback: f.stepFallback, solveEnd: deadline))
        // Without a step, each quarter buys the relaxation's purchase rounded down, and the racks in service add them up.
        var purchasesRounded = 0.0
        for e in f.build.keys.sorted() {
            var racks = 0.0
            for t in f.build[e]!.keys.sorted() {
                let bought = relaxed[f.build[e]![t]!.index].rounded(.down)
                purchasesRounded += bought
                #expect(point[f.build[e]![t]!.index] == bought)
                racks += bought * Double(problem.design.unitRacks(problem.profiles[problem.eligible[e].profile].id))
                #expect(point[f.stock[e]![t]!.index].isApproximatelyEqual(to: racks, absoluteTolerance: 1e-9))
            }
        }
        #expect(purchasesRounded > 0, "the relaxation buys racks that rounding keeps")
        for row in f.model.constraints {
            let activity = Formulation.value(row.terms, point)
            #expect(activity <= (row.upperBound ?? .infinity) + 1e-6 && activity >= (row.lowerBound ?? -.infinity) - 1e-6, "\(row.name)")
        }
    }
}

@Suite("Pareto sweep")
struct ParetoTests {
    @Test("Each facility-MW point has the most tokens brute force finds under its limit; tokens rise along the frontier")
    func facilityFrontier() throws {
        let tiny = try TinyInstance()
        let frontier = try Planner.pareto(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs,
                                          options: PlanOptions(relativeGap: 0), axis: .facilityMW, points: 4)
        #expect(frontier.points.map(\.point) == [1, 2, 3, 4])
        let plans = tiny.enumerate()
        func quarterMW(_ racks: [Int]) -> Double { Double(racks[0]) * TinyInstance.rackMW[0] + Double(racks[1]) * TinyInstance.rackMW[1] }
        for point in frontier.points {
            let limit = point.limit ?? .infinity
            let best = plans.filter { $0.racks.allSatisfy { quarterMW($0) <= limit + 1e-9 } }.map(\.tokens).max()!
            #expect(point.tokens.isApproximatelyEqual(to: best * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6), "point \(point.point)")
            #expect(point.peakFacilityMW <= limit + 1e-6)
        }
        // The limits are i/N of the unconstrained plan's peak facility power.
        let top = frontier.points.last!.peakFacilityMW
        #expect(frontier.points[1].limit!.isApproximatelyEqual(to: top / 2, absoluteTolerance: 1e-9))
        #expect(zip(frontier.points, frontier.points.dropFirst()).allSatisfy { $0.tokens <= $1.tokens })
    }

    @Test("A capex point never spends more than its limit")
    func capexFrontier() throws {
        let tiny = try TinyInstance()
        let frontier = try Planner.pareto(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs,
                                          options: PlanOptions(relativeGap: 0), axis: .capex, points: 3)
        for point in frontier.points.dropLast() { #expect(point.capexUSD <= point.limit! + 1e-3) }
        #expect(frontier.points[0].tokens < frontier.points[2].tokens)
    }

    /// The tiny instance's hall to build for $5M (no lead time): the unconstrained plan builds it and stands 6 GB300 ($4M
    /// each), $29M as the `capex_limit` row counts it, so the first of two points is limited to $14.5M: the hall and $9.5M
    /// of racks, 2 GB300 ($8M, 1,193,904 tokens/s; 3 GB200 $9M, 1,187,784; 1 + 1 $7M, 992,880): $13M.
    @Test("A capex point counts what the plan builds, as its limit does (by hand)")
    func capexCountsWhatIsBuilt() throws {
        var tiny = try TinyInstance()
        tiny.design.halls[0].build = BuildOption(capexUSD: 5e6, leadTimeQuarters: 0, lifeYears: 20)
        let frontier = try Planner.pareto(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs,
                                          options: PlanOptions(relativeGap: 0), axis: .capex, points: 2)
        #expect(frontier.points[1].capexUSD == 29e6 && frontier.points[1].limit == nil)
        #expect(frontier.points[0].limit == 14.5e6 && frontier.points[0].capexUSD == 13e6)
        #expect(frontier.points[0].tokens.isApproximatelyEqual(to: 2 * 1_193_904 * TimeBase.secondsPerQuarter, relativeTolerance: 1e-9))
    }
}

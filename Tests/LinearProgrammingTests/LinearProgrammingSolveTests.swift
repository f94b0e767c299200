import Testing
@testable import LinearProgramming
import Numerics

@Suite("Solving LPs and MIPs")
struct LinearProgrammingSolveTests {
    @Test("Wyndor LP: optimum, primal values, duals and reduced costs match the hand calculation, primal and dual simplex")
    func wyndorLP() throws {
        let (model, x, y, z) = TestModels.wyndor()
        for (presolve, dual) in [(true, false), (false, false), (true, true), (false, true)] {
            let s = try model.solve(options: SolverOptions(presolve: presolve, dualSimplex: dual))
            #expect(s.status == .optimal)
            #expect(s.objectiveValue!.isApproximatelyEqual(to: 36, absoluteTolerance: 1e-9))
            #expect(s[x].isApproximatelyEqual(to: 2, absoluteTolerance: 1e-9) && s[y].isApproximatelyEqual(to: 6, absoluteTolerance: 1e-9)
                    && s[z].isApproximatelyEqual(to: 0, absoluteTolerance: 1e-9))
            let duals = try #require(s.rowDuals)
            #expect(duals[0].isApproximatelyEqual(to: 0, absoluteTolerance: 1e-9) && duals[1].isApproximatelyEqual(to: 1.5, absoluteTolerance: 1e-9)
                    && duals[2].isApproximatelyEqual(to: 1, absoluteTolerance: 1e-9))
            let reduced = try #require(s.reducedCosts)
            #expect(reduced[0].isApproximatelyEqual(to: 0, absoluteTolerance: 1e-9) && reduced[1].isApproximatelyEqual(to: 0, absoluteTolerance: 1e-9)
                    && reduced[2].isApproximatelyEqual(to: -2, absoluteTolerance: 1e-9))
            #expect(s.rowActivities.count == 3
                    && zip(s.rowActivities, [2, 12, 18]).allSatisfy { $0.isApproximatelyEqual(to: $1, absoluteTolerance: 5e-10) })
        }
    }

    /// Every point of {0..3}³, checked against the rows by hand-written arithmetic.
    static func bruteForceOptimum() -> Double {
        var best = -Double.infinity
        for a in 0...3 { for b in 0...3 { for c in 0...3 {
            let v = [Double(a), Double(b), Double(c)]
            let fits = TestModels.mipRows.allSatisfy { row in zip(row.0, v).map(*).reduce(0, +) <= row.1 }
            if fits { best = max(best, zip(TestModels.mipObjective, v).map(*).reduce(0, +)) }
        } } }
        return best
    }

    @Test("Small MIP matches brute-force enumeration; its LP relaxation bounds it from above")
    func smallMIP() throws {
        let expected = Self.bruteForceOptimum()
        for presolve in [true, false] {
            let mip = try TestModels.smallMIP().solve(options: SolverOptions(presolve: presolve))
            #expect(mip.status == .optimal)
            #expect(mip.objectiveValue!.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-9))
            #expect(mip.relativeGap! < 1e-12)
            for (i, row) in TestModels.mipRows.enumerated() {
                #expect(zip(row.0, mip.values).map(*).reduce(0, +) <= row.1 + 1e-9, "row \(i)")
            }
        }
        let relaxation = try TestModels.smallMIP(kind: .continuous).solve()
        #expect(relaxation.objectiveValue! >= expected - 1e-9)
    }

    @Test("Infeasible models are reported as infeasible, LP and MIP, presolve on and off",
          arguments: [VariableKind.continuous, .integer], [true, false])
    func infeasible(kind: VariableKind, presolve: Bool) throws {
        let s = try TestModels.infeasible(kind: kind).solve(options: SolverOptions(presolve: presolve))
        #expect(s.status == .infeasible)
        #expect(s.objectiveValue == nil && s.values.isEmpty)
    }

    @Test("Unbounded models are reported as unbounded, LP and MIP, presolve on and off",
          arguments: [VariableKind.continuous, .integer], [true, false])
    func unbounded(kind: VariableKind, presolve: Bool) throws {
        let s = try TestModels.unbounded(kind: kind).solve(options: SolverOptions(presolve: presolve))
        #expect(s.status == .unbounded)
    }

    @Test("A MIP stopped by its time limit returns its incumbent as feasible, with its gap")
    func timeLimit() throws {
        let (model, start) = TestModels.marketSplit()
        let s = try model.solve(options: SolverOptions(timeLimitSeconds: 0.5, presolve: false, initialSolution: start))
        #expect(s.status == .feasible)
        let objective = try #require(s.objectiveValue)
        let startObjective = model.objective.reduce(0) { $0 + $1.coefficient * start[$1.variable.index] }
        #expect(objective <= startObjective + 1e-9)
        #expect(objective > 0)
        #expect(try #require(s.relativeGap) > 0)
        #expect(try #require(s.bestBound) <= objective)
        for (i, row) in model.constraints.enumerated() {
            let activity = row.terms.reduce(0) { $0 + $1.coefficient * s.values[$1.variable.index] }
            #expect(activity.isApproximatelyEqual(to: row.lowerBound!, absoluteTolerance: 1e-6), "row \(i)")
        }
    }

    @Test("A MIP stopped by its gap tolerance reports a gap within the tolerance")
    func gapStop() throws {
        let (model, start) = TestModels.marketSplit(rows: 2, columns: 20, seed: 3)
        let s = try model.solve(options: SolverOptions(relativeGap: 2, presolve: false, initialSolution: start))
        #expect(s.status == .feasible || s.status == .optimal)
        #expect(try #require(s.relativeGap) <= 2)
    }

    @Test("A MIP stops once bound and incumbent are within the absolute gap, and not before")
    func absoluteGapStop() throws {
        let (model, start) = TestModels.marketSplit()
        let startObjective = model.objective.reduce(0) { $0 + $1.coefficient * start[$1.variable.index] }
        let loose = try model.solve(options: SolverOptions(absoluteGap: startObjective, presolve: false, initialSolution: start))
        #expect(loose.status == .feasible)
        #expect(try #require(loose.objectiveValue) - #require(loose.bestBound) <= startObjective)
        // A zero absolute gap never stops early: the small MIP still reaches its brute-force optimum.
        let exact = try TestModels.smallMIP().solve(options: SolverOptions(absoluteGap: 0))
        #expect(exact.status == .optimal)
        #expect(try #require(exact.objectiveValue).isApproximatelyEqual(to: Self.bruteForceOptimum(), absoluteTolerance: 1e-9))
    }

    /// max 10a + 7b + 5c, 5a + 4b + 3c ≤ 7, binary: the relaxation takes a and half of b (13.5); the optimum is b + c (12);
    /// a alone is worth 10.
    static func knapsack() -> Model {
        var model = Model(name: "knapsack", sense: .maximize)
        let items = [(10.0, 5.0), (7, 4), (5, 3)].enumerated().map { j, item in
            (model.addVariable("item(\(j))", kind: .binary, upperBound: 1, objective: item.0), item.1)
        }
        model.addConstraint("capacity", items.map { Term($0.0, $0.1) }, upperBound: 7)
        return model
    }

    @Test("A MIP stops at the first point as good as its objective target: a alone (10), where the optimum is 12")
    func objectiveTarget() throws {
        let start = [1.0, 0, 0]
        let stopped = try Self.knapsack().solve(options: SolverOptions(presolve: false, initialSolution: start, objectiveTarget: 10))
        #expect(stopped.status == .feasible)
        #expect(stopped.objectiveValue == 10)
        #expect(try #require(stopped.bestBound) >= 12)
        let full = try Self.knapsack().solve(options: SolverOptions(presolve: false, initialSolution: start, objectiveTarget: 12.5))
        #expect(full.status == .optimal)
        #expect(full.objectiveValue.map { $0.isApproximatelyEqual(to: 12, relativeTolerance: 1e-12) } == true)
    }

    /// min 10a + 7b + 5c, 5a + 4b + 3c ≥ 8, binary: the relaxation takes c, b and a fifth of a (14); the covers are a + c
    /// (15), a + b (17) and all three (22), so the optimum is 15.
    @Test("Minimizing, the target's side is the other: from a + b (17), a target of 14.5 is never reached and the search ends at a + c (15)")
    func objectiveTargetMinimizing() throws {
        var model = Self.knapsack()
        model.sense = .minimize
        model.constraints[0].lowerBound = 8
        model.constraints[0].upperBound = nil
        // Read as maximizing, 17 ≥ 14.5 would stop the search at its start.
        let full = try model.solve(options: SolverOptions(presolve: false, initialSolution: [1, 1, 0], objectiveTarget: 14.5))
        #expect(full.objectiveValue.map { $0.isApproximatelyEqual(to: 15, relativeTolerance: 1e-12) } == true)
    }

    /// The market split's LP bound is 0 and its slacks are never negative: no point reaches an objective of −1. The knapsack
    /// (``knapsack()``) reaches 12, which its bound (13.5 at the root) never falls below.
    @Test("A search told to abandon an unreachable target stops at its root (the market split cannot reach −1), and not where it is reachable")
    func unreachableTarget() throws {
        let (model, start) = TestModels.marketSplit()
        // Without the stop the search goes on (the bound stays at 0, which no point reaches); with it, the root's bound ends it,
        // before GLPK takes up the start.
        let stopped = try model.solve(options: SolverOptions(timeLimitSeconds: 600, presolve: false, initialSolution: start,
                                                             objectiveTarget: -1, abandonsUnreachableTarget: true))
        #expect(stopped.status == .limitReachedWithoutSolution || stopped.status == .feasible)
        #expect(stopped.branchAndBoundNodes <= 1)
        let reached = try Self.knapsack().solve(options: SolverOptions(presolve: false, initialSolution: [1, 0, 0], objectiveTarget: 12,
                                                                       abandonsUnreachableTarget: true))
        #expect(reached.objectiveValue.map { $0.isApproximatelyEqual(to: 12, relativeTolerance: 1e-12) } == true)
    }

    @Test("The bound a gap stop proves, by hand: 10 + 0.5 × 10 = 15 maximizing, 10 − 5 = 5 minimizing; the tighter of two")
    func gapStopBound() {
        #expect(SolveSession.gapBound(objective: 10, gap: 0.5, sense: .maximize).isApproximatelyEqual(to: 15, relativeTolerance: 1e-12))
        #expect(SolveSession.gapBound(objective: 10, gap: 0.5, sense: .minimize).isApproximatelyEqual(to: 5, relativeTolerance: 1e-12))
        #expect(ObjectiveSense.maximize.tightest(13.5, 15) == 13.5)
        #expect(ObjectiveSense.minimize.tightest(4, 5) == 5)
        #expect(ObjectiveSense.maximize.tightest(nil, 15) == 15)
        #expect(ObjectiveSense.maximize.tightest(nil, nil) == nil)
    }

    @Test("Eight solves at once agree with the serial results")
    func concurrentSolves() async throws {
        let models = (0..<8).map { i -> Model in
            i % 2 == 0 ? TestModels.smallMIP() : TestModels.wyndor().0
        }
        let serial = try models.map { try $0.solve().objectiveValue! }
        let parallel = try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            for (i, model) in models.enumerated() {
                group.addTask { (i, try model.solve().objectiveValue!) }
            }
            var results = [Double](repeating: .nan, count: models.count)
            for try await (i, value) in group { results[i] = value }
            return results
        }
        #expect(parallel == serial)
    }

    @Test("Duals of a MIP with its integers fixed")
    func fixedIntegerDuals() throws {
        // max 3a + 2b, a integer ≤ 2.5 → 2 via row cap, b continuous; cap: a + b ≤ 4.
        // With a fixed at 2: b = 2 and the row's dual is 2 (the price of b), a's reduced cost 3 − 2 = 1.
        var m = Model(name: "fixed", sense: .maximize)
        let a = m.addVariable("a", kind: .integer, upperBound: 2, objective: 3)
        let b = m.addVariable("b", objective: 2)
        m.addConstraint("cap", [Term(a, 1), Term(b, 1)], upperBound: 4)
        let s = try m.solve(options: SolverOptions(dualsWithIntegersFixed: true))
        #expect(s[a] == 2 && s[b].isApproximatelyEqual(to: 2, absoluteTolerance: 1e-9))
        #expect(s.rowDuals![0].isApproximatelyEqual(to: 2, absoluteTolerance: 1e-9))
        #expect(s.reducedCosts![0].isApproximatelyEqual(to: 1, absoluteTolerance: 1e-9))
    }
}

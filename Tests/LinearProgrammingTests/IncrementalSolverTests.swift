import Testing
import Numerics
import LinearProgramming

/// ``IncrementalSolver`` on ``TestModels/smallMIP()`` (max 5v₀ + 4v₁ + 3v₂, three ≤ rows, v ∈ {0..3}), against enumeration.
@Suite("Incremental solves: one model kept in GLPK, columns made integer, fixed and relaxed between solves")
struct IncrementalSolverTests {
    /// The best objective over integer points with v₀ = `v0` (every v₀ when nil), by enumerating all 64 points.
    static func enumerated(v0 fixed: Int? = nil) -> Double {
        var best = -Double.infinity
        for a in 0...3 where fixed == nil || a == fixed { for b in 0...3 { for c in 0...3 {
            let v = [Double(a), Double(b), Double(c)]
            guard TestModels.mipRows.allSatisfy({ row in zip(row.0, v).reduce(0) { $0 + $1.0 * $1.1 } <= row.1 }) else { continue }
            best = max(best, zip(TestModels.mipObjective, v).reduce(0) { $0 + $1.0 * $1.1 })
        } } }
        return best
    }

    @Test("Relaxed, then integer, then one column fixed: each solve matches a fresh solve or enumeration")
    func sequence() throws {
        let model = TestModels.smallMIP()
        let columns = model.variables.indices.map(VariableID.init)
        let solver = try IncrementalSolver(model)
        // Every column continuous: the LP relaxation, as a fresh solve of the continuous model gives it.
        let relaxed = try solver.solve(options: SolverOptions())
        let fresh = try TestModels.smallMIP(kind: .continuous).solve()
        #expect(relaxed.status == .optimal)
        #expect(try #require(relaxed.objectiveValue).isApproximatelyEqual(to: try #require(fresh.objectiveValue), relativeTolerance: 1e-9))
        // Every column integer again: the integer optimum (13 by enumeration: v = (2, 0, 1)).
        solver.restoreKinds(columns)
        let integer = try solver.solve(options: SolverOptions())
        #expect(Self.enumerated() == 13)
        #expect(integer.status == .optimal)
        #expect(try #require(integer.objectiveValue).isApproximatelyEqual(to: 13, relativeTolerance: 1e-9))
        // v₀ fixed at 1, the others still integer: the best with v₀ = 1.
        solver.fix([columns[0]], at: [1, 0, 0])
        let fixed = try solver.solve(options: SolverOptions())
        #expect(try #require(fixed.objectiveValue).isApproximatelyEqual(to: Self.enumerated(v0: 1), relativeTolerance: 1e-9))
        #expect(fixed.values[0] == 1)
        // v₀ relaxed back to its bounds: the integer optimum again is no better than the point with v₀ free.
        solver.relax([columns[0]])
        let free = try solver.solve(options: SolverOptions())
        #expect(try #require(free.objectiveValue) >= 13 - 1e-9)
    }

    @Test("A basis set back makes the next solve start at its optimum: no simplex step, the same point")
    func basisSetBack() throws {
        let model = TestModels.smallMIP()
        let columns = model.variables.indices.map(VariableID.init)
        let solver = try IncrementalSolver(model)
        let relaxed = try solver.solve(options: SolverOptions())
        let basis = solver.basis
        #expect(relaxed.values[0] > 0)
        // v₀ fixed at 0 moves the optimum off the relaxation's basis.
        solver.fix([columns[0]], at: [0, 0, 0])
        let moved = try solver.solve(options: SolverOptions())
        #expect(moved.values[0] == 0)
        // Each solve counts its own iterations (GLPK counts them over the problem's life): one from the optimal basis
        // takes none, and the one that moved off it some.
        solver.relax(columns)
        solver.basis = basis
        let back = try solver.solve(options: SolverOptions())
        #expect(moved.simplexIterations > 0)
        #expect(back.simplexIterations == 0)
        #expect(zip(back.values, relaxed.values).allSatisfy { $0.isApproximatelyEqual(to: $1, absoluteTolerance: 1e-9) })
        // Without the basis set back, the same LP takes steps from where the fixed solve left it.
        solver.fix([columns[0]], at: [0, 0, 0])
        let movedAgain = try solver.solve(options: SolverOptions())
        solver.relax(columns)
        let unset = try solver.solve(options: SolverOptions())
        #expect(movedAgain.simplexIterations > 0 && unset.simplexIterations > 0)
        #expect(try #require(unset.objectiveValue).isApproximatelyEqual(to: try #require(relaxed.objectiveValue), relativeTolerance: 1e-9))
    }

    @Test("Every branching rule reaches the enumerated optimum, 13")
    func branchingRules() throws {
        for branching in [SolverOptions.Branching.driebeckTomlin, .mostFractional, .pseudocost] {
            let solution = try TestModels.smallMIP().solve(options: SolverOptions(branching: branching))
            #expect(solution.status == .optimal)
            #expect(try #require(solution.objectiveValue).isApproximatelyEqual(to: Self.enumerated(), relativeTolerance: 1e-9))
        }
    }

    @Test("A model with a problem is refused before GLPK sees it")
    func refusesInvalidModel() {
        var model = TestModels.smallMIP()
        model.variables[0].upperBound = .nan
        #expect(throws: ModelError.self) { try IncrementalSolver(model) }
    }
}

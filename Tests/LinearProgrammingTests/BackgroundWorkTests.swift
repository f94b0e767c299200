import Dispatch
import Testing
import Numerics
import LinearProgramming

/// ``BackgroundWork`` solving ``TestModels/smallMIP()`` (max 5v₀ + 4v₁ + 3v₂, three ≤ rows, v ∈ {0..3}).
@Suite("Work on a thread of its own")
struct BackgroundWorkTests {
    @Test("A solve there gives the integer optimum found by enumeration (13 at v = (2, 0, 1)), as on the caller's thread")
    func sameAsHere() throws {
        let model = TestModels.smallMIP()
        let background = BackgroundWork { try? model.solve(options: SolverOptions(timeLimitSeconds: 10)) }
        let solution = try #require(background.wait())
        #expect(solution.status == .optimal)
        #expect(try #require(solution.objectiveValue) == IncrementalSolverTests.enumerated())
        #expect(solution == (try model.solve(options: SolverOptions(timeLimitSeconds: 10))))
        // A second wait returns the same value without waiting again.
        #expect(background.wait() == solution)
    }

    @Test("32 started from threads of the shared pool, each waited for there: every one finishes with the optimum")
    func manyFromPoolThreads() {
        let model = TestModels.smallMIP()
        let count = 32
        let values = Values(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let background = BackgroundWork { try? model.solve(options: SolverOptions(timeLimitSeconds: 10)) }
            values.set(i, background.wait()?.objectiveValue)
        }
        #expect(values.all == [Double?](repeating: IncrementalSolverTests.enumerated(), count: count))
    }

    @Test("An invalid model's issues come back through wait(), as solve() throws them, and GLPK is never called")
    func invalidModel() {
        var model = TestModels.smallMIP()
        model.variables[0].lowerBound = 2
        model.variables[0].upperBound = 1
        let invalid = model
        let outcome = BackgroundWork { Result { try invalid.solve(options: SolverOptions()) } }.wait()
        #expect(throws: ModelError.self) { try outcome.get() }
    }

    @Test("A problem kept on the caller's thread still solves after work beside it freed its own thread's GLPK environment")
    func keptProblemBeside() throws {
        let model = TestModels.smallMIP()
        let columns = model.variables.indices.map(VariableID.init)
        let kept = try IncrementalSolver(model)
        let relaxed = try kept.solve(options: SolverOptions())
        // As Relaxation does: a fresh solve on a thread of its own while the kept problem waits on this one.
        let beside = BackgroundWork { try? model.solve(options: SolverOptions(timeLimitSeconds: 10)) }
        #expect(try #require(beside.wait()?.objectiveValue) == IncrementalSolverTests.enumerated())
        // The kept problem's LP optimum is unchanged, and made integer it reaches the enumerated optimum (13).
        kept.restoreKinds(columns)
        let integer = try kept.solve(options: SolverOptions())
        #expect(relaxed.status == .optimal)
        #expect(integer.status == .optimal)
        #expect(try #require(integer.objectiveValue).isApproximatelyEqual(to: IncrementalSolverTests.enumerated(), relativeTolerance: 1e-9))
        kept.relax(columns)
        let again = try kept.solve(options: SolverOptions())
        #expect(try #require(again.objectiveValue).isApproximatelyEqual(to: try #require(relaxed.objectiveValue), relativeTolerance: 1e-12))
    }

    @Test("Work never waited for still runs to its end: its owner can let it go")
    func neverWaited() {
        let model = TestModels.smallMIP()
        let done = DispatchSemaphore(value: 0)
        let values = Values(1)
        do {
            _ = BackgroundWork {
                values.set(0, (try? model.solve(options: SolverOptions(timeLimitSeconds: 10)))?.objectiveValue)
                done.signal()
            }
        }
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(values.all == [IncrementalSolverTests.enumerated()])
    }

    /// One slot per iteration, each written by one iteration only; read after concurrentPerform returns.
    final class Values: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Double?>
        init(_ count: Int) { slots = .allocate(capacity: count); slots.initialize(repeating: nil) }
        deinit { slots.deallocate() }
        func set(_ i: Int, _ value: Double?) { slots[i] = value }
        var all: [Double?] { Array(slots) }
    }
}

import Dispatch
import Testing
import LinearProgramming

/// ``BackgroundSolve`` on ``TestModels/smallMIP()`` (max 5v₀ + 4v₁ + 3v₂, three ≤ rows, v ∈ {0..3}).
@Suite("A solve on a thread of its own")
struct BackgroundSolveTests {
    @Test("Gives the integer optimum found by enumeration (13 at v = (2, 0, 1)), as the same solve on the caller's thread")
    func sameAsHere() throws {
        let model = TestModels.smallMIP()
        let background = BackgroundSolve(model, options: SolverOptions(timeLimitSeconds: 10))
        let solution = try background.wait()
        #expect(solution.status == .optimal)
        #expect(try #require(solution.objectiveValue) == IncrementalSolverTests.enumerated())
        #expect(solution == (try model.solve(options: SolverOptions(timeLimitSeconds: 10))))
        // A second wait returns the same result without waiting again.
        #expect(try background.wait() == solution)
    }

    @Test("Many at once, each started from a thread of the shared pool that then blocks on it: every one finishes with the optimum")
    func manyFromBlockedPoolThreads() throws {
        let model = TestModels.smallMIP()
        let count = 32
        let values = Values(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let background = BackgroundSolve(model, options: SolverOptions(timeLimitSeconds: 10))
            values.set(i, (try? background.wait())?.objectiveValue)
        }
        #expect(values.all == [Double?](repeating: IncrementalSolverTests.enumerated(), count: count))
    }

    @Test("An invalid model throws its issues from wait(), as solve() does, and GLPK is never called")
    func invalidModel() {
        var model = TestModels.smallMIP()
        model.variables[0].lowerBound = 2
        model.variables[0].upperBound = 1
        #expect(throws: ModelError.self) { try BackgroundSolve(model, options: SolverOptions()).wait() }
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

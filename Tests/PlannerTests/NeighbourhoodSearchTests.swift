import Testing
import LinearProgramming
@testable import Planner

/// The neighbourhood search (RINS, README "Neighbourhood search" under `plan`) on a model small enough to follow by hand:
/// maximize x + y over integers with x ≤ 3 and x + 2y ≤ 7.5. Its relaxation stands at x = 3, y = 2.25 (5.25); the
/// integer optimum is x = 3, y = 2 (5).
@Suite("Neighbourhood search around a starting plan")
struct NeighbourhoodSearchTests {
    static func model() -> Model {
        var model = Model(name: "rins", sense: .maximize)
        let x = model.addVariable("x", kind: .integer, upperBound: 3, objective: 1)
        let y = model.addVariable("y", kind: .integer, objective: 1)
        model.addConstraint("room", [Term(x, 1), Term(y, 2)], upperBound: 7.5)
        return model
    }

    static var deadline: SolveDeadline { SolveDeadline(end: ContinuousClock.now + .seconds(30)) }

    @Test("From x = 3, y = 0 (3): x agrees with the relaxation and stays, y is searched: x = 3, y = 2 (5)")
    func improves() throws {
        let lp = Relaxation(Self.model(), deadline: Self.deadline)
        let relaxed = try #require(lp.solution)
        #expect(relaxed.objectiveValue.map { abs($0 - 5.25) < 1e-9 } == true)
        let better = try #require(lp.neighbourhood(of: [3, 0], gap: 0, deadline: Self.deadline))
        #expect(better == [3, 2])
        #expect(lp.improving([3, 0], gap: 0, deadline: Self.deadline) == [3, 2])
    }

    @Test("From x = 1, y = 0, x disagrees with the relaxation's 3 by more than a half, so both are searched: x = 3, y = 2")
    func searchesDisagreement() throws {
        let lp = Relaxation(Self.model(), deadline: Self.deadline)
        #expect(lp.neighbourhood(of: [1, 0], gap: 0, deadline: Self.deadline) == [3, 2])
    }

    /// From x = 1, y = 2 (3): y agrees with the relaxation (|2 − 2.25| < ½) and stays at 2, x is searched up to
    /// min(3, 7.5 − 4) = 3. From x = 3, y = 2 both agree: nothing is left to search and the start is kept.
    @Test("Columns that agree with the relaxation stay; a start best in its neighbourhood is kept")
    func keepsAgreement() throws {
        let lp = Relaxation(Self.model(), deadline: Self.deadline)
        #expect(lp.neighbourhood(of: [1, 2], gap: 0, deadline: Self.deadline) == [3, 2])
        #expect(lp.neighbourhood(of: [3, 2], gap: 0, deadline: Self.deadline) == nil)
        #expect(lp.improving([3, 2], gap: 0, deadline: Self.deadline) == [3, 2])
    }

    /// A neighbourhood is not the whole model: maximize 5a + 4b + 3c over binaries with 2a + 3b + c ≤ 5. The relaxation
    /// takes c (3 per unit of room) and a (2.5) whole and b at ⅔ (10.67); the optimum is a = b = 1, c = 0 (9). From
    /// a = c = 1, b = 0 (8), a and c agree with the relaxation and stay, so b ≤ (5 − 3) / 3 stays 0: nothing better, where
    /// the whole model has 9. From a = 1, b = c = 0 (5), b and c disagree and are searched: a = b = 1 (9).
    @Test("Columns agreeing with the relaxation stay where the start has them, even where the optimum has them elsewhere")
    func fixesAgreement() throws {
        var model = Model(name: "knapsack", sense: .maximize)
        let a = model.addVariable("a", kind: .integer, upperBound: 1, objective: 5)
        let b = model.addVariable("b", kind: .integer, upperBound: 1, objective: 4)
        let c = model.addVariable("c", kind: .integer, upperBound: 1, objective: 3)
        model.addConstraint("room", [Term(a, 2), Term(b, 3), Term(c, 1)], upperBound: 5)
        let lp = Relaxation(model, deadline: Self.deadline)
        #expect(lp.neighbourhood(of: [1, 0, 1], gap: 0, deadline: Self.deadline) == nil)
        #expect(lp.neighbourhood(of: [1, 0, 0], gap: 0, deadline: Self.deadline) == [1, 1, 0])
    }
}

import Testing
import LinearProgramming
@testable import Planner

/// The halls' bound (README "Halls' bound" under `plan`) on models small enough to price by hand.
@Suite("Bound from the model split hall by hall")
struct HallDecompositionTests {
    static var deadline: SolveDeadline { SolveDeadline(end: ContinuousClock.now + .seconds(30)) }

    /// Two integer columns, x₁ in hall 0 and x₂ in hall 1, with objective 3x₁ + 2x₂, a row 2xₕ against `hallLevels[h]` in
    /// each hall and the site row x₁ + x₂ against `siteLevel`: ≤ rows maximizing, ≥ rows minimizing.
    static func twoHalls(_ sense: ObjectiveSense, hallLevels: [Double], siteLevel: Double) -> Model {
        var model = Model(name: "halls", sense: sense)
        let x = [3.0, 2].enumerated().map { model.addVariable("x\($0 + 1)", kind: .integer, objective: $1) }
        func row(_ name: String, _ terms: [Term], _ level: Double) {
            model.addConstraint(name, terms, lowerBound: sense == .minimize ? level : nil, upperBound: sense == .maximize ? level : nil)
        }
        for h in 0..<2 { row("hall\(h)", [Term(x[h], 2)], hallLevels[h]) }
        row("site", x.map { Term($0, 1) }, siteLevel)
        return model
    }

    /// The relaxation's optimum and the halls' bound of `model`.
    static func bounds(_ model: Model, halls: [Int?]) throws -> (relaxation: Double, halls: Double) {
        let relaxation = try #require(Relaxation(model, deadline: deadline).solution)
        let bound = try #require(HallDecomposition(model: model, halls: halls).bound(relaxation: relaxation, deadline: deadline))
        return (try #require(relaxation.objectiveValue), bound)
    }

    /// Maximizing, 2x₁ ≤ 3, 2x₂ ≤ 3, x₁ + x₂ ≤ 2.5. Relaxation: x₁ = 1.5, x₂ = 1, 6.5; basis {x₁, x₂, hall 1's slack}, so
    /// the site row's dual solves 2 − y = 0 (y = 2). Priced: 2 × 2.5 = 5, plus hall 0's max (3 − 2)x₁ with 2x₁ ≤ 3
    /// (x₁ = 1: 1) and hall 1's max 0 · x₂ (0): 6. The integer optimum is x₁ = x₂ = 1, 5.
    static let maximizing = twoHalls(.maximize, hallLevels: [3, 3], siteLevel: 2.5)

    @Test("Maximizing, a priced site row: 6, between the integer optimum 5 and the relaxation's 6.5")
    func maximizingBound() throws {
        let (relaxation, bound) = try Self.bounds(Self.maximizing, halls: [0, 1])
        #expect(relaxation.isApproximatelyEqual(to: 6.5, relativeTolerance: 1e-9))
        #expect(bound.isApproximatelyEqual(to: 6, relativeTolerance: 1e-9))
    }

    /// Minimizing, with a site row that binds (its ≥ side priced): 2x₁ ≥ 1, 2x₂ ≥ 1, x₁ + x₂ ≥ 2.5.
    /// Relaxation: x₁ = 0.5, x₂ = 2, 5.5; basis {x₁, x₂, hall 1's slack}, so 2 − y = 0 gives the site row's y = 2. Priced:
    /// 2 × 2.5 = 5, plus hall 0's min (3 − 2)x₁ with 2x₁ ≥ 1 (x₁ = 1: 1) and hall 1's min 0 · x₂ (0): 6. The integer optimum
    /// is x₁ = 1, x₂ = 2, 7. Pricing the wrong side would drop the row and give 3 + 2 = 5.
    @Test("Minimizing, a priced ≥ site row: 6, between the relaxation's 5.5 and the integer optimum 7")
    func minimizingPricedBound() throws {
        let (relaxation, bound) = try Self.bounds(Self.twoHalls(.minimize, hallLevels: [1, 1], siteLevel: 2.5), halls: [0, 1])
        #expect(relaxation.isApproximatelyEqual(to: 5.5, relativeTolerance: 1e-9))
        #expect(bound.isApproximatelyEqual(to: 6, relativeTolerance: 1e-9))
    }

    /// Minimizing, with a site column and a site row that does not bind:
    ///
    ///     min x₁ + x₂ + s
    ///     hall 0:  2x₁ ≥ 3        hall 1:  2x₂ ≥ 1
    ///     site:    x₁ + x₂ + s ≥ 1,  0 ≤ s ≤ 4, x integer ≥ 0
    ///
    /// Relaxation: x₁ = 1.5, x₂ = 0.5, s = 0, 2; the site row is slack (dual 0). The halls' integer optima are x₁ = 2 and
    /// x₂ = 1 and the site column's LP is s = 0: 3, the integer optimum.
    @Test("Minimizing, a slack site row and a site column: 3, the integer optimum, where the relaxation says 2")
    func minimizingBound() throws {
        var model = Model(name: "halls", sense: .minimize)
        let x1 = model.addVariable("x1", kind: .integer, objective: 1)
        let x2 = model.addVariable("x2", kind: .integer, objective: 1)
        let s = model.addVariable("s", upperBound: 4, objective: 1)
        model.addConstraint("hall0", [Term(x1, 2)], lowerBound: 3)
        model.addConstraint("hall1", [Term(x2, 2)], lowerBound: 1)
        model.addConstraint("site", [Term(x1, 1), Term(x2, 1), Term(s, 1)], lowerBound: 1)
        let (relaxation, bound) = try Self.bounds(model, halls: [0, 1, nil])
        #expect(relaxation.isApproximatelyEqual(to: 2, relativeTolerance: 1e-9))
        #expect(bound.isApproximatelyEqual(to: 3, relativeTolerance: 1e-9))
    }

    @Test("A ranged site row is priced on the side its dual binds: 6 maximizing (≤ 2.5 side), 6 minimizing (≥ 2.5 side)")
    func rangedRow() throws {
        // The two cases above, with the site row given its other side too, slack at the optimum: 0.5 ≤ x₁ + x₂ ≤ 2.5
        // maximizing, 2.5 ≤ x₁ + x₂ ≤ 10 minimizing. The same duals, the same bound.
        var maximizing = Self.maximizing
        maximizing.constraints[2].lowerBound = 0.5
        var minimizing = Self.twoHalls(.minimize, hallLevels: [1, 1], siteLevel: 2.5)
        minimizing.constraints[2].upperBound = 10
        for model in [maximizing, minimizing] {
            let (_, bound) = try Self.bounds(model, halls: [0, 1])
            #expect(bound.isApproximatelyEqual(to: 6, relativeTolerance: 1e-9))
        }
    }

    @Test("Halls with stocks defined by builds: the stocks replaced by the builds, the same bound of 6")
    func stocksDefinedByBuilds() throws {
        // The maximizing case with the objective and rows on continuous stocks sₕ = bₕ, bₕ the integer builds: each hall's
        // part is solved over its builds alone (Model.substitutingDefinedColumns), and its optimum is the same.
        var model = Model(name: "stocks", sense: .maximize)
        let b = (1...2).map { model.addVariable("b\($0)", kind: .integer) }
        let s = [3.0, 2].enumerated().map { model.addVariable("s\($0 + 1)", objective: $1) }
        for h in 0..<2 {
            model.addConstraint("stock\(h)", [Term(s[h], 1), Term(b[h], -1)], lowerBound: 0, upperBound: 0)
            model.addConstraint("hall\(h)", [Term(s[h], 2)], upperBound: 3)
        }
        model.addConstraint("site", s.map { Term($0, 1) }, upperBound: 2.5)
        let (relaxation, bound) = try Self.bounds(model, halls: [0, 1, 0, 1])
        #expect(relaxation.isApproximatelyEqual(to: 6.5, relativeTolerance: 1e-9))
        #expect(bound.isApproximatelyEqual(to: 6, relativeTolerance: 1e-9))
    }

    @Test("A dual of the wrong sign is dropped: the halls alone, 3 + 2 = 5; priced, it would give 4 + 3 − 2.5 = 4.5, below the optimum 5")
    func wrongSignDual() throws {
        let model = Self.maximizing
        var relaxation = try #require(Relaxation(model, deadline: Self.deadline).solution)
        // Maximizing, the site row's ≤ side needs a dual ≥ 0.
        relaxation.rowDuals = [0, 0, -1]
        let bound = try #require(HallDecomposition(model: model, halls: [0, 1]).bound(relaxation: relaxation, deadline: Self.deadline))
        #expect(bound.isApproximatelyEqual(to: 5, relativeTolerance: 1e-9))
    }

    @Test("One hall: nothing to split, no bound")
    func oneHall() throws {
        let model = Self.maximizing
        let relaxation = try #require(Relaxation(model, deadline: Self.deadline).solution)
        #expect(HallDecomposition(model: model, halls: [0, 0]).bound(relaxation: relaxation, deadline: Self.deadline) == nil)
    }

    @Test("The value that closes a gap, by hand: 110 / 1.1 = 100 maximizing, 90 / 0.9 = 100 minimizing, or the absolute gap's")
    func closingValue() throws {
        #expect(SolveSession.closingValue(bound: 110, sign: 1, relativeGap: 0.1, absoluteGap: nil)?.isApproximatelyEqual(to: 100, relativeTolerance: 1e-12) == true)
        #expect(SolveSession.closingValue(bound: 90, sign: -1, relativeGap: 0.1, absoluteGap: nil)?.isApproximatelyEqual(to: 100, relativeTolerance: 1e-12) == true)
        // Maximizing a negative bound: −90 − v = 0.1 · |v| at v = −100.
        #expect(SolveSession.closingValue(bound: -90, sign: 1, relativeGap: 0.1, absoluteGap: nil)?.isApproximatelyEqual(to: -100, relativeTolerance: 1e-12) == true)
        // The easier of the two: 5 − 1 = 4 below 5 / 1.001.
        #expect(SolveSession.closingValue(bound: 5, sign: 1, relativeGap: 0.001, absoluteGap: 1) == 4)
        #expect(SolveSession.closingValue(bound: 5, sign: 1, relativeGap: 1, absoluteGap: nil) == nil)
        for (bound, sign) in [(110.0, 1.0), (90.0, -1.0), (-90.0, 1.0), (-110.0, -1.0)] {
            let v = try #require(SolveSession.closingValue(bound: bound, sign: sign, relativeGap: 0.1, absoluteGap: nil))
            #expect(SolveSession.closes(bound: bound, value: v * (1 + sign * 1e-12 * (v < 0 ? -1 : 1)), sign: sign, relativeGap: 0.1, absoluteGap: nil))
        }
    }
}

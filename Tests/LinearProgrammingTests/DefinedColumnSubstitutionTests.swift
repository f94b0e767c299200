import Testing
import Numerics
import LinearProgramming

/// ``Model/substitutingDefinedColumns()`` on models small enough to solve by hand.
@Suite("Columns defined by equality rows replaced by their definitions")
struct DefinedColumnSubstitutionTests {
    /// One hall over two quarters: builds b₁, b₂ ∈ {0..5}; stocks s₁ = b₁, s₂ = s₁ + b₂ in [0, 4]; 3 racks' worth of
    /// power per stock, 7 then 10 available; maximize 2 s₁ + s₂ − 0.5 b₂.
    static func hall() -> (Model, b1: VariableID, b2: VariableID, s1: VariableID, s2: VariableID) {
        var model = Model(name: "hall", sense: .maximize)
        let b1 = model.addVariable("b1", kind: .integer, lowerBound: 0, upperBound: 5)
        let b2 = model.addVariable("b2", kind: .integer, lowerBound: 0, upperBound: 5, objective: -0.5)
        let s1 = model.addVariable("s1", lowerBound: 0, upperBound: 4, objective: 2)
        let s2 = model.addVariable("s2", lowerBound: 0, upperBound: 4, objective: 1)
        model.addConstraint("stock1", [Term(s1, 1), Term(b1, -1)], lowerBound: 0, upperBound: 0)
        model.addConstraint("stock2", [Term(s2, 1), Term(s1, -1), Term(b2, -1)], lowerBound: 0, upperBound: 0)
        model.addConstraint("power1", [Term(s1, 3)], upperBound: 7)
        model.addConstraint("power2", [Term(s2, 3)], upperBound: 10)
        return (model, b1, b2, s1, s2)
    }

    @Test("Stocks become sums of builds: the rows, the objective and the optimum worked by hand")
    func stocksBecomeBuilds() throws {
        let (model, b1, b2, s1, s2) = Self.hall()
        let substituted = model.substitutingDefinedColumns()
        // Objective 2 b₁ + (b₁ + b₂) − 0.5 b₂ = 3 b₁ + 0.5 b₂.
        #expect(substituted.objective == [Term(b1, 3), Term(b2, 0.5)])
        #expect(substituted.objectiveConstant == 0)
        // The stock rows carry the stocks' bounds, 0 ≤ b₁ ≤ 4 and 0 ≤ b₁ + b₂ ≤ 4; the power rows read 3 b₁ ≤ 7 and
        // 3 b₁ + 3 b₂ ≤ 10.
        let rows = Dictionary(uniqueKeysWithValues: substituted.constraints.map { ($0.name, $0) })
        #expect(rows["stock1"] == Constraint(name: "stock1", terms: [Term(b1, 1)], lowerBound: 0, upperBound: 4))
        #expect(rows["stock2"] == Constraint(name: "stock2", terms: [Term(b1, 1), Term(b2, 1)], lowerBound: 0, upperBound: 4))
        #expect(rows["power1"] == Constraint(name: "power1", terms: [Term(b1, 3)], lowerBound: nil, upperBound: 7))
        #expect(rows["power2"] == Constraint(name: "power2", terms: [Term(b1, 3), Term(b2, 3)], lowerBound: nil, upperBound: 10))
        // The stocks are on no row, fixed at 0.
        for s in [s1, s2] {
            #expect(substituted.variables[s.index].lowerBound == 0 && substituted.variables[s.index].upperBound == 0)
            #expect(!substituted.constraints.contains { $0.terms.contains { $0.variable == s } })
        }
        // b₁ ≤ 7/3 → 2; b₁ + b₂ ≤ 10/3 → b₂ ≤ 1: 3·2 + 0.5·1 = 6.5, in both models. Relaxed, b₁ = 7/3 and b₂ = 1:
        // 7.5 in both.
        for candidate in [model, substituted] {
            #expect(try #require(try candidate.solve().objectiveValue).isApproximatelyEqual(to: 6.5, relativeTolerance: 1e-9))
            var relaxed = candidate
            for j in relaxed.variables.indices { relaxed.variables[j].kind = .continuous }
            #expect(try #require(try relaxed.solve().objectiveValue).isApproximatelyEqual(to: 7.5, relativeTolerance: 1e-9))
        }
    }

    @Test("A definition's constant moves the objective and the rows; a row waits for its other continuous column")
    func constantsAndPasses() throws {
        // s = t + b + 2 (row a), t = c (row b, after it): max s with s ≤ 6, b and c in {0..10}, 2b + c ≤ 7.
        var model = Model(name: "passes", sense: .maximize)
        let b = model.addVariable("b", kind: .integer, lowerBound: 0, upperBound: 10)
        let c = model.addVariable("c", kind: .integer, lowerBound: 0, upperBound: 10)
        let s = model.addVariable("s", lowerBound: 0, upperBound: 6, objective: 1)
        let t = model.addVariable("t", lowerBound: 0, upperBound: nil)
        model.addConstraint("a", [Term(s, 1), Term(t, -1), Term(b, -1)], lowerBound: 2, upperBound: 2)
        model.addConstraint("b", [Term(t, -1), Term(c, 1)], lowerBound: 0, upperBound: 0)
        model.addConstraint("mix", [Term(b, 2), Term(c, 1)], upperBound: 7)
        let substituted = model.substitutingDefinedColumns()
        // Row b defines t = c in the first pass; row a, which held two open columns then, defines s = c + b + 2 in the
        // second. Objective b + c + 2; row a carries 0 ≤ b + c + 2 ≤ 6, i.e. −2 ≤ b + c ≤ 4; row b carries t ≥ 0: c ≥ 0.
        #expect(substituted.objective == [Term(b, 1), Term(c, 1)])
        #expect(substituted.objectiveConstant == 2)
        let rows = Dictionary(uniqueKeysWithValues: substituted.constraints.map { ($0.name, $0) })
        #expect(rows["a"] == Constraint(name: "a", terms: [Term(b, 1), Term(c, 1)], lowerBound: -2, upperBound: 4))
        #expect(rows["b"] == Constraint(name: "b", terms: [Term(c, 1)], lowerBound: 0, upperBound: nil))
        // b + c ≤ 4 binds before 2b + c ≤ 7 can: s = 6 in both models.
        for candidate in [model, substituted] {
            #expect(try #require(try candidate.solve().objectiveValue).isApproximatelyEqual(to: 6, relativeTolerance: 1e-9))
        }
    }

    @Test("A free defined column leaves no row for its bounds; a row its definition cancels goes where it holds 0, stays where not")
    func freeColumnAndEmptyRow() throws {
        // s = b with s free; s − b ≤ 3 becomes 0 ≤ 3, always true, and goes; s ≤ 4 becomes b ≤ 4: max b is 4 in both
        // models.
        var model = Model(name: "freeStock", sense: .maximize)
        let b = model.addVariable("b", kind: .integer, lowerBound: 0, upperBound: 5, objective: 1)
        let s = model.addVariable("s", lowerBound: nil, upperBound: nil)
        model.addConstraint("stock", [Term(s, 1), Term(b, -1)], lowerBound: 0, upperBound: 0)
        model.addConstraint("cancel", [Term(s, 1), Term(b, -1)], upperBound: 3)
        model.addConstraint("cap", [Term(s, 1)], upperBound: 4)
        let substituted = model.substitutingDefinedColumns()
        #expect(substituted.constraints == [Constraint(name: "cap", terms: [Term(b, 1)], lowerBound: nil, upperBound: 4)])
        for candidate in [model, substituted] {
            #expect(try #require(try candidate.solve().objectiveValue).isApproximatelyEqual(to: 4, relativeTolerance: 1e-9))
        }
        // s − b ≤ −5 becomes 0 ≤ −5: kept, empty, and both models are infeasible.
        var infeasible = model
        infeasible.constraints[1].upperBound = -5
        let kept = infeasible.substitutingDefinedColumns()
        #expect(kept.constraints.first == Constraint(name: "cancel", terms: [], lowerBound: nil, upperBound: -5))
        for candidate in [infeasible, kept] {
            #expect(try candidate.solve().status == .infeasible)
        }
    }

    @Test("Rows that define nothing leave the model as it is")
    func nothingDefined() {
        var model = Model(name: "none", sense: .minimize)
        let x = model.addVariable("x", objective: 1)
        let y = model.addVariable("y", objective: 1)
        let n = model.addVariable("n", kind: .integer, lowerBound: 0, upperBound: 3)
        // A coefficient of 2 (x = (4 − n)/2 would not be over whole units), two open columns, an inequality, and an
        // equality over integers alone.
        model.addConstraint("double", [Term(x, 2), Term(n, 1)], lowerBound: 4, upperBound: 4)
        model.addConstraint("two", [Term(x, 1), Term(y, 1)], lowerBound: 1, upperBound: 1)
        model.addConstraint("atMost", [Term(y, 1), Term(n, -1)], upperBound: 0)
        model.addConstraint("whole", [Term(n, 1)], lowerBound: 2, upperBound: 2)
        #expect(model.substitutingDefinedColumns() == model)
        // A model with an issue (here a term on a column it lacks): returned for validation to refuse, not read.
        var broken = model
        broken.addConstraint("stray", [Term(VariableID(9), 1), Term(x, 1)], lowerBound: 0, upperBound: 0)
        #expect(broken.substitutingDefinedColumns() == broken)
    }

    @Test("A substitution whose products leave the solver's magnitudes is not made")
    func outOfScale() {
        // s = 10⁸ b, and a row 10⁸ s ≤ 1: substituted it would read 10¹⁶ b ≤ 1, past the 10¹⁵ the solver takes.
        var model = Model(name: "scale", sense: .maximize)
        let b = model.addVariable("b", kind: .integer, lowerBound: 0, upperBound: 1, objective: 1)
        let s = model.addVariable("s")
        model.addConstraint("stock", [Term(s, 1), Term(b, -1e8)], lowerBound: 0, upperBound: 0)
        model.addConstraint("big", [Term(s, 1e8)], upperBound: 1)
        #expect(model.issues().isEmpty)
        #expect(model.substitutingDefinedColumns() == model)
    }
}

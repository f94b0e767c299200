import Testing
@testable import LinearProgramming

/// Every input class on which GLPK would call abort() must come back as a Swift error instead.
@Suite("Validation before GLPK")
struct LinearProgrammingValidationTests {
    func kinds(_ model: Model, options: SolverOptions = SolverOptions()) -> [ModelIssue.Kind] {
        do {
            _ = try model.solve(options: options)
            return []
        } catch let error as ModelError {
            return error.issues.map(\.kind)
        } catch {
            Issue.record("unexpected error \(error)")
            return []
        }
    }

    @Test func emptyModelAndNoRows() {
        #expect(kinds(Model(name: "empty", sense: .minimize)) == [.emptyModel, .noConstraints])
        var m = Model(name: "no_rows", sense: .minimize)
        m.addVariable("x")
        #expect(kinds(m) == [.noConstraints])
    }

    @Test func duplicateMatrixEntry() throws {
        var (m, x, _, _) = TestModels.wyndor()
        m.constraints[0].terms.append(Term(x, 2))
        let error = try #require(throws: ModelError.self) { try m.solve() }
        #expect(error.issues == [ModelIssue(.duplicateTerm, "constraints[0](plant1).terms[1]", "x already appears at [0]", constraint: 0)])
    }

    @Test("Coefficients and bounds outside [1e-12, 1e15] are refused before GLPK; the edges pass")
    func magnitudes() throws {
        var (m, x, _, _) = TestModels.wyndor()
        m.constraints[0].terms[0].coefficient = 1e16
        m.constraints[1].terms[0].coefficient = 1e-13
        m.constraints[2].upperBound = -2e15
        m.objective[0].coefficient = 3e15
        #expect(kinds(m) == [.magnitudeOutOfRange, .magnitudeOutOfRange, .magnitudeOutOfRange, .magnitudeOutOfRange])
        // Each issue in a row carries the row's index; the objective's carries none.
        let error = try #require(throws: ModelError.self) { try m.solve() }
        #expect(error.issues.map(\.constraint) == [nil, 0, 1, 2])
        var edge = TestModels.wyndor().0
        edge.constraints[0].terms[0].coefficient = 1e15
        edge.constraints[1].terms[0].coefficient = 1e-12
        edge.variables[x.index].upperBound = 1e15
        #expect(kinds(edge).isEmpty)
    }

    @Test func badIndices() {
        var (m, _, _, _) = TestModels.wyndor()
        m.constraints[1].terms.append(Term(VariableID(7), 1))
        m.objective.append(Term(VariableID(-1), 1))
        #expect(kinds(m) == [.unknownVariable, .unknownVariable])
    }

    @Test("Names: too long, forbidden characters, leading digit, keyword, duplicate")
    func names() {
        var (m, _, _, _) = TestModels.wyndor()
        m.variables[0].name = String(repeating: "a", count: 256)
        m.variables[1].name = "racks[gb300-nvl72]"
        m.variables[2].name = "2x"
        m.constraints[0].name = "End"
        m.constraints[2].name = "plant2"
        #expect(kinds(m) == [.invalidName, .invalidName, .invalidName, .invalidName, .duplicateName])
        #expect(NameRules.problem(with: String(repeating: "a", count: 255)) == nil)
        #expect(NameRules.problem(with: "racks(gb300_nvl72,hall.07,2027Q3)") == nil)
        #expect(NameRules.sanitized("gb300-nvl72 [x]") == "gb300_nvl72__x_")
    }

    @Test("Non-finite numbers in bounds, coefficients and the objective")
    func nonFinite() {
        var (m, _, _, _) = TestModels.wyndor()
        m.variables[0].upperBound = .infinity
        m.constraints[0].terms[0].coefficient = .nan
        m.objective[1].coefficient = -.infinity
        m.objectiveConstant = .nan
        #expect(kinds(m).sorted { $0.rawValue < $1.rawValue } == Array(repeating: .nonFiniteNumber, count: 4))
    }

    @Test("Inverted bounds, fractional integer bounds, binary bounds outside [0, 1]")
    func bounds() {
        var m = TestModels.smallMIP()
        m.variables[0].lowerBound = 5
        m.variables[1].upperBound = 2.5
        m.variables[2].kind = .binary
        m.constraints[0].lowerBound = 9
        #expect(kinds(m) == [.invertedBounds, .fractionalIntegerBound, .binaryBoundOutsideUnit, .invertedBounds])
    }

    @Test("Options: time limit, gaps, objective target, and an initial solution that is the wrong size or infeasible")
    func options() {
        let m = TestModels.smallMIP()
        #expect(kinds(m, options: SolverOptions(timeLimitSeconds: -1, relativeGap: .nan, absoluteGap: -1, initialSolution: [1],
                                                objectiveTarget: .infinity))
                == [.invalidOption, .invalidOption, .invalidOption, .invalidOption, .invalidOption])
        #expect(kinds(m, options: SolverOptions(initialSolution: [3, 3, 0.5]))
                == [.infeasibleInitialSolution, .infeasibleInitialSolution, .infeasibleInitialSolution,
                    .infeasibleInitialSolution])
    }

    /// A row whose terms cancel (a workload's share: 0.5 · x − 0.5 · y ≥ 0 with x, y ≈ 10⁷) may fall short by 10⁻⁹ of its
    /// terms' magnitude (0.5 · 2 × 10⁷ × 10⁻⁹ = 0.01) on top of 10⁻⁶ of its activity (|activity| < 1 here: 10⁻⁶): a simplex
    /// solution's last-bit rounding there is no infeasibility, a real shortfall still is.
    @Test("A starting point may carry rounding in a row whose terms cancel, by their size, and no more")
    func cancellingRow() {
        var m = Model(name: "share", sense: .maximize)
        let x = m.addVariable("x", lowerBound: 0), y = m.addVariable("y", lowerBound: 0)
        m.objective = [Term(x, 1)]
        m.addConstraint("share", [Term(x, 0.5), Term(y, -0.5)], lowerBound: 0)
        #expect(kinds(m, options: SolverOptions(initialSolution: [1e7, 1e7 + 0.004])).isEmpty)  // −0.002 against 0.01
        #expect(kinds(m, options: SolverOptions(initialSolution: [1e7, 1e7 + 0.1])) == [.infeasibleInitialSolution])  // −0.05
        #expect(kinds(m, options: SolverOptions(initialSolution: [1, 1.1])) == [.infeasibleInitialSolution])  // −0.05 against 10⁻⁶
    }

    @Test func exportValidatesToo() {
        #expect(throws: ModelError.self) {
            try Model(name: "empty", sense: .minimize).write(to: "/tmp/never.lp", format: .cplexLP)
        }
    }
}

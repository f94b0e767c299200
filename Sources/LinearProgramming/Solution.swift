/// What a solve established about a model.
public enum SolutionStatus: String, Sendable, Equatable, Codable {
    /// Proven optimal (for a MIP: within GLPK's default integrality gap of zero).
    case optimal
    /// A feasible solution whose optimality is proven only within ``Solution/relativeGap``
    /// (MIP stopped by its gap tolerance or its time limit).
    case feasible
    /// No solution satisfies every constraint.
    case infeasible
    /// The objective can improve without limit.
    case unbounded
    /// The time limit ran out before any feasible solution was found.
    case limitReachedWithoutSolution
}

/// The result of ``Model/solve(options:)``. Values are indexed like the model's variables and constraints.
public struct Solution: Sendable, Equatable {
    public var status: SolutionStatus
    /// Objective value including the model's constant; `nil` without a feasible solution.
    public var objectiveValue: Double?
    /// Variable values (empty without a feasible solution).
    public var values: [Double]
    /// Row activities Σ terms (empty without a feasible solution).
    public var rowActivities: [Double]
    /// Row duals (shadow prices): for LPs, or for MIPs solved with `dualsWithIntegersFixed`.
    public var rowDuals: [Double]?
    /// Reduced costs of the columns, when duals are available.
    public var reducedCosts: [Double]?
    /// For MIPs: the best proven bound on the objective.
    public var bestBound: Double?
    /// For MIPs: |objective − bound| / (|objective| + ε), GLPK's definition.
    public var relativeGap: Double?
    /// Simplex iterations of this solve: its LP's, and for a MIP those of every node's LP too (a problem kept across
    /// solves, ``IncrementalSolver``, counts each solve's own), not those of the LP that
    /// ``SolverOptions/dualsWithIntegersFixed`` solves after it.
    public var simplexIterations: Int
    /// For MIPs: branch-and-bound nodes of this solve.
    public var branchAndBoundNodes: Int

    /// The value of one variable.
    public subscript(_ variable: VariableID) -> Double { values[variable.index] }

    /// True when the solution carries values (optimal or feasible).
    public var hasValues: Bool { status == .optimal || status == .feasible }
}

extension Model {
    /// A feasible point the caller already has (a heuristic plan) as a solution: objective and row
    /// activities evaluated at `point`, status feasible, with `bestBound` as the proven bound (e.g. from
    /// the LP relaxation). The caller vouches for feasibility (``issues(options:)`` with the point as
    /// `initialSolution` checks it).
    public func solution(at point: [Double], bestBound: Double?) -> Solution {
        func value(_ terms: [Term]) -> Double { terms.reduce(0) { $0 + $1.coefficient * point[$1.variable.index] } }
        let objective = value(objective) + objectiveConstant
        return Solution(
            status: .feasible, objectiveValue: objective, values: point, rowActivities: constraints.map { value($0.terms) },
            rowDuals: nil, reducedCosts: nil, bestBound: bestBound,
            relativeGap: bestBound.map { abs(objective - $0) / (abs(objective) + Double.ulpOfOne) }, simplexIterations: 0,
            branchAndBoundNodes: 0)
    }
}

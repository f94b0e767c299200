/// How a model is solved.
public struct SolverOptions: Sendable, Equatable {
    /// Wall-clock limit for the whole solve, in seconds; `nil` for none.
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which branch-and-bound stops (0.001 = 0.1 %); `nil` for GLPK's default (0).
    public var relativeGap: Double?
    /// For MIPs: stop once the best bound is within this much of the incumbent, in objective units; `nil`
    /// for none. Use it where the optimum may be near zero and a relative gap cannot be reached.
    public var absoluteGap: Double?
    /// For MIPs: stop once an integer point this good is found (at least this much when maximizing, at most when
    /// minimizing), in objective units; `nil` for none. Use it where a bound proven elsewhere already closes the gap.
    public var objectiveTarget: Double?
    /// For MIPs with an `objectiveTarget`: stop once the best bound shows that no integer point reaches it (is short of it
    /// by more than 2·10⁻⁹ of its size): the status is then `feasible` with the best point found, or
    /// `limitReachedWithoutSolution` before any. Use it where only a point reaching the target is of use.
    public var abandonsUnreachableTarget: Bool
    /// Use GLPK's presolver (LP and MIP).
    public var presolve: Bool
    /// Let GLPK print its progress to the terminal; off by default.
    public var verbose: Bool
    /// For MIPs: re-solve the LP with the integer variables fixed at their values to obtain row duals and
    /// reduced costs (shadow prices of the chosen plan).
    public var dualsWithIntegersFixed: Bool
    /// For MIPs: generate Gomory mixed-integer, MIR, cover and clique cuts (`glpsol --cuts`).
    public var cuts: Bool
    /// For MIPs: how branch-and-bound picks the column to branch on.
    public var branching: Branching
    /// For MIPs: a known feasible point (one value per variable) offered to GLPK as its first incumbent.
    public var initialSolution: [Double]?
    /// Solve LPs, and a MIP's relaxation before branch-and-bound without presolve, with the dual simplex (GLPK's
    /// `GLP_DUALP`, which falls back to the primal where the dual fails) instead of the primal.
    public var dualSimplex: Bool

    public init(
        timeLimitSeconds: Double? = nil, relativeGap: Double? = nil, absoluteGap: Double? = nil, presolve: Bool = true,
        verbose: Bool = false, dualsWithIntegersFixed: Bool = false, cuts: Bool = false, branching: Branching = .driebeckTomlin,
        initialSolution: [Double]? = nil, dualSimplex: Bool = false, objectiveTarget: Double? = nil,
        abandonsUnreachableTarget: Bool = false
    ) {
        self.objectiveTarget = objectiveTarget
        self.abandonsUnreachableTarget = abandonsUnreachableTarget
        self.dualSimplex = dualSimplex
        self.cuts = cuts
        self.branching = branching
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.absoluteGap = absoluteGap
        self.presolve = presolve
        self.verbose = verbose
        self.dualsWithIntegersFixed = dualsWithIntegersFixed
        self.initialSolution = initialSolution
    }

    /// GLPK's branching rules used here (`glp_iocp.br_tech`).
    public enum Branching: Sendable, Equatable {
        /// Driebeck–Tomlin's heuristic, GLPK's default: it prices each fractional column's branches by dual ratio tests.
        case driebeckTomlin
        /// The column whose value is farthest from a whole number (`GLP_BR_MFV`): no ratio tests, so each branching is
        /// cheap on a large model.
        case mostFractional
        /// Hybrid pseudocosts (`glpsol --pcost`).
        case pseudocost
    }
}

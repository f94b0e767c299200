import Plans

/// How to plan.
public struct PlanOptions: Sendable, Equatable {
    public var objective: Objective
    /// Tokens/s the last quarter must reach (min-capex only).
    public var tokenTargetPerSecond: Double?
    /// Wall-clock limit of each MIP solve, seconds, shared by its LP relaxation, its relax-and-fix steps
    /// and its branch-and-bound.
    public var timeLimitSeconds: Double
    /// Wall-clock budget of the whole run (every solve of a Dinkelbach sequence, the re-plan hall by hall,
    /// the diagnosis of an infeasible plan), seconds. Checked before each solve; a solve started within
    /// the budget keeps at least ``minimumSolveSeconds``.
    public var timeBudgetSeconds: Double
    /// Relative MIP gap (0.001 = 0.1 %).
    public var relativeGap: Double?
    /// An extra limit on the plan: the ε-constraint of a Pareto sweep.
    public var limit: ParetoLimit?
    /// The site's water limit as a row in every quarter (`plan --respect-water-limit`).
    public var waterLimit: WaterLimit?

    /// Default ``timeLimitSeconds``: the shipped 1 GW designs prove a 0.1 % gap in well under a second, a
    /// distinct-hall campus in seconds; a minute leaves room for larger campuses on slow machines.
    public static let defaultTimeLimitSeconds = 60.0
    /// Default ``timeBudgetSeconds``: ten solves at the default limit.
    public static let defaultTimeBudgetSeconds = 600.0
    /// Least time a solve gets once started, seconds.
    public static let minimumSolveSeconds = 1.0

    public init(objective: Objective = .maxTokens, tokenTargetPerSecond: Double? = nil,
                timeLimitSeconds: Double = defaultTimeLimitSeconds, timeBudgetSeconds: Double = defaultTimeBudgetSeconds,
                relativeGap: Double? = nil, limit: ParetoLimit? = nil, waterLimit: WaterLimit? = nil) {
        self.waterLimit = waterLimit
        self.objective = objective
        self.tokenTargetPerSecond = tokenTargetPerSecond
        self.timeLimitSeconds = timeLimitSeconds
        self.timeBudgetSeconds = timeBudgetSeconds
        self.relativeGap = relativeGap
        self.limit = limit
    }
}

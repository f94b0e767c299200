import Plans

/// Why no plan came back. ``Reports`` puts it in words.
public enum PlanError: Error, Equatable, Sendable {
    /// No plan satisfies every limit; the diagnosis says which limits must move and by how much.
    case infeasible(InfeasibilityDiagnosis)
    /// The time limit ran out before any feasible plan was found.
    case noPlanWithinLimit(seconds: Double?)
    /// The options do not fit the objective (e.g. min-capex without a token target).
    case invalidOptions(String)
}

/// The limits an infeasible plan would have to exceed, found by an elastic solve.
public struct InfeasibilityDiagnosis: Equatable, Sendable, Codable {
    /// One limit that must grow.
    public struct Shortfall: Equatable, Sendable, Codable {
        /// The row's name in the exported model.
        public var constraint: String
        public var family: ConstraintFamily
        public var capacity: Double
        /// How much the limit must grow.
        public var increase: Double
        /// The unit of `capacity` and `increase`.
        public var unit: String

        public init(constraint: String, family: ConstraintFamily, capacity: Double, increase: Double, unit: String) {
            self.constraint = constraint
            self.family = family
            self.capacity = capacity
            self.increase = increase
            self.unit = unit
        }
    }

    public var shortfalls: [Shortfall]

    public init(shortfalls: [Shortfall]) { self.shortfalls = shortfalls }
}

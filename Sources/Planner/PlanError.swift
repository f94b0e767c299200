/// Why no plan came back.
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No plan satisfies every limit; the diagnosis says which limits must move and by how much.
    case infeasible(InfeasibilityDiagnosis)
    /// The time limit ran out before any feasible plan was found.
    case noPlanWithinLimit(seconds: Double?)
    /// The options do not fit the objective (e.g. min-capex without a token target).
    case invalidOptions(String)

    public var description: String {
        switch self {
        case .infeasible(let diagnosis): "no plan satisfies every limit.\n\(diagnosis)"
        case .noPlanWithinLimit(let seconds): "no feasible plan found within the time limit\(seconds.map { " of \($0) s" } ?? "")"
        case .invalidOptions(let message): message
        }
    }
}

/// The limits an infeasible plan would have to exceed, found by an elastic solve.
public struct InfeasibilityDiagnosis: Equatable, Sendable, Codable, CustomStringConvertible {
    public struct Shortfall: Equatable, Sendable, Codable {
        public var constraint: String
        public var family: String
        public var capacity: Double
        /// How much the limit must grow.
        public var increase: Double
        public var unit: String
    }

    public var shortfalls: [Shortfall]

    public var description: String {
        shortfalls.map { "  \($0.constraint): raise by \(formatAmount($0.increase)) \($0.unit) (from \(formatAmount($0.capacity)))" }
            .joined(separator: "\n")
    }
}

/// Numbers in reports: up to 3 decimals, no trailing zeros.
func formatAmount(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
}

import PlantModel

/// A capacity limit and how tight it is: data only; ``Reports`` puts it in words.
public struct BindingLimit: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Whether one more purchase unit still fits under the limit.
    public enum State: String, FileEnum {
        /// Less than one more purchase unit of any rack in the limit fits.
        case binding
        /// More fits, but the limit has a non-zero shadow price in the LP relaxation.
        case nearLimit = "near-limit"
    }

    /// The row's name in the exported model.
    public var constraint: String
    public var family: ConstraintFamily
    public var state: State
    public var quarter: Quarter?
    /// The hall, profile or workload the limit is about, if any.
    public var subject: String?
    public var capacity: Double
    public var used: Double
    public var slack: Double
    /// The unit of `capacity`, `used` and `slack` (``ConstraintFamily/unit``; for whole units per hall, units, where the
    /// model's row is in the unit of the hall limit that sets them).
    public var unit: String
    /// Objective of the final solve gained per unit more of this limit, from the LP relaxation
    /// (continuous racks), in `shadowPriceUnit`; under a ratio objective with a gap, the ratio's change (README "What binds").
    public var shadowPrice: Double
    /// The unit of the final solve's objective (which depends on the objective and its gap), or under a ratio objective
    /// with a gap the ratio's (``Objective/unit``).
    public var shadowPriceUnit: String
    /// For a whole-units-per-hall limit (counted in units, priced per unit): the profile and the hall limit that set it.
    public var wholeUnits: WholeUnits?
    /// For a limit pooled over a group of identical halls whose pooled slack holds one more purchase unit while no hall
    /// of the group does: the halls in service, each of which binds.
    public var fullHalls: Int?

    public init(constraint: String, family: ConstraintFamily, state: State, quarter: Quarter?, subject: String?,
                capacity: Double, used: Double, slack: Double, unit: String, shadowPrice: Double, shadowPriceUnit: String,
                wholeUnits: WholeUnits? = nil, fullHalls: Int? = nil) {
        self.constraint = constraint
        self.family = family
        self.state = state
        self.quarter = quarter
        self.subject = subject
        self.capacity = capacity
        self.used = used
        self.slack = slack
        self.unit = unit
        self.shadowPrice = shadowPrice
        self.shadowPriceUnit = shadowPriceUnit
        self.wholeUnits = wholeUnits
        self.fullHalls = fullHalls
    }
}

extension BindingLimit {
    /// The same limit in every quarter: its family, subject and, for whole units per hall, profile.
    public var limitKey: String { "\(family.rawValue)|\(subject ?? "")|\(wholeUnits?.profile ?? "")" }

    /// A stand-in for ``PlaceholderDecodable`` (see ``BuildPlan/placeholder``).
    public static var placeholder: BindingLimit {
        BindingLimit(constraint: "", family: .placeholder, state: .placeholder, quarter: nil, subject: nil, capacity: 0, used: 0,
                     slack: 0, unit: "", shadowPrice: 0, shadowPriceUnit: "")
    }
}

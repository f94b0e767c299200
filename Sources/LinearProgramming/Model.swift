/// A linear or mixed-integer program: variables, named constraints and a linear objective.
///
/// `Model` is a plain value. Nothing touches GLPK until ``solve(options:)`` or ``write(to:format:)``,
/// both of which validate the whole model first and throw ``ModelError`` listing every problem.
public struct Model: Sendable, Equatable {
    /// The problem's name, written into exported files.
    public var name: String
    /// Whether the objective is minimized or maximized.
    public var sense: ObjectiveSense
    /// The columns, indexed by ``VariableID``.
    public var variables: [Variable]
    /// The rows, indexed by ``ConstraintID``.
    public var constraints: [Constraint]
    /// The objective's linear part; each variable at most once.
    public var objective: [Term]
    /// A constant added to the objective value.
    public var objectiveConstant: Double

    /// An empty model.
    public init(name: String, sense: ObjectiveSense) {
        self.name = name
        self.sense = sense
        self.variables = []
        self.constraints = []
        self.objective = []
        self.objectiveConstant = 0
    }

    /// Adds a column and returns its identifier. `nil` bounds are infinite.
    @discardableResult
    public mutating func addVariable(
        _ name: String, kind: VariableKind = .continuous,
        lowerBound: Double? = 0, upperBound: Double? = nil, objective coefficient: Double = 0
    ) -> VariableID {
        let id = VariableID(variables.count)
        variables.append(Variable(name: name, kind: kind, lowerBound: lowerBound, upperBound: upperBound))
        if coefficient != 0 { objective.append(Term(id, coefficient)) }
        return id
    }

    /// Adds a row `lowerBound ≤ Σ terms ≤ upperBound` and returns its identifier. `nil` bounds are infinite.
    @discardableResult
    public mutating func addConstraint(
        _ name: String, _ terms: [Term], lowerBound: Double? = nil, upperBound: Double? = nil
    ) -> ConstraintID {
        let id = ConstraintID(constraints.count)
        constraints.append(Constraint(name: name, terms: terms, lowerBound: lowerBound, upperBound: upperBound))
        return id
    }

    /// True when any variable is integer or binary.
    public var isMixedInteger: Bool { variables.contains { $0.kind != .continuous } }
}

/// Direction of optimization.
public enum ObjectiveSense: String, Sendable, Equatable, Codable {
    case minimize, maximize

    /// The tightest of some bounds on the objective (the least when maximizing, the greatest when minimizing), any missing;
    /// `nil` when all are.
    public func tightest(_ bounds: Double?...) -> Double? {
        bounds.compactMap { $0 }.min { self == .maximize ? $0 < $1 : $0 > $1 }
    }

    /// 1 when maximizing, −1 when minimizing: a value times it is larger the better it is.
    public var sign: Double { self == .maximize ? 1 : -1 }
}

/// Index of a variable in ``Model/variables``.
public struct VariableID: Hashable, Sendable, Comparable, Codable {
    /// Zero-based position in the model's variable list.
    public let index: Int
    /// Wraps a zero-based index.
    public init(_ index: Int) { self.index = index }
    public static func < (a: VariableID, b: VariableID) -> Bool { a.index < b.index }
}

/// Index of a constraint in ``Model/constraints``.
public struct ConstraintID: Hashable, Sendable, Comparable, Codable {
    /// Zero-based position in the model's constraint list.
    public let index: Int
    /// Wraps a zero-based index.
    public init(_ index: Int) { self.index = index }
    public static func < (a: ConstraintID, b: ConstraintID) -> Bool { a.index < b.index }
}

/// Domain of a variable.
public enum VariableKind: String, Sendable, Equatable, Codable {
    case continuous, integer, binary
}

/// One column: its name, domain and bounds (`nil` = unbounded on that side).
public struct Variable: Sendable, Equatable {
    public var name: String
    public var kind: VariableKind
    public var lowerBound: Double?
    public var upperBound: Double?

    public init(name: String, kind: VariableKind, lowerBound: Double?, upperBound: Double?) {
        self.name = name
        self.kind = kind
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

/// `coefficient × variable`.
public struct Term: Sendable, Equatable {
    public var variable: VariableID
    public var coefficient: Double

    public init(_ variable: VariableID, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// One row: `lowerBound ≤ Σ terms ≤ upperBound` (`nil` = unbounded on that side).
public struct Constraint: Sendable, Equatable {
    public var name: String
    public var terms: [Term]
    public var lowerBound: Double?
    public var upperBound: Double?

    public init(name: String, terms: [Term], lowerBound: Double?, upperBound: Double?) {
        self.name = name
        self.terms = terms
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

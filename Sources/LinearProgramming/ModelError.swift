/// A model that GLPK must not see: every problem found, each with the place it was found.
public struct ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every problem found, in model order.
    public var issues: [ModelIssue]

    public init(issues: [ModelIssue]) { self.issues = issues }

    public var description: String {
        "invalid model (\(issues.count) problem\(issues.count == 1 ? "" : "s")):\n"
            + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// One problem in a model, located by a path such as `constraints[3](site.power).terms[1]`.
public struct ModelIssue: Equatable, Sendable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: String, Equatable, Sendable {
        case emptyModel, noConstraints, invalidName, duplicateName, nonFiniteNumber, invertedBounds,
             unknownVariable, duplicateTerm, fractionalIntegerBound, binaryBoundOutsideUnit,
             invalidOption, infeasibleInitialSolution, tooLarge, magnitudeOutOfRange
    }

    public var kind: Kind
    /// Where in the model (or options) the problem sits.
    public var path: String
    /// What is wrong, with the offending value.
    public var message: String
    /// The index of the constraint the problem sits in, if it sits in one (for callers that know what each
    /// row means).
    public var constraint: Int?

    public init(_ kind: Kind, _ path: String, _ message: String, constraint: Int? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.constraint = constraint
    }

    public var description: String { "\(path): \(message)" }
}

/// GLPK returned a failure code that validation could not prevent (for example a singular basis).
public struct SolverError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The GLPK routine that failed.
    public var routine: String
    /// Its return code.
    public var code: GLPKReturnCode

    public init(routine: String, code: GLPKReturnCode) {
        self.routine = routine
        self.code = code
    }

    public var description: String { "\(routine) failed: \(code)" }
}

/// An exported model file could not be written.
public struct ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write model: \(reason)" }
}

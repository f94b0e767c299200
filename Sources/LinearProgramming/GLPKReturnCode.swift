import CGLPK

/// A return code of GLPK's solver routines (`glp_simplex`, `glp_intopt`, …), with its named cases.
public struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let success = GLPKReturnCode(rawValue: 0)
    /// Invalid initial basis.
    public static let invalidBasis = GLPKReturnCode(rawValue: GLP_EBADB)
    /// Singular basis matrix.
    public static let singularMatrix = GLPKReturnCode(rawValue: GLP_ESING)
    /// Ill-conditioned basis matrix.
    public static let illConditioned = GLPKReturnCode(rawValue: GLP_ECOND)
    /// Invalid (e.g. fractional integer) bounds.
    public static let invalidBounds = GLPKReturnCode(rawValue: GLP_EBOUND)
    /// Solver failure.
    public static let solverFailed = GLPKReturnCode(rawValue: GLP_EFAIL)
    public static let objectiveLowerLimit = GLPKReturnCode(rawValue: GLP_EOBJLL)
    public static let objectiveUpperLimit = GLPKReturnCode(rawValue: GLP_EOBJUL)
    public static let iterationLimit = GLPKReturnCode(rawValue: GLP_EITLIM)
    public static let timeLimit = GLPKReturnCode(rawValue: GLP_ETMLIM)
    /// The presolver proved that no primal feasible solution exists.
    public static let noPrimalFeasible = GLPKReturnCode(rawValue: GLP_ENOPFS)
    /// The presolver proved that no dual feasible solution exists.
    public static let noDualFeasible = GLPKReturnCode(rawValue: GLP_ENODFS)
    /// `glp_intopt` was called without an optimal LP basis.
    public static let rootNotOptimal = GLPKReturnCode(rawValue: GLP_EROOT)
    public static let stoppedByApplication = GLPKReturnCode(rawValue: GLP_ESTOP)
    /// Branch-and-bound stopped at the relative gap tolerance.
    public static let gapReached = GLPKReturnCode(rawValue: GLP_EMIPGAP)

    public var description: String {
        switch self {
        case .success: "success"
        case .invalidBasis: "GLP_EBADB (invalid basis)"
        case .singularMatrix: "GLP_ESING (singular matrix)"
        case .illConditioned: "GLP_ECOND (ill-conditioned matrix)"
        case .invalidBounds: "GLP_EBOUND (invalid bounds)"
        case .solverFailed: "GLP_EFAIL (solver failed)"
        case .objectiveLowerLimit: "GLP_EOBJLL (objective lower limit reached)"
        case .objectiveUpperLimit: "GLP_EOBJUL (objective upper limit reached)"
        case .iterationLimit: "GLP_EITLIM (iteration limit)"
        case .timeLimit: "GLP_ETMLIM (time limit)"
        case .noPrimalFeasible: "GLP_ENOPFS (no primal feasible solution)"
        case .noDualFeasible: "GLP_ENODFS (no dual feasible solution)"
        case .rootNotOptimal: "GLP_EROOT (root LP optimum not provided)"
        case .stoppedByApplication: "GLP_ESTOP (stopped by application)"
        case .gapReached: "GLP_EMIPGAP (relative gap reached)"
        default: "GLPK return code \(rawValue)"
        }
    }
}

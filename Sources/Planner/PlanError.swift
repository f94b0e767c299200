import PlantModel
import PlantPhysics
import Plans

/// Why no plan came back. ``Reports`` puts it in words.
public enum PlanError: Error, Equatable, Sendable {
    /// No plan satisfies every limit; the diagnosis says which limits must move and by how much.
    case infeasible(InfeasibilityDiagnosis)
    /// The time limit ran out before any feasible plan was found: a solve's own limit, or with `budgetSeconds` the run's budget.
    case noPlanWithinLimit(seconds: Double?, budgetSeconds: Double? = nil)
    /// The options do not fit the objective (e.g. min-capex without a token target).
    case invalidOptions(String)
    /// A field of the design or site that only planning on this site shows to be wrong (existing racks the site's design
    /// condition keeps out of their hall), at its dotted path in the design (or site) file.
    case inputProblem(path: String, message: String)
    /// The best plan has no rack: the diagnosis says which limit keeps out every profile and what to change.
    case noRacks(NoRackDiagnosis)
    /// The solver's plan breaks a limit when checked independently (numerical trouble, not a plan).
    case limitBroken(BrokenLimit)
    /// A per-rack figure is too large or too small for the solver in the limit named (input out of scale).
    case outOfScale(family: ConstraintFamily?, quarter: Quarter?, subject: String?, detail: String)
    /// Two halls, profiles or workloads get the same name in the model's rows.
    case ambiguousNames(kind: String, first: String, second: String, id: String)
    /// A hall, profile or workload name too long for the model's row names.
    case nameTooLong(kind: String, name: String, limit: Int)
    /// GLPK failed numerically (e.g. a singular basis it could not repair).
    case solverFailed
}

/// Why no rack fits anywhere: for each allowed profile, the limits one purchase unit of it already exceeds
/// on its own in the first quarter it could be installed, and workloads no allowed profile can serve.
public struct NoRackDiagnosis: Equatable, Sendable, Codable {
    /// One limit that keeps a profile out.
    public struct Blocker: Equatable, Sendable, Codable {
        public var profile: String
        /// Racks in one purchase unit.
        public var unitRacks: Int
        public var family: ConstraintFamily
        public var quarter: Quarter?
        /// The hall, for per-hall limits.
        public var hall: String?
        /// The water loop, for the plant limits of a loop other than the main one (README "Water loops").
        public var loop: String? = nil
        /// For a per-hall limit of a group of identical halls: its halls, `capacity` being one hall's.
        public var hallsInGroup: Int? = nil
        /// The hall group with a build option whose capex the unit's need of the capex budget counts: the unit stands in no
        /// hall until one is built (the least such need over the halls that admit it; `nil` where a given hall admits it).
        public var hallToBuild: String? = nil
        /// The power blocks (`halls[].powerBlocks`) whose capex that need counts: what one unit's power needs beyond the
        /// hall's own; `nil` for none.
        public var powerBlocksToBuild: Int? = nil
        /// The battery (`powerChain.battery.build`) whose capex that need counts: what a ride-through at one unit's facility
        /// MW needs beyond what is in place; `nil` for none.
        public var batteryToBuild: Battery? = nil
        /// What one purchase unit needs of the limit, and what the limit is, in `unit`.
        public var needed: Double
        public var capacity: Double
        public var unit: String

        /// Battery energy and power to add.
        public struct Battery: Equatable, Sendable, Codable {
            public var energyMWh: Double
            public var powerMW: Double
        }
    }

    public var blockers: [Blocker]
    /// Allowed profiles kept out of every hall, with the reasons (rack too hot, too heavy, no CDUs, …).
    public var exclusions: [String]
    /// Workloads of the mix with a share > 0 that no allowed profile has a throughput for: their share
    /// rows force every workload's tokens, and so every rack, to zero.
    public var unservedWorkloads: [String]
    /// The design condition the coefficients were computed at, and the facility-water supply set-point.
    public var condition: DesignCondition
    public var supplySetPointC: Double?
}

/// A limit the solver's plan breaks when recomputed from the plan's racks.
public struct BrokenLimit: Equatable, Sendable, Codable {
    public var family: ConstraintFamily
    public var quarter: Quarter?
    public var subject: String?
    public var used: Double
    public var capacity: Double
    public var unit: String
}

/// The limits an infeasible plan would have to exceed, found by an elastic solve.
public struct InfeasibilityDiagnosis: Equatable, Sendable, Codable {
    /// One limit that must grow.
    public struct Shortfall: Equatable, Sendable, Codable {
        /// The row's name in the exported model.
        public var constraint: String
        public var family: ConstraintFamily
        public var quarter: Quarter?
        /// The hall, profile or workload the limit is about, if any.
        public var subject: String?
        public var capacity: Double
        /// How much the limit must grow.
        public var increase: Double
        /// The unit of `capacity` and `increase`.
        public var unit: String
        /// For whole units per hall (counted in whole units): the profile and the hall limit that set them.
        public var wholeUnits: WholeUnits?

        public init(constraint: String, family: ConstraintFamily, quarter: Quarter? = nil, subject: String? = nil,
                    capacity: Double, increase: Double, unit: String, wholeUnits: WholeUnits? = nil) {
            self.constraint = constraint
            self.family = family
            self.quarter = quarter
            self.subject = subject
            self.capacity = capacity
            self.increase = increase
            self.unit = unit
            self.wholeUnits = wholeUnits
        }
    }

    public var shortfalls: [Shortfall]

    public init(shortfalls: [Shortfall]) { self.shortfalls = shortfalls }
}

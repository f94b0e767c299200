/// The exit codes README documents, one per way a command can end.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The command did what it was asked.
    case success = 0
    /// An input file (site, design, catalog, plan.json, weather) is invalid: every problem is on stderr.
    case invalidInput = 1
    /// The command line is wrong: a flag or its value.
    case usage = 2
    /// No plan satisfies every limit: the limits to move, and by how much, are on stderr.
    case infeasible = 3
    /// The time limit ran out before any feasible plan was found.
    case noPlanWithinLimit = 4
}

/// How a command failed: the lines for stderr and the exit status.
public struct CommandFailure: Error, Sendable, Equatable {
    public var lines: [String]
    public var status: ExitStatus

    public init(_ lines: [String], status: ExitStatus) {
        self.lines = lines
        self.status = status
    }
}

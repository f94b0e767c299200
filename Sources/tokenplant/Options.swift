import Foundation
import ArgumentParser
import Planner
import Plans
import Reports
import Workflows

/// `--site` and `--catalog`: the files every planning command reads besides the design.
struct InputOptions: ParsableArguments {
    @Option(help: "Site file (default: the design's `site:`).") var site: String?
    @Option(help: "Rack-profile catalog to use instead of the bundled one.") var catalog: String?

    func paths(design: String) -> InputPaths { InputPaths(design: design, site: site, catalog: catalog) }
}

/// `--time-limit`, `--time-budget` and `--gap`: how long and how close the planner searches.
struct SolverOptionGroup: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "Seconds per MIP solve (0 < S ≤ 86400).")
    var timeLimit: Double = PlanOptions.defaultTimeLimitSeconds
    @Option(name: .customLong("time-budget"), help: "Seconds for the whole planning run, every solve included (0 < S ≤ 86400).")
    var timeBudget: Double = PlanOptions.defaultTimeBudgetSeconds
    @Option(help: "Relative MIP gap, as a fraction in [0, 1) (0.001 = 0.1 %; 0 proves optimality).") var gap: Double = 0.001

    func validate() throws {
        try requireRange("--time-limit", timeLimit, 0, 86_400, "seconds", lowOpen: true)
        try requireRange("--time-budget", timeBudget, 0, 86_400, "seconds", lowOpen: true)
        guard gap.isFinite, gap >= 0, gap < 1 else {
            throw ValidationError("--gap must be a fraction in [0, 1) (0.001 = 0.1 %), got \(gap)")
        }
    }

    /// The planner's options for `objective`.
    func planOptions(_ objective: Objective = .maxTokens, tokenTarget: Double? = nil) -> PlanOptions {
        PlanOptions(objective: objective, tokenTargetPerSecond: tokenTarget, timeLimitSeconds: timeLimit,
                    timeBudgetSeconds: timeBudget, relativeGap: gap)
    }
}

/// Refuses a flag value outside [low, high] (or (low, high] with `lowOpen`), naming the flag.
func requireRange(_ flag: String, _ value: Double, _ low: Double, _ high: Double, _ unit: String, lowOpen: Bool = false) throws {
    let aboveLow = lowOpen ? value > low : value >= low
    guard value.isFinite, aboveLow, value <= high else {
        let (a, b) = (NumberText.significant(low, 6), NumberText.significant(high, 6))
        let range = lowOpen ? "(\(a), \(b)]" : "[\(a), \(b)]"
        throw ValidationError("\(flag) must be in \(range) \(unit), got \(value)")
    }
}

/// Refuses a count flag outside low…high, naming the flag.
func requireCount(_ flag: String, _ value: Int, _ range: ClosedRange<Int>) throws {
    guard range.contains(value) else {
        throw ValidationError("\(flag) must be \(range.lowerBound)…\(range.upperBound), got \(value)")
    }
}

extension Objective: ExpressibleByArgument {}
extension ParetoAxis: ExpressibleByArgument {}
extension ResultFormat: ExpressibleByArgument {}
extension ListFormat: ExpressibleByArgument {}

/// Prints what `body` returns on stdout; on failure prints its lines on stderr and exits with its status.
func emit(_ body: () throws -> String) throws {
    do {
        print(try body(), terminator: "")
    } catch let failure as CommandFailure {
        for line in failure.lines { printError(line) }
        throw ExitCode(failure.status.rawValue)
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

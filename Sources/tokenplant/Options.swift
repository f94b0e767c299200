import Foundation
import ArgumentParser
import Planner
import Plans
import Workflows

/// `--site` and `--catalog`: the files every planning command reads besides the design.
struct InputOptions: ParsableArguments {
    @Option(help: "Site file (default: the design's `site:`).") var site: String?
    @Option(help: "Rack-profile catalog to use instead of the bundled one.") var catalog: String?

    func paths(design: String) -> InputPaths { InputPaths(design: design, site: site, catalog: catalog) }
}

/// `--time-limit` and `--gap`: how long and how close each MIP solve searches.
struct SolverOptionGroup: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "Seconds per MIP solve.") var timeLimit: Double?
    @Option(help: "Relative MIP gap, as a fraction (0.001 = 0.1 %; 0 proves optimality).") var gap: Double = 0.001
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

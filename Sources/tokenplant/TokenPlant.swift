import ArgumentParser
import Foundation
import LinearProgramming
import Workflows

/// The `tokenplant` command: a thin shell over the TokenPlant libraries.
@main
struct TokenPlant: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenplant",
        abstract: "Plan and simulate AI factories: hardware mix, power and cooling, hour by hour.",
        version: "0.1.0",
        subcommands: [Validate.self, Profiles.self, Plan.self, Simulate.self, Compare.self, Report.self, Bench.self, BenchTwin.self,
                      BenchCompare.self, BenchHold.self, ClimateCommand.self, Schema.self]
    )

    /// Runs the command; usage errors exit with ``ExitStatus/usage`` (2) as README documents (ArgumentParser's
    /// default is 64).
    static func main() {
        SolverMemory.keepFreedPages()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError(fullMessage(for: error))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}

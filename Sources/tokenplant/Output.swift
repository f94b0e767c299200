import ArgumentParser
import Foundation
import Planner

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Runs a planning call, turning a ``PlanError`` into its message and exit code (3 infeasible, 4 no plan
/// within the limit, 2 invalid options).
func planning<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PlanError {
        printError("plan: \(error)")
        switch error {
        case .infeasible: throw ExitCode(3)
        case .noPlanWithinLimit: throw ExitCode(4)
        case .invalidOptions: throw ExitCode(2)
        }
    }
}

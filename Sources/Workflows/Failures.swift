import Climate
import Foundation
import LinearProgramming
import Planner
import PlantModel
import Reports

extension CommandFailure {
    /// Every problem of an input file, `FILE:LINE: field.path: message`; exit 1.
    static func invalid(_ error: InputError) -> CommandFailure {
        CommandFailure(error.issues.map(\.description), status: .invalidInput)
    }

    /// A planning failure in words; exit 3 (infeasible), 4 (no plan in time), 2 (options) or 1 (an input the plan shows wrong).
    static func planning(_ error: PlanError) -> CommandFailure {
        let status: ExitStatus
        switch error {
        case .infeasible, .noRacks: status = .infeasible
        case .noPlanWithinLimit, .limitBroken, .solverFailed: status = .noPlanWithinLimit
        case .invalidOptions: status = .usage
        case .outOfScale, .ambiguousNames, .nameTooLong, .inputProblem: status = .invalidInput
        }
        return CommandFailure(["plan: " + LimitText.message(error)], status: status)
    }

    /// A weather file that cannot be read; exit 1.
    static func weather(_ error: EPWError) -> CommandFailure {
        CommandFailure(["invalid weather file: \(error)"], status: .invalidInput)
    }

    /// An output that could not be written, naming the path, what is wrong and what to change; exit 1.
    /// `option` is the command-line option that chose the place (`--out`, `--export-model`).
    static func output(_ path: String, option: String, _ error: any Error) -> CommandFailure {
        let line: String
        switch error {
        case let error as OutputError: line = error.message(option: option)
        case let error as ExportError: line = OutputError(path: path, problem: error.reason).message(option: option)
        default: line = OutputError(path: path, problem: "\(error)").message(option: option)
        }
        return CommandFailure([line], status: .invalidInput)
    }
}

extension CommandFailure {
    /// The failure, and where `folder` holds an output set of an earlier run (its manifest.json), a line saying that its
    /// files are that run's: a failed run writes nothing there, and they could be taken for this one's.
    func notingEarlierOutputs(in folder: String?) -> CommandFailure {
        guard let folder, FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(OutputSet.manifestName).path)
        else { return self }
        return CommandFailure(lines + ["nothing was written to \(folder): the files there are an earlier run's (listed in its \(OutputSet.manifestName))"],
                              status: status)
    }
}

/// Runs `body`, turning the library's input and planning errors into a ``CommandFailure``.
func failing<T>(_ body: () throws -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch let error as CommandFailure {
        throw error
    } catch let error as InputError {
        throw .invalid(error)
    } catch let error as PlanError {
        throw .planning(error)
    } catch let error as EPWError {
        throw .weather(error)
    } catch {
        // Every error the libraries throw is handled above; anything else is a bug, named without internals.
        throw CommandFailure(["the command failed for a reason TokenPlant does not recognize: please report it with the command line"],
                             status: .invalidInput)
    }
}

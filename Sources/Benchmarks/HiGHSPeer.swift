import Foundation

/// HiGHS (PyPI `highspy`) on a model the planner exported, through `scripts/highs_peer.py`: the peer the planner's
/// time is held against (README "bench"). Bench only: no test and no plan needs Python or HiGHS.
public enum HiGHSPeer {
    /// What the peer measured, or why it could not.
    public enum Outcome: Sendable, Equatable {
        /// Seconds of each run (reading and solving), with the last run's status and final relative gap.
        case measured(seconds: [Double], status: String, gap: Double)
        /// Why no time was measured, in words.
        case unavailable(String)
    }

    /// What the bench says when python3, highspy or the script is missing.
    public static let notInstalled = "not installed (pip install highspy)"

    /// Exit code of the script when `import highspy` fails.
    static let missingModuleExit: Int32 = 3

    /// Runs the script on `model` (`runs` solves on one thread at relative gap `gap`, each within `timeLimitSeconds`).
    public static func run(model: String, gap: Double, timeLimitSeconds: Double, runs: Int, script: String) -> Outcome {
        guard FileManager.default.isReadableFile(atPath: script) else { return .unavailable(notInstalled) }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("highs-peer-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: output) }
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: output) else { return .unavailable("could not write \(output.path)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, model, String(gap), String(timeLimitSeconds), String(runs)]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            try? handle.close()
            return .unavailable(notInstalled)
        }
        process.waitUntilExit()
        try? handle.close()
        // /usr/bin/env exits 127 when python3 is not on PATH; the script exits 3 without highspy.
        if process.terminationStatus == 127 || process.terminationStatus == missingModuleExit { return .unavailable(notInstalled) }
        let rows = parse((try? String(contentsOf: output, encoding: .utf8)) ?? "")
        guard process.terminationStatus == 0, rows.count == runs, let last = rows.last else {
            return .unavailable("the script failed (exit \(process.terminationStatus)) on \(model)")
        }
        return .measured(seconds: rows.map(\.seconds), status: last.status, gap: last.gap)
    }

    /// One run as the script prints it: `seconds STATUS objective mip_gap`.
    public struct Row: Sendable, Equatable {
        public var seconds: Double
        public var status: String
        public var objective: Double
        public var gap: Double
    }

    /// The run lines of the script's output; other lines (HiGHS's banner) are skipped.
    public static func parse(_ output: String) -> [Row] {
        output.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 4, let seconds = Double(fields[0]), seconds.isFinite, seconds >= 0,
                  let objective = Double(fields[2]), let gap = Double(fields[3]) else { return nil }
            return Row(seconds: seconds, status: String(fields[1]), objective: objective, gap: gap)
        }
    }
}

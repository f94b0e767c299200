import Foundation
import Planner
import Plans
import Reports
import PlantModel

/// Times the planner on a design against `glpsol` (same gap, `--cuts`) and HiGHS (``HiGHSPeer``: same gap, one
/// thread) solving the planner's own exported model, in the same run, and reports medians and their ratios.
public enum PlanBenchmark {
    public struct Result: Sendable {
        public var plannerSeconds: [Double]
        public var glpsolSeconds: [Double]
        /// Whether a glpsol run stopped at the time limit rather than at the gap.
        public var glpsolHitLimit: Bool
        public var highs: HiGHSPeer.Outcome
        public var gap: Double?
        public var integerVariables: Int

        public static func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }

        public var summary: String {
            let ours = Self.median(plannerSeconds) ?? .nan
            var text = "planner: median \(NumberText.fixed(ours, 3)) s over \(plannerSeconds.count) runs, \(integerVariables) integer variables, final gap \(gap.map { NumberText.fixed($0 * 100, 3) } ?? "-") %\n"
            if let peer = Self.median(glpsolSeconds) {
                let limit = glpsolHitLimit ? " (time limit reached, gap not proven)" : ""
                text += "glpsol --cuts --mipgap on the exported model: median \(NumberText.fixed(peer, 3)) s\(limit)\n"
                text += "ratio planner/glpsol: \(NumberText.fixed(ours / peer, 3))\n"
            } else {
                text += "glpsol not found: no peer measured\n"
            }
            switch highs {
            case let .measured(seconds, status, gap):
                let peer = Self.median(seconds) ?? .nan
                text += "HiGHS (highspy, 1 thread, mip_rel_gap) on the exported model: median \(NumberText.fixed(peer, 3)) s, "
                    + "last run \(status), gap \(NumberText.fixed(gap * 100, 3)) %\n"
                text += "ratio planner/HiGHS: \(NumberText.fixed(ours / peer, 3))\n"
            case let .unavailable(reason):
                text += "HiGHS: \(reason)\n"
            }
            return text
        }
    }

    /// `runs` plans of `inputs`, then `runs` solves of the last plan's model by each peer (`highsScript`: the path of
    /// `scripts/highs_peer.py`).
    public static func run(inputs: PlanningInputs, options: PlanOptions, runs: Int, glpsol: String = "/usr/bin/glpsol",
                           highsScript: String = "scripts/highs_peer.py") throws -> Result {
        var ours: [Double] = []
        var last: PlanResult?
        for _ in 0..<runs {
            let result = try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog,
                                          inputs: inputs.provenance, options: options)
            ours.append(result.elapsedSeconds)
            last = result
        }
        var peer: [Double] = []
        var hitLimit = false
        var highs = HiGHSPeer.Outcome.unavailable("no model to solve")
        if let last {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(getpid()).lp").path
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(getpid()).log").path
            defer {
                try? FileManager.default.removeItem(atPath: path)
                try? FileManager.default.removeItem(atPath: log)
            }
            try last.model.write(to: path, format: .cplexLP)
            if FileManager.default.isExecutableFile(atPath: glpsol) {
                for _ in 0..<runs {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: glpsol)
                    let gap = options.relativeGap.map { ["--mipgap", String($0)] } ?? []
                    process.arguments = ["--lp", path, "--cuts"] + gap + ["--tmlim", String(Int(options.timeLimitSeconds.rounded(.up))), "--log", log]
                    process.standardOutput = FileHandle.nullDevice
                    let start = Date()
                    try process.run()
                    process.waitUntilExit()
                    peer.append(Date().timeIntervalSince(start))
                    hitLimit = hitLimit || ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("TIME LIMIT EXCEEDED")
                }
            }
            highs = HiGHSPeer.run(model: path, gap: options.relativeGap ?? 0, timeLimitSeconds: options.timeLimitSeconds, runs: runs,
                                  script: highsScript)
        }
        return Result(plannerSeconds: ours, glpsolSeconds: peer, glpsolHitLimit: hitLimit, highs: highs,
                      gap: last?.plan.solver.relativeGap, integerVariables: last?.plan.solver.integerVariables ?? 0)
    }
}

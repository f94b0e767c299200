import Foundation
import Planner
import Plans
import Reports
import PlantModel

/// Times the planner on a design against `glpsol` solving the planner's own exported model with the
/// same gap and cuts, in the same run, and reports medians and their ratio.
public enum PlanBenchmark {
    public struct Result: Sendable {
        public var plannerSeconds: [Double]
        public var glpsolSeconds: [Double]
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
                text += "glpsol --cuts --mipgap on the exported model: median \(NumberText.fixed(peer, 3)) s\n"
                text += "ratio planner/glpsol: \(NumberText.fixed(ours / peer, 3))\n"
            } else {
                text += "glpsol not found: no peer measured\n"
            }
            return text
        }
    }

    public static func run(inputs: PlanningInputs, options: PlanOptions, runs: Int, glpsol: String = "/usr/bin/glpsol") throws -> Result {
        var ours: [Double] = []
        var last: PlanResult?
        for _ in 0..<runs {
            let result = try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog,
                                          inputs: inputs.provenance, options: options)
            ours.append(result.elapsedSeconds)
            last = result
        }
        var peer: [Double] = []
        if let last, FileManager.default.isExecutableFile(atPath: glpsol) {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(getpid()).lp").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try last.model.write(to: path, format: .cplexLP)
            for _ in 0..<runs {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: glpsol)
                let gap = options.relativeGap.map { ["--mipgap", String($0)] } ?? []
                process.arguments = ["--lp", path, "--cuts"] + gap + ["--tmlim", String(Int(options.timeLimitSeconds.rounded(.up)))]
                process.standardOutput = FileHandle.nullDevice
                let start = Date()
                try process.run()
                process.waitUntilExit()
                peer.append(Date().timeIntervalSince(start))
            }
        }
        return Result(plannerSeconds: ours, glpsolSeconds: peer, gap: last?.plan.solver.relativeGap,
                      integerVariables: last?.plan.solver.integerVariables ?? 0)
    }
}

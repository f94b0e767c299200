import Foundation
import Testing
import LinearProgramming
import Numerics

/// Exported models, solved by GLPK's own `glpsol`, must give our objective.
@Suite("Export to CPLEX-LP and MPS")
struct ModelExportTests {
    static let glpsol = ["/usr/bin/glpsol", "/usr/local/bin/glpsol"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs glpsol on a file and returns the objective it prints in its solution report.
    static func glpsolObjective(_ arguments: [String]) throws -> Double {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("glpsol-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol!)
        process.arguments = arguments + ["-o", output.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let report = try String(contentsOf: output, encoding: .utf8)
        let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        // "Objective:  objective = 36 (MAXimum)"
        let value = line.split(separator: "=")[1].split(separator: " ")[0]
        return try #require(Double(value))
    }

    @Test("glpsol --lp and --freemps reproduce the objective", arguments: [ModelFileFormat.cplexLP, .freeMPS])
    func roundTrip(format: ModelFileFormat) throws {
        guard Self.glpsol != nil else {
            print("skipped: glpsol not installed (apt-get install glpk-utils)")
            return
        }
        for model in [TestModels.wyndor().0, TestModels.smallMIP()] {
            let ours = try #require(try model.solve().objectiveValue)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(model.name)-\(UUID().uuidString).\(format.rawValue)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try model.write(to: path, format: format)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("plant3") || text.contains("row(2)"), "names kept in \(format)")
            let arguments = format == .cplexLP ? ["--lp", path] : ["--freemps", path, "--max"]
            #expect(try Self.glpsolObjective(arguments).isApproximatelyEqual(to: ours, absoluteTolerance: 1e-6))
        }
    }

    @Test("Writing into a missing folder is an error, not a crash, and leaves no file")
    func missingFolder() {
        #expect(throws: ExportError.self) {
            try TestModels.wyndor().0.write(to: "/nonexistent-folder/model.lp", format: .cplexLP)
        }
    }
}

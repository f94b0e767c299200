import ArgumentParser
import Foundation
import Workflows

/// `tokenplant bench`: the planner's performance case, measured against glpsol and HiGHS in the same run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the planner on a design against glpsol and HiGHS on the exported model (medians, ratios).")

    @Argument(help: "Design to plan.") var design: String = "reference-designs/mixed-retrofit.yaml"
    @Option(help: "Runs of each.") var runs: Int = 5
    @Option(help: "Relative MIP gap.") var gap: Double = 0.001
    @Option(name: .customLong("time-limit"), help: "Seconds per solve.") var timeLimit: Double = 60
    @Option(name: .customLong("highs-script"), help: "The HiGHS peer's script (python3 with highspy).") var highsScript: String = "scripts/highs_peer.py"

    func validate() throws {
        try requireCount("--runs", runs, 1...100)
        try requireRange("--gap", gap, 0, 1, "(a fraction)")
        try requireRange("--time-limit", timeLimit, 0, 86_400, "seconds", lowOpen: true)
    }

    func run() throws {
        try emit { try BenchWorkflow.planner(design: design, runs: runs, gap: gap, timeLimitSeconds: timeLimit, highsScript: highsScript) }
    }
}

/// `tokenplant bench-twin`: the twin's performance case.
struct BenchTwin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-twin",
        abstract: "Time the hourly twin on a planned 1 GW design: site-years per second per core, a Monte Carlo, peak memory.")

    @Argument(help: "Design to plan and simulate.") var design: String = "reference-designs/vera-rubin-1gw.yaml"
    @Option(help: "EnergyPlus weather file (default: a synthetic year from the site's figures).") var weather: String?
    @Option(help: "Timed single-thread years.") var runs: Int = 20
    @Option(name: .customLong("monte-carlo-years"), help: "Years in the Monte Carlo.") var monteCarloYears: Int = 1000
    @Option(help: "Threads for the Monte Carlo.") var threads: Int = min(256, ProcessInfo.processInfo.activeProcessorCount)

    func validate() throws {
        try requireCount("--runs", runs, 1...1_000)
        try requireCount("--monte-carlo-years", monteCarloYears, 1...100_000)
        try requireCount("--threads", threads, 1...256)
    }

    func run() throws {
        try emit {
            try BenchWorkflow.twin(design: design, weather: weather, runs: runs, monteCarloYears: monteCarloYears, threads: threads)
        }
    }
}

/// `tokenplant bench-hold`: `plan --hold-every-hour`'s performance case.
struct BenchHold: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-hold",
        abstract: "Time plan --hold-every-hour on a 1 GW design over one weather year (median of runs, passes).")

    @Argument(help: "Design to hold.") var design: String = "reference-designs/vera-rubin-1gw.yaml"
    @Option(help: "EnergyPlus weather file (default: the site's climate.epw, else a synthetic year).") var weather: String?
    @Option(help: "Runs.") var runs: Int = 3

    func validate() throws {
        try requireCount("--runs", runs, 1...100)
    }

    func run() throws {
        try emit { try BenchWorkflow.hold(design: design, weather: weather, runs: runs) }
    }
}

/// `tokenplant bench-compare`: `compare`'s performance case, all cores against one.
struct BenchCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-compare",
        abstract: "Time compare on every shipped design × site (one synthetic year each), on all cores and on one.")

    @Argument(help: "Designs (default: every shipped design).") var designs: [String] = BenchCompare.shipped("reference-designs")
    @Option(help: "Site file; repeat for several (default: every shipped site).") var site: [String] = BenchCompare.shipped("sites")
    @Option(help: "Runs of each.") var runs: Int = 3
    @Option(help: "Threads.") var threads: Int = min(256, ProcessInfo.processInfo.activeProcessorCount)

    /// The YAML files of a shipped folder, sorted.
    static func shipped(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { "\(folder)/\($0)" }
    }

    func validate() throws {
        try requireCount("--runs", runs, 1...100)
        try requireCount("--threads", threads, 1...256)
        try requireCount("designs", designs.count, 1...CompareWorkflow.maxDesigns)
        try requireCount("--site (count)", site.count, 1...CompareWorkflow.maxSites)
    }

    func run() throws {
        try emit { try BenchWorkflow.compare(designs: designs, sites: site, runs: runs, threads: threads) }
    }
}

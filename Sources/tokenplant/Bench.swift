import ArgumentParser
import Foundation
import Workflows

/// `tokenplant bench`: the planner's performance case, measured against glpsol in the same run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the planner on a 1 GW design against glpsol on the exported model (medians, ratio).")

    @Argument(help: "Design to plan.") var design: String = "reference-designs/mixed-retrofit.yaml"
    @Option(help: "Runs of each.") var runs: Int = 5
    @Option(help: "Relative MIP gap.") var gap: Double = 0.001
    @Option(name: .customLong("time-limit"), help: "Seconds per solve.") var timeLimit: Double = 60

    func validate() throws {
        try requireCount("--runs", runs, 1...100)
        try requireRange("--gap", gap, 0, 1, "(a fraction)")
        try requireRange("--time-limit", timeLimit, 0, 86_400, "seconds", lowOpen: true)
    }

    func run() throws {
        try emit { try BenchWorkflow.planner(design: design, runs: runs, gap: gap, timeLimitSeconds: timeLimit) }
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
    @Option(help: "Threads for the Monte Carlo.") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

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

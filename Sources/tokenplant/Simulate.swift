import ArgumentParser
import Foundation
import Workflows

/// `tokenplant simulate DESIGN`
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a build plan hour by hour over weather years: power and thermal headroom, PUE, water, tokens.",
        discussion: "Exit codes: 0 done; 1 invalid input; 2 usage; 3/4 as plan when it plans first.")

    @Argument(help: "Reference design file.") var design: String
    @OptionGroup var inputs: InputOptions
    @Option(help: "A plan.json written by `plan --out` (default: plan first with max-tokens).") var plan: String?
    @Option(help: "EnergyPlus weather file (default: the site's climate.epw, else synthetic years from its climate figures).") var weather: String?
    @Option(help: "Calendar years to simulate from the first (default: to the plan's last quarter).") var years: Int?
    @Option(name: .customLong("from-year"), help: "First calendar year to simulate (default: the plan's first; a year after the plan holds its last quarter's fleet).")
    var fromYear: Int?
    @Option(help: "Monte Carlo runs (outages, demand noise, synthetic weather years).") var runs: Int = 1
    @Option(help: "Seed of every random draw.") var seed: UInt64 = 1
    @OptionGroup(title: "Planning (when no --plan is given)") var solver: SolverOptionGroup
    @Option(help: "Folder for timeseries.csv (run 0), summary.json and manifest.json.") var out: String?
    @Option(help: "table or json (--out writes the hourly time series).") var format: ResultFormat = .table

    func validate() throws {
        try requireCount("--runs", runs, 1...SimulateWorkflow.maxRuns)
        if let years { try requireCount("--years", years, 1...SimulateWorkflow.maxYears) }
        if let fromYear { try requireCount("--from-year", fromYear, 1900...2200) }
    }

    func run() throws {
        var progress: (@Sendable (Int) -> Void)?
        if runs > 1, isatty(STDERR_FILENO) != 0 {
            let total = runs
            progress = { done in printError("simulate: run \(done)/\(total)") }
        }
        try emit {
            try SimulateWorkflow.run(SimulateWorkflow.Request(
                inputs: inputs.paths(design: design), planFile: plan, weatherFile: weather, years: years, fromYear: fromYear, runs: runs, seed: seed,
                outFolder: out, format: format, planOptions: solver.planOptions()), warn: printError, progress: progress)
        }
    }
}

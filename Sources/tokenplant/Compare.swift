import ArgumentParser
import Foundation
import Planner
import Plans
import Reports
import Workflows

/// `tokenplant compare DESIGN...`
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan every design on every site, simulate each plan's final fleet over a weather year, and rank the pairs.",
        discussion: """
            Pairs that cannot be planned stay in the comparison with the planner's diagnosis. \
            Exit codes: 0 compared (even with pairs that have no plan); 1 invalid input; 2 usage.
            """)

    @Argument(help: "Reference design files.") var designs: [String]
    @Option(help: "Site file; repeat for several (default: each design's `site:`).") var site: [String] = []
    @Option(help: "Rack-profile catalog to use instead of the bundled one.") var catalog: String?
    @Option(help: "max-tokens, tokens-per-mw, cost-per-token or min-capex.") var objective: Objective = .maxTokens
    @Option(name: .customLong("token-target"), help: "Tokens/s the last quarter must reach (min-capex).") var tokenTarget: Double?
    @OptionGroup var solver: SolverOptionGroup
    @Option(name: .customLong("rank-by"), help: "tokens-per-mw, tokens, cost-per-token, capex or pue (default: the objective's figure).")
    var rankBy: RankFigure?
    @Option(help: "EnergyPlus weather file, once per site in the order of the sites (default: synthetic years from each site's climate figures).")
    var weather: [String] = []
    @Option(help: "Weather years simulated per pair (synthetic weather; an EPW file repeats its year).") var years: Int = 1
    @Option(help: "Seed of every random draw.") var seed: UInt64 = 1
    @Option(name: .customLong("workload-mix"), help: "A file with a `workloadMix:` list imposed on every design.") var workloadMix: String?
    @Option(help: "Pairs planned at once (default: the machine's cores, at most 256).") var threads: Int = min(256, ProcessInfo.processInfo.activeProcessorCount)
    @Option(help: "Folder for compare.json, compare.csv and manifest.json.") var out: String?
    @Option(help: "Write a self-contained HTML page of the comparison (ranked chart and table) to FILE.") var html: String?
    @Option(help: "table, json or csv.") var format: ListFormat = .table

    func validate() throws {
        try requireCount("designs", designs.count, 1...CompareWorkflow.maxDesigns)
        try requireCount("--site (count)", site.count, 0...CompareWorkflow.maxSites)
        try requireCount("--years", years, 1...CompareWorkflow.maxYears)
        try requireCount("--threads", threads, 1...256)
        if let tokenTarget {
            try requireRange("--token-target", tokenTarget, 0, 1e15, "tokens/s", lowOpen: true)
        } else if objective == .minCapex {
            throw ValidationError("--objective min-capex needs --token-target (tokens/s the last quarter must reach)")
        }
    }

    func run() throws {
        try emit {
            try CompareWorkflow.run(CompareWorkflow.Request(
                designs: designs, sites: site, catalog: catalog, options: solver.planOptions(objective, tokenTarget: tokenTarget),
                weatherFiles: weather, years: years, seed: seed, workloadMix: workloadMix, rankBy: rankBy, format: format,
                outFolder: out, htmlFile: html, threads: threads))
        }
    }
}

extension RankFigure: ExpressibleByArgument {}

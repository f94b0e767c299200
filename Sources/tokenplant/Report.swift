import ArgumentParser
import Foundation
import Plans
import Workflows

/// `tokenplant report DESIGN --out report.html`
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan and simulate a design and write one self-contained HTML report: key figures, charts, sources.",
        discussion: "Exit codes: 0 written; 1 invalid input or the file cannot be written; 2 usage; 3/4 as plan when it plans first.")

    @Argument(help: "Reference design file.") var design: String
    @OptionGroup var inputs: InputOptions
    @Option(help: "A plan.json written by `plan --out` (default: plan first).") var plan: String?
    @Option(help: "A pareto.json written by `plan --pareto N --out`, drawn as the Pareto frontier.") var pareto: String?
    @Option(help: "EnergyPlus weather file (default: the site's climate.epw, else synthetic years from its climate figures).") var weather: String?
    @Option(help: "Calendar years to simulate from the plan's first year (default: the plan's horizon); the last is shown hour by hour.") var years: Int?
    @Option(help: "Seed of every random draw.") var seed: UInt64 = 1
    @Option(help: "max-tokens, tokens-per-mw, cost-per-token or min-capex (when no --plan is given).") var objective: Objective = .maxTokens
    @Option(name: .customLong("token-target"), help: "Tokens/s the last quarter must reach (min-capex).") var tokenTarget: Double?
    @OptionGroup(title: "Planning (when no --plan is given)") var solver: SolverOptionGroup
    @Option(help: "The HTML file to write.") var out: String

    func validate() throws {
        if let years { try requireCount("--years", years, 1...SimulateWorkflow.maxYears) }
        if let tokenTarget {
            try requireRange("--token-target", tokenTarget, 0, 1e15, "tokens/s", lowOpen: true)
        } else if objective == .minCapex, plan == nil {
            throw ValidationError("--objective min-capex needs --token-target (tokens/s the last quarter must reach)")
        }
    }

    func run() throws {
        try emit {
            try ReportWorkflow.run(ReportWorkflow.Request(
                inputs: inputs.paths(design: design), planFile: plan, paretoFile: pareto, weatherFile: weather, years: years, seed: seed,
                outFile: out, planOptions: solver.planOptions(objective, tokenTarget: tokenTarget)), warn: printError)
        }
    }
}

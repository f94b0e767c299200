import ArgumentParser
import LinearProgramming
import Planner
import Plans
import Workflows

/// `tokenplant plan DESIGN`
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Choose the hardware mix hall by hall and quarter by quarter (GLPK mixed-integer program).",
        discussion: "Exit codes: 0 plan found; 1 invalid input; 2 usage; 3 infeasible (with the limits to move); 4 no plan within the time limit.")

    @Argument(help: "Reference design file.") var design: String
    @OptionGroup var inputs: InputOptions
    @Option(help: "max-tokens, tokens-per-mw, cost-per-token or min-capex.") var objective: Objective = .maxTokens
    @Option(name: .customLong("token-target"), help: "Tokens/s the last quarter must reach (min-capex).") var tokenTarget: Double?
    @OptionGroup var solver: SolverOptionGroup
    @Option(help: "Folder for plan.json, plan.csv, bom.csv, quarters.csv, cashflow.csv and buildnext.csv (pareto.json and pareto.csv with --pareto), and manifest.json.") var out: String?
    @Option(name: .customLong("export-model"), help: "Write the final model as FILE.lp (CPLEX LP) or FILE.mps (free MPS).") var exportModel: String?
    @Option(help: "table or json (the CSV files are written by --out).") var format: ResultFormat = .table
    @Option(help: "Sweep N points of the tokens-versus-resource frontier (ε-constraint; max-tokens only).") var pareto: Int?
    @Option(name: .customLong("pareto-axis"), help: "capex or facility-mw: the resource the sweep limits.") var paretoAxis: ParetoAxis = .capex
    @Option(help: "EnergyPlus weather file for a designBasis of condition fromHours, the water check and the hold (default: the site's climate.epw).") var weather: String?
    @Flag(name: .customLong("respect-water-limit"), help: "Keep the final fleet's annual water, as the twin simulates it over the weather year, within the site's waterLimitM3PerYear (re-plans until it is).")
    var respectWaterLimit = false
    @Option(help: "Seed of the synthetic weather of the water check and the hold (without an EPW file; default 1).") var seed: UInt64?
    @Flag(name: .customLong("hold-every-hour"), help: "Simulate every quarter's fleet hour by hour over the weather and re-plan at a hotter design basis until at most --allow-throttled-hours hours throttle (feed outages not counted).")
    var holdEveryHour = false
    @Option(name: .customLong("allow-throttled-hours"), help: "Hours the hold may leave throttled (with --hold-every-hour).") var allowThrottledHours: Int?
    @Option(help: "Calendar years the hold simulates from the plan's first year, at least the horizon (with --hold-every-hour; synthetic years without an EPW file).") var years: Int?
    @Option(name: .customLong("hold-passes"), help: "Most plan → simulate passes of the hold (with --hold-every-hour).") var holdPasses: Int?

    func validate() throws {
        if let exportModel, ModelFileFormat(path: exportModel) == nil {
            throw ValidationError("--export-model must end in .lp or .mps, got \(exportModel)")
        }
        if let tokenTarget {
            try requireRange("--token-target", tokenTarget, 0, 1e15, "tokens/s", lowOpen: true)
        } else if objective == .minCapex {
            throw ValidationError("--objective min-capex needs --token-target (tokens/s the last quarter must reach)")
        }
        if let pareto {
            try requireCount("--pareto", pareto, 2...maxParetoPoints)
            if objective != .maxTokens {
                throw ValidationError("--pareto maximizes tokens against capex or facility MW; it needs --objective max-tokens")
            }
        }
        if pareto != nil, respectWaterLimit {
            throw ValidationError("--respect-water-limit re-plans one plan against the twin; it does not combine with --pareto")
        }
        if holdEveryHour {
            try requireCount("--allow-throttled-hours", allowThrottledHours ?? 0, 0...SimulateWorkflow.maxYears * 8_784)
            try requireCount("--years", years ?? 1, 1...SimulateWorkflow.maxYears)
            try requireCount("--hold-passes", holdPasses ?? 1, 1...HoldEveryHour.maxPassesLimit)
            if pareto != nil || respectWaterLimit {
                throw ValidationError("--hold-every-hour re-plans one plan against the twin; it does not combine with --pareto or --respect-water-limit")
            }
        } else if allowThrottledHours != nil || years != nil || holdPasses != nil {
            throw ValidationError("--allow-throttled-hours, --years and --hold-passes set the hold: add --hold-every-hour")
        }
        if seed != nil, !holdEveryHour, !respectWaterLimit {
            throw ValidationError("--seed draws the synthetic weather of --respect-water-limit or --hold-every-hour: add one of them")
        }
        if pareto != nil, exportModel != nil {
            throw ValidationError("--export-model writes one plan's model; it does not combine with --pareto")
        }
    }

    func run() throws {
        let options = solver.planOptions(objective, tokenTarget: tokenTarget)
        try emit {
            try PlanWorkflow.run(PlanWorkflow.Request(
                inputs: inputs.paths(design: design), options: options, outFolder: out, exportModel: exportModel, format: format,
                paretoPoints: pareto, paretoAxis: paretoAxis, weatherFile: weather,
                respectWaterLimit: respectWaterLimit, seed: seed ?? 1,
                holdEveryHour: holdEveryHour ? HoldEveryHour.Settings(allowedHours: allowThrottledHours ?? 0, years: years,
                                                                      maxPasses: holdPasses ?? HoldEveryHour.defaultMaxPasses) : nil))
        }
    }
}

import ArgumentParser
import LinearProgramming
import Planner
import PlantModel
import Reports

/// `tokenplant plan DESIGN`
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Choose the hardware mix hall by hall and quarter by quarter (GLPK mixed-integer program).",
        discussion: "Exit codes: 0 plan found; 1 invalid input; 2 usage; 3 infeasible (with the limits to move); 4 no plan within the time limit.")

    @Argument(help: "Reference design file.") var design: String
    @Option(help: "Site file (default: the design's `site:`).") var site: String?
    @OptionGroup var catalogOption: CatalogOption
    @Option(help: "max-tokens, tokens-per-mw, cost-per-token or min-capex.") var objective: Objective = .maxTokens
    @Option(name: .customLong("token-target"), help: "Tokens/s the last quarter must reach (min-capex).") var tokenTarget: Double?
    @Option(name: .customLong("time-limit"), help: "Seconds per MIP solve.") var timeLimit: Double?
    @Option(help: "Relative MIP gap, as a fraction (0.001 = 0.1 %; 0 proves optimality).") var gap: Double = 0.001
    @Option(help: "Folder for plan.json, plan.csv and bom.csv.") var out: String?
    @Option(name: .customLong("export-model"), help: "Write the final model as FILE.lp (CPLEX LP) or FILE.mps (free MPS).") var exportModel: String?
    @Option(help: "table or json.") var format: OutputFormat = .table
    @Option(help: "Sweep N points of the tokens-versus-resource frontier (ε-constraint; max-tokens only).") var pareto: Int?
    @Option(name: .customLong("pareto-axis"), help: "capex or facility-mw: the resource the sweep limits.") var paretoAxis: ParetoAxis = .capex

    func validate() throws {
        if let exportModel, ModelFileFormat(path: exportModel) == nil {
            throw ValidationError("--export-model must end in .lp or .mps, got \(exportModel)")
        }
        if format == .csv { throw ValidationError("--format takes table or json; plan.csv is written by --out") }
        // The point count and objective are checked by Planner.pareto (exit 2 through `planning`).
        if pareto != nil, exportModel != nil {
            throw ValidationError("--export-model writes one plan's model; it does not combine with --pareto")
        }
    }

    func run() throws {
        let inputs: PlanningInputs
        do {
            inputs = try PlanningInputs.load(designPath: design, sitePath: site, catalogPath: catalogOption.catalog)
        } catch { throw failInvalid(error) }
        let options = PlanOptions(objective: objective, tokenTargetPerSecond: tokenTarget, timeLimitSeconds: timeLimit, relativeGap: gap)
        if let pareto {
            let frontier = try planning {
                try Planner.pareto(design: inputs.design, site: inputs.site, catalog: inputs.catalog,
                                   inputs: inputs.provenance, options: options, axis: paretoAxis, points: pareto)
            }
            if let out { try ParetoReport.write(frontier, to: out) }
            switch format {
            case .json: print(String(decoding: try stableJSON(frontier), as: UTF8.self), terminator: "")
            default: print(ParetoReport.table(frontier), terminator: "")
            }
            return
        }
        let result = try planning {
            try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog,
                             inputs: inputs.provenance, options: options)
        }
        if let exportModel { try result.model.write(to: exportModel, format: ModelFileFormat(path: exportModel)!) }
        if let out { try PlanReport.write(result.plan, to: out) }
        switch format {
        case .json: print(String(decoding: try PlanReport.json(result.plan), as: UTF8.self), terminator: "")
        default: print(PlanReport.table(result.plan, elapsedSeconds: result.elapsedSeconds), terminator: "")
        }
    }
}

extension Objective: ExpressibleByArgument {}
extension ParetoAxis: ExpressibleByArgument {}

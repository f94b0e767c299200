import Foundation
import Planner
import PlantModel
import Plans
import Reports
import Twin

/// `tokenplant report`: plan the design (or read a plan.json), simulate it as `simulate` does (one run), and
/// write one self-contained HTML file with its key figures, charts and sources.
public enum ReportWorkflow {
    /// What to report and where the page goes.
    public struct Request: Sendable {
        /// The design, site and catalog files.
        public var inputs: InputPaths
        /// A plan.json written by `plan --out`; `nil` plans first with `planOptions`.
        public var planFile: String?
        /// A pareto.json written by `plan --pareto N --out`, drawn as the Pareto frontier.
        public var paretoFile: String?
        /// An EPW file; `nil` takes the site's `climate.epw`, else synthetic years.
        public var weatherFile: String?
        /// Calendar years simulated from the plan's first year; `nil` for the plan's horizon. The page shows the last one hour by hour.
        public var years: Int?
        /// Seed of every random draw.
        public var seed: UInt64
        /// The HTML file to write.
        public var outFile: String
        /// How to plan when no plan file is given.
        public var planOptions: PlanOptions

        /// A request to write the report of `inputs` to `outFile`.
        public init(inputs: InputPaths, planFile: String? = nil, paretoFile: String? = nil, weatherFile: String? = nil, years: Int? = nil,
                    seed: UInt64 = 1, outFile: String, planOptions: PlanOptions = PlanOptions()) {
            self.inputs = inputs
            self.planFile = planFile
            self.paretoFile = paretoFile
            self.weatherFile = weatherFile
            self.years = years
            self.seed = seed
            self.outFile = outFile
            self.planOptions = planOptions
        }
    }

    /// Runs the request; `warn` gets the lines for stderr. Returns the line for stdout. The page is written
    /// whole or not at all (``OutputFile``).
    public static func run(_ request: Request, warn: (String) -> Void = { _ in }) throws(CommandFailure) -> String {
        // The output and the Pareto file are checked before planning, so a wrong one fails at once.
        var pareto: ParetoFrontier?
        let setup = try SimulateWorkflow.prepare(
            inputs: request.inputs, planFile: request.planFile, weatherFile: request.weatherFile, years: request.years, runs: 1,
            seed: request.seed, planOptions: request.planOptions, warn: warn) { inputs throws(CommandFailure) in
            try write(request.outFile, option: "--out") { try OutputFile.check(request.outFile) }
            if let file = request.paretoFile { pareto = try frontier(file, design: inputs.design.name) }
        }
        let lastYear = setup.scenario.firstYear + setup.years - 1
        let hours = ReportHours(plan: setup.plan, year: lastYear)
        let summary = Twin.run(setup.scenario, seed: request.seed, run: 0, sink: hours.add)
        let content = PlanReportContent(
            plan: setup.plan, design: setup.inputs.design, site: setup.inputs.site, catalog: setup.inputs.catalog, summary: summary,
            hours: hours, firstYear: setup.scenario.firstYear, years: setup.years,
            weather: setup.source.words(siteFile: setup.inputs.provenance.siteFile),
            planSource: request.planFile ?? "planned", pareto: pareto)
        let page = Data(PlanReportPage.html(content).utf8)
        try write(request.outFile, option: "--out") {
            try OutputFile.write(to: request.outFile) { temporary in try page.write(to: URL(fileURLWithPath: temporary)) }
        }
        return "wrote \(request.outFile) (\(page.count) bytes): \(setup.plan.inputs.design) on \(setup.inputs.site.name), simulated "
            + "\(setup.scenario.firstYear)\(setup.years > 1 ? "–\(lastYear)" : "") on \(content.weather)\n"
    }

    /// The Pareto frontier in `file` (pareto.json of `plan --pareto N --out`), which must be of `design`.
    static func frontier(_ file: String, design: String) throws(CommandFailure) -> ParetoFrontier {
        let frontier = try failing { try PlantFile.load(ParetoFrontier.self, from: file).value }
        guard frontier.inputs.design == design else {
            throw CommandFailure(["\(file): a Pareto frontier of design '\(frontier.inputs.design)', not '\(design)'"
                                  + " (pass the pareto.json that `tokenplant plan --pareto N --out DIR` wrote for this design)"], status: .invalidInput)
        }
        return frontier
    }
}

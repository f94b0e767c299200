import Climate
import Foundation
import Planner
import Plans
import Reports
import Twin

/// `tokenplant simulate`: load the inputs and a plan (or plan first), pick the weather, run the twin
/// (Monte Carlo), write timeseries.csv and summary.json, print the summary.
public enum SimulateWorkflow {
    /// Most Monte Carlo runs: each keeps a summary in memory and a run of the default span takes ~0.01 s.
    public static let maxRuns = 10_000
    /// Most calendar years simulated: the hourly loop's work grows with them.
    public static let maxYears = 50

    /// What to simulate and where the results go.
    public struct Request: Sendable {
        public var inputs: InputPaths
        /// A plan.json written by `plan --out`; `nil` plans first with max-tokens.
        public var planFile: String?
        /// An EPW file; `nil` takes the site's `climate.epw`, else synthetic years.
        public var weatherFile: String?
        /// Calendar years from `fromYear`; `nil` for the plan's horizon.
        public var years: Int?
        /// The first calendar year simulated; `nil` for the plan's first year. Years after the plan's last quarter
        /// hold that quarter's fleet.
        public var fromYear: Int?
        public var runs: Int
        public var seed: UInt64
        /// Folder for timeseries.csv (run 0) and summary.json, written as one output set with manifest.json.
        public var outFolder: String?
        public var format: ResultFormat
        /// How to plan when no plan file is given (max-tokens).
        public var planOptions: PlanOptions

        public init(inputs: InputPaths, planFile: String? = nil, weatherFile: String? = nil, years: Int? = nil, fromYear: Int? = nil,
                    runs: Int = 1, seed: UInt64 = 1, outFolder: String? = nil, format: ResultFormat = .table,
                    planOptions: PlanOptions = PlanOptions()) {
            self.planOptions = planOptions
            self.fromYear = fromYear
            self.inputs = inputs
            self.planFile = planFile
            self.weatherFile = weatherFile
            self.years = years
            self.runs = runs
            self.seed = seed
            self.outFolder = outFolder
            self.format = format
        }
    }

    /// Runs the request; `warn` gets the lines for stderr, `progress` each finished run. Returns the
    /// text for stdout.
    public static func run(_ request: Request, warn: (String) -> Void = { _ in },
                           progress: (@Sendable (Int) -> Void)? = nil) throws(CommandFailure) -> String {
        let setup = try prepare(inputs: request.inputs, planFile: request.planFile, weatherFile: request.weatherFile, years: request.years,
                                fromYear: request.fromYear, runs: request.runs, seed: request.seed, planOptions: request.planOptions, warn: warn) { _ throws(CommandFailure) in
            // Where the files go is checked before planning and simulating, so a wrong --out fails at once.
            if let out = request.outFolder {
                try write(out, option: "--out") { try OutputSet.check(folder: out, names: SimulationReport.fileNames) }
            }
        }
        let (inputs, plan, source, weatherYears, scenario, years) = (setup.inputs, setup.plan, setup.source, setup.weatherYears, setup.scenario, setup.years)

        // timeseries.csv streams into the output set's staging folder; the set appears in the folder only
        // once summary.json is written too (an error or a kill before that leaves the folder as it was).
        var outputs: OutputSet?
        var timeseries: TimeseriesWriter?
        if let out = request.outFolder {
            var digestFiles = [request.inputs.design, inputs.provenance.siteFile]
            digestFiles += [request.inputs.catalog, request.planFile].compactMap { $0 }
            if case .file(let path) = source { digestFiles.append(path) }
            try write(out, option: "--out") {
                let set = try OutputSet(folder: out, names: SimulationReport.fileNames, command: "simulate",
                                        inputsDigest: inputDigest(files: digestFiles))
                outputs = set
                timeseries = try TimeseriesWriter(in: set)
            }
        }
        defer { outputs?.discard() }
        let results = Twin.monteCarlo(scenario, seed: request.seed, runs: request.runs, sink: timeseries?.sink, progress: progress)

        let weatherName = source.words(siteFile: inputs.provenance.siteFile)
        let summary = SimulationReport.summary(
            inputs: .init(design: inputs.design.name, designFile: request.inputs.design, site: inputs.site.name,
                          siteFile: inputs.provenance.siteFile, plan: request.planFile ?? "planned", planDigest: plan.inputs.digest,
                          weather: weatherName, syntheticWeatherYears: source == .synthetic ? weatherYears.count : nil,
                          firstYear: scenario.firstYear, years: years, runs: request.runs, seed: request.seed),
            runs: results)
        let json = try failing { try stableJSON(summary) }
        if let out = request.outFolder, let outputs, let timeseries {
            try write(out, option: "--out") {
                try timeseries.finish()  // first: a write error kept since the rows were streamed names its file
                try outputs.write(SimulationReport.summaryFile, json)
                try outputs.commit()
            }
        }
        switch request.format {
        case .json: return String(decoding: json, as: UTF8.self)
        case .table: return SimulationReport.table(summary)
        }
    }
}

extension SimulateWorkflow {
    /// A plan ready to simulate: the inputs, the plan (read or planned), the weather and the twin's scenario.
    struct Setup {
        var inputs: PlanningInputs
        var plan: BuildPlan
        var source: WeatherSource
        var weatherYears: [WeatherYear]
        var scenario: TwinScenario
        var years: Int
    }

    /// Loads the inputs, runs `beforePlanning` on them (the output checks, other inputs), reads `planFile` or plans with `planOptions`,
    /// and loads the weather for `runs` × the years simulated (`years`, else the plan's horizon). A plan file of
    /// another site or from other inputs is simulated with a warning.
    static func prepare(inputs paths: InputPaths, planFile: String?, weatherFile: String?, years: Int?, fromYear: Int? = nil, runs: Int, seed: UInt64,
                        planOptions: PlanOptions, warn: (String) -> Void,
                        beforePlanning: (PlanningInputs) throws(CommandFailure) -> Void) throws(CommandFailure) -> Setup {
        let inputs = try failing {
            try PlanningInputs.load(designPath: paths.design, sitePath: paths.site, catalogPath: paths.catalog, weatherPath: weatherFile)
        }
        try beforePlanning(inputs)
        // A plan.json is an input like the others: every problem with its line, and a plan of another design
        // (its halls, profiles, horizon) is exit 1. The same design from edited files, or another site, is a warning.
        let plan: BuildPlan = try failing {
            if let file = planFile {
                return try BuildPlan.load(from: file, simulating: inputs.design, catalog: inputs.catalog, site: inputs.site).value
            }
            return try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                                    options: planOptions).plan
        }
        if let file = planFile {
            if plan.inputs.site != inputs.site.name {
                warn("warning: \(file) was planned on site '\(plan.inputs.site)'; simulating it on '\(inputs.site.name)' (\(inputs.provenance.siteFile))")
            }
            if plan.inputs.digest != inputs.provenance.digest {
                warn("warning: \(file) was planned from other inputs (digest \(plan.inputs.digest), these files give \(inputs.provenance.digest))")
            }
        }
        let firstYear = fromYear ?? plan.quarters[0].quarter.year
        if let fromYear, fromYear < plan.quarters[0].quarter.year {
            throw CommandFailure(["--from-year \(fromYear) is before the plan's first quarter \(plan.quarters[0].quarter); give \(plan.quarters[0].quarter.year) or later"],
                                 status: .usage)
        }
        let years = years ?? max(1, plan.quarters.last!.quarter.year - firstYear + 1)
        let source = WeatherSource(weatherPath: weatherFile, site: inputs.site, siteFile: inputs.provenance.siteFile)
        let weatherYears = try failing { try source.load(site: inputs.site, years: runs * years, seed: seed) }
        let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: plan,
                                    weather: weatherYears, years: years, firstYear: firstYear)
        return Setup(inputs: inputs, plan: plan, source: source, weatherYears: weatherYears, scenario: scenario, years: years)
    }
}

extension WeatherSource {
    /// The weather in words: the EPW file's path, or synthetic years from the site file's climate figures.
    func words(siteFile: String) -> String {
        switch self {
        case .file(let path): path
        case .synthetic: "synthetic from \(siteFile) climate figures"
        }
    }
}

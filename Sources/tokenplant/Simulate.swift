import ArgumentParser
import Climate
import Foundation
import Planner
import PlantModel
import Reports
import Twin

/// `tokenplant simulate DESIGN`
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate a build plan hour by hour over weather years: power and thermal headroom, PUE, water, tokens.",
        discussion: "Exit codes: 0 done; 1 invalid input; 2 usage; 3/4 as plan when it plans first.")

    @Argument(help: "Reference design file.") var design: String
    @Option(help: "Site file (default: the design's `site:`).") var site: String?
    @OptionGroup var catalogOption: CatalogOption
    @Option(help: "A plan.json written by `plan --out` (default: plan first with max-tokens).") var plan: String?
    @Option(help: "EnergyPlus weather file (default: the site's climate.epw, else synthetic years from its climate figures).") var weather: String?
    @Option(help: "Calendar years to simulate from the plan's first year (default: the plan's horizon).") var years: Int?
    @Option(help: "Monte Carlo runs (outages, demand noise, synthetic weather years).") var runs: Int = 1
    @Option(help: "Seed of every random draw.") var seed: UInt64 = 1
    @Option(help: "Folder for timeseries.csv (run 0) and summary.json.") var out: String?
    @Option(help: "table or json.") var format: OutputFormat = .table

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be ≥ 1, got \(runs)") }
        if let years, !(1...50).contains(years) { throw ValidationError("--years must be 1…50, got \(years)") }
        if format == .csv { throw ValidationError("--format takes table or json; timeseries.csv is written by --out") }
    }

    func run() throws {
        let inputs: PlanningInputs
        do {
            inputs = try PlanningInputs.load(designPath: design, sitePath: site, catalogPath: catalogOption.catalog)
        } catch { throw failInvalid(error) }
        let buildPlan = try plan.map(loadPlan) ?? planning {
            try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog,
                             inputs: inputs.provenance, options: PlanOptions(objective: .maxTokens)).plan
        }
        if let plan, buildPlan.inputs.digest != inputs.provenance.digest {
            printError("warning: \(plan) was planned from other inputs (digest \(buildPlan.inputs.digest), these files give \(inputs.provenance.digest))")
        }
        let years = self.years ?? TwinScenario.horizonYears(of: buildPlan)
        let source = WeatherSource(weatherPath: weather, site: inputs.site, siteFile: inputs.provenance.siteFile)
        let weatherYears: [WeatherYear]
        do { weatherYears = try source.load(site: inputs.site, years: runs * years, seed: seed) } catch {
            printError("invalid weather file: \(error)")
            throw ExitCode(1)
        }
        let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: buildPlan,
                                    weather: weatherYears, years: years)

        let timeseries = try out.map { try TimeseriesWriter(path: $0 + "/timeseries.csv") }
        var progress: (@Sendable (Int) -> Void)?
        if runs > 1, isatty(STDERR_FILENO) != 0 {
            let total = runs
            progress = { done in printError("simulate: run \(done)/\(total)") }
        }
        let results = Twin.monteCarlo(scenario, seed: seed, runs: runs, sink: timeseries?.sink, progress: progress)

        let weatherName: String
        switch source {
        case .file(let path): weatherName = path
        case .synthetic: weatherName = "synthetic from \(inputs.provenance.siteFile) climate figures"
        }
        let summary = SimulationReport.summary(
            inputs: .init(design: inputs.design.name, designFile: design, site: inputs.site.name, siteFile: inputs.provenance.siteFile,
                          plan: plan ?? "planned", planDigest: buildPlan.inputs.digest, weather: weatherName,
                          syntheticWeatherYears: source == .synthetic ? weatherYears.count : nil,
                          firstYear: scenario.firstYear, years: years, runs: runs, seed: seed),
            runs: results)
        let json = try stableJSON(summary)
        if let out {
            try AtomicFile.write(json, to: out + "/summary.json")
            try timeseries?.commit()
        }
        switch format {
        case .json: print(String(decoding: json, as: UTF8.self), terminator: "")
        default: print(SimulationReport.table(summary), terminator: "")
        }
    }

    /// Reads a plan.json, with the file and field path in any error.
    private func loadPlan(_ path: String) throws -> BuildPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("\(path): cannot read the file")
            throw ExitCode(1)
        }
        do {
            return try JSONDecoder().decode(BuildPlan.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            printError("\(path): \((context.codingPath + [key]).map(\.stringValue).joined(separator: ".")): missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            printError("\(path): \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        }
        throw ExitCode(1)
    }
}

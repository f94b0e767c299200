import Benchmarks
import Climate
import Planner
import Plans
import Twin

/// `tokenplant bench` and `tokenplant bench-twin`: load the design, measure, print the medians and ratios.
public enum BenchWorkflow {
    /// The planner on `design` against glpsol on the exported model, `runs` times each.
    public static func planner(design: String, runs: Int, gap: Double, timeLimitSeconds: Double) throws(CommandFailure) -> String {
        let inputs = try failing { try PlanningInputs.load(designPath: design) }
        let options = PlanOptions(timeLimitSeconds: timeLimitSeconds, relativeGap: gap)
        return try failing { try PlanBenchmark.run(inputs: inputs, options: options, runs: runs).summary }
    }

    /// The twin on `design` planned for max-tokens, on one weather year (`weather`, else a synthetic year
    /// from the site's figures).
    public static func twin(design: String, weather: String?, runs: Int, monteCarloYears: Int, threads: Int) throws(CommandFailure) -> String {
        let inputs = try failing { try PlanningInputs.load(designPath: design) }
        let plan = try failing {
            try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                             options: PlanOptions(objective: .maxTokens)).plan
        }
        let synthetic = SyntheticWeather(climate: inputs.site.climate, elevationM: inputs.site.location.elevationM)
        let year = try failing { try weather.map { WeatherYear(try EPWFile.load(from: $0), source: $0) } ?? synthetic.year(seed: 1) }
        let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: plan, weather: [year],
                                    years: TwinScenario.horizonYears(of: plan))
        return TwinBenchmark.run(scenario, synthetic: synthetic, runs: runs, monteCarloYears: monteCarloYears, threads: threads).summary
    }
}

import Benchmarks
import Foundation
import Climate
import Planner
import Plans
import Reports
import Twin

/// `tokenplant bench` and `tokenplant bench-twin`: load the design, measure, print the medians and ratios.
public enum BenchWorkflow {
    /// The planner on `design` against glpsol and HiGHS (through `highsScript`) on the exported model, `runs` times each.
    public static func planner(design: String, runs: Int, gap: Double, timeLimitSeconds: Double,
                               highsScript: String) throws(CommandFailure) -> String {
        let inputs = try failing { try PlanningInputs.load(designPath: design) }
        let options = PlanOptions(timeLimitSeconds: timeLimitSeconds, relativeGap: gap)
        return try failing { try PlanBenchmark.run(inputs: inputs, options: options, runs: runs, highsScript: highsScript).summary }
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

    /// `plan --hold-every-hour` on `design` over one weather year (`weather`, else the site's or a synthetic year),
    /// with `plan`'s default options (0.1 % gap), `runs` times: the median wall-clock time of the whole loop, its passes and the hours the last pass counted.
    public static func hold(design: String, weather: String?, runs: Int) throws(CommandFailure) -> String {
        let inputs = try failing { try PlanningInputs.load(designPath: design, weatherPath: weather) }
        let source = WeatherSource(weatherPath: weather, site: inputs.site, siteFile: inputs.provenance.siteFile)
        let clock = ContinuousClock()
        var seconds: [Double] = [], passes: [HoldEveryHour.Pass] = []
        for _ in 0..<runs {
            let start = clock.now
            passes = try HoldEveryHour.plan(inputs, options: PlanOptions(relativeGap: 0.001), settings: HoldEveryHour.Settings(), source: source, seed: 1).passes
            seconds.append((clock.now - start) / .seconds(1))
        }
        let last = passes.last!
        return """
            hold-every-hour: \(inputs.design.name) over \(HoldEveryHour.name(source, seed: 1)), \(runs) run(s)
              median \(NumberText.fixed(PlanBenchmark.Result.median(seconds)!, 3)) s (target ≤ 10 s), \(passes.count) pass(es), \
            final \(NumberText.fixed(last.finalITMW, 1)) MW IT, \(last.tally.counted) h counted

            """
    }

    /// `compare` of `designs` × `sites` with one synthetic year each, `runs` times on `threads` threads and on one
    /// thread (the peer: the same pairs one after another): medians, their ratio, and whether the outputs agree.
    public static func compare(designs: [String], sites: [String], runs: Int, threads: Int) throws(CommandFailure) -> String {
        let clock = ContinuousClock()
        func timed(_ t: Int) throws(CommandFailure) -> (seconds: [Double], json: Data) {
            var seconds: [Double] = [], json = Data()
            for _ in 0..<runs {
                let start = clock.now
                // The planner's options as `compare` takes them by default (a 0.1 % gap, not a proof of optimality).
                let comparison = try CompareWorkflow.compare(CompareWorkflow.Request(
                    designs: designs, sites: sites, options: PlanOptions(relativeGap: 0.001), threads: t))
                seconds.append((clock.now - start) / .seconds(1))
                json = try failing { try CompareReport.json(comparison) }
            }
            return (seconds, json)
        }
        let parallel = try timed(threads), serial = try timed(1)
        func median(_ x: [Double]) -> Double {
            let s = x.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        let (p, q) = (median(parallel.seconds), median(serial.seconds))
        return """
            compare: \(designs.count) designs × \(sites.count) sites, one synthetic year each, \(runs) run(s)
              \(threads) thread(s): median \(NumberText.fixed(p, 2)) s (target ≤ 10 s on 2 cores)
              1 thread (peer):  median \(NumberText.fixed(q, 2)) s
              ratio \(NumberText.fixed(p / q, 3)); outputs byte-identical: \(parallel.json == serial.json ? "yes" : "NO")

            """
    }
}

import ArgumentParser
import Climate
import Foundation
import Planner
import PlantModel
import Reports
import Twin

/// `tokenplant bench`: the planner's performance case, measured against glpsol in the same run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time the planner on a 1 GW design against glpsol on the exported model (medians, ratio).")

    @Argument(help: "Design to plan.") var design: String = "reference-designs/mixed-retrofit.yaml"
    @Option(help: "Runs of each.") var runs: Int = 5
    @Option(help: "Relative MIP gap.") var gap: Double = 0.001
    @Option(name: .customLong("time-limit"), help: "Seconds per solve.") var timeLimit: Double = 60

    func run() throws {
        let inputs: PlanningInputs
        do { inputs = try PlanningInputs.load(designPath: design) } catch { throw failInvalid(error) }
        let result = try PlanBenchmark.run(inputs: inputs, options: PlanOptions(timeLimitSeconds: timeLimit, relativeGap: gap), runs: runs)
        print(result.summary, terminator: "")
    }
}

/// `tokenplant bench-twin`: the twin's performance case.
struct BenchTwin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-twin",
        abstract: "Time the hourly twin on a planned 1 GW design: site-years per second per core, a Monte Carlo, peak memory.")

    @Argument(help: "Design to plan and simulate.") var design: String = "reference-designs/vera-rubin-1gw.yaml"
    @Option(help: "EnergyPlus weather file (default: a synthetic year from the site's figures).") var weather: String?
    @Option(help: "Timed single-thread years.") var runs: Int = 20
    @Option(name: .customLong("monte-carlo-years"), help: "Years in the Monte Carlo.") var monteCarloYears: Int = 1000
    @Option(help: "Threads for the Monte Carlo.") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let inputs: PlanningInputs
        do { inputs = try PlanningInputs.load(designPath: design) } catch { throw failInvalid(error) }
        let plan = try planning {
            try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                             options: PlanOptions(objective: .maxTokens)).plan
        }
        let synthetic = SyntheticWeather(climate: inputs.site.climate, elevationM: inputs.site.location.elevationM)
        let year: WeatherYear
        if let weather {
            do { year = WeatherYear(try EPWFile.load(from: weather), source: weather) } catch {
                printError("invalid weather file: \(error)")
                throw ExitCode(1)
            }
        } else {
            year = synthetic.year(seed: 1)
        }
        let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: plan, weather: [year],
                                    years: TwinScenario.horizonYears(of: plan))
        print(TwinBenchmark.run(scenario, synthetic: synthetic, runs: runs, monteCarloYears: monteCarloYears, threads: threads).summary, terminator: "")
    }
}

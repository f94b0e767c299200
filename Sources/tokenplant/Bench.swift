import ArgumentParser
import Planner
import PlantModel
import Reports

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

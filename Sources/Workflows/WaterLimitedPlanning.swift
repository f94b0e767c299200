import Climate
import Foundation
import Planner
import PlantModel
import Plans
import Reports
import Twin

/// `plan --respect-water-limit`: the planner's water loop (``WaterLimitedPlan``) with the digital twin as its judge:
/// the plan's final fleet simulated over the weather year, from the year after its last quarter.
enum WaterLimitedPlanning {
    /// Plans `inputs` within the site's water limit; the passes, each with the twin's verdict, come back with the plan.
    static func plan(_ inputs: PlanningInputs, options: PlanOptions, weather: WeatherYear, seed: UInt64,
                     siteFile: String) throws(CommandFailure) -> (result: PlanResult, passes: [WaterLimitedPlan.Pass]) {
        guard let limit = inputs.site.waterLimitM3PerYear else {
            throw CommandFailure(["--respect-water-limit: \(siteFile) gives no waterLimitM3PerYear; add the site's annual water limit (m³/year) or drop the flag"],
                                 status: .usage)
        }
        let planned = try failing {
            try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                             options: options, waterLimitM3PerYear: limit) { plan in
                let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: plan,
                                            weather: [weather], years: 1, firstYear: plan.quarters.last!.quarter.year + 1)
                let run = Twin.run(scenario, seed: seed)
                return run.waterM3PerYear
            }
        }
        guard let result = planned.result else {
            let last = planned.passes.last!
            throw CommandFailure(["plan: the twin's water stayed above the site's limit of \(NumberText.grouped(limit)) m³/year after "
                + "\(planned.passes.count) plan → simulate passes (last: \(NumberText.grouped(last.judgedWaterM3PerYear)) m³/year at "
                + "\(NumberText.fixed(last.finalITMW, 1)) MW IT); raise waterLimitM3PerYear or use a design that evaporates less"],
                                 status: .infeasible)
        }
        return (result, planned.passes)
    }

    /// The passes in words, for the plan's table.
    static func text(_ passes: [WaterLimitedPlan.Pass], limit: Double) -> String {
        var out = "\nWater limit (\(NumberText.grouped(limit)) m³/year), checked by the twin on the final fleet over the weather year:\n"
        for (i, pass) in passes.enumerated() {
            let row = pass.m3PerYearPerITMW.map { "planned at \(NumberText.grouped($0)) m³/year per IT MW" } ?? "planned without a water row"
            out += "  pass \(i + 1): \(row) → \(NumberText.fixed(pass.finalITMW, 1)) MW IT; twin: "
                + "\(NumberText.grouped(pass.judgedWaterM3PerYear)) m³/year"
                + (pass.judgedWaterM3PerYear <= limit ? " (within the limit)\n" : " (over the limit: re-planned)\n")
        }
        return out
    }
}

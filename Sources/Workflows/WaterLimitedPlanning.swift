import Climate
import Foundation
import Planner
import PlantModel
import PlantPhysics
import Plans
import Reports
import Twin

/// `plan --respect-water-limit`: plans with a `water(t)` row whose water per IT MW comes from the digital twin,
/// simulates the plan's final fleet over the weather year, and re-plans with the twin's figure until the twin's
/// annual water is within the site's `waterLimitM3PerYear` (README "Water limit in plans").
///
/// Water is not linear in the fleet (adiabatic pads wet on hot hours whatever the load; a tower's evaporation
/// follows the heat), so the planner's row is a linear estimate and the twin is the judge. Each pass raises the
/// intensity to the twin's figure for the plan it just made (never lowers it), so the plans shrink monotonically
/// and the loop ends within ``maxPasses``.
enum WaterLimitedPlanning {
    /// Most plan → simulate passes.
    static let maxPasses = 8
    /// A raised intensity is set this share above the twin's figure, so that a pass does not creep up on the limit.
    static let margin = 0.001

    /// One pass: the intensity planned with, the plan's final IT MW and what the twin drew.
    struct Pass: Sendable {
        var m3PerYearPerITMW: Double?
        var finalITMW: Double
        var twinWaterM3PerYear: Double
    }

    /// Plans `inputs` within the site's water limit; the passes, each with the twin's verdict, come back with the plan.
    static func plan(_ inputs: PlanningInputs, options: PlanOptions, weather: WeatherYear, seed: UInt64,
                     siteFile: String) throws(CommandFailure) -> (result: PlanResult, passes: [Pass]) {
        guard let limit = inputs.site.waterLimitM3PerYear else {
            throw CommandFailure(["--respect-water-limit: \(siteFile) gives no waterLimitM3PerYear; add the site's annual water limit (m³/year) or drop the flag"],
                                 status: .usage)
        }
        var passes: [Pass] = []
        var intensity: Double?
        for _ in 0..<maxPasses {
            var passOptions = options
            passOptions.waterLimit = intensity.map { WaterLimit(m3PerYear: limit, m3PerYearPerITMW: $0) }
            let result = try failing {
                try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                                 options: passOptions)
            }
            let last = result.plan.quarters.last!
            guard last.itMW > 0 else { return (result, passes) }
            let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: result.plan,
                                        weather: [weather], years: 1, firstYear: last.quarter.year + 1)
            let run = Twin.run(scenario, seed: seed)
            let water = run.hours > 0 ? run.waterM3 * TimeBase.hoursPerCommonYear / Double(run.hours) : 0
            passes.append(Pass(m3PerYearPerITMW: intensity, finalITMW: last.itMW, twinWaterM3PerYear: water))
            if water <= limit { return (result, passes) }
            intensity = max(intensity ?? 0, water / last.itMW * (1 + margin))
        }
        throw CommandFailure(["plan: the twin's water stayed above the site's limit of \(NumberText.grouped(limit)) m³/year after "
            + "\(maxPasses) plan → simulate passes (last: \(NumberText.grouped(passes.last!.twinWaterM3PerYear)) m³/year at "
            + "\(NumberText.fixed(passes.last!.finalITMW, 1)) MW IT); raise waterLimitM3PerYear or use a design that evaporates less"],
                             status: .infeasible)
    }

    /// The passes in words, for the plan's table.
    static func text(_ passes: [Pass], limit: Double) -> String {
        var out = "\nWater limit (\(NumberText.grouped(limit)) m³/year), checked by the twin on the final fleet over the weather year:\n"
        for (i, pass) in passes.enumerated() {
            let row = pass.m3PerYearPerITMW.map { "planned at \(NumberText.grouped($0)) m³/year per IT MW" } ?? "planned without a water row"
            out += "  pass \(i + 1): \(row) → \(NumberText.fixed(pass.finalITMW, 1)) MW IT; twin: "
                + "\(NumberText.grouped(pass.twinWaterM3PerYear)) m³/year"
                + (pass.twinWaterM3PerYear <= limit ? " (within the limit)\n" : " (over the limit: re-planned)\n")
        }
        return out
    }
}

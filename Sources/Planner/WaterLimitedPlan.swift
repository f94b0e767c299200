import PlantModel
import Plans

/// Plans within a site's annual water limit, with the water of a plan judged outside the planner (by the digital
/// twin in `plan --respect-water-limit`; Planner never links the twin): plan, judge the final fleet's water, and
/// re-plan with a `water(t)` row at the judged water per IT MW until the judge agrees (README "Water limit in plans").
///
/// Each pass raises the row's water per IT MW to the judge's figure for the plan it just made, never lowers it, so
/// the row only tightens and each plan's objective is no better than the one before; the loop ends within
/// `maxPasses`.
public struct WaterLimitedPlan: Sendable {
    /// One pass: the water per IT MW planned with (`nil` for the first, unconstrained plan), the plan's final IT MW
    /// and what the judge said of it.
    public struct Pass: Sendable, Equatable {
        public var m3PerYearPerITMW: Double?
        public var finalITMW: Double
        public var judgedWaterM3PerYear: Double
    }

    /// The plan within the limit; `nil` when the judge still found it over the limit after the last pass.
    public var result: PlanResult?
    public var passes: [Pass]

    /// Most plan → judge passes.
    public static let maxPasses = 8
    /// A raised figure is set this share above the judge's, so that a pass does not creep up on the limit.
    public static let margin = 0.001
}

extension Planner {
    /// Plans `design` on `site` within `limitM3PerYear`, `judge` giving the annual water of a plan's final fleet.
    public static func plan(design: ReferenceDesign, site: Site, catalog: Catalog, inputs: PlanInputs, options: PlanOptions,
                            waterLimitM3PerYear limit: Double, maxPasses: Int = WaterLimitedPlan.maxPasses,
                            judge: (BuildPlan) throws -> Double) throws -> WaterLimitedPlan {
        var passes: [WaterLimitedPlan.Pass] = []
        var intensity: Double?
        for _ in 0..<max(1, maxPasses) {
            var passOptions = options
            passOptions.waterLimit = intensity.map { WaterLimit(m3PerYear: limit, m3PerYearPerITMW: $0) }
            let result = try plan(design: design, site: site, catalog: catalog, inputs: inputs, options: passOptions)
            let it = result.plan.quarters.last?.itMW ?? 0
            guard it > 0 else { return WaterLimitedPlan(result: result, passes: passes) }
            let water = try judge(result.plan)
            passes.append(.init(m3PerYearPerITMW: intensity, finalITMW: it, judgedWaterM3PerYear: water))
            if water <= limit { return WaterLimitedPlan(result: result, passes: passes) }
            intensity = max(intensity ?? 0, water / it * (1 + WaterLimitedPlan.margin))
        }
        return WaterLimitedPlan(result: nil, passes: passes)
    }
}

import Planner
import PlantModel
import Plans
import Twin

/// Everything `tokenplant report` shows: the plan and the files it was planned from, the simulated run's
/// summary and hours, and the Pareto frontier when one was given.
public struct PlanReportContent {
    /// The plan reported.
    public var plan: BuildPlan
    /// The design it was planned from.
    public var design: ReferenceDesign
    /// The site it was planned and simulated on.
    public var site: Site
    /// The catalog its racks come from.
    public var catalog: Catalog
    /// The run over the whole simulated span.
    public var summary: RunSummary
    /// The hours kept: the span's utilization and the last simulated year hour by hour.
    public var hours: ReportHours
    /// First calendar year simulated and how many.
    public var firstYear: Int, years: Int
    /// The weather in words (the EPW file, or synthetic years from the site's climate figures).
    public var weather: String
    /// Where the plan came from: a plan.json path, or "planned" with the objective.
    public var planSource: String
    /// The frontier of `plan --pareto`, drawn when given.
    public var pareto: ParetoFrontier?

    /// Everything the page shows.
    public init(plan: BuildPlan, design: ReferenceDesign, site: Site, catalog: Catalog, summary: RunSummary, hours: ReportHours,
                firstYear: Int, years: Int, weather: String, planSource: String, pareto: ParetoFrontier?) {
        self.plan = plan
        self.design = design
        self.site = site
        self.catalog = catalog
        self.summary = summary
        self.hours = hours
        self.firstYear = firstYear
        self.years = years
        self.weather = weather
        self.planSource = planSource
        self.pareto = pareto
    }
}

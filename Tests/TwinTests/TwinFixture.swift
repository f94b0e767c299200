import Foundation
import Testing
import Climate
import Planner
@testable import PlantModel
import Plans
@testable import Twin

/// Inputs for twin tests: the shipped Vera Rubin design cut to two halls and one year, its plant scaled so
/// heat rejection binds at Chicago's design dry-bulb, and planned with the planner.
enum TwinFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let weatherFolder = root + "/../shared/data/weather"

    /// Whether ../shared/data/weather is there. Tests that read it carry `.enabled(if: TwinFixture.weatherAvailable, …)`,
    /// so a clone without it reports them as skipped, not passed.
    static let weatherAvailable = FileManager.default.fileExists(atPath: weatherFolder)

    /// The path of a weather file of ../shared; a missing file fails the test (callers are enabled only when the folder exists).
    static func weather(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let path = weatherFolder + "/" + name
        try #require(FileManager.default.fileExists(atPath: path), "\(path) is missing", sourceLocation: sourceLocation)
        return path
    }

    static let chicago = "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"
    static let phoenix = "USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw"
    static let stockholm = "SWE_Stockholm.Arlanda.024600_IWEC.epw"

    static func inputs() throws -> (design: ReferenceDesign, site: Site, catalog: Catalog) {
        let catalog = try Catalog.bundled()
        var design = try ReferenceDesign.load(from: root + "/reference-designs/vera-rubin-1gw.yaml", catalog: catalog).value
        let site = try Site.load(from: root + "/sites/chicago-il.yaml").value
        design.horizon = Horizon(first: Quarter("2027Q1")!, last: Quarter("2027Q4")!)
        design.halls[0].count = 2
        design.heatRejection.ratedCapacityMW = 70
        return (design, site, catalog)
    }

    static func plan(_ design: ReferenceDesign, _ site: Site, _ catalog: Catalog) throws -> BuildPlan {
        let inputs = PlanInputs(design: "fixture", designFile: "-", site: site.name, siteFile: "-", catalog: "bundled", digest: "0")
        return try Planner.plan(design: design, site: site, catalog: catalog, inputs: inputs, options: PlanOptions(objective: .maxTokens)).plan
    }

    /// The fixture planned and set up on one EPW year of ../shared.
    static func scenario(weather file: String = chicago, years: Int = 1, edit: (inout ReferenceDesign, inout Site) -> Void = { _, _ in }) throws -> TwinScenario {
        let path = try weather(file)
        var (design, site, catalog) = try inputs()
        edit(&design, &site)
        let plan = try plan(design, site, catalog)
        let year = WeatherYear(try EPWFile.load(from: path), source: file)
        return TwinScenario(design: design, site: site, catalog: catalog, plan: plan, weather: [year], years: years)
    }

    /// Every hour of run `run`.
    static func hours(_ scenario: TwinScenario, seed: UInt64 = 1, run: Int = 0) -> (summary: RunSummary, hours: [HourRecord]) {
        var hours: [HourRecord] = []
        let summary = Twin.run(scenario, seed: seed, run: run) { hours.append($0) }
        return (summary, hours)
    }
}

import Foundation
import Testing
import Planner
import PlantModel
import PlantPhysics
@testable import Plans
import Workflows

@Suite("The plan states its design basis; a fromHours basis reads the weather input")
struct DesignBasisPlanTests {
    typealias F = PlanFileFixture

    /// legacy-hopper-air (cooling towers) with `designBasis` set to `basis`, written beside a copy of its site.
    static func hopper(basis: String) throws -> (design: String, site: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("basis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: F.hopper, encoding: .utf8)
        let design = folder.appendingPathComponent("hopper.yaml").path
        try (text + "\ndesignBasis: \(basis)\n").write(toFile: design, atomically: true, encoding: .utf8)
        return (design, TwinFixture.root + "/sites/ashburn-va.yaml")
    }

    @Test("plan.json carries the basis, its dry-bulb and wet-bulb; a plan.json written before them still loads")
    func planFileOldAndNew() throws {
        let plan = try F.plan()
        // legacy-hopper-air on Ashburn, default basis: towers on the 0.4 % evaporation pair, WB 25.4 °C with MCDB 31.6 °C.
        #expect(plan.designCondition.effectiveAmbientC == 25.4)
        #expect(plan.designCondition.designWetBulbC == 25.4 && plan.designCondition.designDryBulbC == 31.6)
        #expect(plan.designCondition.designBasis == "worse of the 0.4 % pairs: evaporation 0.4 % (WB 25.4 °C, MCDB 31.6 °C) "
                + "(cooling 0.4 % gives 23.9 °C) → T_eff 25.4 °C")
        let new = try F.write(plan)
        #expect(new.text.contains("\"designBasis\" : \"worse of the 0.4 % pairs"))
        #expect(try BuildPlan.load(from: new.path).value == plan)
        let old = try F.write(plan) { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\"designBasis\"") && !$0.contains("\"designDryBulbC\"") && !$0.contains("\"designWetBulbC\"") }
                .joined(separator: "\n")
        }
        #expect(!old.text.contains("designBasis"))
        let loaded = try BuildPlan.load(from: old.path).value
        #expect(loaded.designCondition.designBasis == nil && loaded.designCondition.designDryBulbC == nil)
        #expect(loaded.designCondition.effectiveAmbientC == 25.4)
        #expect(try F.issues(old.path).isEmpty)
    }

    @Test("fromHours without a weather year is an error on designBasis.condition that says how to give one")
    func fromHoursNeedsWeather() throws {
        let files = try Self.hopper(basis: "{condition: fromHours, percentile: 99.6}")
        let error = try #require(throws: InputError.self) { _ = try PlanningInputs.load(designPath: files.design, sitePath: files.site) }
        #expect(error.issues.count == 1)
        #expect(error.issues.first?.path == "designBasis.condition")
        #expect(error.issues.first?.message.contains("pass --weather FILE.epw, set climate.epw in the site file") == true)
        let bad = try #require(throws: InputError.self) {
            _ = try PlanningInputs.load(designPath: files.design, sitePath: files.site, weatherPath: "/nonexistent.epw")
        }
        #expect(bad.issues.first?.message == "cannot read the file")
    }

    @Test("plan --weather: a fromHours basis ranks that year's hours and the table says so",
          .enabled(if: TwinFixture.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func fromHoursPlan() throws {
        let files = try Self.hopper(basis: "{condition: fromHours, percentile: 99.6, marginK: 0.5}")
        let weather = try TwinFixture.weather("USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw")
        let inputs = try PlanningInputs.load(designPath: files.design, sitePath: files.site, weatherPath: weather)
        let hours = try #require(inputs.design.designBasis?.hours)
        #expect(hours.wetBulbC.count == 8760 && hours.source == weather)
        // Towers: the 36th-highest wet-bulb of the year (nearest rank 8,725 of 8,760), sorted here, plus 0.5 K.
        let expected = hours.wetBulbC.sorted(by: >)[35] + 0.5
        let condition = DesignCondition(design: inputs.design, site: inputs.site)
        #expect(condition.effectiveAmbientC == expected)
        let table = try PlanWorkflow.run(PlanWorkflow.Request(
            inputs: InputPaths(design: files.design, site: files.site), options: PlanOptions(objective: .maxTokens), weatherFile: weather))
        #expect(table.contains("Design basis: percentile 99.6 of the hourly T_eff over 8760 h of \(weather) (rank 8725: "), "\(table)")
        #expect(table.contains("+ 0.5 K margin → T_eff"))
    }
}

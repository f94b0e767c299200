import Foundation
import Testing
import PlantModel
import Plans

/// A design and site that are valid alone but not together: a feed to connect whose capex has no life, beside a design
/// without `economics.facilityLifeYears` (README "Facility decisions", "Money").
@Suite("Design and site checked as a pair")
struct SitePairTests {
    /// The shipped hybrid design without a facility capex or life, on Phoenix's site whose feed-d may be connected
    /// ($150M, 8 quarters) with no life of its own; returns the design's path and the site's path and text.
    static func write() throws -> (design: String, site: String, siteText: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pair-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func edited(_ file: String, _ edits: [(String, String)]) throws -> String {
            var text = try String(contentsOfFile: TwinFixture.root + "/" + file, encoding: .utf8)
            for (old, new) in edits {
                #expect(text.contains(old), "fixture text not found: \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            return text
        }
        let design = try edited("reference-designs/gb300-nvl72-hybrid.yaml", [
            (", facilityCapexUSDPerMW: 10700000, facilityLifeYears: 20}", "}"), ("site: ../sites/phoenix-az.yaml", "site: site.yaml")])
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("economics.facilityCapexUSDPerMW:") && !$0.contains("economics.facilityLifeYears:") }.joined(separator: "\n")
        let site = try edited("sites/phoenix-az.yaml", [
            ("{name: feed-d, capacityMW: 350, availableFrom: 2028Q1}",
             "{name: feed-d, capacityMW: 350, availableFrom: 2028Q1, build: {capexUSD: 150000000, leadTimeQuarters: 8}}")])
        let designPath = folder.appendingPathComponent("design.yaml").path, sitePath = folder.appendingPathComponent("site.yaml").path
        try design.write(toFile: designPath, atomically: true, encoding: .utf8)
        try site.write(toFile: sitePath, atomically: true, encoding: .utf8)
        return (designPath, sitePath, site)
    }

    @Test("validate and every command that loads the pair refuse the feed, naming the site's field and line")
    func feedWithoutLife() throws {
        let files = try Self.write()
        let line = files.siteText.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("name: feed-d") }! + 1
        let expected = ValidationIssue(file: files.site, line: line, path: "grid.feeds[3].build.lifeYears",
                                       message: "grid feed feed-d may be connected but its capex has no life: give "
                                           + "grid.feeds[3].build.lifeYears in the site, or economics.facilityLifeYears in the design")
        #expect(PlantValidation.issues(inFiles: [files.design], catalog: try Catalog.bundled()) == [expected])
        #expect(throws: InputError(issues: [expected])) { try PlanningInputs.load(designPath: files.design) }
    }

    @Test("A design whose site: names a missing file is refused on its site: line by validate and by plan alike (plan also offers --site)")
    func missingDefaultSite() throws {
        let files = try Self.write()
        let text = try String(contentsOfFile: files.design, encoding: .utf8)
        try text.replacingOccurrences(of: "site: site.yaml", with: "site: sight.yaml").write(toFile: files.design, atomically: true, encoding: .utf8)
        let resolved = URL(fileURLWithPath: files.design).deletingLastPathComponent().appendingPathComponent("sight.yaml").standardizedFileURL.path
        #expect(resolved.hasPrefix("/"))
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("site: ") }! + 1
        let expected = ValidationIssue(file: files.design, line: line, path: "site",
                                       message: "site file 'sight.yaml' not found (resolved to \(resolved), relative to the design's "
                                           + "folder): correct site:")
        #expect(PlantValidation.issues(inFiles: [files.design], catalog: try Catalog.bundled()) == [expected])
        var planning = expected
        planning.message += ", or give --site FILE"
        #expect(throws: InputError(issues: [planning])) { try PlanningInputs.load(designPath: files.design) }
        // An absolute site: is no path relative to the design's folder.
        try text.replacingOccurrences(of: "site: site.yaml", with: "site: /no/such/site.yaml").write(toFile: files.design, atomically: true, encoding: .utf8)
        #expect(PlantValidation.issues(inFiles: [files.design], catalog: try Catalog.bundled()).map(\.message)
                == ["site file '/no/such/site.yaml' not found (resolved to /no/such/site.yaml): correct site:"])
    }

    @Test("A site given beside the design that names it is read twice but each of its problems is reported once")
    func siteGivenTwice() throws {
        let files = try Self.write()
        let broken = files.siteText.replacingOccurrences(of: "{name: feed-d, capacityMW: 350,", with: "{name: feed-d, capacityMW: -1,")
        #expect(broken != files.siteText)
        try broken.write(toFile: files.site, atomically: true, encoding: .utf8)
        let alone = PlantValidation.issues(inFiles: [files.site], catalog: try Catalog.bundled())
        #expect(alone.count == 1 && alone[0].path == "grid.feeds[3].capacityMW", "\(alone)")
        let both = PlantValidation.issues(inFiles: [files.design, files.site], catalog: try Catalog.bundled())
        #expect(both == alone, "\(both)")
    }
}

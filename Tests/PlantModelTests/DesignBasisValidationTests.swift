import Testing
@testable import PlantModel

@Suite("A design basis and the site figures it reads are validated, each problem naming its field and the fix")
struct DesignBasisValidationTests {
    static let shipped = "designBasis: {condition: worseOfPairs, percent: 1}"
    /// The line the basis is written above (the bundled example has no basis of its own).
    static let anchor = "\nfabric: {switchRadix"

    /// The bundled example with `basis` added as its design basis.
    static func withBasis(_ basis: String) throws -> String {
        try exampleDesign(replacing: anchor, with: "\n" + basis + anchor)
    }

    /// The bundled example with design basis `basis`; every issue as "path: message".
    func issues(_ basis: String) throws -> [String] {
        try designIssues(try Self.withBasis(basis)).map { "\($0.path): \($0.message)" }
    }

    @Test("Which condition takes percent and which percentile; percents are 0.4, 1 or 2; ranges; unknown conditions")
    func basisIssues() throws {
        #expect(try issues(Self.shipped).isEmpty)
        #expect(try issues("designBasis: {condition: extreme, marginK: 2}").isEmpty)
        #expect(try issues("designBasis: {condition: fromHours, percentile: 99.6}").isEmpty)
        #expect(try issues("designBasis: {condition: cooling}").isEmpty, "percent defaults to 0.4")
        #expect(try issues("designBasis: {condition: evaporation, percent: 1.5}") == [
            "designBasis.percent: 1.5 is not an ASHRAE annual percent a site carries: use 0.4, 1 or 2"])
        #expect(try issues("designBasis: {condition: cooling, percent: 3}") == [
            "designBasis.percent: value 3 out of range [0.4, 2] % (ASHRAE annual percent of the design pair)"])
        #expect(try issues("designBasis: {condition: extreme, percent: 0.4}") == [
            "designBasis.percent: condition extreme uses the site's 20-year dry-bulb and extreme wet-bulb: remove percent, or use condition worseOfPairs, cooling or evaporation"])
        #expect(try issues("designBasis: {condition: fromHours}") == [
            "designBasis.percentile: required with condition fromHours: the percentile of the hourly effective temperature, e.g. 99.6 (exceeded in 0.4 % of hours)"])
        #expect(try issues("designBasis: {condition: fromHours, percent: 0.4}") == [
            "designBasis.percent: condition fromHours ranks the hours by percentile: write percentile (e.g. 99.6, exceeded in 0.4 % of hours) instead of percent"])
        #expect(try issues("designBasis: {condition: cooling, percentile: 99}") == [
            "designBasis.percentile: only condition fromHours takes a percentile; condition cooling takes percent (0.4, 1 or 2)"])
        // 0.996 is a fraction: ×100 = 99.6 lies in 50–100, so the hint fires.
        #expect(try issues("designBasis: {condition: fromHours, percentile: 0.996}") == [
            "designBasis.percentile: value 0.996 out of range [50, 100] % (percentile of the hourly effective temperature) — did you give a fraction?"])
        #expect(try issues("designBasis: {condition: worseOfPairs, marginK: -1}") == [
            "designBasis.marginK: value -1 out of range [0, 10] K (margin added to the design effective temperature)"])
        let unknown = try issues("designBasis: {condition: coolng}")
        #expect(unknown.count == 1 && unknown[0].hasPrefix("designBasis.condition: ")
                && unknown[0].hasSuffix("expected one of: worseOfPairs, cooling, evaporation, extreme, fromHours"), "\(unknown)")
        // The problem is on the line of designBasis.
        let text = try Self.withBasis("designBasis: {condition: evaporation, percent: 1.5}")
        #expect(try designIssues(text).first?.line == line(of: "designBasis:", in: text))
    }

    @Test("Site pairs: dry-bulbs 2 % ≤ 1 % ≤ 0.4 % ≤ 20-year; each coincident wet-bulb at most its dry-bulb; each figure sourced")
    func sitePairs() throws {
        let site = try String(contentsOfFile: Repo.path("sites/ashburn-va.yaml"), encoding: .utf8)
        // Ashburn: DB 0.4 % 34.1, 1 % 32.7, 2 % 31.2, 20-year 39.7; MCWB 1 % 23.5; evaporation 1 % WB 24.7 / MCDB 30.3.
        func replacing(_ pairs: [(String, String)]) -> String {
            pairs.reduce(site) { text, pair in
                precondition(text.contains(pair.0), pair.0)
                return text.replacingOccurrences(of: pair.0, with: pair.1)
            }
        }
        #expect(try siteIssues(replacing([("  coolingDesignDryBulb2PercentC: 31.2", "  coolingDesignDryBulb2PercentC: 33.0")])) == [
            "climate.coolingDesignDryBulb2PercentC: 2 % dry-bulb 33 °C exceeds the 1 % dry-bulb 32.7 °C"])
        #expect(try siteIssues(replacing([("  extremeDryBulb20YearC: 39.7", "  extremeDryBulb20YearC: 34.0")])) == [
            "climate.coolingDesignDryBulbC: 0.4 % dry-bulb 34.1 °C exceeds the 20-year maximum dry-bulb 34 °C"])
        #expect(try siteIssues(replacing([("  coolingDesignCoincidentWetBulb1PercentC: 23.5", "  coolingDesignCoincidentWetBulb1PercentC: 33.0")])) == [
            "climate.coolingDesignCoincidentWetBulb1PercentC: wet-bulb 33 °C exceeds its dry-bulb coolingDesignDryBulb1PercentC = 32.7 °C"])
        #expect(try siteIssues(replacing([("  evaporationDesignCoincidentDryBulb1PercentC: 30.3", "  evaporationDesignCoincidentDryBulb1PercentC: 24.0")])) == [
            "climate.evaporationDesignWetBulb1PercentC: wet-bulb 24.7 °C exceeds its dry-bulb evaporationDesignCoincidentDryBulb1PercentC = 24 °C"])
        let unsourced = site.split(separator: "\n").filter { !$0.hasPrefix("    evaporationDesignCoincidentDryBulbC:") }.joined(separator: "\n")
        #expect(try siteIssues(unsourced).contains { $0.hasPrefix("climate.figures") && $0.contains("evaporationDesignCoincidentDryBulbC") })
        let missing = site.replacingOccurrences(of: "  extremeDryBulb20YearC: 39.7\n", with: "")
        let error = try #require(throws: (any Error).self) { try PlantFile.decode(Site.self, from: missing, file: "s.yaml") }
        #expect("\(error)".contains("climate.extremeDryBulb20YearC"), "\(error)")
    }
}

import Foundation
import Testing

@Suite("Retirement re-checked from plan.csv and quarters.csv")
struct RetirementPlanTests {
    /// The legacy Hopper design with 200 Hopper racks in air-hall-1 since 2024Q2, a 2.5-year rack life (10 quarters:
    /// out from 2026Q4 at the latest), resale at 10 % of capex and $20,000 to take a rack out.
    static func design() throws -> String {
        let old = "economics: {depreciationYears: 5, discountRate: 0.08, facilityOpexUSDPerMWYear: 100000, facilityCapexUSDPerMW: 10700000, facilityLifeYears: 20}\n"
        let text = try shippedText(MutationTests.planDesign)
        try #require(text.contains(old), "\(MutationTests.planDesign) no longer has `\(old)`")
        return text.replacingOccurrences(of: old, with: """
            economics: {depreciationYears: 5, discountRate: 0.08, facilityOpexUSDPerMWYear: 100000, facilityCapexUSDPerMW: 10700000,
              facilityLifeYears: 20, rackLifeYears: 2.5, rackResidualShare: 0.1, decommissioningUSDPerRack: 20000}
            existingRacks:
              - {hall: air-hall-1, profile: hgx-h100-4x8, racks: 200, installedQuarter: 2024Q2}

            """)
    }

    @Test("A plan with existing racks and a rack life keeps every limit, the life included, as plan.csv and quarters.csv show")
    func limitsHold() async throws {
        let scratch = try TemporaryFolder()
        let designPath = try scratch.write(try Self.design(), to: "refresh-design.yaml")
        let out = scratch.url.appendingPathComponent("out")
        let root = TokenPlantCLI.packageRoot
        let site = root.appendingPathComponent("sites/ashburn-va.yaml").path
        let run = try await TokenPlantCLI.run(["plan", designPath, "--site", site, "--out", out.path])
        try #require(run.status == 0, "\(run)")
        let catalog = root.appendingPathComponent(MutationTests.catalogPath).path
        #expect(try PlanLimits.violations(out: out, design: designPath, site: site, catalog: catalog) == [])

        // The 200 existing racks are gone by 2026Q4 (2024Q2 + 10 quarters): plan.csv retires at least that many
        // Hopper racks in air-hall-1 by then.
        let rows = parseCSV(try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8))
        let header = try #require(rows.first)
        let q = try #require(header.firstIndex(of: "quarter")), h = try #require(header.firstIndex(of: "hall"))
        let p = try #require(header.firstIndex(of: "profile")), r = try #require(header.firstIndex(of: "racksRetired"))
        let retired = rows.dropFirst().filter { $0.count == header.count && $0[h] == "air-hall-1" && $0[p] == "hgx-h100-4x8"
            && (PlanLimits.quarterIndex($0[q]) ?? .max) <= PlanLimits.quarterIndex("2026Q4")! }.compactMap { Int($0[r]) }.reduce(0, +)
        #expect(retired >= 200)

        // Control: against a design whose racks live one year, the same plan keeps racks past their life.
        let shortLife = try scratch.write(try Self.design().replacingOccurrences(of: "rackLifeYears: 2.5", with: "rackLifeYears: 1"),
                                          to: "short-life.yaml")
        let problems = try PlanLimits.violations(out: out, design: shortLife, site: site, catalog: catalog)
        #expect(problems.contains { $0.contains("racks within their life") }, "\(problems)")
    }
}

import Foundation
import Testing

/// The fabric-pods example (README "Fabric capex"): a Hopper campus within $1.4B that may build row halls on the site's
/// three-tier fabric or pod halls with a two-tier fabric each. Priced, a rack's 32 ports cost 32 × (5/64 × $36,000 + 6 ×
/// $640) = $212,880 in a row hall and 32 × (3/64 × $36,000 + 4 × $640) = $135,920 in a pod; with the shells ($454,750 a
/// position in a row hall, $488,187.50 in a pod) a rack's place costs $667,630 in a row and $624,107.50 in a pod, so the
/// plan builds pods. Unpriced (the network inside the racks' 0.185 overhead), a row's place is the cheaper and it builds rows.
@Suite("Fabric pods example: the fabric's price decides which halls to build")
struct FabricPodsExampleTests {
    static let design = "examples/fabric-pods/hopper-pods.yaml"

    /// bom.csv's new units of `item` over the horizon, and cashflow.csv's fabric capex by quarter.
    static func read(_ out: URL) throws -> (built: (String) -> Double, fabric: [String: Double], racks: Double) {
        let bom = parseCSV(try String(contentsOf: out.appendingPathComponent("bom.csv"), encoding: .utf8))
        let item = try #require(bom.first?.firstIndex(of: "item")), new = try #require(bom.first?.firstIndex(of: "new"))
        let lines = bom.dropFirst().filter { $0.count == bom[0].count }
        let flow = parseCSV(try String(contentsOf: out.appendingPathComponent("cashflow.csv"), encoding: .utf8))
        let q = try #require(flow.first?.firstIndex(of: "quarter")), f = try #require(flow.first?.firstIndex(of: "fabricCapexUSD"))
        var fabric: [String: Double] = [:]
        for row in flow.dropFirst() where row.count == flow[0].count { fabric[row[q]] = Double(row[f]) }
        let plan = parseCSV(try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8))
        let pq = try #require(plan.first?.firstIndex(of: "quarter")), total = try #require(plan.first?.firstIndex(of: "racksTotal"))
        let racks = plan.dropFirst().filter { $0.count == plan[0].count && $0[pq] == "2027Q4" }.reduce(0.0) { $0 + (Double($1[total]) ?? 0) }
        return ({ name in lines.filter { $0[item] == name }.reduce(0.0) { $0 + (Double($1[new]) ?? 0) } }, fabric, racks)
    }

    @Test("Priced, the plan builds the 12 pod halls and pays $4,247.50 a host port; unpriced, it builds the 3 row halls")
    func podsOrRows() async throws {
        let scratch = try TemporaryFolder(), root = TokenPlantCLI.packageRoot
        let design = root.appendingPathComponent(Self.design).path, site = root.appendingPathComponent("sites/ashburn-va.yaml").path
        let out = scratch.url.appendingPathComponent("priced")
        let run = try await TokenPlantCLI.run(["plan", design, "--out", out.path], timeout: .seconds(300))
        try #require(run.status == 0, "\(run)")
        #expect(try PlanLimits.violations(out: out, design: design, site: site, catalog: PlantLimitsTests.catalog) == [])
        let priced = try Self.read(out)
        #expect(priced.built("halls pod-hall") == 12 && priced.built("halls row-hall") == 0)
        // Every rack in a pod: its 32 ports at 3/64 × 36,000 + 4 × 640 = 4,247.50, all bought in 2027Q1 with the racks.
        #expect(priced.fabric["2027Q1"] == priced.racks * 32 * 4_247.5 && priced.racks > 0)
        #expect(priced.fabric.filter { $0.key != "2027Q1" }.values.allSatisfy { $0 == 0 })
        #expect(run.stdout.contains("Fabric ports bought (priced apart from the racks): 2027Q1 \(Int(priced.racks) * 32 / 1000),"), "\(run.stdout)")

        // The same design with the prices and the share taken out: the network is inside each rack's overhead again.
        var text = try String(contentsOfFile: design, encoding: .utf8)
        for (old, new) in [(", switchCapexUSD: 36000, transceiverCapexUSD: 640}", "}"), (",\n  fabricShareOfRackOverhead: 0.11}", "}")] {
            try #require(text.contains(old), "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        text = text.replacingOccurrences(of: "site: ../../sites/ashburn-va.yaml", with: "site: \(site)")
        let unpricedDesign = scratch.url.appendingPathComponent("unpriced.yaml")
        try text.write(to: unpricedDesign, atomically: true, encoding: .utf8)
        let rowsOut = scratch.url.appendingPathComponent("unpriced")
        let rowsRun = try await TokenPlantCLI.run(["plan", unpricedDesign.path, "--out", rowsOut.path], timeout: .seconds(300))
        try #require(rowsRun.status == 0, "\(rowsRun)")
        #expect(try PlanLimits.violations(out: rowsOut, design: unpricedDesign.path, site: site, catalog: PlantLimitsTests.catalog) == [])
        let rows = try Self.read(rowsOut)
        #expect(rows.built("halls row-hall") == 3 && rows.built("halls pod-hall") == 0)
        #expect(rows.fabric.values.allSatisfy { $0 == 0 } && !rowsRun.stdout.contains("Fabric ports bought"))
    }
}

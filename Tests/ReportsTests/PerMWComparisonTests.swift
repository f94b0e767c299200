import Foundation
import Numerics
import Testing
import Plans
import PlantModel
@testable import Reports

/// `tokenplant profiles --per-mw deepseek-r1-server`, recomputed by hand for GB300 NVL72 and the H200 reference.
@Suite("Per-MW comparison against the Hopper profile")
struct PerMWComparisonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func comparison(utilization: Double = 1) throws -> PerMWComparison {
        let inputs = try PlanningInputs.load(designPath: root + "/reference-designs/mixed-retrofit.yaml")
        return try PerMWComparison(catalog: inputs.catalog, workload: "deepseek-r1-server", design: inputs.design, site: inputs.site,
                                   utilization: utilization)
    }

    @Test("deepseek-r1-server: GB300 against H200 per GPU, rack, facility MW, capex and cost per token, by hand")
    func gb300AgainstH200() throws {
        let c = try Self.comparison()
        #expect(c.reference == "hgx-h200-4x8")
        let h200 = try #require(c.rows.first { $0.profile == "hgx-h200-4x8" })
        let gb300 = try #require(c.rows.first { $0.profile == "gb300-nvl72" })
        // Per GPU: 8,375.3 / 670 = 12.50; per rack: 8,375.3 × 72 / (670 × 32) = 603,021.6 / 21,440 = 28.126.
        #expect(gb300.ratioPerGPU.isApproximatelyEqual(to: 12.5004, absoluteTolerance: 1e-4))
        #expect(gb300.ratioPerRack.isApproximatelyEqual(to: 28.1260, absoluteTolerance: 1e-4))
        // Capex per GPU: $4.0M × 1.185 / 72 = $65,833.3 against $1.2M × 1.185 / 32 = $44,437.5: 1.4815.
        #expect(gb300.ratioCapexPerGPU.isApproximatelyEqual(to: 65_833.33 / 44_437.5, absoluteTolerance: 1e-4))
        // IT per rack in mixed-retrofit (radix-144, 3-tier fabric: 5 × 14 W switch ports + 6 × 15 W optics = 160 W
        // per host port): GB300 140 + 5.1 + 72 × 0.16 = 156.62 kW; H200 40.8 + 1.62 + 32 × 0.16 = 47.54 kW.
        #expect(gb300.facilityKWPerRack.isApproximatelyEqual(to: 156.62 * gb300.designPUE, relativeTolerance: 1e-9))
        #expect(h200.facilityKWPerRack.isApproximatelyEqual(to: 47.54 * h200.designPUE, relativeTolerance: 1e-9))
        #expect((1.05...1.6).contains(gb300.designPUE) && (1.05...1.6).contains(h200.designPUE))
        // Per facility MW: 28.126 × (47.54 × PUE_H200) / (156.62 × PUE_GB300).
        #expect(gb300.ratioPerFacilityMW.isApproximatelyEqual(
            to: 28.1260 * 47.54 * h200.designPUE / (156.62 * gb300.designPUE), relativeTolerance: 1e-5))
    }

    @Test("Cost per million tokens of the H200 rack, by hand: capital recovery, energy and opex over a year's tokens")
    func h200CostByHand() throws {
        let h200 = try #require(try Self.comparison().rows.first { $0.profile == "hgx-h200-4x8" })
        // Capital recovery at 8 %, 5 years: 0.08 / (1 − 1.08⁻⁵) = 0.250456; capex 1.2M × 1.185 = 1.422M USD.
        let capital = 1_422_000 * 0.08 / (1 - pow(1.08, -5))
        // A year of 365.25 days = 8,766 h; energy at Ashburn's $89.2/MWh for 47.54 kW × PUE; opex $100k per facility MW-year.
        let facilityMW = 0.04754 * h200.designPUE
        let energy = facilityMW * 8766 * 89.2, opex = facilityMW * 100_000
        let millionTokens = 21_440.0 * 3600 * 8766 / 1e6
        #expect(h200.costPerMillionTokensUSD.isApproximatelyEqual(to: (capital + energy + opex) / millionTokens, relativeTolerance: 1e-6))
    }

    @Test("At half utilization a rack serves half the tokens and draws idle plus half its dynamic power; house loads stay")
    func halfUtilization() throws {
        let full = try #require(try Self.comparison().rows.first { $0.profile == "hgx-h200-4x8" })
        let half = try #require(try Self.comparison(utilization: 0.5).rows.first { $0.profile == "hgx-h200-4x8" })
        // IT at u = 0.5: 12.2 + (40.8 − 12.2) × 0.5 + 1.62 + 5.12 = 33.24 kW, against 47.54 kW at full load. The design PUE's
        // losses and cooling follow the IT; its house loads (1.5 % of the full-load IT, through the 99 % transformer) do not:
        // 33.24 × PUE + 0.015 × (47.54 − 33.24) / 0.99 kW.
        let capital = 1_422_000 * 0.08 / (1 - pow(1.08, -5)), opex = 0.04754 * full.designPUE * 100_000
        let energy = (0.03324 * full.designPUE + 0.015 * (0.04754 - 0.03324) / 0.99) * 8766 * 89.2
        #expect(half.costPerMillionTokensUSD.isApproximatelyEqual(
            to: (capital + energy + opex) / (21_440.0 * 0.5 * 3600 * 8766 / 1e6), relativeTolerance: 1e-6))
    }

    /// mixed-retrofit with its site fabric (radix 144, three tiers) priced at $100,000 a switch and $1,000 a transceiver:
    /// 5/144 × 100,000 + 6 × 1,000 = $9,472.22 a host port, and the racks' overhead 0.185 − 0.11 = 0.075.
    @Test("On a priced site fabric a rack's capex per GPU and cost carry its ports and leave the network share out (by hand)")
    func pricedFabric() throws {
        var inputs = try PlanningInputs.load(designPath: Self.root + "/reference-designs/mixed-retrofit.yaml")
        inputs.design.fabric.switchCapexUSD = 100_000
        inputs.design.fabric.transceiverCapexUSD = 1_000
        inputs.design.economics.fabricShareOfRackOverhead = 0.11
        let priced = try PerMWComparison(catalog: inputs.catalog, workload: "deepseek-r1-server", design: inputs.design, site: inputs.site,
                                         utilization: 1)
        let h200 = try #require(priced.rows.first { $0.profile == "hgx-h200-4x8" })
        let port = 5.0 / 144 * 100_000 + 6 * 1_000
        // $1.2M × 1.075 + 32 ports, over 32 GPUs.
        #expect(h200.capexUSDPerGPU.isApproximatelyEqual(to: (1_290_000 + 32 * port) / 32, relativeTolerance: 1e-12))
        let capital = (1_290_000 + 32 * port) * 0.08 / (1 - pow(1.08, -5))
        let facilityMW = 0.04754 * h200.designPUE
        let energy = facilityMW * 8766 * 89.2, opex = facilityMW * 100_000
        #expect(h200.costPerMillionTokensUSD.isApproximatelyEqual(to: (capital + energy + opex) / (21_440.0 * 3600 * 8766 / 1e6),
                                                                  relativeTolerance: 1e-6))
    }

    @Test("An unknown workload is refused in words")
    func unknownWorkload() throws {
        let inputs = try PlanningInputs.load(designPath: Self.root + "/reference-designs/mixed-retrofit.yaml")
        #expect(throws: PerMWComparison.Problem.unknownWorkload("gpt-5", known: inputs.catalog.workloads.map(\.id))) {
            try PerMWComparison(catalog: inputs.catalog, workload: "gpt-5", design: inputs.design, site: inputs.site, utilization: 1)
        }
    }
}

import Foundation
import Numerics
import PlantModel
import Plans
import Reports
import Testing
import Twin

/// `compare`'s rows, ranking and files, on the hand-written SmallPlan and a hand-written year.
@Suite("Comparison")
struct ComparisonTests {
    /// A year of SmallPlan's final fleet (5 racks, 3,000,000 tokens/s at full load), written by hand.
    static var year: RunSummary {
        var run = RunSummary(hours: 8760)
        run.itEnergyMWh = 4000
        run.facilityEnergyMWh = 4400
        run.waterM3 = 1000
        run.tokens = 3_000_000 * 3600 * 8760 * 0.7
        run.throttledHours = 12
        run.co2Tonnes = 440
        run.energyCostUSD = 300_000
        run.capitalAndOpexUSD = 3_000_000
        return run
    }

    static let catalog = try! Catalog.bundled()

    @Test("A planned row's figures, worked by hand from SmallPlan and the year")
    func plannedRow() {
        let row = ComparisonRow(plan: SmallPlan.plan, run: Self.year, catalog: Self.catalog,
                                workloadMix: [WorkloadShare(workload: "w", share: 1, demand: nil)],
                                designFile: "small.yaml", siteFile: "site.yaml")
        #expect(row.finalQuarter == SmallPlan.q2)
        #expect(row.racks == 5 && row.gpus == 360)
        // gb300-nvl72 is a Blackwell Ultra profile: all 5 racks there, every other generation 0.
        #expect(row.racksByGeneration?["Blackwell Ultra"] == 5)
        #expect(row.racksByGeneration?["Hopper"] == 0)
        #expect(row.gpusByGeneration?["Blackwell Ultra"] == 360)
        #expect(row.capexUSD == 15e6)
        // 3e6 × 3600 × 8760 × 0.7 tokens over 4,400 MWh: tokens ÷ (MWh × 3600) = 3e6 × 8760 × 0.7 / 4400 = 4,180.9 tokens/s per MW.
        #expect(row.annualTokensPerSecondPerFacilityMW!.isApproximatelyEqual(to: 3e6 * 8760 * 0.7 / 4400, relativeTolerance: 1e-12))
        #expect(row.utilization!.isApproximatelyEqual(to: 0.7, relativeTolerance: 1e-12))
        #expect(row.annualPUE!.isApproximatelyEqual(to: 1.1, relativeTolerance: 1e-12))
        // WUE: 1,000 m³ over 4,000 MWh IT = 0.25 L/kWh.
        #expect(row.wueLPerKWh!.isApproximatelyEqual(to: 0.25, relativeTolerance: 1e-12))
        // 440 t over 1.84e13 tokens: 440e6 g / 1.8396e7 million tokens = 23.92 g per million tokens.
        #expect(row.co2GramsPerMillionTokens!.isApproximatelyEqual(to: 440e6 / (3e6 * 3600 * 8760 * 0.7 / 1e6), relativeTolerance: 1e-12))
        // (300,000 + 3,000,000) USD over 1.8396e13 tokens × 1e6 = 0.1794 USD per million tokens.
        #expect(row.costPerMillionTokensUSD!.isApproximatelyEqual(to: 3.3e6 / (3e6 * 3600 * 8760 * 0.7) * 1e6, relativeTolerance: 1e-12))
        #expect(row.throttledHoursPerYear == 12)
        // Site power binds in 2027Q2; the floor is not full, only priced.
        #expect(row.bindingLimit == "site power (usable grid capacity after the feed redundancy rule) in 2027Q2")
    }

    static func row(_ design: String, tokensPerMW: Double?, cost: Double?) -> ComparisonRow {
        var row = ComparisonRow(design: design, designFile: "\(design).yaml", site: "s", siteFile: "s.yaml",
                                outcome: tokensPerMW == nil ? .noPlan : .planned, diagnosis: tokensPerMW == nil ? "no rack fits\nraise it" : nil,
                                workloadMix: [WorkloadShare(workload: "w", share: 1, demand: nil)])
        row.annualTokensPerSecondPerFacilityMW = tokensPerMW
        row.costPerMillionTokensUSD = cost
        return row
    }

    static let inputs = Comparison.Inputs(objective: "max-tokens", rankBy: "tokens-per-mw", weatherBySite: ["s": "synthetic"],
                                          years: 1, seed: 1, workloadMix: nil)

    @Test("Ranks highest tokens per MW first (ties in the order given), lowest cost first; unplanned pairs last, unranked")
    func ranking() {
        let rows = [Self.row("a", tokensPerMW: 10, cost: 0.3), Self.row("b", tokensPerMW: nil, cost: nil),
                    Self.row("c", tokensPerMW: 30, cost: 0.1), Self.row("d", tokensPerMW: 10, cost: 0.2)]
        let byTokens = Comparison(inputs: Self.inputs, rows: rows, rankBy: .tokensPerMW, generations: [])
        #expect(byTokens.rows.map(\.design) == ["c", "a", "d", "b"])
        #expect(byTokens.rows.map(\.rank) == [1, 2, 3, nil])
        let byCost = Comparison(inputs: Self.inputs, rows: rows, rankBy: .costPerToken, generations: [])
        #expect(byCost.rows.map(\.design) == ["c", "d", "a", "b"])
    }

    @Test("JSON and CSV carry every key for every pair: null or an empty cell where a pair has no value")
    func sameKeys() throws {
        let planned = ComparisonRow(plan: SmallPlan.plan, run: Self.year, catalog: Self.catalog,
                                    workloadMix: [WorkloadShare(workload: "w", share: 1, demand: nil)],
                                    designFile: "small.yaml", siteFile: "site.yaml")
        let c = Comparison(inputs: Self.inputs, rows: [planned, Self.row("b", tokensPerMW: nil, cost: nil)], rankBy: .tokensPerMW,
                           generations: Self.catalog.generations)
        let document = try #require(try JSONSerialization.jsonObject(with: CompareReport.json(c)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == Comparison.schemaVersion)
        let pairs = try #require(document["pairs"] as? [[String: Any]])
        #expect(pairs.count == 2)
        #expect(Set(pairs[0].keys) == Set(pairs[1].keys))
        #expect(pairs[1]["itMW"] is NSNull && pairs[1]["rank"] is NSNull && pairs[1]["racksByGeneration"] is NSNull)
        #expect(pairs[1]["diagnosis"] as? String == "no rack fits\nraise it")

        let lines = CompareReport.csv(c).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.count == 3, "one line per pair: the diagnosis's line break is not written into the CSV")
        #expect(lines[1].count == lines[0].count && lines[2].count == lines[0].count)
        // One column per catalog generation for racks and GPUs.
        #expect(lines[0].filter { $0.hasPrefix("racksByGeneration.") }.count == Self.catalog.generations.count)
    }
}

@Suite("Comparison page")
struct ComparePageTests {
    @Test("One bar per ranked pair in rank order (smallest first for cost), every planned pair in the tables, no URL")
    func page() throws {
        let rows = [ComparisonTests.row("a", tokensPerMW: 10, cost: 0.3), ComparisonTests.row("b", tokensPerMW: nil, cost: nil),
                    ComparisonTests.row("c", tokensPerMW: 30, cost: 0.1), ComparisonTests.row("d", tokensPerMW: 20, cost: 0.2)]
        let c = Comparison(inputs: ComparisonTests.inputs, rows: rows, rankBy: .costPerToken, generations: [])
        let html = ComparePage.html(c, rankBy: .costPerToken)
        #expect(!html.contains("http") && !html.contains("<script") && !html.contains("url("))
        let svgText = String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
        let svg = SVGInspection(svgText)
        #expect(svg.parsed, "\(svg.error ?? "")")
        // Three ranked pairs, cheapest first: c (0.1), d (0.2), a (0.3); b has no plan and no bar.
        let bars = svg.marks("bar")
        #expect(bars.count == 3)
        let widths = bars.map { Double($0.attributes["width"]!)! }
        #expect(widths == widths.sorted())
        #expect(svgText.range(of: "c on s")!.lowerBound < svgText.range(of: "d on s")!.lowerBound)
        #expect(svgText.range(of: "d on s")!.lowerBound < svgText.range(of: "a on s")!.lowerBound)
        // Three tables (last quarter, the year, what binds), each with a header row and one row per planned pair.
        #expect(html.components(separatedBy: "<table>").count - 1 == 3)
        #expect(html.components(separatedBy: "<tr>").count - 1 == 3 * (1 + 3))
        #expect(html.contains("<li>b on s: no plan; no rack fits\nraise it</li>"))
    }
}

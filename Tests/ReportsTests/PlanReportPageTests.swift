import Foundation
import Numerics
import Planner
import PlantModel
import Plans
import Reports
import Testing
import Twin

/// The bundled example planned on its default site (Phoenix) and simulated for one synthetic year (no file
/// from ../shared is needed), kept by ``ReportHours``.
enum ExampleReport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let designPath = root + "/reference-designs/gb300-nvl72-hybrid.yaml"

    static func content(pareto: ParetoFrontier? = nil) throws -> PlanReportContent {
        let inputs = try PlanningInputs.load(designPath: designPath)
        let plan = try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance).plan
        let weather = try WeatherSource.synthetic.load(site: inputs.site, years: 1, seed: 1)
        let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: plan, weather: weather, years: 1)
        let hours = ReportHours(plan: plan, year: scenario.firstYear)
        let summary = Twin.run(scenario, seed: 1, sink: hours.add)
        return PlanReportContent(plan: plan, design: inputs.design, site: inputs.site, catalog: inputs.catalog, summary: summary, hours: hours,
                                 firstYear: scenario.firstYear, years: 1, weather: "synthetic", planSource: "planned", pareto: pareto)
    }
}

@Suite("The report's figures and page")
struct PlanReportPageTests {
    @Test("Build-out of a hand-made plan on the bundled design: IT by generation and each limit as the IT power it allows")
    func buildOut() throws {
        let catalog = try Catalog.bundled()
        let design = try ReferenceDesign.load(from: ExampleReport.designPath, catalog: catalog).value
        let site = try Site.load(from: ExampleReport.root + "/sites/phoenix-az.yaml").value
        let out = BuildOut(plan: SmallPlan.plan, design: design, site: site, catalog: catalog)
        // gb300-nvl72 is Blackwell Ultra; the plan's rack lines carry all its IT (0.15 MW a rack), so no fabric area.
        #expect(out.areas.map(\.name) == ["Blackwell Ultra"])
        #expect(out.areas[0].values.elementsEqual([0.3, 0.75]) { $0.isApproximatelyEqual(to: $1) })
        // Grid: 10 MW usable × IT/facility = 10 × 0.95 = 9.5 MW.
        #expect(out.gridLimitMW.allSatisfy { $0!.isApproximatelyEqual(to: 9.5) })
        // Halls: 8 × 48 MW installed, 4N/3 lets 3/4 carry load: 288 MW of rack power, all of it IT here.
        #expect(out.hallPowerLimitMW.allSatisfy { $0!.isApproximatelyEqual(to: 288) })
        // Plant (no chillers): 592.4 MW of water stream; a rack puts 140 kW × 0.8 = 112 kW into liquid and the
        // pumps add 3.7 %: 0.116144 MW a rack for 0.15 MW of IT, so 592.4 × 0.15 / 0.116144 = 765.085 MW.
        #expect(!out.plantHasChillers)
        #expect(out.plantLimitMW.allSatisfy { $0!.isApproximatelyEqual(to: 765.085, relativeTolerance: 1e-5) })
    }

    @Test("The hours kept add up to the twin's own summary of the same year")
    func hoursMatchSummary() throws {
        let content = try ExampleReport.content()
        let h = content.hours, s = content.summary
        // 2026 is not a leap year; the synthetic year has 365 days of 24 hours.
        #expect(h.powerHeadroomMW.count == 365 && h.powerHeadroomMW.allSatisfy { $0.count == 24 })
        #expect(h.thermalHeadroomMW.count == 365 && h.hours == s.hours)
        #expect(h.itMWh.reduce(0, +).isApproximatelyEqual(to: s.itEnergyMWh, relativeTolerance: 1e-12))
        #expect(h.gridMWh.reduce(0, +).isApproximatelyEqual(to: s.facilityEnergyMWh, relativeTolerance: 1e-12))
        #expect(h.waterM3.reduce(0, +).isApproximatelyEqual(to: s.waterM3, relativeTolerance: 1e-12))
        #expect(h.limitHours.reduce(0, +) == s.throttledHours)
        #expect(h.powerHeadroomMW.joined().min()! == s.minPowerHeadroomMW!)
        #expect(h.thermalHeadroomMW.joined().min()! == s.minThermalHeadroomMW!)
        // Days per month from the calendar: 31, 28, 31, 30, …
        let perMonth = (1...12).map { m in h.dayMonths.filter { $0 == m }.count }
        #expect(perMonth == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        // Served over full-load capacity is the demand the design's mix asks (0.7 mean) less what was throttled.
        let u = try #require(h.utilizationServed)
        #expect(u > 0.6 && u <= 0.75)
    }

    @Test("The page: every chart parses as XML with one mark per datum, no URL, no script, the same bytes each time")
    func page() throws {
        let content = try ExampleReport.content()
        let html = PlanReportPage.html(content)
        #expect(html == PlanReportPage.html(content))
        // The capex rows say what they count: the racks standing in the last quarter at their catalog price (none retired,
        // so all bought since the horizon began), and, apart, the facility: here only the given halls, whose usable MW
        // (288) are charged at economics.facilityCapexUSDPerMW ($10.7M), 288 × $10.7M = $3,081,600,000.
        let last = try #require(content.plan.quarters.last?.quarter)
        let rackCapex = content.plan.racks.filter { $0.quarter == last }
            .reduce(0.0) { $0 + Double($1.racksTotal) * (content.catalog.profile($1.profile)?.capexUSDPerRack ?? .nan) }
        #expect(html.contains("<tr><td>Rack capex, cumulative</td><td class=\"num\">\(NumberText.grouped(rackCapex)) USD</td>"))
        let given = content.design.halls.reduce(0.0) { $0 + Double($1.count) * $1.usableITCapacityMW }
        #expect(given == 288 && content.design.economics.facilityCapexUSDPerMW == 10.7e6)
        #expect(html.contains("<tr><td>Facility capex, cumulative</td><td class=\"num\">3,081,600,000 USD</td>"))
        #expect(!html.contains("http") && !html.contains("//") && !html.lowercased().contains("<script"))
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        let svgs = svgTexts(html).map(SVGInspection.init)
        for svg in svgs { #expect(svg.parsed, "\(svg.error ?? "")") }
        let byID = Dictionary(uniqueKeysWithValues: svgs.map { ($0.elements[0].attributes["id"]!, $0) })
        // Build-out: Blackwell (gb200-nvl72) and Blackwell Ultra (gb300-nvl72) and the fabric; three limit lines
        // with a point in each of the 16 quarters (racks from 2026Q1 on).
        let plan = content.plan
        #expect(byID["buildout"]!.marks("area").count == 3)
        #expect(plan.quarters.allSatisfy { $0.racks > 0 })
        #expect(byID["buildout"]!.marks("point").count == 3 * plan.quarters.count)
        #expect(byID["power-headroom"]!.elements("rect", inside: "cells").count == 8760)
        #expect(byID["thermal-headroom"]!.elements("rect", inside: "cells").count == 8760)
        #expect(byID["monthly-pue"]!.marks("point").count == 12)
        #expect(byID["monthly-wue"]!.marks("bar").count == 12)
        #expect(byID["monthly-water"]!.marks("bar").count == 12)
        // Timeline: a cell per family and quarter it binds in; a limit without a quarter fills every quarter.
        var cells = Set<String>()
        for limit in plan.binding where limit.family.isListedInBinding {
            for q in plan.quarters.map(\.quarter) where limit.quarter == nil || limit.quarter == q { cells.insert("\(limit.family)|\(q)") }
        }
        #expect(byID["binding"]!.marks("cell").count == cells.count)
        #expect(byID["pareto"] == nil)
        #expect(html.contains("No Pareto frontier"))
        // Every profile the plan installs has its MLPerf result IDs in the sources table.
        #expect(html.contains("6.1#298") && html.contains("gb300-nvl72"))
    }

    @Test("A Pareto frontier is drawn with a point per frontier point")
    func pareto() throws {
        let json = """
            {"inputs": {"design": "d", "designFile": "d.yaml", "site": "s", "siteFile": "s.yaml", "catalog": "bundled", "digest": "0"},
             "axis": "capex", "axisUnit": "USD", "points": [
              {"point": 1, "limit": 2e9, "tokens": 4e16, "capexUSD": 2e9, "peakFacilityMW": 80, "tokensPerSecondPerMWLastQuarter": 3e6, "status": "optimal"},
              {"point": 2, "limit": 4e9, "tokens": 7e16, "capexUSD": 4e9, "peakFacilityMW": 150, "tokensPerSecondPerMWLastQuarter": 3e6, "status": "optimal"},
              {"point": 3, "tokens": 9e16, "capexUSD": 6e9, "peakFacilityMW": 227, "tokensPerSecondPerMWLastQuarter": 3e6, "status": "feasible", "relativeGap": 0.001}]}
            """
        let frontier = try JSONDecoder().decode(ParetoFrontier.self, from: Data(json.utf8))
        let html = PlanReportPage.html(try ExampleReport.content(pareto: frontier))
        let pareto = try #require(svgTexts(html).map(SVGInspection.init).first { $0.elements[0].attributes["id"] == "pareto" })
        #expect(pareto.marks("point").count == 3)
        #expect(!html.contains("No Pareto frontier"))
    }

    /// The `<svg>…</svg>` elements of a page.
    func svgTexts(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
    }
}

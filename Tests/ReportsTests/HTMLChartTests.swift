import Foundation
import Numerics
import Reports
import Testing

@Suite("The report's SVG chart kit: valid XML, one mark per datum, readable in greyscale")
struct HTMLChartTests {
    @Test("Markup escapes the five XML specials and writes coordinates to 0.1 px without a negative zero")
    func escaping() {
        #expect(Markup.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(Markup.coordinate(12.345) == "12.3")
        #expect(Markup.coordinate(-0.04) == "0")
        #expect(Markup.coordinate(70) == "70")
        // A title with markup in it stays text: the SVG still parses and the title reads back unchanged.
        var doc = SVGDocument(id: "t", title: "IT <MW> & \"heat\"", width: 100, height: 50)
        doc.add(Markup.text("x < y", x: 1, y: 2))
        let svg = SVGInspection(doc.rendered)
        #expect(svg.parsed, "\(svg.error ?? "")")
        #expect(svg.elements.first?.name == "svg")
        #expect(svg.elements.first?.attributes["xmlns"] == nil)
    }

    @Test("Ticks at 1, 2 or 5 × 10ⁿ covering the data from zero")
    func ticks() {
        // 0…201.3 MW in about 6 steps: 201.3 / 6 = 33.6 → the next of 1, 2, 5 × 10ⁿ is 50; ticks 0, 50, …, 250.
        let scale = LinearScale(low: 0, high: 201.3, from: 300, to: 0, tickCount: 6)
        #expect(scale.ticks == [0, 50, 100, 150, 200, 250])
        #expect(scale.position(0) == 300)
        #expect(scale.position(125).isApproximatelyEqual(to: 150))
        #expect(LinearScale.niceStep(0.3) == 0.5)
        #expect(LinearScale.niceStep(7) == 10)
        #expect(LinearScale.niceStep(1) == 1)
        // 0.0925 steps → 0.1: one decimal; 1,200 grouped.
        #expect(LinearScale(low: 0, high: 0.37, from: 0, to: 1, tickCount: 4).label(0.3) == "0.3")
        #expect(LinearScale(low: 0, high: 1200, from: 0, to: 1, tickCount: 4).label(1200) == "1,200")
    }

    @Test("Stacked areas: one path per series with a vertex per quarter; a marker per quarter where a line has a value")
    func stackedArea() {
        let chart = StackedAreaChart(
            title: "Build-out", categories: ["2026Q1", "2026Q2", "2026Q3", "2026Q4"], xLabel: "quarter", yLabel: "IT power (MW)",
            areas: [.init(name: "Hopper", values: [1, 2, 3, 4]), .init(name: "Blackwell", values: [0, 1, 1, 2]), .init(name: "Rubin", values: [0, 0, 2, 5])],
            lines: [.init(name: "grid", values: [10, 10, 20, 20]), .init(name: "plant", values: [nil, 12, 12, nil])])
        let svg = SVGInspection(chart.svg(id: "b"))
        #expect(svg.parsed, "\(svg.error ?? "")")
        let areas = svg.marks("area")
        #expect(areas.count == 3)
        // Each area is the top edge left to right and the bottom edge back: 2 × 4 vertices.
        for area in areas {
            let d = area.attributes["d"] ?? ""
            #expect(d.filter { $0 == "M" || $0 == "L" }.count == 8)
        }
        #expect(svg.marks("point").count == 4 + 2)
        // The legend names every series and every line.
        let texts = chart.svg(id: "b")
        for name in ["Hopper", "Blackwell", "Rubin", "grid", "plant", "IT power (MW)", "quarter"] { #expect(texts.contains(">\(name)<")) }
        // The top of the stack in the last quarter is 4 + 2 + 5 = 11 MW: on a 0…20 scale (step 5) it sits at
        // 11/20 of the plot's height above its bottom.
        let top = areas[2].attributes["d"]!.split(separator: "L")[3].split(separator: " ")
        let plotBottom = 36.0 + 300, plotTop = 36.0
        #expect(Double(top[1])!.isApproximatelyEqual(to: plotBottom - 11.0 / 20 * (plotBottom - plotTop), absoluteTolerance: 0.06))
    }

    @Test("Heat map: a cell per day and hour (8,760, or 8,784 in a leap year), darker for less headroom, black below zero")
    func heatMap() {
        for days in [365, 366] {
            let values = (0..<days).map { d in (0..<24).map { h in Double(d + h) } }
            let chart = HeatMapChart(title: "Power headroom", values: values, xLabel: "day", yLabel: "hour", xTicks: [(0, "Jan")],
                                     yTicks: [(0, "00:00")], unit: "MW")
            let svg = SVGInspection(chart.svg(id: "h\(days)"))
            #expect(svg.parsed, "\(svg.error ?? "")")
            #expect(svg.elements("rect", inside: "cells").count == days * 24)
        }
        // Values rising along a row give fills whose luminance never falls: the order survives greyscale.
        let ramp = [(0..<24).map { Double($0) * 10 - 5 }]
        let text = HeatMapChart(title: "t", values: ramp, xLabel: "x", yLabel: "y", xTicks: [], yTicks: [], unit: "MW").svg(id: "r")
        let svg = SVGInspection(text)
        let fills = svg.elements("rect", inside: "cells").map { $0.attributes["fill"]! }
        #expect(fills[0] == "#000000")  // −5 MW: short
        let lights = fills.dropFirst().map(luminance)
        #expect(zip(lights, lights.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(lights.last! - lights.first! > 0.5)
        // The scale legend names the unit and shows the below-zero box.
        #expect(text.contains(">scale (MW):<") && text.contains(">&lt; 0 (short)<"))
    }

    @Test("Ranked bars: largest first, ties in the given order, one bar per label with its value and unit")
    func bars() {
        let chart = BarChart(title: "Hours capped", labels: ["power", "thermal", "hall", "cdu"], values: [3, 10, 10, 1], unit: "h")
        #expect(chart.ranking == [1, 2, 0, 3])
        let text = chart.svg(id: "bars")
        let svg = SVGInspection(text)
        #expect(svg.parsed, "\(svg.error ?? "")")
        #expect(svg.marks("bar").count == 4)
        // Bars are drawn top to bottom in rank order, so their y rises with rank; the longest bars are equal.
        let ys = svg.marks("bar").map { Double($0.attributes["y"]!)! }, widths = svg.marks("bar").map { Double($0.attributes["width"]!)! }
        #expect(ys == ys.sorted())
        #expect(widths[0] == widths[1])
        #expect(widths[2].isApproximatelyEqual(to: widths[0] * 3 / 10, absoluteTolerance: 0.1))
        #expect(text.contains(">10 h<") || text.contains(">10.0 h<"))
    }

    @Test("Monthly: twelve marks, bars from zero or points on a line for ratios; a month without a value says n/a")
    func monthly() {
        let values: [Double?] = (1...12).map { Double($0) }
        let bars = SVGInspection(MonthlyChart(title: "Water", values: values, yLabel: "water (m³)", decimals: 1).svg(id: "w"))
        #expect(bars.parsed)
        #expect(bars.marks("bar").count == 12)
        let pue: [Double?] = [1.09, 1.1, nil, 1.12, 1.13, 1.14, 1.15, 1.16, 1.17, 1.18, 1.19, 1.2]
        let text = MonthlyChart(title: "PUE", values: pue, yLabel: "PUE", decimals: 2, fromZero: false).svg(id: "p")
        let points = SVGInspection(text)
        #expect(points.parsed)
        #expect(points.marks("point").count == 11)
        #expect(points.marks("bar").isEmpty)
        #expect(text.contains(">n/a<"))
    }

    @Test("Timeline: a cell wherever a limit binds or is near it; binding and near-limit differ in lightness and texture")
    func timeline() {
        let chart = TimelineChart(title: "Binding", columns: ["2026Q1", "2026Q2", "2026Q3"], xLabel: "quarter", rows: [
            .init(name: "site power", cells: [nil, .binding, .binding]),
            .init(name: "capex budget", cells: [.nearLimit, .nearLimit, .nearLimit]),
        ])
        let svg = SVGInspection(chart.svg(id: "tl"))
        #expect(svg.parsed)
        let cells = svg.marks("cell")
        #expect(cells.count == 5)
        let fills = Set(cells.map { $0.attributes["fill"]! })
        #expect(fills.count == 2)
        #expect(fills.contains { $0.hasPrefix("url(#tl-") })  // the near-limit texture, a fragment of this chart
    }

    @Test("Series styles differ without colour: areas by lightness or texture, lines by dash and marker")
    func greyscale() {
        let areas = Array(SeriesStyle.areas.prefix(4))
        for i in areas.indices { for j in areas.indices where j > i {
            #expect(areas[i].pattern != areas[j].pattern || abs(luminance(areas[i].fill) - luminance(areas[j].fill)) > 0.15)
        } }
        let lines = Array(SeriesStyle.lines.prefix(3))
        for i in lines.indices { for j in lines.indices where j > i {
            #expect(lines[i].dash != lines[j].dash && lines[i].marker != lines[j].marker)
        } }
    }

    @Test("Scatter: a marker per frontier point")
    func scatter() {
        let chart = ScatterChart(title: "Pareto", points: [(1, 2, "1"), (2, 3, "2"), (4, 3.5, "3")], xLabel: "capex (billion USD)", yLabel: "tokens")
        let svg = SVGInspection(chart.svg(id: "s"))
        #expect(svg.parsed)
        #expect(svg.marks("point").count == 3)
    }
}

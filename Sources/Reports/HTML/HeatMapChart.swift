import Foundation

/// A grid of values (columns × rows, e.g. day of year × hour of day) as shaded cells, one `<rect>` per cell
/// inside `<g class="cells">`, with a stepped scale legend in the values' unit. Low values are dark and high
/// values light (a single-hue ramp that keeps its order in greyscale); values below zero are black.
public struct HeatMapChart: Sendable {
    /// The title above the map.
    public var title: String
    /// `values[column][row]`.
    public var values: [[Double]]
    /// The axis labels.
    public var xLabel: String, yLabel: String
    /// Labelled columns and rows: (index, text).
    public var xTicks: [(index: Int, text: String)]
    /// Labelled rows: (index, text).
    public var yTicks: [(index: Int, text: String)]
    /// The values' unit, e.g. `MW`.
    public var unit: String

    /// A map of `values[column][row]` in `unit`.
    public init(title: String, values: [[Double]], xLabel: String, yLabel: String, xTicks: [(index: Int, text: String)],
                yTicks: [(index: Int, text: String)], unit: String) {
        self.title = title
        self.values = values
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xTicks = xTicks
        self.yTicks = yTicks
        self.unit = unit
    }

    /// The ramp's anchors, dark to light.
    static let ramp: [(Double, Double, Double)] = [(0x1a, 0x2f, 0x5c), (0x2e, 0x63, 0xa6), (0x6d, 0xa3, 0xd6), (0xbf, 0xda, 0xef), (0xf7, 0xfa, 0xfd)]
    /// The colour of values below zero.
    static let belowZero = "#000000"

    /// The colour at `t` ∈ [0, 1] along the ramp.
    static func colour(_ t: Double) -> String {
        let position = min(1, max(0, t)) * Double(ramp.count - 1)
        let i = min(ramp.count - 2, Int(position)), f = position - Double(i)
        let (a, b) = (ramp[i], ramp[i + 1])
        func channel(_ x: Double, _ y: Double) -> String {
            let v = Int((x + (y - x) * f).rounded())
            return String(format: "%02x", v)
        }
        return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
    }

    /// The scale's bin edges: round numbers from the lowest value at or above zero to the highest.
    var scale: LinearScale {
        let all = values.flatMap { $0 }
        let low = max(0, all.min() ?? 0), high = max(low, all.max() ?? 0)
        return LinearScale(low: low, high: high, from: 0, to: 1, tickCount: 8, includeZero: false)
    }

    /// The chart as inline SVG; `id` must be unique within the page.
    public func svg(id: String, cellWidth: Double = 2, cellHeight: Double = 7) -> String {
        let columns = values.count, rows = values.first?.count ?? 0
        let frame = ChartFrame(left: 70, top: 36, right: 70 + Double(columns) * cellWidth, bottom: 36 + Double(rows) * cellHeight)
        let width = frame.right + 30
        let legendTop = frame.bottom + 64
        var doc = SVGDocument(id: id, title: title, width: width, height: legendTop + 46)
        doc.add(ChartFrame.title(title, width: width))
        let c = Markup.coordinate
        let scale = self.scale
        let bins = max(1, scale.ticks.count - 1)
        func fill(_ v: Double) -> String {
            if v < 0 { return HeatMapChart.belowZero }
            let bin = min(bins - 1, max(0, Int(((v - scale.low) / scale.step).rounded(.down))))
            return HeatMapChart.colour(bins > 1 ? Double(bin) / Double(bins - 1) : 0.5)
        }
        var cells = "<g class=\"cells\" shape-rendering=\"crispEdges\">"
        for (i, column) in values.enumerated() {
            for (j, v) in column.enumerated() {
                cells += "<rect x=\"\(c(frame.left + Double(i) * cellWidth))\" y=\"\(c(frame.top + Double(j) * cellHeight))\" width=\"\(c(cellWidth))\" height=\"\(c(cellHeight))\" fill=\"\(fill(v))\"/>"
            }
            cells += "\n"
        }
        doc.add(cells + "</g>")
        doc.add(Markup.element("rect", [("x", c(frame.left)), ("y", c(frame.top)), ("width", c(frame.right - frame.left)),
                                        ("height", c(frame.bottom - frame.top)), ("fill", "none"), ("class", "axis")]))
        for (row, text) in yTicks {
            let y = frame.top + (Double(row) + 0.5) * cellHeight
            doc.add(Markup.text(text, x: frame.left - 6, y: y + 4, anchor: "end", cssClass: "tick"))
        }
        doc.add(Markup.text(yLabel, x: 16, y: (frame.top + frame.bottom) / 2, anchor: "middle", cssClass: "axis-label", rotate: -90))
        for element in frame.xAxis(xTicks.map { (x: frame.left + Double($0.index) * cellWidth, text: $0.text) }, label: xLabel) {
            doc.add(element)
        }
        // The scale: one box per bin with its edges in the unit, and the below-zero box when any value is below zero.
        var x = frame.left
        doc.add(Markup.text("scale (\(unit)):", x: x, y: legendTop + 12, cssClass: "legend"))
        x += 96
        let boxWidth = min(64, (width - x - 110) / Double(bins))
        if (values.flatMap { $0 }.min() ?? 0) < 0 {
            doc.add(Markup.element("rect", [("x", c(x)), ("y", c(legendTop)), ("width", c(boxWidth)), ("height", "14"),
                                            ("fill", HeatMapChart.belowZero), ("stroke", "#333333"), ("stroke-width", "0.6")]))
            doc.add(Markup.text("< 0 (short)", x: x + boxWidth / 2, y: legendTop + 30, anchor: "middle", cssClass: "tick"))
            x += boxWidth + 24
        }
        for b in 0..<bins {
            doc.add(Markup.element("rect", [("x", c(x + Double(b) * boxWidth)), ("y", c(legendTop)), ("width", c(boxWidth)), ("height", "14"),
                                            ("fill", HeatMapChart.colour(bins > 1 ? Double(b) / Double(bins - 1) : 0.5)),
                                            ("stroke", "#333333"), ("stroke-width", "0.6")]))
        }
        for (k, edge) in scale.ticks.enumerated() where bins <= 8 || k % 2 == 0 || k == bins {
            doc.add(Markup.text(scale.label(edge), x: x + Double(k) * boxWidth, y: legendTop + 30, anchor: "middle", cssClass: "tick"))
        }
        return doc.rendered
    }
}

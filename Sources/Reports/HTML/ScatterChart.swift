/// Points joined in order (a frontier): one marker `class="mark point"` per point, each labelled.
public struct ScatterChart: Sendable {
    /// The title above the chart.
    public var title: String
    /// The points in frontier order, each with its label.
    public var points: [(x: Double, y: Double, label: String)]
    /// Axis labels with their units.
    public var xLabel: String, yLabel: String

    /// A chart of `points` joined in order.
    public init(title: String, points: [(x: Double, y: Double, label: String)], xLabel: String, yLabel: String) {
        self.title = title
        self.points = points
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The chart as inline SVG; `id` must be unique within the page.
    public func svg(id: String, width: Double = 860, plotHeight: Double = 280) -> String {
        let frame = ChartFrame(left: 80, top: 36, right: width - 30, bottom: 36 + plotHeight)
        var doc = SVGDocument(id: id, title: title, width: width, height: frame.bottom + 50)
        doc.add(ChartFrame.title(title, width: width))
        let x = LinearScale(low: points.map(\.x).min() ?? 0, high: points.map(\.x).max() ?? 1, from: frame.left, to: frame.right, tickCount: 6)
        let y = LinearScale(low: points.map(\.y).min() ?? 0, high: points.map(\.y).max() ?? 1, from: frame.bottom, to: frame.top, tickCount: 5)
        for element in frame.yAxis(y, label: yLabel) { doc.add(element) }
        for element in frame.xAxis(x.ticks.map { (x: x.position($0), text: x.label($0)) }, label: xLabel) { doc.add(element) }
        let c = Markup.coordinate
        let style = SeriesStyle.line(1)
        let d = points.enumerated().map { ($0.offset == 0 ? "M" : "L") + "\(c(x.position($0.element.x))) \(c(y.position($0.element.y)))" }.joined()
        if !d.isEmpty { doc.add(Markup.element("path", [("d", d), ("class", "line")] + style.lineAttributes)) }
        for p in points {
            doc.add(style.markerElement(x: x.position(p.x), y: y.position(p.y), r: 4, cssClass: "mark point"))
            doc.add(Markup.text(p.label, x: x.position(p.x) + 7, y: y.position(p.y) + 14, cssClass: "value small"))
        }
        return doc.rendered
    }
}

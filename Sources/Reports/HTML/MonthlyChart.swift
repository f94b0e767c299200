/// One figure month by month, January first, each value printed over its mark; months without a value are
/// labelled "n/a". On an axis from zero each month is a `<rect class="mark bar">`; on an axis that starts near
/// the values (ratios such as PUE near 1, where a bar's length would mislead) a marker `class="mark point"`
/// on a line.
public struct MonthlyChart: Sendable {
    /// The months' short English names, January first.
    public static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The title above the chart.
    public var title: String
    /// Twelve values, `nil` for a month without one.
    public var values: [Double?]
    /// The y axis label with its unit, e.g. `WUE (L/kWh)`.
    public var yLabel: String
    /// Decimals of the printed values.
    public var decimals: Int
    /// Whether the axis starts at zero (else just below the lowest value, for ratios such as PUE near 1).
    public var fromZero: Bool

    /// A chart of twelve monthly `values`, printed with `decimals` decimals.
    public init(title: String, values: [Double?], yLabel: String, decimals: Int, fromZero: Bool = true) {
        precondition(values.count == 12)
        self.title = title
        self.values = values
        self.yLabel = yLabel
        self.decimals = decimals
        self.fromZero = fromZero
    }

    /// The chart as inline SVG; `id` must be unique within the page.
    public func svg(id: String, width: Double = 420, plotHeight: Double = 170, style: SeriesStyle = SeriesStyle.area(1)) -> String {
        let frame = ChartFrame(left: 66, top: 36, right: width - 12, bottom: 36 + plotHeight)
        var doc = SVGDocument(id: id, title: title, width: width, height: frame.bottom + 46)
        doc.add(ChartFrame.title(title, width: width))
        if let pattern = style.patternDefinition(id: "\(id)-fill") { doc.define(pattern) }
        let present = values.compactMap { $0 }
        let low = fromZero ? 0 : (present.min() ?? 0), high = present.max() ?? 1
        let pad = fromZero ? 0 : max((high - low) * 0.25, abs(high) * 0.002)
        let y = LinearScale(low: low - pad, high: high + pad * 0.5, from: frame.bottom, to: frame.top, tickCount: 4, includeZero: fromZero)
        for element in frame.yAxis(y, label: yLabel) { doc.add(element) }
        let c = Markup.coordinate
        let slot = (frame.right - frame.left) / 12
        let line = SeriesStyle.line(1)
        if !fromZero {
            let d = values.enumerated().compactMap { m, v in v.map { "\(c(frame.left + (Double(m) + 0.5) * slot)) \(c(y.position($0)))" } }
            if d.count > 1 { doc.add(Markup.element("path", [("d", "M" + d.joined(separator: "L")), ("class", "line")] + line.lineAttributes)) }
        }
        for (m, value) in values.enumerated() {
            let centre = frame.left + (Double(m) + 0.5) * slot
            guard let value else {
                doc.add(Markup.text("n/a", x: centre, y: frame.bottom - 4, anchor: "middle", cssClass: "value"))
                continue
            }
            let top = y.position(value)
            let tip = Markup.element("title", [], content: "\(MonthlyChart.monthNames[m]): \(NumberText.fixed(value, decimals))")
            if fromZero {
                doc.add(Markup.element("rect", [("x", c(centre - slot * 0.35)), ("y", c(top)), ("width", c(slot * 0.7)), ("height", c(max(0, frame.bottom - top))),
                                                ("fill", style.fillReference(id: "\(id)-fill")), ("stroke", "#1f4e8c"), ("stroke-width", "0.8"),
                                                ("class", "mark bar")], content: tip))
            } else {
                doc.add(line.markerElement(x: centre, y: top, r: 4, cssClass: "mark point"))
            }
            doc.add(Markup.text(NumberText.fixed(value, decimals), x: centre, y: top - (fromZero ? 4 : 8), anchor: "middle", cssClass: "value small"))
        }
        let labels = (0..<12).map { (x: frame.left + (Double($0) + 0.5) * slot, text: MonthlyChart.monthNames[$0]) }
        for element in frame.xAxis(labels, label: "month") { doc.add(element) }
        return doc.rendered
    }
}

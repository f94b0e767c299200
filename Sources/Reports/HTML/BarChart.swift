/// Horizontal bars ranked from the largest value to the smallest, or the smallest first with `smallestFirst` (for
/// figures where lower is better); ties keep the given order. One `<rect class="mark bar">` per label, its value and
/// unit printed at its end.
public struct BarChart: Sendable {
    /// The title above the bars.
    public var title: String
    /// What each bar is.
    public var labels: [String]
    /// Each bar's length, in `unit`.
    public var values: [Double]
    /// The values' unit, e.g. `h` or `tokens/s per MW`.
    public var unit: String
    /// Whether the smallest value comes first.
    public var smallestFirst: Bool

    /// Bars for `labels[i]` of length `values[i]` (≥ 0) in `unit`.
    public init(title: String, labels: [String], values: [Double], unit: String, smallestFirst: Bool = false) {
        precondition(labels.count == values.count)
        self.smallestFirst = smallestFirst
        self.title = title
        self.labels = labels
        self.values = values
        self.unit = unit
    }

    /// The indices of `values` from the largest to the smallest (the smallest first with `smallestFirst`), ties in
    /// the given order.
    public var ranking: [Int] {
        values.indices.sorted { values[$0] != values[$1] ? (values[$0] > values[$1]) != smallestFirst : $0 < $1 }
    }

    /// The chart as inline SVG; `id` must be unique within the page.
    public func svg(id: String, width: Double = 860, barHeight: Double = 22) -> String {
        let labelWidth = min(300, 12 + (labels.map { ChartLegend.textWidth($0) }.max() ?? 0))
        let frame = ChartFrame(left: labelWidth + 10, top: 36, right: width - 150, bottom: 36 + Double(max(1, labels.count)) * (barHeight + 8))
        var doc = SVGDocument(id: id, title: title, width: width, height: frame.bottom + 50)
        doc.add(ChartFrame.title(title, width: width))
        let x = LinearScale(low: 0, high: values.max() ?? 0, from: frame.left, to: frame.right, tickCount: 5)
        let c = Markup.coordinate
        for tick in x.ticks {
            doc.add(Markup.element("line", [("x1", c(x.position(tick))), ("x2", c(x.position(tick))), ("y1", c(frame.top)),
                                            ("y2", c(frame.bottom)), ("class", "grid")]))
        }
        let style = SeriesStyle.area(0)
        for (rank, i) in ranking.enumerated() {
            let top = frame.top + 4 + Double(rank) * (barHeight + 8)
            doc.add(Markup.text(labels[i], x: frame.left - 8, y: top + barHeight / 2 + 4, anchor: "end", cssClass: "tick"))
            doc.add(Markup.element("rect", [("x", c(frame.left)), ("y", c(top)), ("width", c(max(0, x.position(values[i]) - frame.left))),
                                            ("height", c(barHeight)), ("fill", style.fill), ("class", "mark bar")],
                                   content: Markup.element("title", [], content: Markup.escape("\(labels[i]): \(NumberText.grouped(values[i])) \(unit)"))))
            doc.add(Markup.text("\(NumberText.grouped(values[i])) \(unit)", x: x.position(values[i]) + 6, y: top + barHeight / 2 + 4, cssClass: "value"))
        }
        doc.add(Markup.element("line", [("x1", c(frame.left)), ("x2", c(frame.left)), ("y1", c(frame.top)), ("y2", c(frame.bottom)), ("class", "axis")]))
        for element in frame.xAxis(x.ticks.map { (x: x.position($0), text: x.label($0)) }, label: unit) { doc.add(element) }
        return doc.rendered
    }
}

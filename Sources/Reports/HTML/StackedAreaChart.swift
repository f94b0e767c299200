/// Stacked areas over ordered categories (quarters), with limit lines drawn over them. Each area is one
/// `<path class="mark area">` with a vertex per category; each line one `<path class="line">` with a marker
/// (`class="mark point"`) per category that has a value.
public struct StackedAreaChart: Sendable {
    /// One stacked series: a value per category, ≥ 0.
    public struct Area: Sendable {
        /// The name in the legend.
        public var name: String
        /// A value per category.
        public var values: [Double]
        /// A series `name` with a value per category.
        public init(name: String, values: [Double]) { (self.name, self.values) = (name, values) }
    }

    /// One line: a value per category, `nil` where it has none (the line breaks there).
    public struct Line: Sendable {
        /// The name in the legend.
        public var name: String
        /// A value per category, `nil` for none.
        public var values: [Double?]
        /// A line `name` with a value (or none) per category.
        public init(name: String, values: [Double?]) { (self.name, self.values) = (name, values) }
    }

    /// The title above the chart.
    public var title: String
    /// The x axis categories, in order.
    public var categories: [String]
    /// The x axis label.
    public var xLabel: String
    /// The y axis label with its unit, e.g. `IT power (MW)`.
    public var yLabel: String
    /// The stacked series, bottom first.
    public var areas: [Area]
    /// The lines drawn over the areas.
    public var lines: [Line]

    /// A chart of `areas` stacked over `categories` with `lines` over them.
    public init(title: String, categories: [String], xLabel: String, yLabel: String, areas: [Area], lines: [Line]) {
        self.title = title
        self.categories = categories
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.areas = areas
        self.lines = lines
    }

    /// The chart as inline SVG; `id` must be unique within the page.
    public func svg(id: String, width: Double = 860, plotHeight: Double = 300) -> String {
        var legend = ChartLegend()
        for (i, area) in areas.enumerated() { legend.add(area.name, .area(SeriesStyle.area(i), patternID: "\(id)-a\(i)")) }
        for (i, line) in lines.enumerated() { legend.add(line.name, .line(SeriesStyle.line(i))) }
        let frame = ChartFrame(left: 70, top: 36, right: width - 20, bottom: 36 + plotHeight)
        let legendTop = frame.bottom + 78
        let placed = legend.layout(x: frame.left, y: legendTop, width: frame.right - frame.left)
        var doc = SVGDocument(id: id, title: title, width: width, height: legendTop + placed.height)
        doc.add(ChartFrame.title(title, width: width))

        let n = categories.count
        var totals = Array(repeating: 0.0, count: n)
        for area in areas { for j in 0..<n { totals[j] += area.values[j] } }
        let lineMax = lines.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let y = LinearScale(low: 0, high: max(totals.max() ?? 0, lineMax), from: frame.bottom, to: frame.top, tickCount: 6)
        func x(_ j: Int) -> Double {
            n > 1 ? frame.left + 10 + Double(j) / Double(n - 1) * (frame.right - frame.left - 20) : (frame.left + frame.right) / 2
        }
        for element in frame.yAxis(y, label: yLabel) { doc.add(element) }
        let c = Markup.coordinate

        var base = Array(repeating: 0.0, count: n)
        for (i, area) in areas.enumerated() {
            let style = SeriesStyle.area(i)
            if let pattern = style.patternDefinition(id: "\(id)-a\(i)") { doc.define(pattern) }
            let top = (0..<n).map { base[$0] + area.values[$0] }
            var d = "M" + (0..<n).map { "\(c(x($0))) \(c(y.position(top[$0])))" }.joined(separator: "L")
            d += "L" + (0..<n).reversed().map { "\(c(x($0))) \(c(y.position(base[$0])))" }.joined(separator: "L") + "Z"
            doc.add(Markup.element("path", [("d", d), ("fill", style.fillReference(id: "\(id)-a\(i)")), ("stroke", "#222222"),
                                            ("stroke-width", "0.6"), ("class", "mark area")],
                                   content: Markup.element("title", [], content: Markup.escape(area.name))))
            base = top
        }
        for (i, line) in lines.enumerated() {
            let style = SeriesStyle.line(i)
            var d = "", pen = false
            for j in 0..<n {
                guard let v = line.values[j] else { pen = false; continue }
                d += (pen ? "L" : "M") + "\(c(x(j))) \(c(y.position(v)))"
                pen = true
            }
            if !d.isEmpty { doc.add(Markup.element("path", [("d", d), ("class", "line")] + style.lineAttributes)) }
            for j in 0..<n {
                guard let v = line.values[j] else { continue }
                doc.add(style.markerElement(x: x(j), y: y.position(v), cssClass: "mark point"))
            }
        }
        // Every category is labelled when they fit, else every k-th.
        let every = max(1, Int((Double(n) * 58 / (frame.right - frame.left)).rounded(.up)))
        let labels = (0..<n).filter { $0 % every == 0 }.map { (x: x($0), text: categories[$0]) }
        for element in frame.xAxis(labels, label: xLabel, rotated: true) { doc.add(element) }
        for element in placed.elements { doc.add(element) }
        return doc.rendered
    }
}

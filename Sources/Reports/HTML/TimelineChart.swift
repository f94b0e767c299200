/// Rows of named limits against ordered columns (quarters): a `<rect class="mark cell">` wherever a row's
/// limit binds or is priced though not full in that column, dark for binding and light hatched for not full.
public struct TimelineChart: Sendable {
    /// How tight a limit is in a column.
    public enum State: Sendable, Equatable {
        case binding, nearLimit
    }

    /// One limit: its state in each column (`nil` where it has slack).
    public struct Row: Sendable {
        /// The limit's name, left of its row.
        public var name: String
        /// The state in each column.
        public var cells: [State?]
        /// A row `name` with a state (or none) per column.
        public init(name: String, cells: [State?]) { (self.name, self.cells) = (name, cells) }
    }

    /// The title above the chart.
    public var title: String
    /// The columns (quarters), in order.
    public var columns: [String]
    /// The x axis label.
    public var xLabel: String
    /// The limits, top first.
    public var rows: [Row]

    /// A timeline of `rows` over `columns`.
    public init(title: String, columns: [String], xLabel: String, rows: [Row]) {
        self.title = title
        self.columns = columns
        self.xLabel = xLabel
        self.rows = rows
    }

    /// The chart as inline SVG; `id` must be unique within the page.
    public func svg(id: String, width: Double = 860, rowHeight: Double = 24) -> String {
        let labelWidth = min(330, 12 + (rows.map { ChartLegend.textWidth($0.name) }.max() ?? 60))
        let frame = ChartFrame(left: labelWidth + 10, top: 36, right: width - 20, bottom: 36 + Double(max(1, rows.count)) * rowHeight)
        let binding = SeriesStyle.area(0), near = SeriesStyle.area(4)
        var legend = ChartLegend()
        legend.add("binding: no further purchase unit fits", .area(binding, patternID: "\(id)-b"))
        legend.add("not full: more fits, but the relaxation prices the limit", .area(near, patternID: "\(id)-n"))
        let legendTop = frame.bottom + 80
        let placed = legend.layout(x: frame.left, y: legendTop, width: frame.right - frame.left)
        var doc = SVGDocument(id: id, title: title, width: width, height: legendTop + placed.height)
        doc.add(ChartFrame.title(title, width: width))
        if let pattern = near.patternDefinition(id: "\(id)-n") { doc.define(pattern) }
        let c = Markup.coordinate
        let slot = (frame.right - frame.left) / Double(max(1, columns.count))
        for (r, row) in rows.enumerated() {
            let top = frame.top + Double(r) * rowHeight
            doc.add(Markup.element("line", [("x1", c(frame.left)), ("x2", c(frame.right)), ("y1", c(top + rowHeight)), ("y2", c(top + rowHeight)), ("class", "grid")]))
            doc.add(Markup.text(row.name, x: frame.left - 8, y: top + rowHeight / 2 + 4, anchor: "end", cssClass: "tick"))
            for (k, state) in row.cells.enumerated() {
                guard let state else { continue }
                let style = state == .binding ? binding : near
                let fill = style.fillReference(id: state == .binding ? "\(id)-b" : "\(id)-n")
                let words = state == .binding ? "binding" : "not full, priced"
                doc.add(Markup.element("rect", [("x", c(frame.left + Double(k) * slot + 1)), ("y", c(top + 4)), ("width", c(slot - 2)),
                                                ("height", c(rowHeight - 8)), ("fill", fill), ("stroke", "#333333"), ("stroke-width", "0.5"),
                                                ("class", "mark cell")],
                                       content: Markup.element("title", [], content: Markup.escape("\(row.name), \(columns[k]): \(words)"))))
            }
        }
        for k in 0...columns.count {
            let x = frame.left + Double(k) * slot
            doc.add(Markup.element("line", [("x1", c(x)), ("x2", c(x)), ("y1", c(frame.top)), ("y2", c(frame.bottom)), ("class", "grid")]))
        }
        let every = max(1, Int((Double(columns.count) * 58 / (frame.right - frame.left)).rounded(.up)))
        let labels = columns.indices.filter { $0 % every == 0 }.map { (x: frame.left + (Double($0) + 0.5) * slot, text: columns[$0]) }
        for element in frame.xAxis(labels, label: xLabel, rotated: true) { doc.add(element) }
        for element in placed.elements { doc.add(element) }
        return doc.rendered
    }
}

/// A chart's legend: one entry per series, laid out in rows under the plot.
public struct ChartLegend: Sendable {
    /// What an entry's swatch shows.
    public enum Swatch: Sendable {
        /// A filled box in an area or bar style whose pattern is defined as `patternID`.
        case area(SeriesStyle, patternID: String)
        /// A short line with its marker.
        case line(SeriesStyle)
    }

    /// The entries in the order they are drawn.
    public var entries: [(label: String, swatch: Swatch)] = []

    /// An empty legend.
    public init() {}

    /// Adds an entry.
    public mutating func add(_ label: String, _ swatch: Swatch) { entries.append((label, swatch)) }

    /// Rough width of `text` in the 12 px legend font, px (for layout only).
    static func textWidth(_ text: String) -> Double { Double(text.count) * 6.6 }

    /// The legend's elements starting at (x, y), wrapping at `width`; returns them and the height used.
    func layout(x: Double, y: Double, width: Double) -> (elements: [String], height: Double) {
        var out: [String] = [], cx = x, cy = y
        let c = Markup.coordinate
        for (label, swatch) in entries {
            let itemWidth = 30 + ChartLegend.textWidth(label) + 18
            if cx > x, cx + itemWidth > x + width { (cx, cy) = (x, cy + 20) }
            switch swatch {
            case .area(let style, let id):
                out.append(Markup.element("rect", [("x", c(cx)), ("y", c(cy - 9)), ("width", "22"), ("height", "12"),
                                                   ("fill", style.fillReference(id: id)), ("stroke", "#333333"), ("stroke-width", "0.6")]))
            case .line(let style):
                out.append(Markup.element("line", [("x1", c(cx)), ("x2", c(cx + 22)), ("y1", c(cy - 3)), ("y2", c(cy - 3))] + style.lineAttributes))
                out.append(style.markerElement(x: cx + 11, y: cy - 3, cssClass: "legend-marker"))
            }
            out.append(Markup.text(label, x: cx + 28, y: cy + 1, cssClass: "legend"))
            cx += itemWidth
        }
        return (out, entries.isEmpty ? 0 : cy - y + 20)
    }
}

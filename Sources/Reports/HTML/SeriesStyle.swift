/// How one series is told apart without colour, so a chart reads in greyscale and in print: areas and bars by
/// lightness and a pattern over the fill, lines by dash and marker shape.
public struct SeriesStyle: Sendable, Equatable {
    /// A texture drawn over an area's fill.
    public enum Pattern: Sendable, Equatable {
        case solid, hatch, crossHatch, dots
    }

    /// The point marker of a line.
    public enum Marker: Sendable, Equatable {
        case circle, square, triangle, diamond
    }

    /// Colour of an area or bar.
    public var fill: String
    /// Colour of the pattern's strokes and of the line.
    public var ink: String
    /// The texture over an area's fill.
    public var pattern: Pattern
    /// SVG `stroke-dasharray` of a line; `nil` for a solid line.
    public var dash: String?
    /// The marker of a line's points.
    public var marker: Marker

    /// Area and bar styles, dark to light, each with its own texture.
    public static let areas: [SeriesStyle] = [
        SeriesStyle(fill: "#1f4e8c", ink: "#1f4e8c", pattern: .solid, dash: nil, marker: .circle),
        SeriesStyle(fill: "#8fb9e3", ink: "#1f4e8c", pattern: .hatch, dash: nil, marker: .square),
        SeriesStyle(fill: "#f2c782", ink: "#7a4b00", pattern: .dots, dash: nil, marker: .triangle),
        SeriesStyle(fill: "#5e8f4f", ink: "#ffffff", pattern: .crossHatch, dash: nil, marker: .diamond),
        SeriesStyle(fill: "#e6e6e6", ink: "#555555", pattern: .hatch, dash: nil, marker: .circle),
    ]

    /// Line styles: distinct dashes and markers, dark enough to read over any area style.
    public static let lines: [SeriesStyle] = [
        SeriesStyle(fill: "#ffffff", ink: "#b2182b", pattern: .solid, dash: "9 4", marker: .square),
        SeriesStyle(fill: "#ffffff", ink: "#111111", pattern: .solid, dash: nil, marker: .circle),
        SeriesStyle(fill: "#ffffff", ink: "#d35f00", pattern: .solid, dash: "2 3", marker: .triangle),
        SeriesStyle(fill: "#ffffff", ink: "#5b2a86", pattern: .solid, dash: "12 3 3 3", marker: .diamond),
    ]

    /// The `i`-th area style (cycling).
    public static func area(_ i: Int) -> SeriesStyle { areas[i % areas.count] }
    /// The `i`-th line style (cycling).
    public static func line(_ i: Int) -> SeriesStyle { lines[i % lines.count] }

    /// The pattern definition for this style under `id`, or nil for a solid fill.
    func patternDefinition(id: String) -> String? {
        let strokes: String
        switch pattern {
        case .solid: return nil
        case .hatch: strokes = "<path d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5\" stroke=\"\(ink)\" stroke-width=\"1.2\"/>"
        case .crossHatch: strokes = "<path d=\"M0 6L6 0M0 0L6 6\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
        case .dots: strokes = "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"\(ink)\"/>"
        }
        return "<pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"\(fill)\"/>\(strokes)</pattern>"
    }

    /// The `fill` attribute for an area of this style whose pattern (if any) is defined as `id`.
    func fillReference(id: String) -> String { pattern == .solid ? fill : "url(#\(id))" }

    /// A marker centred at (x, y) with half-size `r`, in the line's ink.
    func markerElement(x: Double, y: Double, r: Double = 3.5, cssClass: String) -> String {
        let c = Markup.coordinate
        switch marker {
        case .circle:
            return Markup.element("circle", [("cx", c(x)), ("cy", c(y)), ("r", c(r)), ("fill", ink), ("class", cssClass)])
        case .square:
            return Markup.element("rect", [("x", c(x - r)), ("y", c(y - r)), ("width", c(2 * r)), ("height", c(2 * r)), ("fill", ink), ("class", cssClass)])
        case .triangle:
            return Markup.element("path", [("d", "M\(c(x)) \(c(y - r * 1.2))L\(c(x + r * 1.1)) \(c(y + r * 0.8))L\(c(x - r * 1.1)) \(c(y + r * 0.8))Z"),
                                           ("fill", ink), ("class", cssClass)])
        case .diamond:
            return Markup.element("path", [("d", "M\(c(x)) \(c(y - r * 1.3))L\(c(x + r)) \(c(y))L\(c(x)) \(c(y + r * 1.3))L\(c(x - r)) \(c(y))Z"),
                                           ("fill", ink), ("class", cssClass)])
        }
    }

    /// The stroke attributes of a line in this style.
    var lineAttributes: [(String, String)] {
        [("fill", "none"), ("stroke", ink), ("stroke-width", "2")] + (dash.map { [("stroke-dasharray", $0)] } ?? [])
    }
}

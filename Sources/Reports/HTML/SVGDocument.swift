/// One inline SVG chart: a fixed drawing size that scales to the page's width, a title that screen readers and
/// tooltips use, pattern definitions and the elements in drawing order. Inline SVG in HTML5 needs no namespace
/// declaration, so none is written (the file then holds no URL at all).
public struct SVGDocument: Sendable {
    /// Drawing size in px (the viewBox); the page scales it to the column's width.
    public let width: Double, height: Double
    /// Prefix of every id in this chart, unique within the page (patterns are referenced as `url(#id-…)`).
    public let id: String
    /// What the chart shows, for screen readers and tooltips.
    public let title: String
    private var definitions: [String] = []
    private var elements: [String] = []

    /// An empty chart of `width` × `height` px.
    public init(id: String, title: String, width: Double, height: Double) {
        self.id = id
        self.title = title
        self.width = width
        self.height = height
    }

    /// Appends an element (drawn over the ones before it).
    public mutating func add(_ element: String) { elements.append(element) }

    /// Adds a pattern or other definition.
    public mutating func define(_ definition: String) { definitions.append(definition) }

    /// The `<svg>` element.
    public var rendered: String {
        let open = Markup.element("svg", [("id", id), ("viewBox", "0 0 \(Markup.coordinate(width)) \(Markup.coordinate(height))"),
                                          ("role", "img"), ("aria-labelledby", "\(id)-title")], content: "")
        var out = String(open.dropLast("</svg>".count)) + "\n"
        out += Markup.element("title", [("id", "\(id)-title")], content: Markup.escape(title)) + "\n"
        if !definitions.isEmpty { out += "<defs>\n" + definitions.joined(separator: "\n") + "\n</defs>\n" }
        out += elements.joined(separator: "\n")
        return out + "\n</svg>"
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an SVG (or any XML) text holds, read by Foundation's XML parser: whether it parses, and its elements
/// with their attributes and the classes of the groups they sit in.
final class SVGInspection {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// `class` attributes of the enclosing elements, innermost last.
        var enclosingClasses: [String]
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
    }

    let elements: [Element]
    let parsed: Bool
    /// The parser's error when the text does not parse.
    let error: String?

    init(_ text: String) {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        parsed = parser.parse()
        error = parsed ? nil : parser.parserError.map { "\($0)" } ?? "unknown parse error"
        elements = collector.elements
    }

    /// Elements whose class list contains `cssClass`.
    func marks(_ cssClass: String) -> [Element] { elements.filter { $0.classes.contains(cssClass) } }
    /// Elements named `name` inside a group of class `cssClass`.
    func elements(_ name: String, inside cssClass: String) -> [Element] {
        elements.filter { $0.name == name && $0.enclosingClasses.contains(cssClass) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var classes: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, enclosingClasses: classes))
            classes.append(attributes["class"] ?? "")
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            classes.removeLast()
        }
    }
}

/// WCAG relative luminance of `#rrggbb`: what a greyscale print keeps of a colour.
func luminance(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    func channel(_ i: Int) -> Double {
        let v = Double(Int(String(digits[i..<i + 2]), radix: 16)!) / 255
        return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

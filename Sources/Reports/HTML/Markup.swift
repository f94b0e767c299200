import Foundation

/// Text and numbers as they go into HTML and SVG: escaped, locale-independent, at fixed precision, so the
/// same figures always give the same bytes.
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as character references: safe in element text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A drawing coordinate to 0.1 px (`-0.0` written `0`, whole numbers without decimals).
    public static func coordinate(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        return NumberText.fixed(tenths / 10, 1)
    }

    /// An SVG element `<name a="v" …>content</name>`, or self-closed without content; attribute values escaped.
    public static func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) -> String {
        var out = "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(escape(value))\"" }
        guard let content else { return out + "/>" }
        return out + ">" + content + "</\(name)>"
    }

    /// `<text>` at (x, y) with the escaped `text`; `anchor` is start, middle or end.
    public static func text(_ text: String, x: Double, y: Double, anchor: String = "start", cssClass: String? = nil,
                            rotate: Double? = nil) -> String {
        var attributes = [("x", coordinate(x)), ("y", coordinate(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let cssClass { attributes.append(("class", cssClass)) }
        if let rotate { attributes.append(("transform", "rotate(\(coordinate(rotate)) \(coordinate(x)) \(coordinate(y)))")) }
        return element("text", attributes, content: escape(text))
    }
}

import Foundation

/// Every number TokenPlant prints, formatted in one place (locale-independent).
public enum NumberText {
    /// A fixed number of decimals: `fixed(3.14159, 2)` is `3.14`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// For tables: thousands separators from 1,000 on (`12,345`), one decimal from 10, three below; from 10¹⁵ on
    /// (``groupedDigitsLimit``), 12 significant digits (`2.01729901415e+16`).
    public static func grouped(_ value: Double) -> String {
        if abs(value) < 1000 { return fixed(value, abs(value) < 10 ? 3 : 1) }
        if abs(value) >= groupedDigitsLimit { return significant(value, 12) }
        let whole = String(Int(value.rounded()))
        return (whole.hasPrefix("-") ? "-" : "") + separated(whole.drop { $0 == "-" })
    }

    /// Where ``grouped(_:)`` stops writing every digit. A Double holds about 16 significant digits (whole numbers exactly
    /// only to 2⁵³ ≈ 9.0 × 10¹⁵), and a sum of 16 quarters' tokens of 10¹⁶ differs from the same sum taken in another order in
    /// its last two digits: `20,172,990,141,505,580` on the co-design example, whose quarters sum to `…505,588`.
    public static let groupedDigitsLimit = 1e15

    /// A count or a sum of money as a whole number with thousands separators (`0`, `1,234,568`), from 10¹⁵ on as
    /// ``grouped(_:)`` writes it.
    public static func whole(_ value: Double) -> String {
        abs(value) < 1000 ? String(Int(value.rounded())) : grouped(value)
    }

    /// For sentences: at most `decimals` decimals (3 unless given), no trailing zeros, thousands separators from 1,000 on
    /// (`41.5`, `12`, `0.125`, `23,691.576`, `20,000,000,000`).
    public static func amount(_ value: Double, decimals: Int = 3) -> String {
        let text = plain(value, decimals: decimals)
        guard let digits = text.firstIndex(where: \.isNumber) else { return text }
        let end = text.firstIndex { $0 == "." || $0 == "e" } ?? text.endIndex
        return String(text[..<digits]) + separated(text[digits..<end]) + String(text[end...])
    }

    /// A run of digits with a comma between each group of three from the right (`1234567` → `1,234,567`).
    private static func separated(_ digits: Substring) -> String {
        var result = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { result.append(",") }
            result.append(ch)
        }
        return String(result.reversed())
    }

    /// For files: at most `decimals` decimals (3 unless given), no trailing zeros and no separators (`41.5`, `12`, `18540000`).
    public static func plain(_ value: Double, decimals: Int = 3) -> String {
        let scale = (0..<decimals).reduce(1.0) { x, _ in x * 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// Money in files, to the cent: whole dollars without decimals (`18540000`), else two (`2171512.50`), so that quantity ×
    /// unit price and the sum of a row's cells check by hand against the written figures.
    public static func dollars(_ value: Double) -> String {
        let cents = centsRounded(value) + 0  // −0 written as 0
        return cents == cents.rounded() ? fixed(cents, 0) : fixed(cents, 2)
    }

    /// `value` rounded to the cent (half away from zero), as ``dollars(_:)`` writes it.
    public static func centsRounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// `digits` significant digits (`%g`): `significant(1234567, 4)` is `1.235e+06`.
    public static func significant(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)g", value)
    }
}

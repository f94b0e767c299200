/// A calendar quarter, written `2027Q3` in files.
public struct Quarter: Hashable, Comparable, Sendable, TextCodable, PlaceholderDecodable {
    public let year: Int
    /// 1…4.
    public let quarter: Int

    public init(year: Int, quarter: Int) {
        precondition((1...4).contains(quarter), "quarter must be 1…4")
        self.year = year
        self.quarter = quarter
    }

    /// Parses `YYYYQn`, or returns `nil`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let q = Int(parts[1]),
              (1...4).contains(q), (1900...2200).contains(year) else { return nil }
        self.init(year: year, quarter: q)
    }

    public static var placeholder: Quarter { Quarter(year: 2000, quarter: 1) }

    /// Quarters since 0000Q1: a linear index for arithmetic.
    public var ordinal: Int { year * 4 + quarter - 1 }

    /// The quarter `n` quarters later (or earlier, for negative `n`).
    public func advanced(by n: Int) -> Quarter {
        let o = ordinal + n
        return Quarter(year: o / 4, quarter: o % 4 + 1)
    }

    /// Every quarter from `self` to `last`, inclusive.
    public func through(_ last: Quarter) -> [Quarter] {
        guard last >= self else { return [] }
        return (0...(last.ordinal - ordinal)).map { advanced(by: $0) }
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { a.ordinal < b.ordinal }

    public var description: String { "\(year)Q\(quarter)" }

    public static var expectedText: String { "a quarter (expected YYYYQn, such as 2027Q3, with a year from 1900 to 2200)" }

    /// Years 1900–2200, `Q` in either case, quarter 1–4 (as `Int` reads it: an optional `+` and leading zeros).
    public static var pattern: String { #"^(19[0-9]{2}|2[01][0-9]{2}|2200)[Qq]\+?0*[1-4]$"# }
}

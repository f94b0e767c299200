/// The identifiers GLPK keeps intact in CPLEX-LP and free-MPS files.
///
/// GLPK's CPLEX-LP reader rejects `[` `]` and `-` in names, and its writer silently renames columns whose
/// names it cannot write. Names are therefore restricted to `[A-Za-z_][A-Za-z0-9_.,()]*`, 1–255 characters
/// (GLPK's own length limit), and may not be a CPLEX-LP keyword.
public enum NameRules {
    /// GLPK aborts on names longer than this.
    public static let maximumLength = 255

    /// Words the CPLEX-LP reader takes as section keywords or infinity.
    static let reservedWords: Set<String> = [
        "minimize", "minimum", "min", "maximize", "maximum", "max", "st", "s.t.", "such", "subject",
        "bounds", "bound", "free", "general", "generals", "gen", "integer", "integers", "binary",
        "binaries", "bin", "end", "inf", "infinity",
    ]

    /// Why `name` is not a valid identifier, or `nil` when it is.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "name is empty" }
        let utf8 = Array(name.utf8)
        if utf8.count > maximumLength {
            return "name is \(utf8.count) characters long, at most \(maximumLength) allowed"
        }
        if let bad = utf8.first(where: { !isAllowed($0) }) {
            return "name '\(name)' contains '\(Character(Unicode.Scalar(bad)))'; allowed: A–Z a–z 0–9 _ . , ( )"
        }
        if let first = utf8.first, !isLetter(first) && first != UInt8(ascii: "_") {
            return "name '\(name)' must start with a letter or '_'"
        }
        if reservedWords.contains(name.lowercased()) {
            return "name '\(name)' is a CPLEX-LP keyword"
        }
        return nil
    }

    /// Turns any text into a valid identifier piece: disallowed characters become `_`.
    public static func sanitized(_ text: String) -> String {
        let mapped = String(decoding: text.utf8.map { isAllowed($0) ? $0 : UInt8(ascii: "_") }, as: UTF8.self)
        return mapped.isEmpty ? "_" : mapped
    }

    static func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    static func isAllowed(_ c: UInt8) -> Bool {
        isLetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c == UInt8(ascii: ",")
            || c == UInt8(ascii: "(") || c == UInt8(ascii: ")")
    }
}

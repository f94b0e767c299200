/// A value written in files as one string that it parses and prints itself (`2027Q3`, `4N/3`).
/// Conforming types get `Codable` from `init?(_:)` and `description`.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses the file spelling, or returns `nil`.
    init?(_ text: String)
    /// What the value is and how it is written, for error messages: "a quarter (expected YYYYQn, …)".
    static var expectedText: String { get }
    /// Every spelling `init?(_:)` accepts, as an ECMA-262 regular expression (anchored); JSON Schema's `pattern`.
    static var pattern: String { get }
}

extension TextCodable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not \(Self.expectedText)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

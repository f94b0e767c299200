/// A decodable type with a stand-in value, used by ``NodeDecoder`` to keep decoding after a problem
/// so that every problem in a file is reported at once. The stand-in never reaches a caller: a file
/// with any problem fails to load.
public protocol PlaceholderDecodable: Decodable {
    static var placeholder: Self { get }
}

extension Array: PlaceholderDecodable where Element: Decodable {
    public static var placeholder: Self { [] }
}

extension Dictionary: PlaceholderDecodable where Key == String, Value: Decodable {
    public static var placeholder: Self { [:] }
}

extension String: PlaceholderDecodable { public static var placeholder: String { "" } }
extension Double: PlaceholderDecodable { public static var placeholder: Double { 0 } }
extension Int: PlaceholderDecodable { public static var placeholder: Int { 0 } }
extension Bool: PlaceholderDecodable { public static var placeholder: Bool { false } }

/// A string enumeration whose file spelling is its raw value; errors list the allowed spellings.
public protocol FileEnum: RawRepresentable, CaseIterable, PlaceholderDecodable, Codable, Sendable, Hashable
where RawValue == String {}

extension FileEnum {
    public static var placeholder: Self { allCases.first! }
}

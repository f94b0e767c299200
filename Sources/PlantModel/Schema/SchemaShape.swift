/// The shape of a value as the file decoder reads it, recorded by ``SchemaTracer`` from a type's
/// `init(from:)`: what the JSON Schema of a file kind is written from.
indirect enum SchemaShape: Equatable, Sendable {
    case number, integer, string, boolean
    /// A string from a fixed list: a ``FileEnum``'s raw values, in declaration order.
    case choice([String])
    /// A string that a ``TextCodable`` type parses: `pattern` matches its spellings, `expected` says them in words.
    case text(pattern: String, expected: String)
    /// A list of values of one shape.
    case list(SchemaShape)
    /// A mapping from any key to values of one shape (a `[String: Value]`).
    case map(SchemaShape)
    /// A mapping with fixed keys, in the order the type asks for them; the decoder rejects any other key.
    case object([SchemaProperty])
}

/// One key of an object shape.
struct SchemaProperty: Equatable, Sendable {
    var name: String
    var shape: SchemaShape
    /// Asked for with `decode` (must be present and not null) rather than `decodeIfPresent` (may be absent or null).
    var required: Bool
}

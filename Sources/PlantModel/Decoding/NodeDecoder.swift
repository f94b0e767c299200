import Yams

/// Decodes `Decodable` values from a YAML (or JSON) node tree and collects every problem with its
/// line and dotted path instead of stopping at the first.
///
/// Hand-written because Yams's `YAMLDecoder` stops at the first error, drops line numbers from most
/// of them, and ignores unknown keys; TokenPlant's files must reject typos and list all problems.
/// Missing keys, wrong types and unknown keys are recorded; the value decoded in their place is a
/// ``PlaceholderDecodable`` stand-in, so the caller must treat any recorded issue as failure.
final class DecodingSession {
    let file: String
    var issues: [ValidationIssue] = []
    /// The line of every decoded field, by dotted path, for later validation messages.
    var lines: [String: Int] = [:]

    init(file: String) { self.file = file }

    func record(_ path: [CodingKey], _ node: Node?, _ message: String) {
        issues.append(ValidationIssue(file: file, line: node?.mark.map(\.line), path: dottedPath(path), message: message))
    }

    /// Decodes a value of type `T` from `node` at `path`.
    func decode<T: Decodable>(_ type: T.Type, from node: Node, at path: [CodingKey]) -> T? {
        if let line = node.mark?.line { lines[dottedPath(path)] = line }
        if let scalar = decodeScalar(type, from: node, at: path) { return scalar }
        if isScalarType(type) { return placeholder(type) }
        let decoder = NodeDecoder(node: node, codingPath: path, session: self)
        do {
            let value = try T(from: decoder)
            decoder.reportUnknownKeys()
            return value
        } catch is AlreadyReported {
            // A nested value recorded its own problem.
        } catch let error as DecodingError {
            record(path, node, message(for: error, type: type, node: node))
        } catch {
            record(path, node, "\(error)")
        }
        return placeholder(type)
    }

    func placeholder<T>(_ type: T.Type) -> T? {
        (type as? any PlaceholderDecodable.Type)?.placeholder as? T
    }

    private func decodeScalar<T>(_ type: T.Type, from node: Node, at path: [CodingKey]) -> T? {
        guard isScalarType(type) else { return nil }
        if type == Int.self || type == Double.self, isNonDecimal(node), case .scalar(let scalar) = node {
            record(path, node, "expected \(typeName(type)) in decimal digits, got '\(scalar.string)' (YAML reads 0x, 0o and 0b as "
                + "another base, and a whole number with a leading 0 as octal: write it in decimal digits, without leading zeros)")
            return nil
        }
        guard let value = scalarValue(type, from: node) else {
            let sexagesimal = (type == Int.self || type == Double.self) && isSexagesimal(node)
            record(path, node, "expected \(typeName(type)), got \(describe(node))"
                + (sexagesimal ? " (YAML 1.1 base-60 numbers such as 5:30 are not read; write 5.5)" : ""))
            return nil
        }
        if let number = value as? Double, !number.isFinite, case .scalar(let scalar) = node {
            record(path, node, "must be a finite number, got \(scalar.string)")
            return nil
        }
        return value
    }

    private func message<T>(for error: DecodingError, type: T.Type, node: Node) -> String {
        if let choices = type as? any FileEnum.Type {
            let allowed = choices.allRawValues.joined(separator: ", ")
            return "got \(describe(node)), expected one of: \(allowed)"
        }
        switch error {
        case .dataCorrupted(let context): return context.debugDescription
        case .typeMismatch(_, let context): return context.debugDescription
        case .valueNotFound(_, let context): return context.debugDescription
        case .keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        @unknown default: return "\(error)"
        }
    }
}

extension FileEnum {
    static var allRawValues: [String] { allCases.map(\.rawValue) }
}

/// Whether `type` is one of the scalars files hold: String, Double, Int, Bool.
func isScalarType<T>(_ type: T.Type) -> Bool {
    type == String.self || type == Double.self || type == Int.self || type == Bool.self
}

/// A scalar node read as `type` (Yams's YAML 1.1 rules), or `nil` for null, a mapping or list, or
/// text that is not a `type`. Base-60 numbers (`1:30` = 90) are not read: Yams multiplies their digits
/// in `Int` without an overflow check (`1:1:1:1:1:1:1:1:1:1:1:1` traps), and `utcOffsetH: 5:30` would
/// silently be 330.
func scalarValue<T>(_ type: T.Type, from node: Node) -> T? {
    guard case .scalar(let scalar) = node, node.tag != Tag(.null) else { return nil }
    if type == Int.self || type == Double.self, isSexagesimal(node) { return nil }
    let value: Any? = switch type {
    case is String.Type: scalar.string
    case is Double.Type: Double.construct(from: scalar)
    case is Int.Type: isSignedZero(scalar.string) ? 0 : Int.construct(from: scalar)
    case is Bool.Type: Bool.construct(from: scalar)
    default: nil
    }
    return value as? T
}

/// Whether a plain scalar is a numeral in another base than ten: a `0x`, `0o` or `0b` prefix (`0x10`, `0x1p4`), or a whole
/// number with a leading zero, which YAML 1.1 reads as octal (`017` is 15 in a whole-number field, 17 in a number field).
/// Such numerals are refused rather than read: `positions: 017` meaning 17 would silently be 15.
func isNonDecimal(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .any || scalar.style == .plain else { return false }
    return isNonDecimal(scalar.string)
}

/// Whether `text` is a numeral in another base than ten (see ``isNonDecimal(_:)-(Node)``).
func isNonDecimal(_ text: String) -> Bool {
    var digits = Substring(text)
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    guard digits.count >= 2, digits.first == "0" else { return false }
    let marker = digits.dropFirst().first!
    return "xXoObB".contains(marker) || digits.dropFirst().allSatisfy { "0123456789_".contains($0) }
}

/// Whether `text` is zero with a sign (`-0`, `+0`), which Yams reads as an octal numeral with no digits and refuses.
func isSignedZero(_ text: String) -> Bool {
    text == "-0" || text == "+0"
}

/// A plain scalar with a colon, which YAML 1.1 reads as a base-60 number.
func isSexagesimal(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node else { return false }
    return (scalar.style == .any || scalar.style == .plain) && scalar.string.contains(":")
}

func typeName<T>(_ type: T.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Double.Type: "a number"
    case is Int.Type: "a whole number"
    case is Bool.Type: "true or false"
    default: "\(type)"
    }
}

func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): node.tag == Tag(.null) ? "null" : "'\(scalar.string)'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
}

func dottedPath(_ path: [CodingKey]) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue, key is IndexKey {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
    return text
}

/// Thrown upward after a problem has been recorded, so that it is not recorded twice.
struct AlreadyReported: Error {}

struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) {
        stringValue = "\(index)"
        intValue = index
    }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}

struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The `Decoder` handed to each `init(from:)`; tracks which keys its type asked for.
final class NodeDecoder: Decoder {
    let node: Node
    let codingPath: [CodingKey]
    let session: DecodingSession
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Keys the type asked for, whether present or not; `nil` until a keyed container is made.
    var askedKeys: Set<String>?

    init(node: Node, codingPath: [CodingKey], session: DecodingSession) {
        self.node = node
        self.codingPath = codingPath
        self.session = session
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw DecodingError.typeMismatch([String: Any].self, .init(
                codingPath: codingPath, debugDescription: "expected a mapping of keys, got \(describe(node))"))
        }
        if askedKeys == nil { askedKeys = [] }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            // Digits after a thousands separator (`capexUSD: 1,000,000` in a {…} mapping) are reported once as unknown keys.
            if entries[name] != nil, !name.allSatisfy(\.isASCIIDigit) {
                session.record(codingPath + [NameKey(name)], key, "key '\(name)' appears twice")
            }
            entries[name] = value
        }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, node: node, entries: entries))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw DecodingError.typeMismatch([Any].self, .init(
                codingPath: codingPath, debugDescription: "expected a list, got \(describe(node))"))
        }
        return NodeUnkeyedContainer(decoder: self, elements: Array(sequence))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        NodeSingleValueContainer(decoder: self)
    }

    /// Records every key present in the mapping that the type never asked for.
    func reportUnknownKeys() {
        guard let asked = askedKeys, case .mapping(let mapping) = node else { return }
        var reported = Set<String>()
        for (key, _) in mapping {
            guard let name = key.string, !asked.contains(name), reported.insert(name).inserted else { continue }
            var message = "unknown key '\(name)'"
            if !name.isEmpty, name.allSatisfy(\.isASCIIDigit) {
                // `capexUSD: 370,800,000` in a {…} mapping is capexUSD 370 and the keys 800 and 000.
                message += " (in a {…} mapping a comma ends an entry: write numbers without thousands separators, e.g. 370800000 "
                    + "or 370_800_000)"
            } else if let guess = closest(to: name, in: asked) {
                message += " (did you mean '\(guess)'?)"
            }
            session.record(codingPath + [NameKey(name)], key, message)
        }
    }
}

/// The allowed key nearest to a misspelt one, when it is close enough to be a likely typo.
func closest(to name: String, in candidates: Set<String>) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
    let lower = Array(name.lowercased())
    let best = candidates.sorted().map { ($0, distance(lower, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, lower.count / 3) else { return nil }
    return best.0
}

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let node: Node
    let entries: [String: Node]

    var codingPath: [CodingKey] { decoder.codingPath }
    var allKeys: [Key] { entries.keys.sorted().compactMap { Key(stringValue: $0) } }

    func ask(_ key: Key) -> Node? {
        decoder.askedKeys?.insert(key.stringValue)
        return entries[key.stringValue]
    }

    func contains(_ key: Key) -> Bool { ask(key) != nil }

    /// Asked by the standard library's `decodeIfPresent` for scalars: a key written with no value is refused as in
    /// ``decodeIfPresent(_:forKey:)``.
    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = ask(key) else { return true }
        guard value.tag != Tag(.null) else {
            recordNoValue(key, value)
            return true
        }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let path = codingPath + [key]
        guard let value = ask(key) else {
            let placeholder = decoder.session.placeholder(type)
            decoder.session.record(path, node, "missing key '\(key.stringValue)'")
            guard let placeholder else { throw AlreadyReported() }
            return placeholder
        }
        guard let decoded = decoder.session.decode(type, from: value, at: path) else {
            throw AlreadyReported()
        }
        return decoded
    }

    /// An optional key is left out by leaving out its line: a key written with no value (YAML's null, `key:`, `~`, `null`) is
    /// refused, since reading it as absent would silently drop what the line was meant to give (a hall's build option, a budget).
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = ask(key) else { return nil }
        guard value.tag != Tag(.null) else {
            recordNoValue(key, value)
            return nil
        }
        return try decode(type, forKey: key)
    }

    private func recordNoValue(_ key: Key, _ value: Node) {
        decoder.session.record(codingPath + [key], value, "'\(key.stringValue)' has no value (an empty value is YAML's null): "
            + "give its value, or remove the line to leave it out")
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard let value = ask(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath + [key], debugDescription: "missing key '\(key.stringValue)'"))
        }
        return try NodeDecoder(node: value, codingPath: codingPath + [key], session: decoder.session).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        guard let value = ask(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath + [key], debugDescription: "missing key '\(key.stringValue)'"))
        }
        return try NodeDecoder(node: value, codingPath: codingPath + [key], session: decoder.session).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { decoder }
}

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let elements: [Node]
    var currentIndex = 0

    init(decoder: NodeDecoder, elements: [Node]) {
        self.decoder = decoder
        self.elements = elements
    }

    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if elements[currentIndex].tag == Tag(.null) {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath, debugDescription: "list ended"))
        }
        let path = codingPath + [IndexKey(currentIndex)]
        let node = elements[currentIndex]
        currentIndex += 1
        guard let value = decoder.session.decode(type, from: node, at: path) else {
            throw AlreadyReported()
        }
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let node = elements[currentIndex]
        currentIndex += 1
        return try NodeDecoder(node: node, codingPath: codingPath + [IndexKey(currentIndex - 1)], session: decoder.session).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let node = elements[currentIndex]
        currentIndex += 1
        return try NodeDecoder(node: node, codingPath: codingPath + [IndexKey(currentIndex - 1)], session: decoder.session).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { decoder }
}

struct NodeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node.tag == Tag(.null) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // A scalar asked for directly: report a type mismatch as a thrown error so that the enclosing
        // decode records one message for the whole value.
        if isScalarType(type) {
            guard let value = scalarValue(type, from: decoder.node) else {
                throw DecodingError.typeMismatch(type, .init(codingPath: codingPath,
                    debugDescription: "expected \(typeName(type)), got \(describe(decoder.node))"))
            }
            return value
        }
        guard let value = decoder.session.decode(type, from: decoder.node, at: codingPath) else {
            throw AlreadyReported()
        }
        return value
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

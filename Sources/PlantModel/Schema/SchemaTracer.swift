/// A `Decoder` over no file: it runs a type's own `init(from:)` once and records every key, list and
/// scalar the type asks for, so that the schema follows the decoder without being written by hand.
///
/// Each request is answered with a stand-in: scalars get `0`, `""` or `false`, ``FileEnum`` and
/// ``TextCodable`` values their ``PlaceholderDecodable/placeholder``, lists one element and maps one
/// entry (key `*`). `decode` records a required key, `decodeIfPresent` an optional one (which the file
/// decoder also reads as absent when it is null). A type whose `init(from:)` tried one shape and fell back
/// to another on failure would be traced on its first shape only: no model type does so.
final class SchemaTracer: Decoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What the type asked for; `nil` until it makes a container.
    private var request: Request?

    private enum Request {
        case keyed(ObjectTrace)
        case unkeyed(ListTrace)
        case single(SchemaShape)
    }

    init(codingPath: [CodingKey]) { self.codingPath = codingPath }

    /// The shape of `type` at `path`, and the value its `init(from:)` built from the stand-ins.
    static func trace<T: Decodable>(_ type: T.Type, at path: [CodingKey]) throws(SchemaTraceError) -> (shape: SchemaShape, value: T) {
        if let shape = leafShape(type) {
            guard let value = (type as? any PlaceholderDecodable.Type)?.placeholder as? T else {
                throw SchemaTraceError(path: path, problem: "\(type) has no placeholder to stand in for it")
            }
            return (shape, value)
        }
        let tracer = SchemaTracer(codingPath: path)
        let value: T
        do {
            value = try T(from: tracer)
        } catch let error as SchemaTraceError {
            throw error
        } catch {
            throw SchemaTraceError(path: path, problem: "\(type).init(from:) failed on stand-in values: \(error)")
        }
        guard let shape = tracer.shape else {
            throw SchemaTraceError(path: path, problem: "\(type).init(from:) asked for no container")
        }
        return (shape, value)
    }

    /// Scalars, string enumerations and text-coded values: shapes that are not traced further.
    private static func leafShape<T>(_ type: T.Type) -> SchemaShape? {
        switch type {
        case is Double.Type: return .number
        case is Int.Type: return .integer
        case is String.Type: return .string
        case is Bool.Type: return .boolean
        default: break
        }
        if let choices = type as? any FileEnum.Type { return .choice(choices.allRawValues) }
        if let text = type as? any TextCodable.Type { return .text(pattern: text.pattern, expected: text.expectedText) }
        return nil
    }

    /// The shape the type asked for: an object, a map, a list or a single value.
    var shape: SchemaShape? {
        switch request {
        case .keyed(let object): return object.shape
        case .unkeyed(let list): return list.element?.shape.map(SchemaShape.list)
        case .single(let shape): return shape
        case nil: return nil
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let object: ObjectTrace
        if case .keyed(let existing) = request { object = existing } else {
            object = ObjectTrace()
            request = .keyed(object)
        }
        return KeyedDecodingContainer(TraceKeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        let list: ListTrace
        if case .unkeyed(let existing) = request { list = existing } else {
            list = ListTrace()
            request = .unkeyed(list)
        }
        return TraceUnkeyedContainer(list: list, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        TraceSingleValueContainer(decoder: self)
    }

    /// Records the shape of a value asked for through a single-value container.
    fileprivate func recordSingle(_ shape: SchemaShape) {
        if request == nil { request = .single(shape) }
    }
}

/// Why a type could not be traced: a model type the tracer cannot stand a value in for.
public struct SchemaTraceError: Error, CustomStringConvertible {
    /// Dotted path of the field being traced.
    public var path: String
    public var problem: String

    init(path: [CodingKey], problem: String) {
        self.path = dottedPath(path)
        self.problem = problem
    }

    public var description: String { "schema of \(path.isEmpty ? "the file" : path): \(problem)" }
}

/// A value whose shape is known now (a traced type) or once its nested container has been filled.
private enum ShapeSource {
    case known(SchemaShape)
    case nested(SchemaTracer)

    var shape: SchemaShape? {
        switch self {
        case .known(let shape): shape
        case .nested(let tracer): tracer.shape
        }
    }
}

/// The keys a keyed container was asked for; a map when the type read `allKeys` (a `[String: Value]`).
private final class ObjectTrace {
    var properties: [(name: String, required: Bool, source: ShapeSource)] = []
    var isMap = false
    /// Keys asked for with `decodeNil(forKey:)`, which only an optional key's decoding asks.
    var optionalKeys: [String] = []

    func record(_ name: String, required: Bool, _ source: ShapeSource) {
        guard !properties.contains(where: { $0.name == name }) else { return }
        properties.append((name, required, source))
    }

    var shape: SchemaShape? {
        if isMap { return properties.first?.source.shape.map(SchemaShape.map) }
        var traced: [SchemaProperty] = []
        for property in properties {
            guard let shape = property.source.shape else { return nil }
            traced.append(SchemaProperty(name: property.name, shape: shape, required: property.required))
        }
        return .object(traced)
    }
}

/// The element a list was asked for.
private final class ListTrace {
    var element: ShapeSource?
}

/// The key a map's entry is traced under; the file gives the real keys.
let anyMapKey = "*"

private struct TraceKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: ObjectTrace
    let codingPath: [CodingKey]

    /// One stand-in key: a type that iterates its keys is a map.
    var allKeys: [Key] {
        object.isMap = true
        return Key(stringValue: anyMapKey).map { [$0] } ?? []
    }

    func contains(_ key: Key) -> Bool { true }

    /// Asked by `decodeIfPresent` for `Bool`, `Double`, `Int`, `String` and the other scalars before it calls
    /// `decode`: the key is optional.
    func decodeNil(forKey key: Key) throws -> Bool {
        object.optionalKeys.append(key.stringValue)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let traced = try SchemaTracer.trace(type, at: codingPath + [key])
        object.record(key.stringValue, required: !object.optionalKeys.contains(key.stringValue), .known(traced.shape))
        return traced.value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let traced = try SchemaTracer.trace(type, at: codingPath + [key])
        object.record(key.stringValue, required: false, .known(traced.shape))
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try nested(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try nested(key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { SchemaTracer(codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { nested(key) }

    private func nested(_ key: Key) -> SchemaTracer {
        let tracer = SchemaTracer(codingPath: codingPath + [key])
        object.record(key.stringValue, required: true, .nested(tracer))
        return tracer
    }
}

private struct TraceUnkeyedContainer: UnkeyedDecodingContainer {
    let list: ListTrace
    let codingPath: [CodingKey]

    var count: Int? { nil }
    /// At the end once the one traced element has been read.
    var isAtEnd: Bool { list.element != nil }
    var currentIndex: Int { list.element == nil ? 0 : 1 }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let traced = try SchemaTracer.trace(type, at: codingPath + [IndexKey(0)])
        if list.element == nil { list.element = .known(traced.shape) }
        return traced.value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nested().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try nested().unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { nested() }

    private func nested() -> SchemaTracer {
        let tracer = SchemaTracer(codingPath: codingPath + [IndexKey(0)])
        if list.element == nil { list.element = .nested(tracer) }
        return tracer
    }
}

private struct TraceSingleValueContainer: SingleValueDecodingContainer {
    let decoder: SchemaTracer
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let traced = try SchemaTracer.trace(type, at: codingPath)
        decoder.recordSingle(traced.shape)
        return traced.value
    }
}

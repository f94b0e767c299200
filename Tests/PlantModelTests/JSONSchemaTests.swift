import Foundation
import Testing
@testable import PlantModel

/// The JSON Schema is traced from the model types and the range table, not written by hand.
@Suite("JSON Schema generation")
struct JSONSchemaTests {
    /// A type the schema code has never seen: every kind of field a model type has.
    private struct Probe: Decodable {
        struct Inner: Decodable { var depthM: Double? }
        var powerMW: Double
        var label: String?
        var counts: [Int]
        var flags: [String: Bool]?
        var from: Quarter
        var evidence: Evidence
        var inner: Inner
        var enabled: Bool
    }

    @Test("a new type's fields are traced: required and optional keys, lists, maps, enums, text, nesting")
    func tracesAnyType() throws {
        let shape = try SchemaTracer.trace(Probe.self, at: []).shape
        // Written out from Probe's declaration above: `?` fields are optional, the rest required, in order.
        let expected = SchemaShape.object([
            SchemaProperty(name: "powerMW", shape: .number, required: true),
            SchemaProperty(name: "label", shape: .string, required: false),
            SchemaProperty(name: "counts", shape: .list(.integer), required: true),
            SchemaProperty(name: "flags", shape: .map(.boolean), required: false),
            SchemaProperty(name: "from", shape: .text(pattern: Quarter.pattern, expected: Quarter.expectedText), required: true),
            SchemaProperty(name: "evidence", shape: .choice(["measured", "vendor", "estimate"]), required: true),
            SchemaProperty(name: "inner", shape: .object([SchemaProperty(name: "depthM", shape: .number, required: false)]), required: true),
            SchemaProperty(name: "enabled", shape: .boolean, required: true),
        ])
        #expect(shape == expected)
    }

    /// A hand-written `init(from:)` that nests containers itself rather than decoding nested types.
    private struct NestingProbe: Decodable {
        enum Keys: String, CodingKey { case grid, levels }
        enum GridKeys: String, CodingKey { case capacityMW }
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            _ = try container.nestedContainer(keyedBy: GridKeys.self, forKey: .grid).decodeIfPresent(Double.self, forKey: .capacityMW)
            var levels = try container.nestedUnkeyedContainer(forKey: .levels)
            while !levels.isAtEnd { _ = try levels.decode(Int.self) }
        }
    }

    /// A value written as text with no stand-in value, and a type that reads nothing.
    private struct Unplaceable: TextCodable {
        init?(_ text: String) { nil }
        var description: String { "" }
        static var expectedText: String { "nothing" }
        static var pattern: String { "^$" }
    }
    private struct ReadsNothing: Decodable {
        init(from decoder: Decoder) throws {}
    }
    private struct HoldsUnplaceable: Decodable { var when: Unplaceable }

    @Test("nested containers asked for by hand are traced as objects and lists")
    func tracesNestedContainers() throws {
        // By hand from NestingProbe.init: grid is an object with an optional number, levels a list of whole numbers.
        #expect(try SchemaTracer.trace(NestingProbe.self, at: []).shape == .object([
            SchemaProperty(name: "grid", shape: .object([SchemaProperty(name: "capacityMW", shape: .number, required: false)]), required: true),
            SchemaProperty(name: "levels", shape: .list(.integer), required: true),
        ]))
    }

    @Test("a type the tracer cannot stand a value in for is an error naming the field")
    func untraceable() {
        #expect(throws: SchemaTraceError.self) { try SchemaTracer.trace(ReadsNothing.self, at: []) }
        let error = #expect(throws: SchemaTraceError.self) { try SchemaTracer.trace(HoldsUnplaceable.self, at: []) }
        #expect(error?.path == "when")
    }

    @Test("designBasis lists only the keys its CodingKeys decode (not `hours`); only `condition` is required")
    func designBasisKeys() throws {
        let design = try schema(.design)
        let basis = try #require(node(design, "designBasis"))
        #expect((basis["properties"] as? [String: Any]).map { Set($0.keys) } == ["condition", "percent", "percentile", "marginK"])
        #expect(basis["required"] as? [String] == ["condition"])
        // Optional, so not required, and never null (a key written with no value is refused).
        #expect(basis["type"] as? String == "object")
    }

    @Test("every field range is in the schema: bounds for numbers, integer for whole fields, the range in words otherwise")
    func everyRangeRow() throws {
        for kind in PlantFileKind.allCases {
            let document = try schema(kind)
            for row in FieldRange.all where row.file == kind {
                let found = try #require(node(document, row.path), "\(kind): no schema node at \(row.path)")
                let types = found["type"] as? [String] ?? [(found["type"] as? String) ?? ""]
                let description = found["description"] as? String ?? ""
                #expect(description.contains("Range [\(format(row.low)), \(format(row.high))]") && description.contains(row.why),
                        "\(kind) \(row.path): \(description)")
                guard types.contains("number") || types.contains("integer") else {
                    // A redundancy rule's blocks and the derived counts are checked by `tokenplant validate`.
                    #expect(found["minimum"] == nil && description.contains("checked by `tokenplant validate`"), "\(kind) \(row.path)")
                    continue
                }
                #expect(!row.derived, "\(kind) \(row.path)")
                #expect(found["minimum"] as? Double == row.low && found["maximum"] as? Double == row.high, "\(kind) \(row.path)")
                #expect(types.contains("integer") == row.whole, "\(kind) \(row.path): \(types)")
            }
        }
    }

    @Test("the output is the same bytes on every call and declares draft 2020-12")
    func deterministic() throws {
        for kind in PlantFileKind.allCases {
            let first = try JSONSchema.text(for: kind)
            #expect(try JSONSchema.text(for: kind) == first)
            #expect(first.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"))
            #expect(first.hasSuffix("}\n"))
        }
    }

    @Test("JSON text: keys sorted, strings escaped, numbers as written in messages")
    func jsonText() {
        let value = JSONText.object(["b": .array([.number(1), .number(0.5), .number(1e-300)]), "a": .string("q\"\\\n\u{1}°"), "c": .null])
        // By hand: keys a, b, c; the quote, backslash, line break and U+0001 escaped, ° kept as UTF-8.
        #expect(value.written() == "{\n  \"a\": \"q\\\"\\\\\\n\\u0001°\",\n  \"b\": [1, 0.5, 1e-300],\n  \"c\": null\n}")
    }

    @Test("the quarter pattern accepts exactly what Quarter parses", arguments: [
        // (text, parses): worked out from Quarter.init?: a 4-digit year 1900–2200, Q in either case, Int(quarter) in 1…4.
        ("2026Q1", true), ("2026q4", true), ("1900Q1", true), ("2200Q4", true), ("2201Q1", false), ("1899Q4", false),
        ("2026Q0", false), ("2026Q5", false), ("2026Q01", true), ("2026Q+2", true), ("26Q1", false), ("2026-Q1", false),
        ("2026Q", false), ("Q1", false), ("2026Q1Q2", false), ("20260Q1", false), (" 2026Q1", false), ("2026Q-1", false),
    ])
    func quarterPattern(text: String, parses: Bool) {
        #expect((Quarter(text) != nil) == parses)
        #expect(matches(Quarter.pattern, text) == parses)
    }

    @Test("the redundancy pattern accepts what RedundancyRule parses, and also xN/y with x ≤ y", arguments: [
        // (text, parses, matches): N, N+1, 2N or xN/y; the parser also needs x > y > 0, the pattern cannot say so.
        ("N", true, true), ("n+1", true, true), ("2N", true, true), ("4N/3", true, true), ("3n/2", true, true),
        ("+4N/3", true, true), ("3N/4", false, true), ("3N/3", false, true), ("4N/0", false, true), ("N+2", false, false),
        ("1N", false, false), ("3N", false, false), ("N/2", false, false), ("4N/", false, false), ("xN/y", false, false),
        (" N", false, false),
    ])
    func redundancyPattern(text: String, parses: Bool, matchesPattern: Bool) {
        #expect((RedundancyRule(text) != nil) == parses)
        #expect(matches(RedundancyRule.pattern, text) == matchesPattern)
    }

    private func matches(_ pattern: String, _ text: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private func schema(_ kind: PlantFileKind) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(JSONSchema.text(for: kind).utf8)) as? [String: Any])
    }

    /// The schema node at a ``FieldRange`` path: `halls[].positions`, `scalableUnits.*`, `halls`.
    private func node(_ root: [String: Any], _ path: String) -> [String: Any]? {
        var current: [String: Any]? = root
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var lists = 0
            while name.hasSuffix("[]") {
                name = name.dropLast(2)
                lists += 1
            }
            if name == "*" {
                current = current?["additionalProperties"] as? [String: Any]
            } else {
                current = (current?["properties"] as? [String: Any])?[String(name)] as? [String: Any]
            }
            for _ in 0..<lists { current = current?["items"] as? [String: Any] }
        }
        return current
    }
}

import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator, so every mutation can be
/// reproduced from the seed and its index alone. Draws use `below(_:)`, not the standard library's
/// `random(in:using:)`, whose algorithm may change between Swift releases.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The generator of one mutation: the run's seed, the base file's number and the mutation's number.
    init(seed: UInt64, file: Int, index: Int) {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: file) &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next() ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0); the modulo bias is below 2⁻⁴⁰ for the sizes used here.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next() % UInt64(n))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// One of `items`, drawn with the given weights.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var draw = below(items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            if draw < weight { return item }
            draw -= weight
        }
        return items[items.count - 1].0
    }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// How a mutation changed a file.
enum MutationOperator: String, CaseIterable, Sendable, Comparable {
    // YAML and JSON, at the level of keys and values.
    case deleteKey, duplicateKey, deleteItem, emptyCollection, wrongType, extremeNumber, scaleNumber
    // EPW, at the level of comma-separated fields and rows.
    case deleteField, duplicateField, wrongTypeField, extremeField, deleteLine, duplicateLine
    // Any text.
    case truncate, binaryBytes, swapLines

    static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// One mutated input: its bytes and what was done.
struct Mutation: Sendable {
    var op: MutationOperator
    var bytes: [UInt8]
    /// What changed, with the 1-based line: `line 27: approachK: 3.8 → .nan`.
    var note: String
}

/// Values a number (or any value) is replaced with: not numbers, not finite, too large for an `Int` or a
/// `Double`, negative, zero, subnormal, fractional.
enum Replacements {
    static let yamlWrongTypes = ["abc", "[]", "{}", "true", "null", "~", "\"12\"", "[1, 2]", "{a: 1}", "''", "2026Q1", "-"]
    static let jsonWrongTypes = ["\"abc\"", "[]", "{}", "true", "null", "\"12\"", "[1, 2]", "{\"a\" : 1}", "\"\"", "\"2026Q1\""]
    static let extremeNumbers = [
        ".nan", "NaN", "nan", ".inf", "-.inf", "Infinity", "-Infinity", "1e308", "-1e308", "1e309", "-1e309",
        "4611686018427387904", "-4611686018427387904", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "18446744073709551616", "1e19", "-1", "0", "-0.0", "1e-300", "4.9e-324", "0.5", "2.5", "-0.5",
    ]
    static let scaleFactors: [Double] = [0.001, 0.1, 0.5, 0.9, 1.1, 2, 10, 1000]
    static let epwWrongTypes = ["abc", "", " ", "?", "1/2", "0x10", "1,5", "--1", "1e", "\"3\""]
    static let epwExtremes = [
        "nan", "NaN", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e309", "4611686018427387904", "-4611686018427387904",
        "9223372036854775808", "1e20", "-1", "0", "-0", "1e-300", "2.5", "99.9", "999999", "9999999", "13", "25", "32", "-100",
    ]
}

/// A scalar of a YAML or JSON text: a key (followed by `:`) or a value, with its byte range.
struct Scalar {
    var range: Range<Int>
    var isKey: Bool
    /// Depth of flow collections (`{}`, `[]`) around it; 0 in YAML block context.
    var depth: Int
    /// 0-based line.
    var line: Int
}

/// Mutations of YAML and JSON files at the level of their keys and values: the text is scanned into
/// scalars (keys, values, list items) with just enough of YAML's rules for the shipped files and for
/// pretty-printed JSON; a mutation edits the bytes, so comments, layout and everything else stay as they were.
struct StructuredText {
    var bytes: [UInt8]
    var json: Bool
    private(set) var scalars: [Scalar] = []
    /// Where each flow list (`[`) opens, outside quotes and comments.
    private(set) var listOpens: [Int] = []
    /// Index in `scalars` of the scalar starting at each byte offset.
    private var scalarAt: [Int: Int] = [:]

    init(_ bytes: [UInt8], json: Bool) {
        self.bytes = bytes
        self.json = json
        (scalars, listOpens) = Self.scan(bytes)
        for (i, scalar) in scalars.enumerated() { scalarAt[scalar.range.lowerBound] = i }
    }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
    static func isBreakOrEnd(_ b: [UInt8], _ i: Int) -> Bool { i >= b.count || isBlank(b[i]) || b[i] == 0x0A }
    static func isFlowEnd(_ c: UInt8) -> Bool { c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") }

    /// Whether the `:` at `i` ends a key.
    static func isKeyColon(_ b: [UInt8], _ i: Int, depth: Int) -> Bool {
        b[i] == UInt8(ascii: ":") && (isBreakOrEnd(b, i + 1) || (depth > 0 && isFlowEnd(b[i + 1])))
    }

    static func scan(_ b: [UInt8]) -> ([Scalar], [Int]) {
        var result: [Scalar] = [], opens: [Int] = []
        var i = 0, depth = 0, line = 0
        let n = b.count
        while i < n {
            let c = b[i]
            switch c {
            case 0x0A: line += 1; i += 1
            case 0x20, 0x09, 0x0D, UInt8(ascii: ","), UInt8(ascii: ":"): i += 1
            case UInt8(ascii: "#") where i == 0 || isBlank(b[i - 1]) || b[i - 1] == 0x0A:
                while i < n, b[i] != 0x0A { i += 1 }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if c == UInt8(ascii: "[") { opens.append(i) }
                depth += 1
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth = max(0, depth - 1); i += 1
            case UInt8(ascii: "-") where depth == 0 && isBreakOrEnd(b, i + 1): i += 1
            default:
                let start = i
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    i += 1
                    while i < n, b[i] != c, b[i] != 0x0A {
                        if c == UInt8(ascii: "\""), b[i] == UInt8(ascii: "\\") { i += 1 }
                        i += 1
                    }
                    if i < n, b[i] == c { i += 1 }
                } else {
                    while i < n {
                        let d = b[i]
                        if d == 0x0A || (d == UInt8(ascii: "#") && isBlank(b[i - 1])) { break }
                        if depth > 0, isFlowEnd(d) { break }
                        if isKeyColon(b, i, depth: depth) { break }
                        i += 1
                    }
                }
                var end = min(i, n)
                while end > start, isBlank(b[end - 1]) { end -= 1 }
                var j = i
                while j < n, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
                let isKey = j < n && isKeyColon(b, j, depth: depth)
                if isKey { i = j + 1 }
                if end > start { result.append(Scalar(range: start..<end, isKey: isKey, depth: depth, line: line)) }
            }
        }
        return (result, opens)
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    func lineStart(_ i: Int) -> Int {
        var s = min(i, bytes.count)
        while s > 0, bytes[s - 1] != 0x0A { s -= 1 }
        return s
    }

    /// Index just past the end of the line holding `i` (past its `\n`, if any).
    func lineEnd(_ i: Int) -> Int {
        var e = i
        while e < bytes.count, bytes[e] != 0x0A { e += 1 }
        return min(e + 1, bytes.count)
    }

    func indent(ofLineAt start: Int) -> Int {
        var k = start
        while k < bytes.count, bytes[k] == 0x20 { k += 1 }
        return k - start
    }

    /// The index just past the bracket that closes the one at `open`, skipping quoted text.
    func matchingClose(_ open: Int) -> Int {
        var depth = 0, i = open
        var quote: UInt8? = nil
        while i < bytes.count {
            let c = bytes[i]
            if let q = quote {
                if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\") { i += 2; continue }
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return bytes.count
    }

    /// Where a key's value lies: a scalar or flow collection after the colon, or (YAML block context) the
    /// more-indented lines below the key's line.
    enum ValueSpan { case inline(Range<Int>), block(Range<Int>), empty(Int) }

    func valueSpan(of key: Scalar) -> ValueSpan {
        var i = key.range.upperBound
        while i < bytes.count, bytes[i] != UInt8(ascii: ":") { i += 1 }
        i += 1
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count else { return .empty(bytes.count) }
        let c = bytes[i]
        if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { return .inline(i..<matchingClose(i)) }
        if let value = scalarAt[i] { return .inline(scalars[value].range) }
        if key.depth == 0, c == 0x0A || c == 0x0D || c == UInt8(ascii: "#") {
            // Block value: the following lines indented deeper than the key (blank and comment lines included).
            let keyIndent = key.range.lowerBound - lineStart(key.range.lowerBound)
            let start = lineEnd(i)
            var end = start
            while end < bytes.count {
                let s = end, e = lineEnd(end)
                let content = bytes[s..<e].drop { $0 == 0x20 }
                let blank = content.isEmpty || content.first == 0x0A || content.first == 0x0D || content.first == UInt8(ascii: "#")
                if !blank && indent(ofLineAt: s) <= keyIndent { break }
                end = e
            }
            return end > start ? .block(start..<end) : .empty(i)
        }
        return .empty(i)
    }

    /// The whole entry of a key: `key: value` in flow context, its lines in block context.
    func entry(of key: Scalar) -> Range<Int> {
        switch valueSpan(of: key) {
        case .inline(let value):
            if key.depth > 0 { return key.range.lowerBound..<value.upperBound }
            return key.range.lowerBound..<max(value.upperBound, lineEnd(key.range.lowerBound) - 1)
        case .block(let value): return key.range.lowerBound..<value.upperBound
        case .empty(let at): return key.range.lowerBound..<max(at, key.range.upperBound + 1)
        }
    }

    /// Whether the key is the first thing on its line (not after a `- ` list marker or inside `{}`).
    func startsLine(_ key: Scalar) -> Bool {
        key.depth == 0 && bytes[lineStart(key.range.lowerBound)..<key.range.lowerBound].allSatisfy { $0 == 0x20 }
    }

    func lineNumber(_ i: Int) -> Int { bytes[0..<min(i, bytes.count)].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }

    static func isNumber(_ text: String) -> Bool { Double(text) != nil }

    // MARK: Operators

    func deleteKey(_ rng: inout SplitMix64) -> Mutation? {
        let keys = scalars.filter(\.isKey)
        guard !keys.isEmpty else { return nil }
        let key = rng.pick(keys)
        let name = text(key.range)
        var out = bytes
        var cut = entry(of: key)
        if key.depth > 0 {
            // `a: 1, b: 2` → drop `b: 2` and one comma beside it.
            var after = cut.upperBound
            while after < bytes.count, Self.isBlank(bytes[after]) || bytes[after] == 0x0A { after += 1 }
            if after < bytes.count, bytes[after] == UInt8(ascii: ",") {
                cut = cut.lowerBound..<(after + 1)
            } else {
                var before = cut.lowerBound
                while before > 0, Self.isBlank(bytes[before - 1]) || bytes[before - 1] == 0x0A { before -= 1 }
                if before > 0, bytes[before - 1] == UInt8(ascii: ",") { cut = (before - 1)..<cut.upperBound }
            }
        } else if startsLine(key) {
            cut = lineStart(key.range.lowerBound)..<max(cut.upperBound, lineEnd(key.range.lowerBound))
            if cut.upperBound < bytes.count, bytes[cut.upperBound - 1] != 0x0A { cut = cut.lowerBound..<lineEnd(cut.upperBound) }
        }
        out.removeSubrange(cut)
        return Mutation(op: .deleteKey, bytes: out, note: "line \(lineNumber(key.range.lowerBound)): deleted key \(name)")
    }

    func duplicateKey(_ rng: inout SplitMix64) -> Mutation? {
        let keys = scalars.filter(\.isKey)
        guard !keys.isEmpty else { return nil }
        let key = rng.pick(keys)
        let name = text(key.range)
        var out = bytes
        let whole = entry(of: key)
        if key.depth > 0 {
            out.insert(contentsOf: Array(", ".utf8) + bytes[whole], at: whole.upperBound)
        } else if startsLine(key) {
            let lines = lineStart(key.range.lowerBound)..<max(whole.upperBound, lineEnd(key.range.lowerBound))
            var copy = Array(bytes[lines])
            if copy.last != 0x0A { copy.append(0x0A) }
            out.insert(contentsOf: copy, at: lines.lowerBound)
        } else {
            // `- name: x` → `- name: x` and `  name: x` on the next line, at the key's column.
            let column = key.range.lowerBound - lineStart(key.range.lowerBound)
            let end = lineEnd(key.range.lowerBound)
            var copy = [UInt8](repeating: 0x20, count: column) + bytes[key.range.lowerBound..<end]
            if copy.last != 0x0A { copy.insert(0x0A, at: 0) }
            out.insert(contentsOf: copy, at: end)
        }
        return Mutation(op: .duplicateKey, bytes: out, note: "line \(lineNumber(key.range.lowerBound)): duplicated key \(name)")
    }

    /// The items of the flow list or mapping opened at `open`, each without the blanks around it.
    func flowItems(_ open: Int) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var depth = 0, i = open, start = open + 1
        var quote: UInt8? = nil
        func add(_ end: Int) {
            var a = start, b = end
            while a < b, Self.isBlank(bytes[a]) || bytes[a] == 0x0A { a += 1 }
            while b > a, Self.isBlank(bytes[b - 1]) || bytes[b - 1] == 0x0A { b -= 1 }
            if b > a { items.append(a..<b) }
        }
        while i < bytes.count {
            let c = bytes[i]
            if let q = quote {
                if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\") { i += 2; continue }
                if c == q || c == 0x0A { quote = nil }
            } else if c == UInt8(ascii: "\"") || (c == UInt8(ascii: "'") && i > 0 && !Self.isWordByte(bytes[i - 1])) {
                quote = c
            } else if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { add(i); break }
            } else if c == UInt8(ascii: ","), depth == 1 {
                add(i)
                start = i + 1
            }
            i += 1
        }
        return items
    }

    static func isWordByte(_ c: UInt8) -> Bool { c >= 0x80 || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) }

    /// Removes `item` and one comma beside it (the one after it, else the one before).
    func removingFlowItem(_ item: Range<Int>) -> [UInt8] {
        var cut = item
        var after = item.upperBound
        while after < bytes.count, Self.isBlank(bytes[after]) || bytes[after] == 0x0A { after += 1 }
        if after < bytes.count, bytes[after] == UInt8(ascii: ",") {
            cut = item.lowerBound..<(after + 1)
        } else {
            var before = item.lowerBound
            while before > 0, Self.isBlank(bytes[before - 1]) || bytes[before - 1] == 0x0A { before -= 1 }
            if before > 0, bytes[before - 1] == UInt8(ascii: ",") { cut = (before - 1)..<item.upperBound }
        }
        var out = bytes
        out.removeSubrange(cut)
        return out
    }

    /// Deletes one element of a list: an item of a flow list (`[a, b]`, JSON arrays) or of a YAML block list
    /// (`- …` with its continuation lines).
    func deleteItem(_ rng: inout SplitMix64) -> Mutation? {
        var flow: [Range<Int>] = []
        for open in listOpens { flow += flowItems(open) }
        var block: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = lineEnd(start)
            let column = indent(ofLineAt: start)
            if start + column + 1 < bytes.count, bytes[start + column] == UInt8(ascii: "-"), Self.isBreakOrEnd(bytes, start + column + 1) {
                // The item's own line and the lines indented deeper than its dash.
                var stop = end
                while stop < bytes.count {
                    let content = bytes[stop..<lineEnd(stop)].drop { $0 == 0x20 }
                    let blank = content.isEmpty || content.first == 0x0A || content.first == 0x0D
                    if !blank && indent(ofLineAt: stop) <= column { break }
                    stop = lineEnd(stop)
                }
                block.append(start..<stop)
            }
            start = end
        }
        guard !flow.isEmpty || !block.isEmpty else { return nil }
        let pick = rng.below(flow.count + block.count)
        if pick < flow.count {
            let item = flow[pick]
            let shown = text(item).count > 40 ? String(text(item).prefix(37)) + "…" : text(item)
            return Mutation(op: .deleteItem, bytes: removingFlowItem(item),
                            note: "line \(lineNumber(item.lowerBound)): deleted list item \(shown.debugDescription)")
        }
        let lines = block[pick - flow.count]
        var out = bytes
        out.removeSubrange(lines)
        return Mutation(op: .deleteItem, bytes: out, note: "line \(lineNumber(lines.lowerBound)): deleted list item of \(lineNumber(lines.upperBound) - lineNumber(lines.lowerBound)) lines")
    }

    /// Replaces a key's list or mapping with an empty one of the same kind.
    func emptyCollection(_ rng: inout SplitMix64) -> Mutation? {
        var targets: [(Range<Int>, String, String)] = []
        for key in scalars where key.isKey {
            switch valueSpan(of: key) {
            case .inline(let range) where bytes[range.lowerBound] == UInt8(ascii: "[") || bytes[range.lowerBound] == UInt8(ascii: "{"):
                targets.append((range, text(key.range), bytes[range.lowerBound] == UInt8(ascii: "[") ? "[]" : "{}"))
            case .block(let range):
                let first = range.lowerBound + indent(ofLineAt: range.lowerBound)
                let list = first < bytes.count && bytes[first] == UInt8(ascii: "-")
                let colon = (key.range.upperBound..<range.lowerBound).first { bytes[$0] == UInt8(ascii: ":") } ?? key.range.upperBound
                targets.append(((colon + 1)..<range.upperBound, text(key.range), list ? " []\n" : " {}\n"))
            default: break
            }
        }
        guard !targets.isEmpty else { return nil }
        let (range, name, empty) = rng.pick(targets)
        var out = bytes
        out.replaceSubrange(range, with: Array(empty.utf8))
        return Mutation(op: .emptyCollection, bytes: out, note: "line \(lineNumber(range.lowerBound)): \(name) emptied to \(empty.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    /// Replaces a key's whole value, or one list item, with `replacement`.
    private func replaceValue(_ rng: inout SplitMix64, op: MutationOperator, numbersOnly: Bool,
                              _ replacement: (String, inout SplitMix64) -> String) -> Mutation? {
        // (bytes replaced, what they belong to, whether the new value needs its own " " before and "\n" after)
        var targets: [(Range<Int>, String, Bool)] = []
        var lastKey: Scalar? = nil
        for scalar in scalars {
            defer { if scalar.isKey { lastKey = scalar } }
            if scalar.isKey {
                guard !numbersOnly else { continue }
                switch valueSpan(of: scalar) {
                case .inline(let range): targets.append((range, text(scalar.range), false))
                case .block(let range):
                    // The key keeps its line; its block of lines below becomes the new value.
                    let colon = (scalar.range.upperBound..<range.lowerBound).first { bytes[$0] == UInt8(ascii: ":") } ?? scalar.range.upperBound
                    targets.append(((colon + 1)..<range.upperBound, text(scalar.range), true))
                case .empty(let at): targets.append((at..<at, text(scalar.range), true))
                }
            } else if !numbersOnly || Self.isNumber(text(scalar.range)) {
                // Named by its key when it is a key's value, else by the key of the list it is in.
                let name = lastKey.map { key -> String in
                    if case .inline(let value) = valueSpan(of: key), value == scalar.range { return text(key.range) }
                    return text(key.range) + "[]"
                } ?? "item"
                targets.append((scalar.range, name, false))
            }
        }
        guard !targets.isEmpty else { return nil }
        let (range, name, ownLine) = rng.pick(targets)
        let old = text(range)
        let new = replacement(old, &rng)
        var out = bytes
        out.replaceSubrange(range, with: Array((ownLine ? " " + new + (old.hasSuffix("\n") ? "\n" : "") : new).utf8))
        let shown = old.count > 40 ? String(old.prefix(37)) + "…" : old
        return Mutation(op: op, bytes: out, note: "line \(lineNumber(range.lowerBound)): \(name): \(shown.debugDescription) → \(new)")
    }

    func wrongType(_ rng: inout SplitMix64) -> Mutation? {
        let choices = json ? Replacements.jsonWrongTypes : Replacements.yamlWrongTypes
        return replaceValue(&rng, op: .wrongType, numbersOnly: false) { _, rng in rng.pick(choices) }
    }

    func extremeNumber(_ rng: inout SplitMix64) -> Mutation? {
        replaceValue(&rng, op: .extremeNumber, numbersOnly: true) { _, rng in rng.pick(Replacements.extremeNumbers) }
    }

    func scaleNumber(_ rng: inout SplitMix64) -> Mutation? {
        replaceValue(&rng, op: .scaleNumber, numbersOnly: true) { old, rng in
            let value = Double(old) ?? 1
            let scaled = value * rng.pick(Replacements.scaleFactors)
            let integral = !old.contains(".") && !old.lowercased().contains("e")
            if integral, abs(scaled) < 1e15 { return String(Int(scaled.rounded())) }
            return String(scaled)
        }
    }

    static func mutate(_ bytes: [UInt8], json: Bool, rng: inout SplitMix64) -> Mutation {
        let text = StructuredText(bytes, json: json)
        let op = rng.weighted([
            (MutationOperator.deleteKey, 13), (.duplicateKey, 9), (.deleteItem, 8), (.emptyCollection, 4), (.wrongType, 14),
            (.extremeNumber, 24), (.scaleNumber, 9), (.truncate, 7), (.binaryBytes, 6), (.swapLines, 6),
        ])
        let mutation: Mutation?
        switch op {
        case .deleteKey: mutation = text.deleteKey(&rng)
        case .duplicateKey: mutation = text.duplicateKey(&rng)
        case .deleteItem: mutation = text.deleteItem(&rng)
        case .emptyCollection: mutation = text.emptyCollection(&rng)
        case .wrongType: mutation = text.wrongType(&rng)
        case .extremeNumber: mutation = text.extremeNumber(&rng)
        case .scaleNumber: mutation = text.scaleNumber(&rng)
        case .swapLines: mutation = RawText.swapLines(bytes, &rng)
        case .binaryBytes: mutation = RawText.binaryBytes(bytes, &rng)
        default: mutation = nil
        }
        return mutation ?? RawText.truncate(bytes, &rng)
    }
}

/// Mutations of any text: truncation, binary bytes, swapped lines.
enum RawText {
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false) }

    static func joined(_ lines: [ArraySlice<UInt8>]) -> [UInt8] { Array(lines.joined(separator: [0x0A])) }

    static func truncate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> Mutation {
        let at = rng.below(max(bytes.count, 1))
        return Mutation(op: .truncate, bytes: Array(bytes.prefix(at)), note: "truncated at byte \(at) of \(bytes.count)")
    }

    /// 1–16 bytes at a random place: NUL, bytes that are never valid UTF-8 (0xC0, 0xC1, 0xF5–0xFF), lone
    /// continuation bytes, a lead byte without its continuation, or any byte.
    static func binaryBytes(_ bytes: [UInt8], _ rng: inout SplitMix64) -> Mutation {
        let at = rng.below(bytes.count + 1)
        var inserted: [UInt8] = []
        for _ in 0...rng.below(16) {
            switch rng.below(5) {
            case 0: inserted.append(0x00)
            case 1: inserted.append(rng.pick([0xC0, 0xC1, 0xF5, 0xF8, 0xFE, 0xFF]))
            case 2: inserted.append(UInt8(0x80 + rng.below(0x40)))
            case 3: inserted.append(UInt8(0xC2 + rng.below(0x1E)))
            default: inserted.append(UInt8(rng.below(256)))
            }
        }
        var out = bytes
        out.insert(contentsOf: inserted, at: at)
        let hex = inserted.map { String(format: "%02X", $0) }.joined(separator: " ")
        return Mutation(op: .binaryBytes, bytes: out, note: "inserted bytes [\(hex)] at byte \(at)")
    }

    static func swapLines(_ bytes: [UInt8], _ rng: inout SplitMix64) -> Mutation? {
        var all = lines(bytes)
        guard all.count >= 2 else { return nil }
        let a = rng.below(all.count)
        var b = rng.below(all.count - 1)
        if b >= a { b += 1 }
        all.swapAt(a, b)
        return Mutation(op: .swapLines, bytes: joined(all), note: "swapped lines \(a + 1) and \(b + 1)")
    }
}

/// Mutations of an EPW weather file at the level of its comma-separated fields and rows.
enum EPWText {
    static func mutate(_ bytes: [UInt8], rng: inout SplitMix64) -> Mutation {
        let op = rng.weighted([
            (MutationOperator.deleteField, 12), (.duplicateField, 8), (.wrongTypeField, 15), (.extremeField, 30),
            (.deleteLine, 7), (.duplicateLine, 6), (.truncate, 8), (.binaryBytes, 7), (.swapLines, 7),
        ])
        var lines = RawText.lines(bytes)
        // A header line (LOCATION, DESIGN CONDITIONS, …) a third of the time, else an hourly row; in a row,
        // mostly the fields the reader checks (date, hour, dry-bulb, dew point, pressure: fields 1–10).
        let rows = lines.count - (lines.last?.isEmpty == true ? 1 : 0)
        guard rows > 8 else { return RawText.truncate(bytes, &rng) }
        let row = rng.chance(33) ? rng.below(8) : 8 + rng.below(rows - 8)
        var fields = lines[row].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Array.init)
        let field = row >= 8 && rng.chance(80) ? rng.below(min(10, fields.count)) : rng.below(fields.count)
        let old = String(decoding: fields[field], as: UTF8.self)
        let place = "line \(row + 1) field \(field + 1)"
        var note: String
        switch op {
        case .deleteField:
            fields.remove(at: field)
            note = "\(place): deleted \(old.debugDescription)"
        case .duplicateField:
            fields.insert(fields[field], at: field)
            note = "\(place): duplicated \(old.debugDescription)"
        case .wrongTypeField, .extremeField:
            let new = rng.pick(op == .wrongTypeField ? Replacements.epwWrongTypes : Replacements.epwExtremes)
            // Keep a CR that ended the row with its last field.
            let cr = fields[field].last == 0x0D ? "\r" : ""
            fields[field] = Array((new + cr).utf8)
            note = "\(place): \(old.debugDescription) → \(new.debugDescription)"
        case .deleteLine:
            lines.remove(at: row)
            return Mutation(op: op, bytes: RawText.joined(lines), note: "deleted line \(row + 1)")
        case .duplicateLine:
            lines.insert(lines[row], at: row)
            return Mutation(op: op, bytes: RawText.joined(lines), note: "duplicated line \(row + 1)")
        case .swapLines:
            // Two nearby rows (a date out of sequence), or any two lines.
            let other = rng.chance(50) ? min(rows - 1, row + 1 + rng.below(48)) : rng.below(rows)
            lines.swapAt(row, other)
            return Mutation(op: op, bytes: RawText.joined(lines), note: "swapped lines \(row + 1) and \(other + 1)")
        case .binaryBytes: return RawText.binaryBytes(bytes, &rng)
        default: return RawText.truncate(bytes, &rng)
        }
        lines[row] = ArraySlice(Array(fields.joined(separator: [UInt8(ascii: ",")])))
        return Mutation(op: op, bytes: RawText.joined(lines), note: note)
    }

    /// A valid EPW year of 8,760 hourly rows (mild sinusoidal weather, no design conditions), for when the
    /// real weather files are not beside the package.
    static func generatedYear() -> String {
        var text = """
            LOCATION,Generated,XX,XXX,generated,000000,38.98,-77.47,-5.0,82.0
            DESIGN CONDITIONS,0
            TYPICAL/EXTREME PERIODS,0
            GROUND TEMPERATURES,0
            HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0
            COMMENTS 1,generated by Tests/CLITests/MutationTests.swift
            COMMENTS 2,
            DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31

            """
        let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var dayOfYear = 0
        for (m, days) in monthDays.enumerated() {
            for d in 1...days {
                for h in 1...24 {
                    let season = -cos(2 * Double.pi * (Double(dayOfYear) + 10) / 365)
                    let diurnal = -cos(2 * Double.pi * (Double(h) - 4) / 24)
                    let dryBulb = 13 + 13 * season + 5 * diurnal
                    let dewPoint = dryBulb - 7 - 2 * diurnal
                    let fields = ["2001", "\(m + 1)", "\(d)", "\(h)", "0", "?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9",
                                  String(format: "%.1f", dryBulb), String(format: "%.1f", dewPoint), "60", "101300"]
                        + [String](repeating: "0", count: 25)
                    text += fields.joined(separator: ",") + "\n"
                }
                dayOfYear += 1
            }
        }
        return text
    }
}

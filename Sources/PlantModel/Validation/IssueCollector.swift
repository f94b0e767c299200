/// Gathers the problems of one decoded file, locating each by its dotted path.
struct IssueCollector<Value> {
    let decoded: Decoded<Value>
    var issues: [ValidationIssue] = []

    init(_ decoded: Decoded<Value>) { self.decoded = decoded }

    mutating func add(_ path: String, _ message: String) { issues.append(decoded.issue(path, message)) }

    /// Checks every number of the file against its row in ``FieldRange``; returns the paths out of range,
    /// so that checks which compute with a field (hall names, sums) can leave it alone.
    @discardableResult
    mutating func ranges(_ file: PlantFileKind, of value: Any) -> Set<String> {
        var outside: Set<String> = []
        for field in numericFields(of: value) {
            guard let row = FieldRange.row(file, field.pattern) else { continue }
            if let message = row.problem(field.value, text: field.text) {
                add(field.path, message)
                outside.insert(field.path)
            }
        }
        return outside
    }

    /// Checks a derived figure (total halls, horizon length) against its row; `true` when in range.
    @discardableResult
    mutating func range(_ value: Int, _ row: FieldRange, at path: String? = nil) -> Bool {
        guard let message = row.problem(Double(value), text: String(value)) else { return true }
        add(path ?? row.path, message)
        return false
    }

    /// Every key in `required` has a figure source, every estimate explains itself, and every source
    /// id names a known reference.
    mutating func sources(_ figures: [String: FigureSource], required: [String], known: Set<String>, at path: String) {
        for key in required where figures[key] == nil {
            add("\(path).\(key)", "figure has no source (add figures.\(key) with sources, evidence and note)")
        }
        for (key, figure) in figures.sorted(by: { $0.key < $1.key }) {
            let figurePath = "\(path).\(key)"
            sourceIssues(figure, at: figurePath, known: known)
        }
    }

    mutating func sourceIssues(_ figure: FigureSource, at path: String, known: Set<String>) {
        for id in figure.sources where !known.contains(id) {
            add("\(path).sources", "unknown reference '\(id)' (add it to references)")
        }
        if figure.evidence == .estimate, (figure.note ?? "").isEmpty {
            add("\(path).note", "an estimate must say how it was made")
        }
        if figure.evidence != .estimate, figure.sources.isEmpty {
            add("\(path).sources", "\(figure.evidence.rawValue) figure needs at least one reference")
        }
        if let range = figure.range, range.count != 2 || range[0] > range[1] {
            add("\(path).range", "must be [low, high], got \(range.map(format))")
        }
    }

    /// Names in a list must be unique.
    mutating func unique(_ names: [String], _ path: (Int) -> String, what: String) {
        var seen: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            if name.isEmpty { add(path(i), "\(what) must not be empty") }
            if let first = seen[name] { add(path(i), "duplicate \(what) '\(name)' (first at [\(first)])") } else { seen[name] = i }
        }
    }
}

/// Numbers as a person writes them in a file: no trailing `.0`, large whole numbers in full.
public func format(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    let text = String(value)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}

/// Gathers the problems of one decoded file, locating each by its dotted path.
struct IssueCollector<Value> {
    let decoded: Decoded<Value>
    var issues: [ValidationIssue] = []

    init(_ decoded: Decoded<Value>) { self.decoded = decoded }

    mutating func add(_ path: String, _ message: String) { issues.append(decoded.issue(path, message)) }

    /// `value > 0`, with a hint when the magnitude suggests a unit slip.
    mutating func positive(_ value: Double, _ path: String, unitHint: (limit: Double, hint: String)? = nil) {
        if !(value > 0) {
            add(path, "must be > 0, got \(format(value))")
        } else if let unitHint, value > unitHint.limit {
            add(path, "\(format(value)) is implausibly large — \(unitHint.hint)")
        }
    }

    mutating func positive(_ value: Int, _ path: String) {
        if value <= 0 { add(path, "must be > 0, got \(value)") }
    }

    mutating func nonNegative(_ value: Double, _ path: String) {
        if value < 0 { add(path, "must be ≥ 0, got \(format(value))") }
    }

    /// A fraction in [low, high].
    mutating func fraction(_ value: Double, _ path: String, low: Double = 0, high: Double = 1) {
        if !(low...high).contains(value) {
            add(path, "must be a fraction in [\(format(low)), \(format(high))], got \(format(value))"
                + (value > 1 && value <= 100 ? " (did you give a percentage?)" : ""))
        }
    }

    /// A temperature inside the range where Earth's air and data-center water exist.
    mutating func temperature(_ value: Double, _ path: String, low: Double = -70, high: Double = 80) {
        if !(low...high).contains(value) {
            add(path, "temperature outside the physical range (got \(format(value)) °C, expected \(format(low))…\(format(high)) °C)"
                + (value > 200 ? " — did you give kelvin or °F?" : ""))
        }
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

/// Numbers as a person writes them: no trailing `.0`.
func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

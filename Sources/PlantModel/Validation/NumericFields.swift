/// One number read from a file, found by walking the decoded value.
public struct NumericField: Equatable, Sendable {
    /// Dotted path, as in messages: `halls[2].positions`, `scalableUnits.gb200-nvl72`.
    public var path: String
    /// The path with `[]` for list indices and `*` for map keys: the ``FieldRange`` row's `path`.
    public var pattern: String
    public var value: Double
    /// The value as the file gave it (an `Int` printed exactly).
    public var text: String
}

/// Every number in a decoded site, design or catalog, in declaration (file) order.
///
/// Walks the stored properties by reflection, so a field added to a model type is found without being
/// listed here; the `FieldRange` table must then have a row for it (FieldRangeTests checks every number
/// of a fully populated file against the table). The blocks of an `xN/y` redundancy rule count as a
/// number. Not walked: figure sources (`figures`, whose `range` is in the unit of the figure it qualifies
/// and is only documentation), references, quarters (bounded by their parser to 1900–2200) and text.
public func numericFields(of value: Any) -> [NumericField] {
    var found: [NumericField] = []
    walk(value, path: "", pattern: "", into: &found)
    return found
}

private func walk(_ value: Any, path: String, pattern: String, into found: inout [NumericField]) {
    switch value {
    case let int as Int:
        found.append(NumericField(path: path, pattern: pattern, value: Double(int), text: String(int)))
        return
    case let double as Double:
        found.append(NumericField(path: path, pattern: pattern, value: double, text: format(double)))
        return
    case let rule as RedundancyRule:
        if case .distributed(let blocks, _) = rule {
            found.append(NumericField(path: path, pattern: pattern, value: Double(blocks), text: String(blocks)))
        }
        return
    case is String, is Bool, is Quarter, is FigureSource, is Reference:
        return
    default:
        break
    }
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
        if let some = mirror.children.first { walk(some.value, path: path, pattern: pattern, into: &found) }
    case .collection, .set:
        for (i, child) in mirror.children.enumerated() {
            walk(child.value, path: "\(path)[\(i)]", pattern: "\(pattern)[]", into: &found)
        }
    case .dictionary:
        let entries = mirror.children.compactMap { child -> (String, Any)? in
            let pair = Array(Mirror(reflecting: child.value).children)
            guard pair.count == 2, let key = pair[0].value as? String else { return nil }
            return (key, pair[1].value)
        }
        for (key, element) in entries.sorted(by: { $0.0 < $1.0 }) {
            walk(element, path: join(path, key), pattern: join(pattern, "*"), into: &found)
        }
    case .struct, .class:
        for child in mirror.children {
            guard let label = child.label else { continue }
            walk(child.value, path: join(path, label), pattern: join(pattern, label), into: &found)
        }
    default:
        // Enums without numbers (heat-rejection type, precision, evidence) and tuples.
        break
    }
}

private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

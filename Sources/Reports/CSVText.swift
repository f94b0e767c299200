import CSV
import Foundation

/// Renders rows as CSV text (RFC 4180 quoting by CSV.swift), one line per row, ending in a newline.
public func csvText(header: [String], rows: [[String]]) -> String {
    // Writing to memory cannot fail for UTF-8 text; a failure here is a programming error.
    let writer = try! CSVWriter(stream: .toMemory())
    try! writer.write(row: header)
    for row in rows { try! writer.write(row: row) }
    writer.stream.close()
    let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as! Data
    return String(decoding: data, as: UTF8.self) + "\n"
}

/// Renders rows as a left-aligned text table with a header rule.
public func textTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    let all = [header] + rows
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    func line(_ row: [String]) -> String {
        row.enumerated().map { column, cell in
            let pad = String(repeating: " ", count: widths[column] - cell.count)
            return rightAligned.contains(column) ? pad + cell : cell + pad
        }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
}

/// JSON with sorted keys and stable formatting, so equal inputs give byte-identical files.
public func stableJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
}

/// One output column, declared once: its name (CSV header, table header) and how a row gives its text.
/// A file's columns are a list of these, so a column added once appears in every view of that list.
public struct ExportColumn<Row>: Sendable {
    public let name: String
    public let text: @Sendable (Row) -> String

    public init(_ name: String, _ text: @escaping @Sendable (Row) -> String) {
        self.name = name
        self.text = text
    }
}

/// Renders `rows` as CSV with one column per entry of `columns`.
public func csvText<Row>(_ columns: [ExportColumn<Row>], _ rows: [Row]) -> String {
    csvText(header: columns.map(\.name), rows: rows.map { row in columns.map { $0.text(row) } })
}

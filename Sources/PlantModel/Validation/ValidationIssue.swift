/// One problem in an input file: where it is (file, line, dotted field path) and what is wrong.
public struct ValidationIssue: Equatable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var file: String
    /// 1-based line in the file, where known.
    public var line: Int?
    /// Dotted path of the field, such as `halls[2].positions`; empty for the whole file.
    public var path: String
    /// What is wrong, with the value found and the value expected.
    public var message: String

    public init(file: String, line: Int?, path: String, message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `FILE:LINE: path: message`.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

/// Input that failed to load or validate, with every problem found.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// How `plan` and `simulate` print their result (their files are written by `--out`).
public enum ResultFormat: String, Sendable, CaseIterable {
    case table, json
}

/// How `profiles` prints the catalog.
public enum ListFormat: String, Sendable, CaseIterable {
    case table, json, csv
}

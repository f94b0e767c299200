import Foundation

extension Catalog {
    /// The catalog shipped with TokenPlant.
    public static func bundled() throws(InputError) -> Catalog {
        guard let url = Bundle.module.url(forResource: "catalog", withExtension: "yaml") else {
            throw InputError(issues: [ValidationIssue(file: "catalog.yaml", line: nil, path: "", message: "bundled catalog missing from the build")])
        }
        return try load(from: url.path)
    }

    /// Loads and validates a catalog file.
    public static func load(from path: String) throws(InputError) -> Catalog {
        let decoded = try PlantFile.load(Catalog.self, from: path)
        let issues = issues(in: decoded)
        if !issues.isEmpty { throw InputError(issues: issues) }
        return decoded.value
    }
}

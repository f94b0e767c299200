import Foundation
import PlantModel
import Reports

/// `tokenplant profiles` and `tokenplant validate`.
public enum CatalogWorkflow {
    /// The catalog at `path` (else the bundled one) as text in `format`.
    public static func profiles(catalogPath: String?, format: ListFormat) throws(CommandFailure) -> String {
        let catalog = try load(catalogPath)
        switch format {
        case .table: return CatalogReport.table(catalog)
        case .csv: return CatalogReport.csv(catalog)
        case .json: return try failing { String(decoding: try CatalogReport.json(catalog), as: UTF8.self) + "\n" }
        }
    }

    /// Checks site, design and catalog files against the catalog at `catalogPath` (else the bundled one);
    /// fails with every problem found.
    public static func validate(files: [String], catalogPath: String?) throws(CommandFailure) -> String {
        let catalog = try load(catalogPath)
        let issues = PlantValidation.issues(inFiles: files, catalog: catalog)
        if !issues.isEmpty { throw .invalid(InputError(issues: issues)) }
        return "\(files.count) file\(files.count == 1 ? "" : "s") valid\n"
    }

    static func load(_ path: String?) throws(CommandFailure) -> Catalog {
        try failing { try path.map { try Catalog.load(from: $0) } ?? Catalog.bundled() }
    }
}

import Foundation
import PlantModel
import Plans
import Reports

/// `tokenplant profiles` and `tokenplant validate`.
public enum CatalogWorkflow {
    /// Every profile serving `workload` per GPU, rack and facility MW in the design at `designPath` (on `sitePath`,
    /// else its own site), as ratios to the Hopper profile, in `format`.
    public static func perMW(workload: String, catalogPath: String?, designPath: String, sitePath: String?, utilization: Double,
                             format: ListFormat) throws(CommandFailure) -> String {
        let inputs = try failing { try PlanningInputs.load(designPath: designPath, sitePath: sitePath, catalogPath: catalogPath) }
        let comparison: PerMWComparison
        do {
            comparison = try PerMWComparison(catalog: inputs.catalog, workload: workload, design: inputs.design, site: inputs.site,
                                             utilization: utilization)
        } catch { throw CommandFailure(["profiles --per-mw: \(error)"], status: .usage) }
        switch format {
        case .table: return PerMWReport.table(comparison)
        case .csv: return PerMWReport.csv(comparison)
        case .json: return try failing { String(decoding: try PerMWReport.json(comparison), as: UTF8.self) }
        }
    }

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

import Foundation
import PlantModel

/// A design, the site it is planned on and the catalog, loaded and validated, with their provenance.
public struct PlanningInputs: Sendable {
    public var design: ReferenceDesign
    public var site: Site
    public var catalog: Catalog
    public var provenance: PlanInputs

    /// Loads `designPath`, the site (`sitePath`, else the design's default), and the catalog
    /// (`catalogPath`, else the bundled one). Every problem in every file is reported at once.
    public static func load(designPath: String, sitePath: String? = nil, catalogPath: String? = nil) throws(InputError) -> PlanningInputs {
        let catalog: Catalog
        if let catalogPath { catalog = try Catalog.load(from: catalogPath) } else { catalog = try Catalog.bundled() }
        let design = try ReferenceDesign.load(from: designPath, catalog: catalog)
        guard let siteFile = sitePath ?? ReferenceDesign.defaultSitePath(of: design) else {
            throw InputError(issues: [design.issue("site", "the design names no default site; give --site FILE")])
        }
        let site = try Site.load(from: siteFile)
        var digestFiles = [designPath, siteFile]
        if let catalogPath { digestFiles.append(catalogPath) }
        let provenance = PlanInputs(
            design: design.value.name, designFile: designPath, site: site.value.name, siteFile: siteFile,
            catalog: catalogPath ?? "bundled", digest: inputDigest(files: digestFiles))
        return PlanningInputs(design: design.value, site: site.value, catalog: catalog, provenance: provenance)
    }
}

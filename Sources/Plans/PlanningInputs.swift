import Climate
import Foundation
import PlantModel

/// A design, the site it is planned on and the catalog, loaded and validated, with their provenance.
public struct PlanningInputs: Sendable {
    public var design: ReferenceDesign
    public var site: Site
    public var catalog: Catalog
    public var provenance: PlanInputs

    /// Loads `designPath`, the site (`sitePath`, else the design's default), and the catalog
    /// (`catalogPath`, else the bundled one). Every problem in every file is reported at once. A design
    /// sized `fromHours` also reads its weather year: `weatherPath`, else the site's `climate.epw`.
    public static func load(designPath: String, sitePath: String? = nil, catalogPath: String? = nil,
                            weatherPath: String? = nil) throws(InputError) -> PlanningInputs {
        let catalog: Catalog
        if let catalogPath { catalog = try Catalog.load(from: catalogPath) } else { catalog = try Catalog.bundled() }
        return try load(designPath: designPath, sitePath: sitePath, catalog: catalog, catalogPath: catalogPath, weatherPath: weatherPath)
    }

    /// As ``load(designPath:sitePath:catalogPath:weatherPath:)`` with the catalog already loaded from `catalogPath`
    /// (`nil`: the bundled one), for commands that plan many designs and sites against one catalog.
    public static func load(designPath: String, sitePath: String?, catalog: Catalog, catalogPath: String?,
                            weatherPath: String? = nil) throws(InputError) -> PlanningInputs {
        let design = try ReferenceDesign.load(from: designPath, catalog: catalog)
        guard let siteFile = sitePath ?? ReferenceDesign.defaultSitePath(of: design) else {
            throw InputError(issues: [design.issue("site", "the design names no default site; give --site FILE")])
        }
        if sitePath == nil, !FileManager.default.fileExists(atPath: siteFile) {
            throw InputError(issues: [ReferenceDesign.missingSiteIssue(design, resolved: siteFile, siteOption: true)])
        }
        let site = try Site.load(from: siteFile)
        let pair = Site.pairIssues(site.value, design: design.value)
        if !pair.isEmpty { throw InputError(issues: pair.map { site.issue($0.path, $0.message) }) }
        var digestFiles = [designPath, siteFile]
        if let catalogPath { digestFiles.append(catalogPath) }
        var sized = design.value
        if let basis = sized.designBasis, basis.condition == .fromHours {
            let weather = try designWeather(weatherPath: weatherPath, site: site.value, siteFile: siteFile, design: design)
            sized.designBasis?.hours = weather
            digestFiles.append(weather.source)
        }
        let provenance = PlanInputs(
            design: design.value.name, designFile: designPath, site: site.value.name, siteFile: siteFile,
            catalog: catalogPath ?? "bundled", digest: inputDigest(files: digestFiles))
        return PlanningInputs(design: sized, site: site.value, catalog: catalog, provenance: provenance)
    }

    /// The hours of the weather year a `fromHours` design basis ranks: `weatherPath`, else the site's
    /// `climate.epw` (relative to the site file); none is an error on `designBasis.condition`.
    static func designWeather(weatherPath: String?, site: Site, siteFile: String,
                              design: Decoded<ReferenceDesign>) throws(InputError) -> DesignHours {
        let sitePath = site.climate.epw.map { epw in
            epw.hasPrefix("/") ? epw : URL(fileURLWithPath: siteFile).deletingLastPathComponent().appendingPathComponent(epw).path
        }
        guard let path = weatherPath ?? sitePath else {
            throw InputError(issues: [design.issue("designBasis.condition",
                "fromHours ranks the hours of a weather year and none was given: pass --weather FILE.epw, set climate.epw in the site file, or use condition: worseOfPairs")])
        }
        do {
            let epw = try EPWFile.load(from: path)
            return DesignHours(source: path, dryBulbC: epw.hours.map(\.dryBulbC), wetBulbC: epw.hours.map(\.wetBulbC))
        } catch let error as EPWError {
            throw InputError(issues: [ValidationIssue(file: error.file, line: error.line > 0 ? error.line : nil, path: "", message: error.message)])
        } catch {
            throw InputError(issues: [ValidationIssue(file: path, line: nil, path: "", message: "\(error)")])
        }
    }
}

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

extension Site {
    /// Loads and validates a site file.
    public static func load(from path: String) throws(InputError) -> Decoded<Site> {
        let decoded = try PlantFile.load(Site.self, from: path)
        let issues = issues(in: decoded)
        if !issues.isEmpty { throw InputError(issues: issues) }
        return decoded
    }
}

extension ReferenceDesign {
    /// Loads and validates a design file against a catalog.
    public static func load(from path: String, catalog: Catalog) throws(InputError) -> Decoded<ReferenceDesign> {
        let decoded = try PlantFile.load(ReferenceDesign.self, from: path)
        let issues = issues(in: decoded, catalog: catalog)
        if !issues.isEmpty { throw InputError(issues: issues) }
        return decoded
    }

    /// The site file a design names, resolved against the design's folder.
    public static func defaultSitePath(of decoded: Decoded<ReferenceDesign>) -> String? {
        decoded.value.site.map(decoded.resolve)
    }
}

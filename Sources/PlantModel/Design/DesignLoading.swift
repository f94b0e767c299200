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

import Foundation

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

    /// The problem with a design whose `site:` names a file that does not exist at `resolved` (its
    /// ``defaultSitePath(of:)``), reported on the design's `site:` line with the absolute path looked for; `siteOption`
    /// where the command takes `--site`.
    public static func missingSiteIssue(_ decoded: Decoded<ReferenceDesign>, resolved: String, siteOption: Bool) -> ValidationIssue {
        let given = decoded.value.site ?? ""
        let absolute = URL(fileURLWithPath: resolved).standardizedFileURL.path
        let relative = given.hasPrefix("/") ? "" : ", relative to the design's folder"
        return decoded.issue("site", "site file '\(given)' not found (resolved to \(absolute)\(relative)): correct site:"
            + (siteOption ? ", or give --site FILE" : ""))
    }
}

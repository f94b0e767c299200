extension Site {
    /// Loads and validates a site file.
    public static func load(from path: String) throws(InputError) -> Decoded<Site> {
        let decoded = try PlantFile.load(Site.self, from: path)
        let issues = issues(in: decoded)
        if !issues.isEmpty { throw InputError(issues: issues) }
        return decoded
    }
}

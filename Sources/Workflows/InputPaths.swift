/// The files a command plans or simulates: the design, its site (default: the design's `site:`) and the
/// catalog (default: the bundled one).
public struct InputPaths: Sendable, Equatable {
    public var design: String
    public var site: String?
    public var catalog: String?

    public init(design: String, site: String? = nil, catalog: String? = nil) {
        self.design = design
        self.site = site
        self.catalog = catalog
    }
}

/// How a figure was obtained.
public enum Evidence: String, FileEnum {
    /// A measured benchmark (MLPerf, a meter reading, a weather record).
    case measured
    /// A vendor's published figure.
    case vendor
    /// An estimate or our own derivation; the `note` says how it was made.
    case estimate
}

/// A public document that figures are taken from.
public struct Reference: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Short identifier used by figures (`S13`, `tmy3-dulles`).
    public var id: String
    /// What the document is.
    public var title: String
    /// Where it is: URL, or repository and path.
    public var location: String
    /// When it was published or read, as precisely as known (`2025-09-09`, `n.d.`).
    public var date: String

    public static var placeholder: Reference { Reference(id: "", title: "", location: "", date: "") }
}

/// Where one figure comes from: its references, the kind of evidence, and how it was derived.
public struct FigureSource: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Identifiers of ``Reference``s.
    public var sources: [String]
    public var evidence: Evidence
    /// How the figure was chosen or derived; required for estimates.
    public var note: String?
    /// Where sources disagree, the lowest and highest published values.
    public var range: [Double]?

    public init(sources: [String], evidence: Evidence, note: String? = nil, range: [Double]? = nil) {
        self.sources = sources
        self.evidence = evidence
        self.note = note
        self.range = range
    }

    public static var placeholder: FigureSource { FigureSource(sources: [], evidence: .estimate) }
}

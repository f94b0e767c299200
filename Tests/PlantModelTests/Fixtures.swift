import Foundation
import PlantModel

/// Paths into the repository, found from this file's location.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static func path(_ relative: String) -> String { root + "/" + relative }
    /// The real weather files beside the clone (in CI; absent in a user's clone).
    static let weatherFolder = root + "/../shared/data/weather"
    static let weatherAvailable = FileManager.default.fileExists(atPath: weatherFolder)
    static func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { path(folder + "/" + $0) }
    }
}

/// Decodes a design from text and validates it against the bundled catalog; returns every issue.
func designIssues(_ yaml: String) throws -> [ValidationIssue] {
    let catalog = try Catalog.bundled()
    do {
        let decoded = try PlantFile.decode(ReferenceDesign.self, from: yaml, file: "d.yaml")
        return ReferenceDesign.issues(in: decoded, catalog: catalog)
    } catch {
        return error.issues
    }
}

/// Decodes a site from text and validates it; every issue as "path: message".
func siteIssues(_ yaml: String) throws -> [String] {
    Site.issues(in: try PlantFile.decode(Site.self, from: yaml, file: "s.yaml")).map { "\($0.path): \($0.message)" }
}

/// The bundled example design's text with one substitution.
func exampleDesign(replacing old: String, with new: String) throws -> String {
    let text = try String(contentsOfFile: Repo.path("reference-designs/gb300-nvl72-hybrid.yaml"), encoding: .utf8)
    precondition(text.contains(old), "fixture text not found: \(old)")
    return text.replacingOccurrences(of: old, with: new)
}

/// The 1-based line of the first occurrence of `needle` in `text`.
func line(of needle: String, in text: String) -> Int {
    let prefix = text.components(separatedBy: needle)[0]
    return prefix.filter { $0 == "\n" }.count + 1
}

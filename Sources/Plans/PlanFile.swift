import Foundation
import PlantModel

extension BuildPlan {
    /// Reads a plan.json written by `plan --out` and checks it on its own (``issues(in:)``). Every problem is
    /// reported at once, as `FILE:LINE: quarters[3].racks: message`: malformed JSON, missing and unknown keys
    /// (with "did you mean"), wrong types, numbers out of range, quarters and rack lines that do not add up.
    ///
    /// plan.json is read by the same collecting decoder as the site, design and catalog files (JSON is
    /// YAML's flow style), so each field keeps its line.
    public static func load(from path: String) throws(InputError) -> Decoded<BuildPlan> {
        try decode(text: try text(of: path), file: path)
    }

    /// Decodes plan.json text and checks it on its own, as ``load(from:)`` does after reading the file;
    /// `file` names it in messages.
    public static func decode(text: String, file: String) throws(InputError) -> Decoded<BuildPlan> {
        let decoded = try PlantFile.decode(BuildPlan.self, from: text, file: file)
        let issues = issues(in: decoded)
        if !issues.isEmpty { throw InputError(issues: issues) }
        return decoded
    }

    /// Reads a plan.json to simulate `design` with `catalog`: the checks of ``load(from:)`` and those of
    /// ``issues(in:against:catalog:site:)`` (the plan's design, halls, profiles and quarters must be this design's, its
    /// facility builds the design's and site's), all reported at once.
    public static func load(from path: String, simulating design: ReferenceDesign, catalog: Catalog,
                            site: Site? = nil) throws(InputError) -> Decoded<BuildPlan> {
        let decoded = try PlantFile.decode(BuildPlan.self, from: try text(of: path), file: path)
        let issues = issues(in: decoded, against: design, catalog: catalog, site: site) + issues(in: decoded)
        if !issues.isEmpty { throw InputError(issues: issues) }
        return decoded
    }

    /// The text of the plan.json at `path`; a folder is refused with a hint to the plan.json inside it.
    private static func text(of path: String) throws(InputError) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let inside = (path as NSString).appendingPathComponent("plan.json")
            let hint = FileManager.default.fileExists(atPath: inside) ? ": pass \(inside)" : ": pass the plan.json that `tokenplant plan --out DIR` wrote"
            throw InputError(issues: [ValidationIssue(file: path, line: nil, path: "", message: "is a folder, not a plan.json\(hint)")])
        }
        return try PlantFile.text(of: path)
    }
}

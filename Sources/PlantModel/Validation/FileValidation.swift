import Foundation
import Yams

/// What kind of TokenPlant input a file is, told from its top-level keys.
public enum PlantFileKind: String, Sendable, CaseIterable {
    case site, design, catalog

    /// Reads the file's top level: `grid` → site, `halls` → design, `profiles` + `workloads` → catalog.
    public static func detect(path: String) throws(InputError) -> PlantFileKind {
        let text = try PlantFile.text(of: path)
        let keys: Set<String>
        do {
            guard case .mapping(let mapping)? = try Yams.compose(yaml: text) else {
                throw InputError(issues: [ValidationIssue(file: path, line: 1, path: "", message: "expected a mapping of keys at the top level")])
            }
            keys = Set(mapping.keys.compactMap(\.string))
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw InputError(issues: [PlantFile.syntaxIssue(error, text: text, file: path)])
        } catch {
            throw InputError(issues: [ValidationIssue(file: path, line: nil, path: "", message: "not valid YAML/JSON")])
        }
        if keys.contains("grid") { return .site }
        if keys.contains("halls") { return .design }
        if keys.contains("profiles") && keys.contains("workloads") { return .catalog }
        throw InputError(issues: [ValidationIssue(file: path, line: 1, path: "", message: "cannot tell what this file is: a site has 'grid', a design 'halls', a catalog 'profiles' and 'workloads'")])
    }
}

/// Checks files of any kind and returns every problem in all of them.
public enum PlantValidation {
    /// Every problem in the given files, each once; a design is checked against `catalog` and its default site (a site
    /// also given is checked once, as itself).
    public static func issues(inFiles paths: [String], catalog: Catalog) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        let given = Set(paths.map(absolute))
        for path in paths {
            do {
                switch try PlantFileKind.detect(path: path) {
                case .site:
                    _ = try Site.load(from: path)
                case .catalog:
                    _ = try Catalog.load(from: path)
                case .design:
                    let design = try ReferenceDesign.load(from: path, catalog: catalog)
                    if let site = ReferenceDesign.defaultSitePath(of: design) {
                        let alsoGiven = given.contains(absolute(site))
                        if alsoGiven || FileManager.default.fileExists(atPath: site) {
                            // A site also given reports its own problems as itself: here only the pair is checked.
                            if let loaded = alsoGiven ? try? Site.load(from: site) : try Site.load(from: site) {
                                issues += Site.pairIssues(loaded.value, design: design.value).map { loaded.issue($0.path, $0.message) }
                            }
                        } else {
                            issues.append(ReferenceDesign.missingSiteIssue(design, resolved: site, siteOption: false))
                        }
                    }
                }
            } catch {
                issues += error.issues
            }
        }
        return issues
    }
}

import ArgumentParser
import PlantModel

/// `tokenplant validate FILE...`
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check site, design and catalog files; list every problem with file, line and field.")

    @OptionGroup var catalogOption: CatalogOption

    @Argument(help: "Files to check (YAML or JSON).")
    var files: [String]

    func run() throws {
        let catalog: Catalog
        do { catalog = try catalogOption.load() } catch { throw failInvalid(error) }
        let issues = PlantValidation.issues(inFiles: files, catalog: catalog)
        if !issues.isEmpty { throw failInvalid(InputError(issues: issues)) }
        print("\(files.count) file\(files.count == 1 ? "" : "s") valid")
    }
}

import ArgumentParser
import Workflows

/// `tokenplant validate FILE...`
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check site, design and catalog files; list every problem with file, line and field.")

    @Option(help: "Rack-profile catalog to check designs against instead of the bundled one.") var catalog: String?
    @Argument(help: "Files to check (YAML or JSON).") var files: [String]

    func run() throws {
        try emit { try CatalogWorkflow.validate(files: files, catalogPath: catalog) }
    }
}

import ArgumentParser
import Workflows

/// `tokenplant profiles`
struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rack-profile catalog.")

    @Option(help: "Rack-profile catalog to use instead of the bundled one.") var catalog: String?
    @Option(help: "table, json or csv.") var format: ListFormat = .table

    func run() throws {
        try emit { try CatalogWorkflow.profiles(catalogPath: catalog, format: format) }
    }
}

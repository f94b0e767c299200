import ArgumentParser
import Workflows

/// `tokenplant schema site|design|catalog [--out FILE]`
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of site, design or catalog files, for editor validation and completion.")

    @Argument(help: "The file kind: site, design or catalog.") var kind: String
    @Option(help: "Write the schema to this file instead of stdout.") var out: String?

    func run() throws {
        try emit { try SchemaWorkflow.schema(kind: kind, outPath: out) }
    }
}

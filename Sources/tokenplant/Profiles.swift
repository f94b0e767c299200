import ArgumentParser
import Foundation
import PlantModel
import Reports

/// `tokenplant profiles`
struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rack-profile catalog.")

    @OptionGroup var catalogOption: CatalogOption

    @Option(help: "table, json or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let catalog: Catalog
        do { catalog = try catalogOption.load() } catch { throw failInvalid(error) }
        switch format {
        case .table: print(CatalogReport.table(catalog), terminator: "")
        case .csv: print(CatalogReport.csv(catalog), terminator: "")
        case .json: print(String(decoding: try CatalogReport.json(catalog), as: UTF8.self))
        }
    }
}

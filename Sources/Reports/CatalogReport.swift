import Foundation
import PlantModel

/// The catalog as a table, CSV or JSON (`tokenplant profiles`).
public enum CatalogReport {
    /// One row: a profile and one workload it serves.
    typealias Row = (profile: RackProfile, throughput: Throughput)

    /// The columns of the table and CSV.
    static let columns: [ExportColumn<Row>] = [
        ExportColumn("id") { $0.profile.id },
        ExportColumn("generation") { $0.profile.generation },
        ExportColumn("gpusPerRack") { String($0.profile.gpusPerRack) },
        ExportColumn("powerMode") { $0.profile.powerMode.rawValue },
        ExportColumn("rackMaxKW") { NumberText.fixed($0.profile.rackMaxKW, 1) },
        ExportColumn("rackBenchmarkKW") { NumberText.fixed($0.profile.rackBenchmarkKW, 1) },
        ExportColumn("liquidShare") { NumberText.fixed($0.profile.liquidShare, 2) },
        ExportColumn("maxCoolantSupplyC") { $0.profile.maxCoolantSupplyC.map { NumberText.fixed($0, 0) } ?? "air" },
        ExportColumn("capexUSDPerRack") { NumberText.fixed($0.profile.capexUSDPerRack, 0) },
        ExportColumn("capexUSDPerGPU") { NumberText.fixed($0.profile.capexUSDPerGPU, 0) },
        ExportColumn("availableFrom") { $0.profile.availableFrom.description },
        ExportColumn("workload") { $0.throughput.workload },
        ExportColumn("tokensPerSecondPerGPU") { NumberText.fixed($0.throughput.tokensPerSecondPerGPU, 1) },
        ExportColumn("precision") { $0.throughput.precision.rawValue },
        ExportColumn("evidence") { $0.throughput.source.evidence.rawValue },
        ExportColumn("mlperfResult") { $0.throughput.mlperf.map { "\($0.round) \($0.resultID) \($0.scenario.rawValue)" + ($0.preview ? " preview" : "") + ($0.inferred ? " inferred" : "") } ?? "-" },
    ]

    /// One row per profile and workload it serves.
    static func rows(_ catalog: Catalog) -> [Row] {
        catalog.profiles.flatMap { p in p.throughput.map { (p, $0) } }
    }

    public static func table(_ catalog: Catalog) -> String {
        textTable(header: columns.map(\.name), rows: rows(catalog).map { row in columns.map { $0.text(row) } },
                  rightAligned: [2, 4, 5, 6, 7, 8, 9, 12])
    }

    public static func csv(_ catalog: Catalog) -> String { csvText(columns, rows(catalog)) }

    /// The whole catalog, every figure with its source.
    public static func json(_ catalog: Catalog) throws -> Data { try stableJSON(catalog) }
}

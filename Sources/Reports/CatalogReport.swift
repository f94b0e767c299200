import Foundation
import PlantModel

/// The catalog as a table, CSV or JSON (`tokenplant profiles`).
public enum CatalogReport {
    static let header = ["id", "generation", "gpusPerRack", "rackMaxKW", "liquidShare", "maxCoolantSupplyC",
                         "capexUSDPerRack", "availableFrom", "workload", "tokensPerSecondPerGPU", "precision", "evidence"]

    /// One row per profile and workload it serves.
    static func rows(_ catalog: Catalog) -> [[String]] {
        catalog.profiles.flatMap { p in
            p.throughput.map { t in
                [p.id, p.generation, String(p.gpusPerRack), fixed(p.rackMaxKW, 1), fixed(p.liquidShare, 2),
                 p.maxCoolantSupplyC.map { fixed($0, 0) } ?? "air", fixed(p.capexUSDPerRack, 0),
                 p.availableFrom.description, t.workload, fixed(t.tokensPerSecondPerGPU, 1), t.precision.rawValue,
                 t.source.evidence.rawValue]
            }
        }
    }

    public static func table(_ catalog: Catalog) -> String {
        textTable(header: header, rows: rows(catalog), rightAligned: [2, 3, 4, 5, 6, 9])
    }

    public static func csv(_ catalog: Catalog) -> String { csvText(header: header, rows: rows(catalog)) }

    /// The whole catalog, every figure with its source.
    public static func json(_ catalog: Catalog) throws -> Data { try stableJSON(catalog) }
}

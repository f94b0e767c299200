import Foundation

/// `tokenplant profiles --per-mw WORKLOAD` as a table, CSV or JSON.
public enum PerMWReport {
    typealias Row = PerMWComparison.Row

    static let columns: [ExportColumn<Row>] = [
        ExportColumn("profile") { $0.profile },
        ExportColumn("tokensPerSecondPerGPU") { NumberText.fixed($0.tokensPerSecondPerGPU, 1) },
        ExportColumn("tokensPerSecondPerRack") { NumberText.fixed($0.tokensPerSecondPerRack, 0) },
        ExportColumn("designPUE") { NumberText.fixed($0.designPUE, 3) },
        ExportColumn("facilityKWPerRack") { NumberText.fixed($0.facilityKWPerRack, 1) },
        ExportColumn("tokensPerSecondPerFacilityMW") { NumberText.fixed($0.tokensPerSecondPerFacilityMW, 0) },
        ExportColumn("capexUSDPerGPU") { NumberText.fixed($0.capexUSDPerGPU, 0) },
        ExportColumn("costPerMillionTokensUSD") { NumberText.fixed($0.costPerMillionTokensUSD, 4) },
        ExportColumn("xPerGPU") { NumberText.fixed($0.ratioPerGPU, 2) },
        ExportColumn("xPerRack") { NumberText.fixed($0.ratioPerRack, 2) },
        ExportColumn("xPerFacilityMW") { NumberText.fixed($0.ratioPerFacilityMW, 2) },
        ExportColumn("xCapexPerGPU") { NumberText.fixed($0.ratioCapexPerGPU, 2) },
        ExportColumn("xCheaperPerToken") { NumberText.fixed($0.ratioCheaperPerToken, 2) },
        ExportColumn("round") { $0.round },
        ExportColumn("scenario") { $0.scenario },
        ExportColumn("precision") { $0.precision },
        ExportColumn("evidence") { $0.evidence },
    ]

    /// The frame every number is in, in words.
    static func frame(_ c: PerMWComparison) -> String {
        "\(c.workload): ratios (x…) against \(c.reference); facility power at full load and design PUE of '\(c.design)' on '\(c.site)'; "
            + "cost per token at \(NumberText.fixed(c.utilization * 100, 0)) % utilization (the design's capital recovery, the site's energy price). "
            + "Throughputs are MLPerf results of the round shown (an estimate where marked), not vendor multiples.\n"
    }

    public static func table(_ c: PerMWComparison) -> String {
        frame(c) + "\n" + textTable(header: columns.map(\.name), rows: c.rows.map { row in columns.map { $0.text(row) } },
                                    rightAligned: Set(1...12))
    }

    public static func csv(_ c: PerMWComparison) -> String { csvText(columns, c.rows) }

    public static func json(_ c: PerMWComparison) throws -> Data { try stableJSON(c) }
}

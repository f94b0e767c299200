import Foundation
import Planner
import Plans

/// The Pareto frontier as `plan --pareto N --out DIR` writes it and the table it prints.
public enum ParetoReport {
    /// The columns of `pareto.csv`; the same names as `points[]` in `pareto.json`.
    static let columns: [ExportColumn<ParetoPoint>] = [
        ExportColumn("point") { String($0.point) },
        ExportColumn("limit") { $0.limit.map { NumberText.fixed($0, 3) } ?? "none" },
        ExportColumn("tokens") { NumberText.fixed($0.tokens, 0) },
        ExportColumn("capexUSD") { NumberText.fixed($0.capexUSD, 0) },
        ExportColumn("peakFacilityMW") { NumberText.fixed($0.peakFacilityMW, 3) },
        ExportColumn("tokensPerSecondPerMWLastQuarter") { NumberText.fixed($0.tokensPerSecondPerMWLastQuarter, 1) },
        ExportColumn("status") { $0.status.rawValue },
        ExportColumn("relativeGap") { $0.relativeGap.map { NumberText.fixed($0, 6) } ?? "" },
    ]

    /// `pareto.csv`: one row per frontier point.
    public static func csv(_ frontier: ParetoFrontier) -> String { csvText(columns, frontier.points) }

    /// The files `plan --pareto N --out DIR` writes, in manifest order.
    public static let fileNames = ["pareto.json", "pareto.csv"]

    /// Writes pareto.json and pareto.csv into `folder` as one ``OutputSet`` (command `plan --pareto`, with
    /// `manifest.json`), both rendered before the first is written.
    public static func write(_ frontier: ParetoFrontier, to folder: String) throws {
        let files: [(String, Data)] = [("pareto.json", try stableJSON(frontier)), ("pareto.csv", Data(csv(frontier).utf8))]
        let set = try OutputSet(folder: folder, names: fileNames, command: "plan --pareto", inputsDigest: frontier.inputs.digest)
        for (name, data) in files { try set.write(name, data) }
        try set.commit()
    }

    /// The readable frontier printed on stdout.
    public static func table(_ frontier: ParetoFrontier) -> String {
        var out = "Pareto frontier: \(frontier.inputs.design) on \(frontier.inputs.site)\n"
        out += "Most tokens over the horizon with \(frontier.axis == .capex ? "cumulative capex" : "facility power in every quarter") ≤ limit (\(frontier.axisUnit)); the last point is unconstrained.\n\n"
        let body = frontier.points.map {
            [String($0.point), $0.limit.map { NumberText.grouped($0) } ?? "none", NumberText.grouped($0.tokens),
             NumberText.grouped($0.capexUSD), NumberText.fixed($0.peakFacilityMW, 1), NumberText.grouped($0.tokensPerSecondPerMWLastQuarter),
             $0.relativeGap.map { NumberText.fixed($0 * 100, 3) + " %" } ?? "-"]
        }
        out += textTable(header: ["point", "limit \(frontier.axisUnit)", "tokens", "capex USD", "peak facility MW", "tokens/s/MW (last)", "gap"],
                         rows: body, rightAligned: Set(0...6))
        return out
    }
}

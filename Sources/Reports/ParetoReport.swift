import Foundation
import Planner

/// The Pareto frontier as `plan --pareto N --out DIR` writes it and the table it prints.
public enum ParetoReport {
    static let header = ["point", "limit", "tokens", "capexUSD", "peakFacilityMW", "tokensPerSecondPerMWLastQuarter", "status", "relativeGap"]

    static func rows(_ frontier: ParetoFrontier) -> [[String]] {
        frontier.points.map {
            [String($0.point), $0.limit.map { fixed($0, 3) } ?? "none", fixed($0.tokens, 0), fixed($0.capexUSD, 0),
             fixed($0.peakFacilityMW, 3), fixed($0.tokensPerSecondPerMWLastQuarter, 1), $0.status,
             $0.relativeGap.map { fixed($0, 6) } ?? ""]
        }
    }

    /// `pareto.csv`: one row per frontier point.
    public static func csv(_ frontier: ParetoFrontier) -> String { csvText(header: header, rows: rows(frontier)) }

    /// Writes pareto.json and pareto.csv into `folder`, each atomically, both rendered first.
    public static func write(_ frontier: ParetoFrontier, to folder: String) throws {
        let files: [(String, Data)] = [("pareto.json", try stableJSON(frontier)), ("pareto.csv", Data(csv(frontier).utf8))]
        try AtomicFile.writeAll(files.map { ((folder as NSString).appendingPathComponent($0.0), $0.1) })
    }

    /// The readable frontier printed on stdout.
    public static func table(_ frontier: ParetoFrontier) -> String {
        var out = "Pareto frontier: \(frontier.inputs.design) on \(frontier.inputs.site)\n"
        out += "Most tokens over the horizon with \(frontier.axis == .capex ? "cumulative capex" : "facility power in every quarter") ≤ limit (\(frontier.axisUnit)); the last point is unconstrained.\n\n"
        let body = frontier.points.map {
            [String($0.point), $0.limit.map { PlanReport.formatted($0) } ?? "none", PlanReport.formatted($0.tokens),
             PlanReport.formatted($0.capexUSD), fixed($0.peakFacilityMW, 1), PlanReport.formatted($0.tokensPerSecondPerMWLastQuarter),
             $0.relativeGap.map { fixed($0 * 100, 3) + " %" } ?? "-"]
        }
        out += textTable(header: ["point", "limit \(frontier.axisUnit)", "tokens", "capex USD", "peak facility MW", "tokens/s/MW (last)", "gap"],
                         rows: body, rightAligned: Set(0...6))
        return out
    }
}

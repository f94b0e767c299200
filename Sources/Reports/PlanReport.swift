import Foundation
import Planner
import PlantModel

/// The plan as the files `plan --out DIR` writes and the table it prints.
public enum PlanReport {
    /// `plan.csv`: tidy, one row per quarter × hall × profile.
    public static func planCSV(_ plan: BuildPlan) -> String {
        csvText(
            header: ["quarter", "hall", "profile", "racksNew", "racksTotal", "gpus", "itMW", "liquidMW", "positions", "tokensPerSecond"],
            rows: plan.racks.map {
                [$0.quarter.description, $0.hall, $0.profile, String($0.racksNew), String($0.racksTotal), String($0.gpus),
                 fixed($0.itMW, 4), fixed($0.liquidMW, 4), String($0.positions), fixed($0.tokensPerSecond, 1)]
            })
    }

    /// `bom.csv`: one row per quarter.
    public static func bomCSV(_ plan: BuildPlan) -> String {
        csvText(
            header: ["quarter", "racks", "gpus", "cdus", "switches", "transceivers", "feedsInService", "itMW", "facilityMW"],
            rows: plan.billOfMaterials.map {
                [$0.quarter.description, String($0.racks), String($0.gpus), String($0.cdus), String($0.switches),
                 String($0.transceivers), $0.feedsInService.joined(separator: " "), fixed($0.itMW, 3), fixed($0.facilityMW, 3)]
            })
    }

    /// `plan.json`: everything, machine-readable.
    public static func json(_ plan: BuildPlan) throws -> Data { try stableJSON(plan) }

    /// Writes plan.json, plan.csv and bom.csv into `folder`, each atomically, all rendered first.
    public static func write(_ plan: BuildPlan, to folder: String) throws {
        let files: [(String, Data)] = [
            ("plan.json", try json(plan)),
            ("plan.csv", Data(planCSV(plan).utf8)),
            ("bom.csv", Data(bomCSV(plan).utf8)),
        ]
        try AtomicFile.writeAll(files.map { ((folder as NSString).appendingPathComponent($0.0), $0.1) })
    }

    /// The readable summary printed on stdout.
    public static func table(_ plan: BuildPlan, elapsedSeconds: Double? = nil) -> String {
        var out = "Plan: \(plan.inputs.design) on \(plan.inputs.site)\n"
        out += "Objective \(plan.objective.rawValue): \(formatted(plan.objectiveValue)) \(plan.objectiveUnit)\n"
        out += "Solver: \(plan.solver.status)"
        if let gap = plan.solver.relativeGap { out += ", gap \(fixed(gap * 100, 3)) %" }
        out += ", \(plan.solver.solves) solve(s), \(plan.solver.branchAndBoundNodes) nodes, \(plan.solver.integerVariables) integer / \(plan.solver.continuousVariables) continuous variables, \(plan.solver.constraints) rows"
        if let elapsedSeconds { out += ", \(fixed(elapsedSeconds, 2)) s" }
        out += "\n"
        let c = plan.designCondition
        out += "Design condition: ambient \(fixed(c.effectiveAmbientC, 1)) °C, free-cooling supply \(fixed(c.freeCoolingSupplyC, 1)) °C, rejection capacity \(fixed(c.rejectionCapacityMW, 1)) MW, chillers carry \(fixed(c.liquidChillerShare * 100, 0)) % of liquid heat\n\n"
        out += textTable(
            header: ["quarter", "racks", "GPUs", "IT MW", "facility MW", "grid MW", "PUE", "tokens/s", "tokens/s/MW", "capex USD", "USD/Mtok"],
            rows: plan.quarters.map {
                [$0.quarter.description, String($0.racks), String($0.gpus), fixed($0.itMW, 1), fixed($0.facilityMW, 1),
                 fixed($0.usableGridMW, 0), $0.designPUE.map { fixed($0, 3) } ?? "-", formatted($0.tokensPerSecond),
                 $0.tokensPerSecondPerMW.map(formatted) ?? "-", formatted($0.capexCumulativeUSD),
                 $0.costPerMillionTokensUSD.map { fixed($0, 3) } ?? "-"]
            }, rightAligned: Set(1...10))
        let last = plan.quarters.last?.quarter
        let mix = Dictionary(grouping: plan.racks.filter { $0.quarter == last }, by: \.profile)
            .map { ($0.key, $0.value.reduce(0) { $0 + $1.racksTotal }) }.sorted { $0.0 < $1.0 }
        if !mix.isEmpty {
            out += "\nMix in \(last!): " + mix.map { "\($0.1) × \($0.0)" }.joined(separator: ", ") + "\n"
        }
        let binding = plan.binding.filter { $0.explanation.contains("binding") }
        out += "\nWhat binds (\(binding.count) limits; first quarter each):\n"
        var seen = Set<String>()
        for limit in binding {
            let key = "\(limit.family)|\(limit.subject ?? "")"
            guard seen.insert(key).inserted else { continue }
            out += "  \(limit.explanation)\n"
        }
        if !plan.exclusions.isEmpty {
            out += "\nExcluded:\n" + plan.exclusions.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// Large numbers with thousands separators, small ones with 3 decimals.
    static func formatted(_ value: Double) -> String {
        if abs(value) < 1000 { return fixed(value, abs(value) < 10 ? 3 : 1) }
        let digits = String(Int(value.rounded()))
        var result = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, ch != "-" { result.append(",") }
            result.append(ch)
        }
        return String(result.reversed())
    }
}

import Foundation
import PlantModel
import Plans

/// The plan as the files `plan --out DIR` writes and the table it prints.
public enum PlanReport {
    /// The columns of `plan.csv` (tidy, one row per quarter × hall × profile); the same names as `racks[]`
    /// in `plan.json`.
    public static let rackColumns: [ExportColumn<RackLine>] = [
        ExportColumn("quarter") { $0.quarter.description },
        ExportColumn("hall") { $0.hall },
        ExportColumn("profile") { $0.profile },
        ExportColumn("racksNew") { String($0.racksNew) },
        ExportColumn("racksTotal") { String($0.racksTotal) },
        ExportColumn("racksRetired") { String($0.racksRetired ?? 0) },
        ExportColumn("gpus") { String($0.gpus) },
        ExportColumn("itMW") { NumberText.fixed($0.itMW, 4) },
        ExportColumn("liquidMW") { NumberText.fixed($0.liquidMW, 4) },
        ExportColumn("positions") { String($0.positions) },
        ExportColumn("tokensPerSecond") { NumberText.fixed($0.tokensPerSecond, 1) },
    ]

    /// The columns of `quarters.csv` (one row per quarter); the same names as `billOfMaterials[]` in `plan.json`.
    public static let quarterEquipmentColumns: [ExportColumn<BillOfMaterials>] = [
        ExportColumn("quarter") { $0.quarter.description },
        ExportColumn("racks") { String($0.racks) },
        ExportColumn("gpus") { String($0.gpus) },
        ExportColumn("cdus") { String($0.cdus) },
        ExportColumn("switches") { String($0.switches) },
        ExportColumn("transceivers") { String($0.transceivers) },
        ExportColumn("feedsInService") { $0.feedsInService.joined(separator: " ") },
        ExportColumn("itMW") { NumberText.fixed($0.itMW, 3) },
        ExportColumn("facilityMW") { NumberText.fixed($0.facilityMW, 3) },
    ]

    /// The columns of `bom.csv` (tidy, one row per quarter × item); the same names as `purchases[]` in `plan.json`.
    public static let purchaseColumns: [ExportColumn<PurchaseLine>] = [
        ExportColumn("quarter") { $0.quarter.description },
        ExportColumn("item") { $0.item },
        ExportColumn("unit") { $0.unit },
        ExportColumn("new") { NumberText.plain($0.new) },
        ExportColumn("inService") { NumberText.plain($0.inService) },
        ExportColumn("unitCapexUSD") { $0.unitCapexUSD.map(NumberText.dollars) ?? "" },
        ExportColumn("capexUSD") { $0.capexUSD.map(NumberText.dollars) ?? "" },
    ]

    /// The columns of `cashflow.csv` (one row per quarter); the same names as `cashflow[]` in `plan.json`.
    public static let cashflowColumns: [ExportColumn<CashflowLine>] = [
        ExportColumn("quarter") { $0.quarter.description },
        ExportColumn("rackCapexUSD") { NumberText.dollars($0.rackCapexUSD) },
        ExportColumn("fabricCapexUSD") { NumberText.dollars($0.fabricCapexUSD ?? 0) },
        ExportColumn("retirementUSD") { NumberText.dollars($0.retirementUSD) },
        ExportColumn("facilityCapexUSD") { NumberText.dollars($0.facilityCapexUSD) },
        ExportColumn("energyUSD") { NumberText.dollars($0.energyUSD) },
        ExportColumn("opexUSD") { NumberText.dollars($0.opexUSD) },
        // The sum of the row's cells as written, so that it adds up by hand to the cent.
        ExportColumn("totalUSD") { NumberText.dollars($0.partsUSD.reduce(0) { $0 + NumberText.centsRounded($1) }) },
    ]

    /// The columns of `buildnext.csv`: the "What to build next" ranking, every priced limit (`rank` 1, 2, …), then those whose
    /// option is worth nothing alone (no `rank`, `note` says so), then those nothing in the inputs prices (no `rank`,
    /// `missingPrice` says what would).
    public static let buildNextColumns: [ExportColumn<BuildNext.Row>] = [
        ExportColumn("rank") { $0.rank.map(String.init) ?? "" },
        ExportColumn("family") { $0.family.rawValue },
        ExportColumn("limit") { LimitText.limitName($0.family, subject: nil, quarter: nil) },
        ExportColumn("subject") { $0.subject ?? "" },
        ExportColumn("fromQuarter") { $0.relief?.quarter.description ?? $0.quarter?.description ?? "" },
        ExportColumn("throughQuarter") { $0.relief?.through.description ?? "" },
        ExportColumn("unit") { $0.relief.map { LimitText.one($0.unit) } ?? "" },
        ExportColumn("value") { $0.relief.map { NumberText.plain($0.value) } ?? "" },
        ExportColumn("valueUnit") { $0.relief == nil ? "" : $0.valueUnit },
        ExportColumn("priceUSD") { $0.relief.map { NumberText.dollars($0.priceUSD) } ?? "" },
        ExportColumn("option") { $0.relief?.option ?? "" },
        ExportColumn("valuePerUSD") { $0.relief.map { NumberText.significant($0.marginalRatio, 6) } ?? "" },
        ExportColumn("optionUnits") { $0.relief.map { NumberText.plain($0.optionUnits) } ?? "" },
        ExportColumn("optionCapexUSD") { $0.relief.map { NumberText.dollars($0.optionCapexUSD) } ?? "" },
        ExportColumn("optionValue") { $0.relief?.optionValue.map { NumberText.plain($0) } ?? "" },
        ExportColumn("optionValuePerUSD") { r in r.relief.flatMap { x in x.optionValue.map { _ in NumberText.significant(x.ratio, 6) } } ?? "" },
        ExportColumn("missingPrice") { $0.missing ?? "" },
        ExportColumn("note") { $0.note ?? "" },
    ]

    /// The columns of the quarter table printed by `plan`.
    static let quarterColumns: [ExportColumn<QuarterMetrics>] = [
        ExportColumn("quarter") { $0.quarter.description },
        ExportColumn("racks") { String($0.racks) },
        ExportColumn("GPUs") { String($0.gpus) },
        ExportColumn("IT MW") { NumberText.fixed($0.itMW, 1) },
        ExportColumn("facility MW") { NumberText.fixed($0.facilityMW, 1) },
        ExportColumn("usable grid MW") { NumberText.fixed($0.usableGridMW, 0) },
        ExportColumn("PUE") { $0.designPUE.map { NumberText.fixed($0, 3) } ?? "-" },
        ExportColumn("tokens/s") { NumberText.whole($0.tokensPerSecond) },
        ExportColumn("tokens/s/MW") { $0.tokensPerSecondPerMW.map(NumberText.grouped) ?? "-" },
        ExportColumn("rack capex to date USD") { NumberText.whole($0.capexCumulativeUSD) },
        ExportColumn("USD/Mtok") { $0.costPerMillionTokensUSD.map { NumberText.fixed($0, 3) } ?? "-" },
        ExportColumn("at util.") { $0.utilization.map { "\(NumberText.fixed($0 * 100, 0)) %" } ?? "full load" },
    ]

    /// `plan.csv`.
    public static func planCSV(_ plan: BuildPlan) -> String { csvText(rackColumns, plan.racks) }

    /// `bom.csv`: what to buy each quarter, item by item.
    public static func bomCSV(_ plan: BuildPlan) -> String { csvText(purchaseColumns, plan.purchases ?? []) }

    /// `quarters.csv`: equipment and power in service per quarter.
    public static func quartersCSV(_ plan: BuildPlan) -> String { csvText(quarterEquipmentColumns, plan.billOfMaterials) }

    /// `cashflow.csv`: capex and running costs per quarter.
    public static func cashflowCSV(_ plan: BuildPlan) -> String { csvText(cashflowColumns, plan.cashflow ?? []) }

    /// `buildnext.csv`: the ranking `plan` prints under "What to build next", every line of it; only the header without one.
    public static func buildNextCSV(_ next: BuildNext?) -> String { csvText(buildNextColumns, next?.rows ?? []) }

    /// `plan.json`: everything, machine-readable.
    public static func json(_ plan: BuildPlan) throws -> Data { try stableJSON(plan) }

    /// The files `plan --out DIR` writes, in manifest order.
    public static let fileNames = ["plan.json", "plan.csv", "bom.csv", "quarters.csv", "cashflow.csv", "buildnext.csv"]

    /// The contents of ``fileNames``, the ranking `buildNext` in buildnext.csv.
    public static func files(_ plan: BuildPlan, buildNext: BuildNext?) throws -> [(name: String, data: Data)] {
        [("plan.json", try json(plan)), ("plan.csv", Data(planCSV(plan).utf8)), ("bom.csv", Data(bomCSV(plan).utf8)),
         ("quarters.csv", Data(quartersCSV(plan).utf8)), ("cashflow.csv", Data(cashflowCSV(plan).utf8)),
         ("buildnext.csv", Data(buildNextCSV(buildNext).utf8))]
    }

    /// Writes plan.json, plan.csv, bom.csv, quarters.csv, cashflow.csv and buildnext.csv (the ranking `buildNext`, the header
    /// alone for `nil`) into
    /// `folder` as one ``OutputSet`` (command `plan`, with `manifest.json`), all rendered before the first is written.
    public static func write(_ plan: BuildPlan, buildNext: BuildNext?, to folder: String) throws {
        let files = try files(plan, buildNext: buildNext)
        let set = try OutputSet(folder: folder, names: fileNames, command: "plan", inputsDigest: plan.inputs.digest)
        for file in files { try set.write(file.name, file.data) }
        try set.commit()
    }

    /// "Built: 2026Q4 4 × hybrid-hall; 2028Q1 feed feed-c; 2028Q2 2 plant modules; 2028Q3 1 power block in hybrid-hall-2;
    /// 2028Q3 battery to 12.5 MWh, 75 MW":
    /// what the plan builds, quarter by
    /// quarter; `nil` when nothing has a build option.
    static func facilityText(_ plan: BuildPlan) -> String? {
        guard let builds = plan.facilityBuilds else { return nil }
        // By quarter, then in the design's and site's order.
        let entering = builds.enumerated().filter { $0.element.new > 0 || ($0.element.newEnergyMWh ?? 0) > 0 || ($0.element.newPowerMW ?? 0) > 0 }
            .sorted { ($0.element.quarter, $0.offset) < ($1.element.quarter, $1.offset) }.map(\.element).map { b in
            switch b.kind {
            case .hall: "\(b.quarter) \(b.new) × \(b.name)"
            case .feed: "\(b.quarter) feed \(b.name)"
            case .plantModule: "\(b.quarter) \(b.new) plant module\(b.new == 1 ? "" : "s")"
            case .chillerModule: "\(b.quarter) \(b.new) chiller module\(b.new == 1 ? "" : "s")"
            case .powerBlock: "\(b.quarter) \(b.new) power block\(b.new == 1 ? "" : "s") in \(b.name)"
            case .battery: "\(b.quarter) battery to \(NumberText.amount(b.energyMWh ?? 0)) MWh, \(NumberText.amount(b.powerMW ?? 0)) MW"
            }
        }
        return "Built: " + (entering.isEmpty ? "nothing" : entering.joined(separator: "; ")) + "\n"
    }

    /// "Fabric ports bought (priced apart from the racks): 2027Q1 24,160 ports, $102,619,600": the host ports priced fabrics
    /// add, quarter by quarter (bom.csv's `fabric ports` lines); `nil` without priced fabrics.
    static func fabricText(_ plan: BuildPlan) -> String? {
        guard plan.quarters.contains(where: { $0.fabricCapexNewUSD != nil }) else { return nil }
        let lines = (plan.purchases ?? []).filter { $0.item.hasPrefix("fabric ports ") && $0.new > 0 }
        let quarters = Array(Set(lines.map(\.quarter))).sorted()
        let bought = quarters.map { q in
            let mine = lines.filter { $0.quarter == q }
            return "\(q) \(NumberText.whole(mine.reduce(0) { $0 + $1.new })) ports, $\(NumberText.whole(mine.reduce(0) { $0 + ($1.capexUSD ?? 0) }))"
        }
        return "Fabric ports bought (priced apart from the racks): " + (bought.isEmpty ? "none" : bought.joined(separator: "; ")) + "\n"
    }

    /// Where a plan ends short of the gap asked because a solve ran out of time, what was asked and which limit stopped it:
    /// "0.1 % asked; a solve reached its time limit, 2 s: give it more with --time-limit, or ask a larger --gap"; `nil`
    /// otherwise.
    public static func gapShortfall(_ solver: SolverFacts) -> String? {
        // Gaps are written rounded to 1e-9; a gap that close to the one asked met it.
        // Only where a solve ran out of time: a ratio objective's Dinkelbach steps may end their gap above the one asked.
        guard let asked = solver.requestedGap, let gap = solver.relativeGap, gap > asked + 1e-9, solver.reachedTimeLimit == true else { return nil }
        let asking = "\(NumberText.significant(asked * 100, 4)) % asked; "
        func seconds(_ s: Double?) -> String { s.map { ", \(NumberText.significant($0, 4)) s" } ?? "" }
        if solver.reachedTimeBudget == true {
            return asking + "the run reached its time budget\(seconds(solver.timeBudgetSeconds)): give it more with --time-budget, or ask a larger --gap"
        }
        return asking + "a solve reached its time limit\(seconds(solver.timeLimitSeconds)): give it more with --time-limit, or ask a larger --gap"
    }

    /// The readable summary printed on stdout, with the "What to build next" paragraph when `buildNext` is given.
    public static func table(_ plan: BuildPlan, elapsedSeconds: Double? = nil, buildNext: BuildNext? = nil) -> String {
        var out = "Plan: \(plan.inputs.design) on \(plan.inputs.site)\n"
        out += "Objective \(plan.objective.rawValue): \(NumberText.grouped(plan.objectiveValue)) \(plan.objectiveUnit)"
        if plan.objective == .costPerToken, let utilization = plan.quarters.last?.utilization {
            out += " served at \(NumberText.fixed(utilization * 100, 0)) % utilization"
        }
        // Max-tokens counts tokens at full load (the racks' rated throughput); the cost figures count those served.
        if plan.objective == .maxTokens, let utilization = plan.quarters.last?.utilization {
            out += " at full load, \(NumberText.significant(plan.objectiveValue * utilization, 4)) served at \(NumberText.fixed(utilization * 100, 0)) % utilization"
        }
        out += "\n"
        out += "Solver: \(plan.solver.status)"
        if let gap = plan.solver.relativeGap { out += ", gap \(NumberText.fixed(gap * 100, 3)) %" + (gapShortfall(plan.solver).map { " (\($0))" } ?? "") }
        out += ", \(plan.solver.solves) solve(s), \(plan.solver.branchAndBoundNodes) nodes, \(plan.solver.integerVariables) integer / \(plan.solver.continuousVariables) continuous variables, \(plan.solver.constraints) rows"
        if let elapsedSeconds { out += ", \(NumberText.fixed(elapsedSeconds, 2)) s" }
        out += "\n"
        let c = plan.designCondition
        if let basis = c.designBasis { out += "Design basis: \(basis)\n" }
        out += "Design condition: ambient \(NumberText.fixed(c.effectiveAmbientC, 1)) °C; at full fan the plant holds the set-point "
            + "for \(NumberText.fixed(c.rejectionCapacityMW, 1)) MW of its water stream"
            + (c.chillerCreditMW.map { credit in
                // The chillers carry s × stream − credit: nothing up to credit / s, then s of each further MW.
                ", chillers carry \(NumberText.fixed(c.liquidChillerShare * 100, 0)) % of each MW beyond "
                    + "\(NumberText.fixed(c.liquidChillerShare > 0 ? credit / c.liquidChillerShare : 0, 1)) MW" } ?? "")
            + (c.economizerAirC.map { "; economizer air \(NumberText.fixed($0, 1)) °C" } ?? "") + "\n\n"
        out += textTable(header: quarterColumns.map(\.name), rows: plan.quarters.map { q in quarterColumns.map { $0.text(q) } },
                         rightAligned: Set(1..<quarterColumns.count))
        let last = plan.quarters.last?.quarter
        let mix = Dictionary(grouping: plan.racks.filter { $0.quarter == last }, by: \.profile)
            .map { ($0.key, $0.value.reduce(0) { $0 + $1.racksTotal }) }.sorted { $0.0 < $1.0 }
        if !mix.isEmpty {
            out += "\nMix in \(last!): " + mix.map { "\($0.1) × \($0.0)" }.joined(separator: ", ") + "\n"
        }
        if let built = facilityText(plan) { out += built }
        if let fabric = fabricText(plan) { out += fabric }
        let cost = horizonCostPerMillionTokensUSD(plan)
        // Binding limits, and those near their limit that the LP relaxation values (a rack unit does not fit in what is left):
        // the ones "What to build next" ranks.
        // Each at its first such quarter, and at the quarter it is priced highest where that is another.
        let utilization = plan.quarters.last?.utilization
        let lines = LimitText.firstAndPeak(plan.binding.filter { $0.state == .binding || $0.shadowPrice != 0 }).map { first, peak in
            "  \(LimitText.explanation(first, costPerMillionTokensUSD: cost, utilization: utilization, objectiveValue: plan.objectiveValue))"
                + LimitText.peak(peak, after: first, costPerMillionTokensUSD: cost, utilization: utilization, objectiveValue: plan.objectiveValue)
                + "\n"
        }
        out += "\nWhat binds (\(lines.count) limits; each from the first quarter it binds or has a price, and the quarter it is priced highest where that is later):\n"
            + lines.joined()
        if let next = buildNext?.text, !next.isEmpty { out += "\n" + next }
        if !plan.exclusions.isEmpty {
            out += "\nExcluded:\n" + plan.exclusions.map { "  \($0)\n" }.joined()
        }
        return out
    }

    /// The plan's cost per million tokens over the horizon. Under `cost-per-token` it is the objective: the horizon's cost
    /// (quarters without tokens included) over its tokens served. Otherwise each quarter's cost (its cost per million tokens ×
    /// its tokens) summed, over the horizon's tokens, which leaves out what a quarter without tokens costs; `nil` without
    /// tokens.
    static func horizonCostPerMillionTokensUSD(_ plan: BuildPlan) -> Double? {
        if plan.objective == .costPerToken, plan.objectiveValue.isFinite, plan.objectiveValue > 0 { return plan.objectiveValue }
        var cost = 0.0, tokens = 0.0
        for q in plan.quarters {
            guard let c = q.costPerMillionTokensUSD else { continue }
            cost += c * q.tokensPerSecond
            tokens += q.tokensPerSecond
        }
        return tokens > 0 ? cost / tokens : nil
    }
}

import Planner
import PlantModel
import Plans
import Twin

/// `tokenplant report`'s page: one self-contained HTML file (inline CSS and SVG, no script, no URL) with the
/// plan's key figures, its charts and the sources of the catalog figures it used. The same content gives the
/// same bytes: no dates, fixed number formats, everything in the plan's or the catalog's order.
public enum PlanReportPage {
    /// The page's style: readable on screen, on A4 and Letter paper (a page per section, charts to the width).
    static let css = """
    body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #111; background: #fff; max-width: 920px; margin: 24px auto; padding: 0 16px; line-height: 1.4; }
    h1 { font-size: 22px; margin: 0 0 6px; }
    h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 3px; border-bottom: 1.5px solid #555; }
    p { margin: 6px 0; font-size: 14px; }
    p.note, ul.note { font-size: 12.5px; color: #333; }
    figure { margin: 10px 0 18px; break-inside: avoid; }
    figcaption { font-size: 12.5px; color: #333; margin-top: 2px; }
    svg { display: block; width: 100%; height: auto; }
    svg text { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; fill: #111; }
    .chart-title { font-size: 15px; font-weight: bold; }
    .tick { font-size: 11px; }
    .axis-label, .legend { font-size: 12px; }
    .value { font-size: 11px; }
    .small { font-size: 10px; }
    .grid { stroke: #d9d9d9; stroke-width: 1; }
    .axis { stroke: #333; stroke-width: 1; fill: none; }
    table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 6px 0 14px; }
    th, td { text-align: left; padding: 3px 8px 3px 0; border-bottom: 1px solid #ccc; vertical-align: top; }
    th { border-bottom: 1.5px solid #555; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    @page { margin: 14mm 12mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; }
      section { break-before: page; }
      section.first { break-before: auto; }
      h2 { break-after: avoid; }
      tr, figure { break-inside: avoid; }
    }
    """

    /// The page for `content`.
    public static func html(_ content: PlanReportContent) -> String {
        let plan = content.plan
        let lastYear = content.firstYear + content.years - 1
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(esc("\(plan.inputs.design) on \(plan.inputs.site): TokenPlant report"))</title>\n"
        out += "<style>\n\(css)\n</style>\n</head>\n<body>\n"
        out += "<section class=\"first\">\n<h1>\(esc(plan.inputs.design)) on \(esc(plan.inputs.site))</h1>\n"
        out += paragraph(intro(content, lastYear: lastYear))
        out += "<h2>Key figures</h2>\n" + keyFigures(content) + "</section>\n"

        let buildOut = BuildOut(plan: plan, design: content.design, site: content.site, catalog: content.catalog)
        out += "<section>\n<h2>Build-out by quarter</h2>\n"
        out += figure(buildOut.chart.svg(id: "buildout"),
                      caption: "IT power at full load (racks with their in-rack network, and the scale-out fabric) stacked by GPU generation, from the plan's racks × the catalog's rack power. "
                        + "Each limit is drawn as the IT power it would allow at that quarter's rack mix at the design condition: its capacity × IT MW ÷ what the quarter's racks use of it "
                        + "(facility MW for the grid, rack and in-rack network MW for the hall power paths, \(buildOut.plantHasChillers ? "chiller load" : "heat in the plant's water stream") for the plant). "
                        + "Quarters without racks have no mix, so no limit points.")
        if let built = PlanReport.facilityText(plan) { out += paragraph(built.trimmingCharacters(in: .newlines)) }
        out += "</section>\n"

        out += "<section>\n<h2>Headroom hour by hour, \(lastYear)</h2>\n"
        out += paragraph("Every hour of \(lastYear), the last year simulated, from the digital twin: one column per day, one row per hour of the day (local standard time). "
                         + "Dark is little headroom, light is much; black is an hour short of power or cooling.")
        out += figure(heatMap(content.hours, values: content.hours.powerHeadroomMW,
                              title: "Power headroom \(lastYear): usable grid capacity − grid draw (MW)", id: "power-headroom"),
                      caption: "Usable grid capacity after the feed redundancy rule and this hour's outages, less the facility's draw from the grid (battery charging included). "
                        + minimum("power", content.summary.minPowerHeadroomMW, content.summary.minPowerHeadroomAt, over: content))
        out += figure(heatMap(content.hours, values: content.hours.thermalHeadroomMW,
                              title: "Thermal headroom \(lastYear): heat the plant can still take (MW)", id: "thermal-headroom"),
                      caption: "The twin's thermal headroom at this hour's weather: the smaller of what the plant and chillers could still carry of the water stream with the supply at its limit, and the chiller capacity left for chilled air (negative where the economizer cannot keep the hall air within the racks' inlet limit). "
                        + minimum("thermal", content.summary.minThermalHeadroomMW, content.summary.minThermalHeadroomAt, over: content))
        out += "</section>\n"

        out += "<section>\n<h2>Month by month, \(lastYear)</h2>\n"
        let h = content.hours
        out += figure(MonthlyChart(title: "PUE by month, \(lastYear) (grid energy ÷ IT energy)", values: h.monthlyPUE, yLabel: "PUE",
                                   decimals: 3, fromZero: false).svg(id: "monthly-pue", width: 860, plotHeight: 130), caption: nil)
        out += figure(MonthlyChart(title: "WUE by month, \(lastYear) (site water ÷ IT energy)", values: h.monthlyWUE, yLabel: "WUE (L/kWh)",
                                   decimals: 3).svg(id: "monthly-wue", width: 860, plotHeight: 130, style: SeriesStyle.area(2)), caption: nil)
        out += figure(MonthlyChart(title: "Water by month, \(lastYear) (thousand m³)", values: h.waterM3.map { $0 / 1000 },
                                   yLabel: "water (1000 m³)", decimals: 1).svg(id: "monthly-water", width: 860, plotHeight: 130, style: SeriesStyle.area(0)),
                      caption: "PUE as ISO/IEC 30134-2 (energy ratio), WUE as ISO/IEC 30134-9 (L of site water per kWh of IT energy); water is what the twin counts for the heat rejection each hour (evaporation on adiabatic pads or in towers).")
        let throttled = h.limitHours.reduce(0, +)
        if throttled > 0 {
            out += figure(BarChart(title: "Hours each limit capped the GPUs, \(lastYear)", labels: ReportHours.limitOrder.map(limitWords),
                                   values: h.limitHours.map(Double.init), unit: "h").svg(id: "limit-hours"),
                          caption: "The limit that cost the most tokens in each throttled hour.")
        } else {
            out += paragraph("No hour of \(lastYear) was throttled: the GPUs always ran at the demanded utilization.")
        }
        out += "</section>\n"

        out += "<section>\n<h2>What binds, quarter by quarter</h2>\n" + bindingSection(plan) + "</section>\n"
        out += "<section>\n<h2>Pareto frontier</h2>\n" + paretoSection(content.pareto) + "</section>\n"
        out += "<section>\n<h2>Sources of the catalog figures used</h2>\n" + sourcesSection(content) + "</section>\n"
        return out + "</body>\n</html>\n"
    }

    static func esc(_ s: String) -> String { Markup.escape(s) }
    /// A count with thousands separators (`22,464`).
    static func count(_ n: Int) -> String { abs(n) < 1000 ? String(n) : NumberText.grouped(Double(n)) }
    /// A catalog figure: thousands grouped from 1,000 on, else up to 3 decimals.
    static func figureValue(_ v: Double) -> String { abs(v) >= 1000 ? NumberText.grouped(v) : NumberText.amount(v) }
    static func paragraph(_ text: String, note: Bool = false) -> String { "<p\(note ? " class=\"note\"" : "")>\(esc(text))</p>\n" }
    static func figure(_ svg: String, caption: String?) -> String {
        "<figure>\n\(svg)\n" + (caption.map { "<figcaption>\(esc($0))</figcaption>\n" } ?? "") + "</figure>\n"
    }

    static func intro(_ content: PlanReportContent, lastYear: Int) -> String {
        let plan = content.plan
        var text = "Plan: \(content.planSource), objective \(plan.objective.rawValue), solver \(plan.solver.status.rawValue)"
        if let gap = plan.solver.relativeGap {
            text += " (gap \(NumberText.fixed(gap * 100, 3)) %" + (PlanReport.gapShortfall(plan.solver).map { "; \($0)" } ?? "") + ")"
        }
        text += ", \(plan.quarters.first.map(\.quarter.description) ?? "")–\(plan.quarters.last.map(\.quarter.description) ?? ""). "
        text += "Design condition: \(NumberText.fixed(plan.designCondition.effectiveAmbientC, 1)) °C effective ambient"
        if let basis = plan.designCondition.designBasis { text += " (\(basis))" }
        text += ". Simulated \(content.firstYear)"
        text += content.years > 1 ? "–\(lastYear) (\(content.years) years)" : ""
        text += " on \(content.weather)."
        return text
    }

    /// The label and value rows of the key-figures table.
    static func keyFigures(_ content: PlanReportContent) -> String {
        let plan = content.plan, s = content.summary
        guard let last = plan.quarters.last else { return paragraph("The plan has no quarters.") }
        let q = last.quarter.description
        let span = content.years > 1 ? "\(content.firstYear)–\(content.firstYear + content.years - 1)" : "\(content.firstYear)"
        var rows: [(String, String, String)] = []
        rows.append(("IT power at full load", "\(NumberText.fixed(last.itMW, 1)) MW", "plan, \(q)"))
        rows.append(("Facility power at full load and design ambient", "\(NumberText.fixed(last.facilityMW, 1)) MW", "plan, \(q)"))
        for (generation, racks, gpus) in fleetByGeneration(content) {
            rows.append(("Racks and GPUs, \(generation)", "\(count(racks)) racks, \(count(gpus)) GPUs", "plan, \(q)"))
        }
        rows.append(("Tokens/s at full load", NumberText.grouped(last.tokensPerSecond), "plan, \(q)"))
        if let perMW = last.tokensPerSecondPerMW {
            rows.append(("Tokens/s per facility MW at full load", NumberText.grouped(perMW), "plan, \(q)"))
        }
        let seconds = Double(s.hours) * 3600
        rows.append(("Tokens/s served, mean", NumberText.grouped(s.tokens / max(1, seconds)), "simulated \(span)"))
        if let perMWh = s.tokensPerMWh {
            rows.append(("Tokens/s served per facility MW, mean", NumberText.grouped(perMWh / 3600), "simulated \(span): tokens ÷ grid energy"))
        }
        rows.append(("PUE", s.pue.map { NumberText.fixed($0, 3) } ?? "n/a", "simulated \(span): grid energy ÷ IT energy"))
        rows.append(("WUE", s.wueLPerKWh.map { NumberText.fixed($0, 3) + " L/kWh" } ?? "n/a", "simulated \(span): site water ÷ IT energy"))
        rows.append(("Water", NumberText.grouped(s.waterM3PerYear) + " m³/yr", "simulated \(span)"))
        rows.append(("CO₂", s.co2TonnesPerYear.map { NumberText.grouped($0) + " t/yr" } ?? "n/a (the site gives no grid carbon intensity)",
                     "simulated \(span): grid energy × the site's carbon intensity"))
        rows.append(("Rack capex, cumulative", NumberText.grouped(last.capexCumulativeUSD) + " USD", "plan, \(q): racks bought since the horizon began"))
        if content.plan.quarters.contains(where: { $0.fabricCapexNewUSD != nil }) {
            let fabric = content.plan.quarters.filter { $0.quarter <= last.quarter }.reduce(0) { $0 + ($1.fabricCapexNewUSD ?? 0) }
            rows.append(("Fabric capex, cumulative", NumberText.grouped(fabric) + " USD",
                         "plan, \(q): host ports the priced fabrics added, at their switches and transceivers per port"))
        }
        if let lines = content.plan.cashflow, !lines.isEmpty {
            let facility = lines.filter { $0.quarter <= last.quarter }.reduce(0) { $0 + $1.facilityCapexUSD }
            rows.append(("Facility capex, cumulative", NumberText.grouped(facility) + " USD",
                         "cashflow.csv through \(q): given halls entering service in the horizon at economics.facilityCapexUSDPerMW, and what the plan builds (halls, feeds, modules, power blocks, battery) as paid over its lead time"))
        }
        let utilization = content.hours.utilizationServed.map { NumberText.fixed($0 * 100, 1) + " %" } ?? "n/a"
        rows.append(("Cost per million tokens served", s.costPerMillionTokensUSD.map { NumberText.fixed($0, 4) + " USD" } ?? "n/a",
                     "simulated \(span) at \(utilization) utilization served (tokens served ÷ the fleet's full-load tokens): energy + annualized rack and facility capex + facility opex"))
        if let cost = last.costPerMillionTokensUSD {
            let at = last.utilization.map { "at the design's \(NumberText.fixed($0 * 100, 0)) % mean utilization" } ?? "at full load"
            rows.append(("Cost per million tokens, planned", NumberText.fixed(cost, 4) + " USD", "plan, \(q), \(at)"))
        }
        rows.append(("Throttled hours", "\(count(s.throttledHours)) of \(count(s.hours)) h", "simulated \(span)"))
        rows.append(("Unserved hours (load the site cannot carry even with idle GPUs)", "\(count(s.unservedHours)) h", "simulated \(span)"))
        rows.append(("Minimum power headroom", s.minPowerHeadroomMW.map { NumberText.fixed($0, 1) + " MW" } ?? "n/a",
                     "simulated \(span)" + (s.minPowerHeadroomAt.map { ", at \($0)" } ?? "")))
        rows.append(("Minimum thermal headroom", s.minThermalHeadroomMW.map { NumberText.fixed($0, 1) + " MW" } ?? "n/a",
                     "simulated \(span)" + (s.minThermalHeadroomAt.map { ", at \($0)" } ?? "")))
        return table(header: ["figure", "value", "from"], rows: rows.map { [$0.0, $0.1, $0.2] }, numeric: [1])
    }

    /// Racks and GPUs of the last quarter by generation, in catalog order.
    static func fleetByGeneration(_ content: PlanReportContent) -> [(String, Int, Int)] {
        guard let last = content.plan.quarters.last?.quarter else { return [] }
        var out: [(String, Int, Int)] = []
        for p in content.catalog.profiles {
            let lines = content.plan.racks.filter { $0.quarter == last && $0.profile == p.id }
            let racks = lines.reduce(0) { $0 + $1.racksTotal }, gpus = lines.reduce(0) { $0 + $1.gpus }
            guard racks > 0 else { continue }
            if let i = out.firstIndex(where: { $0.0 == p.generation }) {
                out[i] = (p.generation, out[i].1 + racks, out[i].2 + gpus)
            } else {
                out.append((p.generation, racks, gpus))
            }
        }
        return out
    }

    static func table(header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "<table>\n<thead><tr>" + header.enumerated().map { numeric.contains($0.offset) ? "<th class=\"num\">\(esc($0.element))</th>" : "<th>\(esc($0.element))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { numeric.contains($0.offset) ? "<td class=\"num\">\(esc($0.element))</td>" : "<td>\(esc($0.element))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func minimum(_ kind: String, _ value: Double?, _ at: String?, over content: PlanReportContent) -> String {
        guard let value else { return "" }
        let span = content.years > 1 ? "over \(content.firstYear)–\(content.firstYear + content.years - 1)" : "over \(content.firstYear)"
        return "Lowest \(kind) headroom \(span): \(NumberText.fixed(value, 1)) MW" + (at.map { " at \($0)" } ?? "") + "."
    }

    static func heatMap(_ hours: ReportHours, values: [[Double]], title: String, id: String) -> String {
        var xTicks: [(index: Int, text: String)] = []
        for (day, month) in hours.dayMonths.enumerated() where day == 0 || hours.dayMonths[day - 1] != month {
            xTicks.append((day, MonthlyChart.monthNames[month - 1]))
        }
        let yTicks = [0, 6, 12, 18, 23].map { (index: $0, text: ($0 < 10 ? "0" : "") + "\($0):00") }
        return HeatMapChart(title: title, values: values, xLabel: "day of the year (ticks at the first of each month)",
                            yLabel: "hour of day", xTicks: xTicks, yTicks: yTicks, unit: "MW").svg(id: id)
    }

    static func limitWords(_ limit: ThrottleLimit) -> String {
        switch limit {
        case .power: "site power (grid and battery)"
        case .thermal: "outdoor plant (heat rejection, chillers)"
        case .hallPower: "a hall's power paths"
        case .cdu: "a hall's CDUs"
        case .air: "a hall's air handlers"
        }
    }

    /// The timeline of binding limit families and, under it, each limit in words in the first quarter it binds (and the
    /// quarter it is priced highest, where that is later).
    static func bindingSection(_ plan: BuildPlan) -> String {
        let capacity = plan.binding.filter { $0.family.isListedInBinding }
        guard !capacity.isEmpty else { return paragraph("No capacity limit binds or is priced: the plan has room in every quarter.") }
        var families: [ConstraintFamily] = []
        for limit in capacity where !families.contains(limit.family) { families.append(limit.family) }
        let quarters = plan.quarters.map(\.quarter)
        let rows = families.map { family in
            TimelineChart.Row(name: family.words, cells: quarters.map { q in
                let here = capacity.filter { $0.family == family && ($0.quarter == nil || $0.quarter == q) }
                if here.contains(where: { $0.state == .binding }) { return .binding }
                return here.isEmpty ? nil : .nearLimit
            })
        }
        var out = figure(TimelineChart(title: "Binding limits by quarter", columns: quarters.map(\.description), xLabel: "quarter", rows: rows)
                            .svg(id: "binding"),
                         caption: "A limit without a quarter (the capex budget) covers the whole horizon. Shadow prices come from the LP relaxation of the final model.")
        let items = LimitText.firstAndPeak(capacity).map { first, peak in
            let text = LimitText.explanation(first, objectiveValue: plan.objectiveValue)
                + LimitText.peak(peak, after: first, objectiveValue: plan.objectiveValue)
            return "<li>\(esc(text))</li>"
        }
        out += "<p class=\"note\">Each limit in the first quarter it appears, and the quarter it is priced highest where that is later:</p>\n<ul class=\"note\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
        return out
    }

    static func paretoSection(_ frontier: ParetoFrontier?) -> String {
        guard let frontier, !frontier.points.isEmpty else {
            return paragraph("No Pareto frontier: give --pareto DIR/pareto.json from `tokenplant plan DESIGN --pareto N --out DIR` to draw one.")
        }
        let capex = frontier.axis == .capex
        let points = frontier.points.map { p in
            (x: capex ? p.capexUSD / 1e9 : p.peakFacilityMW, y: p.tokens / 1e15, label: "\(p.point)")
        }
        let chart = ScatterChart(title: "Tokens over the horizon against \(capex ? "capex" : "peak facility power")", points: points,
                                 xLabel: capex ? "cumulative capex (billion USD)" : "peak facility power (MW)",
                                 yLabel: "tokens over the horizon (10¹⁵)")
        return figure(chart.svg(id: "pareto"),
                      caption: "Each point is the most tokens with \(capex ? "cumulative capex" : "facility power in every quarter") limited to i/N of the unconstrained max-token plan's (point N).")
    }

    /// The figures of every profile the plan installs, with their evidence and sources, and the documents cited.
    static func sourcesSection(_ content: PlanReportContent) -> String {
        let used = content.catalog.profiles.filter { p in content.plan.racks.contains { $0.profile == p.id && $0.racksTotal > 0 } }
        guard !used.isEmpty else { return paragraph("The plan installs no rack, so it uses no catalog figure.") }
        let workloads = content.design.workloadMix.map(\.workload)
        let keys: [(String, String, (RackProfile) -> Double?)] = [
            ("gpusPerRack", "", { Double($0.gpusPerRack) }), ("rackMaxKW", "kW", { $0.rackMaxKW }), ("rackIdleKW", "kW", { $0.rackIdleKW }),
            ("liquidShare", "", { $0.liquidShare }), ("maxCoolantSupplyC", "°C", { $0.maxCoolantSupplyC }),
            ("networkKWPerRack", "kW", { $0.networkKWPerRack }), ("rackPriceUSD", "USD", { $0.rackPriceUSD }),
            ("allInOverheadShare", "", { $0.allInOverheadShare }),
        ]
        var rows: [[String]] = [], cited: [String] = []
        func cite(_ ids: [String]) -> String {
            for id in ids where !cited.contains(id) { cited.append(id) }
            return ids.isEmpty ? "none (see the catalog's note)" : ids.joined(separator: ", ")
        }
        for p in used {
            for (key, unit, value) in keys {
                guard let v = value(p), let source = p.figures[key] else { continue }
                rows.append([p.id, key, figureValue(v) + (unit.isEmpty ? "" : " \(unit)"), source.evidence.rawValue, cite(source.sources), ""])
            }
            for t in p.throughput where workloads.contains(t.workload) {
                let result = t.mlperf.map { "\($0.round) \($0.resultID) \($0.scenario.rawValue)" + ($0.preview ? " preview" : "") + ($0.inferred ? " inferred" : "") } ?? "-"
                rows.append([p.id, "tokens/s per GPU, \(t.workload)", figureValue(t.tokensPerSecondPerGPU) + " (\(t.precision.rawValue))",
                             t.source.evidence.rawValue, cite(t.source.sources), result])
            }
        }
        var out = table(header: ["profile", "figure", "value", "evidence", "sources", "MLPerf result"], rows: rows, numeric: [2])
        let references = cited.compactMap { id in content.catalog.references.first { $0.id == id } }
        if !references.isEmpty {
            out += "<p class=\"note\">Documents cited (the catalog's references):</p>\n"
            out += table(header: ["id", "document", "where", "date"], rows: references.map { [$0.id, $0.title, $0.location, $0.date] })
        }
        return out
    }
}

/// `compare --html`'s page: one self-contained HTML file (the report's style; inline SVG, no script, no URL) with
/// the ranked bar chart of the ranking figure, the table of every planned pair, the pairs without a plan and why,
/// and the workload mixes when they differ.
public enum ComparePage {
    /// The page for `comparison`, ranked by `rankBy`.
    public static func html(_ c: Comparison, rankBy: RankFigure) -> String {
        let esc = Markup.escape
        let ranked = c.rows.filter { $0.rank != nil }
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>TokenPlant comparison</title>\n<style>\n\(PlanReportPage.css)\n\(css)\n</style>\n</head>\n<body>\n"
        out += "<section class=\"first\">\n<h1>TokenPlant comparison: \(c.rows.count) design × site pair(s)</h1>\n"
        out += PlanReportPage.paragraph(CompareReport.tablePreamble(c, rankBy: rankBy).replacingOccurrences(of: "\n", with: " "))
        let weather = c.inputs.weatherBySite.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        out += PlanReportPage.paragraph("Weather: \(weather).", note: true)
        let labels = ranked.map { "\(CompareReport.stem($0.designFile)) on \(CompareReport.stem($0.siteFile))" }
        let chart = BarChart(title: rankBy.title, labels: labels, values: ranked.map { max(0, rankBy.chartValue($0) ?? 0) },
                             unit: rankBy.unit, smallestFirst: !rankBy.higherIsBetter)
        out += PlanReportPage.figure(chart.svg(id: "ranking"), caption: "Pairs with a plan, \(rankBy.words).")
        out += "</section>\n<section>\n<h2>Every planned pair</h2>\n"
        let (header, rows) = CompareReport.tableCells(c)
        out += PlanReportPage.paragraph("The plan's last quarter, at full load and the design condition (capex: the plan's racks):", note: true)
        out += table(header: header, rows: rows, columns: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13])
        out += PlanReportPage.paragraph("The final fleet over the simulated year(s), per year:", note: true)
        out += table(header: header, rows: rows, columns: [0, 1, 2, 10, 11, 12, 14, 15, 16, 17, 18])
        out += PlanReportPage.paragraph("The first facility limit to bind in each plan (a supply allocation or budget when none does):", note: true)
        out += table(header: header, rows: rows, columns: [0, 1, 2, 19])
        let failed = CompareReport.notPlannedLines(c)
        if !failed.isEmpty {
            out += "<h2>Pairs without a plan</h2>\n<ul class=\"note\">\n" + failed.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
        }
        if c.mixesDiffer {
            out += PlanReportPage.paragraph(CompareReport.mixNote)
            out += "<ul class=\"note\">\n" + CompareReport.gpuShareLines(c).map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
        }
        return out + "</section>\n</body>\n</html>\n"
    }

    /// The table's own style on top of the report's: names kept on one line.
    static let css = "td.name { white-space: nowrap; }"

    /// An HTML table of `columns` of the table cells; numeric columns right-aligned, names unbroken.
    static func table(header: [String], rows: [[String]], columns: [Int]) -> String {
        func cssClass(_ i: Int) -> String {
            CompareReport.numericColumns.contains(i) ? " class=\"num\"" : (i == 1 || i == 2 ? " class=\"name\"" : "")
        }
        var out = "<table>\n<tr>" + columns.map { "<th\(cssClass($0))>\(Markup.escape(header[$0]))</th>" }.joined() + "</tr>\n"
        for row in rows {
            out += "<tr>" + columns.map { "<td\(cssClass($0))>\(Markup.escape(row[$0]))</td>" }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }
}

import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `tokenplant report` run as a user runs it, on the bundled example (default site, Phoenix): with Phoenix's
/// TMY3 file from ../shared when it is there, else one synthetic year, so the tests run in a bare clone too.
enum ReportRun {
    static let design = "reference-designs/gb300-nvl72-hybrid.yaml"
    static let phoenix = TokenPlantCLI.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/weather/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw")
    static var weatherArguments: [String] {
        FileManager.default.fileExists(atPath: phoenix.path) ? ["--weather", phoenix.path] : ["--years", "1"]
    }
    /// Hours of the year shown: the EPW's data rows (its lines less the 8 header lines), else a synthetic 2026 (365 days).
    static var expectedHours: Int {
        guard let bytes = FileManager.default.contents(atPath: phoenix.path) else { return 365 * 24 }
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).count - 8
    }
}

@Suite("tokenplant report")
struct ReportCommandTests {
    @Test("Writes one self-contained page: charts that parse, a heat-map cell per hour, no URL, byte-identical when rerun")
    func writesPage() async throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("report.html").path
        let run = try await TokenPlantCLI.run(["report", ReportRun.design, "--out", out] + ReportRun.weatherArguments)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("wrote \(out)"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!html.contains("http") && !html.contains("//") && !html.lowercased().contains("<script"))
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        #expect(html.contains("@media print"))
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(svgs.count >= 6)
        var cells: [Int] = []
        for svg in svgs {
            let inspected = SVGParse(svg)
            #expect(inspected.parsed, "\(inspected.error ?? "")")
            if inspected.cellCount > 0 { cells.append(inspected.cellCount) }
        }
        #expect(cells == [ReportRun.expectedHours, ReportRun.expectedHours])
        // No leftover temporary file beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report.html"])

        // The same inputs give the same bytes.
        let again = folder.url.appendingPathComponent("again.html").path
        let second = try await TokenPlantCLI.run(["report", ReportRun.design, "--out", again] + ReportRun.weatherArguments)
        #expect(second.status == 0, "\(second)")
        #expect(FileManager.default.contents(atPath: out) == FileManager.default.contents(atPath: again))
    }

    @Test("A failure writes nothing: an earlier report stays as it was, and the output is checked before planning")
    func failureKeepsOldFile() async throws {
        let folder = try TemporaryFolder()
        let out = try folder.write("earlier report", to: "report.html")
        let badPlan = try folder.write("{\"objective\": 3}", to: "plan.json")
        let run = try await TokenPlantCLI.run(["report", ReportRun.design, "--plan", badPlan, "--years", "1", "--out", out])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrLines.contains { $0.hasPrefix(badPlan) })
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "earlier report")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["plan.json", "report.html"])

        let missing = folder.url.appendingPathComponent("no-such-folder/report.html").path
        let noFolder = try await TokenPlantCLI.run(["report", ReportRun.design, "--years", "1", "--out", missing])
        #expect(noFolder.status == 1, "\(noFolder)")
        // Checked before planning: the one line is about the output.
        #expect(noFolder.stderrLines.count == 1 && noFolder.stderr.contains("cannot write \(missing)") && noFolder.stderr.contains("does not exist"),
                "\(noFolder)")

        let years = try await TokenPlantCLI.run(["report", ReportRun.design, "--years", "0", "--out", out])
        #expect(years.status == 2 && years.stderr.contains("--years"))
    }

    @Test("A Pareto frontier of another design is refused, naming the file")
    func paretoOfAnotherDesign() async throws {
        let folder = try TemporaryFolder()
        let pareto = try folder.write("""
            {"inputs": {"design": "another", "designFile": "a.yaml", "site": "s", "siteFile": "s.yaml", "catalog": "bundled", "digest": "0"},
             "axis": "capex", "axisUnit": "USD", "points": []}
            """, to: "pareto.json")
        let out = folder.url.appendingPathComponent("report.html").path
        let run = try await TokenPlantCLI.run(["report", ReportRun.design, "--pareto", pareto, "--years", "1", "--out", out])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains(pareto) && run.stderr.contains("another"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("Headless Chromium renders the page: a screenshot with ink and many grey levels, and no console message",
          .enabled(if: HeadlessBrowser.inCI || (HeadlessBrowser.chromium != nil && HeadlessBrowser.python != nil),
                   "chromium or python3 is not installed (./dev test installs them; CI fails instead of skipping)"))
    func rendersInBrowser() async throws {
        guard HeadlessBrowser.chromium != nil, HeadlessBrowser.python != nil else {
            Issue.record("chromium and python3 are needed in CI: apt-get install chromium python3 (./dev test does)")
            return
        }
        let folder = try TemporaryFolder()
        let page = folder.url.appendingPathComponent("report.html")
        let run = try await TokenPlantCLI.run(["report", ReportRun.design, "--out", page.path] + ReportRun.weatherArguments)
        #expect(run.status == 0, "\(run)")
        let png = folder.url.appendingPathComponent("report.png")
        let shot = try HeadlessBrowser.screenshot(page, to: png, width: 1000, height: 2600)
        #expect(shot.status == 0, "\(shot.stderr.suffix(2000))")
        #expect(shot.consoleLines.isEmpty, "\(shot.consoleLines)")
        let stats = try HeadlessBrowser.pngStats(png)
        #expect(stats.width == 1000 && stats.height == 2600)
        // Text, charts and heat maps: well over 5 % of the pixels carry ink, in far more than 16 grey levels.
        #expect(stats.inkShare > 0.05, "ink share \(stats.inkShare)")
        #expect(stats.greys > 32, "\(stats.greys) grey levels")

        // The checks can fail: a blank page has no ink, and a page whose script fails logs to the console.
        let blank = try folder.write("<!DOCTYPE html><html><body></body></html>", to: "blank.html")
        let blankPNG = folder.url.appendingPathComponent("blank.png")
        _ = try HeadlessBrowser.screenshot(URL(fileURLWithPath: blank), to: blankPNG, width: 400, height: 300)
        #expect(try HeadlessBrowser.pngStats(blankPNG).inkShare < 0.001)
        let broken = try folder.write("<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>", to: "broken.html")
        let brokenShot = try HeadlessBrowser.screenshot(URL(fileURLWithPath: broken), to: blankPNG, width: 400, height: 300)
        #expect(brokenShot.consoleLines.contains { $0.contains("undefinedFunction") }, "\(brokenShot.stderr.suffix(2000))")
    }
}

/// Whether an SVG parses as XML (Foundation's parser), and its heat-map cells (`<rect>` in `<g class="cells">`).
struct SVGParse {
    var parsed: Bool
    var error: String?
    var cellCount: Int

    init(_ text: String) {
        let counter = CellCounter()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = counter
        parsed = parser.parse()
        error = parser.parserError.map { "\(String(describing: $0))" }
        cellCount = counter.cells
    }

    private final class CellCounter: NSObject, XMLParserDelegate {
        var cells = 0, depthInCells = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if depthInCells > 0 { depthInCells += 1; if name == "rect" { cells += 1 } }
            else if name == "g", attributes["class"] == "cells" { depthInCells = 1 }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if depthInCells > 0 { depthInCells -= 1 }
        }
    }
}

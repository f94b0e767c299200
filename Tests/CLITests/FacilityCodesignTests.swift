import Foundation
import Testing

/// The facility co-design example planned and simulated through the CLI, every limit re-checked from plan.csv,
/// quarters.csv and bom.csv (PlanLimits) with the halls and feeds bom.csv says are built.
@Suite("Facility co-design example: plan, re-check from the CSV files, simulate", .tags(.slow))
struct FacilityCodesignTests {
    static let design = "examples/facility-codesign/phased-campus.yaml"
    static let site = "examples/facility-codesign/ashburn-va-expansion.yaml"

    /// A scratch folder (kept while the test runs) with `out` in it, and the example's design and site and the bundled
    /// catalog as absolute paths.
    static func paths() throws -> (scratch: TemporaryFolder, out: URL, design: String, site: String, catalog: String) {
        let scratch = try TemporaryFolder(), root = TokenPlantCLI.packageRoot
        return (scratch, scratch.url.appendingPathComponent("out"), root.appendingPathComponent(design).path,
                root.appendingPathComponent(site).path, root.appendingPathComponent(MutationTests.catalogPath).path)
    }

    @Test("Halls, a feed and plant modules built as plan.json says; every limit and the budget hold; the twin runs it")
    func planAndSimulate() async throws {
        let (scratch, out, design, site, catalog) = try Self.paths()
        defer { withExtendedLifetime(scratch) {} }
        let run = try await TokenPlantCLI.run(["plan", design, "--gap", "0.05", "--time-limit", "60", "--out", out.path],
                                              timeout: .seconds(300))
        try #require(run.status == 0, "\(run)")
        #expect(run.stdout.contains("\nBuilt: "))
        #expect(try PlanLimits.violations(out: out, design: design, site: site, catalog: catalog) == [])
        // Something of each kind the example offers is in bom.csv's rows with a capex: halls built, and their capex.
        let bom = try String(contentsOf: out.appendingPathComponent("bom.csv"), encoding: .utf8)
        #expect(bom.contains(",halls liquid-hall,halls,"))
        // buildnext.csv holds the ranking the table prints, every line of it: each printed line's whole-option value per USD,
        // first unit's price and first unit's value per USD ("1. …, through 2029Q4 ≈ $7,973,567; 0.199 per USD (the first MW
        // alone ≈ $1,190,971 for $273,541, 4.35 per USD)") are its row's.
        let next = parseCSV(try String(contentsOf: out.appendingPathComponent("buildnext.csv"), encoding: .utf8))
        let header = try #require(next.first)
        let (rank, price, ratio) = try (#require(header.firstIndex(of: "rank")), #require(header.firstIndex(of: "priceUSD")),
                                        #require(header.firstIndex(of: "valuePerUSD")))
        let wholeRatio = try #require(header.firstIndex(of: "optionValuePerUSD"))
        let ranked = next.dropFirst().filter { !$0[rank].isEmpty }
        let printed = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(" per USD") && $0.contains(". ") }
        try #require(!printed.isEmpty && printed.count == min(5, ranked.count), "\(run.stdout)")
        func number(_ text: Substring) -> Double? { Double(text.replacingOccurrences(of: ",", with: "")) }
        for (line, row) in zip(printed, ranked) {
            #expect(line.hasPrefix("  \(row[rank]). "))
            let first = try #require(line.range(of: " per USD (the first "))
            let shownWhole = try #require(number(line[..<first.lowerBound].split(separator: " ").last ?? ""))
            #expect(abs(shownWhole - (Double(row[wholeRatio]) ?? .nan)) <= 5e-3 * shownWhole, "\(line) against \(row)")
            let forPrice = try #require(line.range(of: " for $", range: first.upperBound..<line.endIndex))
            let comma = try #require(line.range(of: ", ", range: forPrice.upperBound..<line.endIndex))
            let shownPrice = try #require(number(line[forPrice.upperBound..<comma.lowerBound]))
            #expect(abs(shownPrice - (Double(row[price]) ?? .nan)) <= 0.5, "\(line) against \(row)")
            let shownRatio = try #require(Double(line.split(separator: " ").dropLast(2).last ?? ""))
            let rowRatio = try #require(Double(row[ratio]))
            #expect(abs(shownRatio - rowRatio) <= 5e-3 * rowRatio, "\(line) against \(row)")
        }
        // plan.json's whatToBuildNext (so --format json too) holds the same lines: rank, family, price and value per USD.
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any]
        let entries = try #require(plan?["whatToBuildNext"] as? [[String: Any]])
        let family = try #require(header.firstIndex(of: "family"))
        try #require(entries.count == next.count - 1 && !ranked.isEmpty)
        for (entry, row) in zip(entries, next.dropFirst()) {
            #expect((entry["rank"] as? Int).map(String.init) ?? "" == row[rank] && entry["family"] as? String == row[family])
            if let p = Double(row[price]) { #expect(abs((entry["priceUSD"] as? Double ?? .nan) - p) <= 0.005, "\(entry) against \(row)") }
            if let r = Double(row[ratio]) { #expect(abs((entry["valuePerUSD"] as? Double ?? .nan) - r) <= 1e-5 * max(1, r), "\(entry) against \(row)") }
            if let r = Double(row[wholeRatio]) {
                #expect(abs((entry["optionValuePerUSD"] as? Double ?? .nan) - r) <= 1e-5 * max(1, r), "\(entry) against \(row)")
            }
        }
        let simulate = try await TokenPlantCLI.run(["simulate", design, "--plan", out.appendingPathComponent("plan.json").path,
                                                    "--from-year", "2029", "--years", "1"], timeout: .seconds(300))
        #expect(simulate.status == 0, "\(simulate)")
    }

    /// Under tokens-per-mw the groups' plan places hall by hall but for a few racks, and that cut plan is within the gap of the
    /// groups' bound at its size: it is taken without re-planning every Dinkelbach step as single halls (10 solves and 21.6 s
    /// in a release build before; now the groups' 5). Every limit of the cut plan holds, re-checked from the CSV files.
    @Test("tokens-per-mw: the plan placed within the gap holds every limit and needs no re-plan hall by hall")
    func ratioPlacedWithinGap() async throws {
        let (scratch, out, design, site, catalog) = try Self.paths()
        defer { withExtendedLifetime(scratch) {} }
        let run = try await TokenPlantCLI.run(["plan", design, "--objective", "tokens-per-mw", "--out", out.path], timeout: .seconds(600))
        try #require(run.status == 0, "\(run)")
        #expect(try PlanLimits.violations(out: out, design: design, site: site, catalog: catalog) == [])
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any]
        let solver = try #require(plan?["solver"] as? [String: Any])
        #expect((solver["relativeGap"] as? Double ?? 1) <= 0.001)
        #expect((solver["solves"] as? Int ?? 99) <= 6, "\(solver)")
    }

    /// No plan of the example is proven optimal in 3 s (the default 0.1 % takes about 4,000 nodes): the run ends short of
    /// `--gap 0` at its time limit and says so, in the summary and in plan.json.
    @Test("A run stopped by its time limit short of the gap asked says why and what to change")
    func shortOfTheGap() async throws {
        let scratch = try TemporaryFolder()
        let out = scratch.url.appendingPathComponent("out")
        let design = TokenPlantCLI.packageRoot.appendingPathComponent(Self.design).path
        let run = try await TokenPlantCLI.run(["plan", design, "--gap", "0", "--time-limit", "3", "--out", out.path], timeout: .seconds(300))
        // On a machine loaded by the other tests (CI: 33 s for this run) the first solve may find no plan in its 3 s: exit 4, which
        // must name the limit and its flag.
        if run.status == 4 {
            #expect(run.stderr.contains("no feasible plan found within the time limit of 3.0 s: give it more with --time-limit"), "\(run)")
        } else {
            try #require(run.status == 0, "\(run)")
            let line = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("Solver: ") })
            #expect(line.hasPrefix("Solver: feasible, gap "))
            #expect(line.contains(" % (0 % asked; a solve reached its time limit, 3 s: give it more with --time-limit, or ask a larger "
                + "--gap), "), "\(line)")
            let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any]
            let solver = try #require(plan?["solver"] as? [String: Any])
            #expect(solver["reachedTimeLimit"] as? Bool == true && solver["requestedGap"] as? Double == 0 && solver["timeLimitSeconds"] as? Double == 3)
            #expect(solver["reachedTimeBudget"] as? Bool == false)
        }
        // A budget shorter than the solve's limit is the one that stops it, and is named. On an idle machine the run ends with a
        // plan short of the gap; on one loaded by the other tests (CI: 45 s for this 8 s budget, the debug build's own work
        // not stopping at the deadline) it may end with none, exit 4, which must name the budget too.
        let budget = try await TokenPlantCLI.run(["plan", design, "--gap", "0", "--time-limit", "60", "--time-budget", "8"], timeout: .seconds(300))
        if budget.status == 4 {
            #expect(budget.stderr.contains("no feasible plan found within the run's time budget of 8.0 s: give it more with --time-budget"),
                    "\(budget)")
        } else {
            #expect(budget.status == 0, "\(budget)")
            #expect(budget.stdout.contains(" % (0 % asked; the run reached its time budget, 8 s: give it more with --time-budget, or ask a "
                + "larger --gap), "), "\(budget)")
        }
    }
}

import Foundation
import Testing

/// Issue #14 item 9: a seeded mutation harness over every shipped input file, an EPW year and a plan.json.
/// Every mutated input must end the built `tokenplant` with a documented exit status (0–4) and, unless it
/// succeeded, a message on stderr that shows no internals; never a signal, never a hang. Mutants that
/// still validate are then planned, and every plan that comes back (exit 0) must keep every limit of its
/// input files, recomputed here from plan.csv and quarters.csv (``PlanLimits``).
///
/// The seed is fixed (`TOKENPLANT_MUTATION_SEED` overrides it), so a run is reproducible: each mutation
/// is drawn from the seed, its file's number and its own number. Inputs that fail are kept in a folder
/// named in the test's issues; minimal versions go under `Tests/CLITests/MutationRegressions/`.
@Suite("Seeded mutation harness (README exit codes 0–4)")
struct MutationTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["TOKENPLANT_MUTATION_SEED"].flatMap { UInt64($0) }
        ?? 0x7E57_0C0D_E14A_0009

    /// `TOKENPLANT_MUTATION_SCALE` multiplies every count below (default 1; CI runs the default).
    static let scale: Double = ProcessInfo.processInfo.environment["TOKENPLANT_MUTATION_SCALE"].flatMap { Double($0) } ?? 1
    static func scaled(_ n: Int) -> Int { max(1, Int((Double(n) * scale).rounded())) }
    /// Mutations per base file: 2,140 in all.
    static let perSite = scaled(110), perDesign = scaled(140), catalogCount = scaled(300), planJSONCount = scaled(250), epwCount = scaled(230)
    /// Every `epwSimulateEvery`-th EPW mutation is also simulated with `--weather`.
    static let epwSimulateEvery = 8
    /// Valid design, site and catalog mutants planned, at most.
    static let planCount = scaled(150)
    static let parallelRuns = Int(ProcessInfo.processInfo.environment["TOKENPLANT_MUTATION_JOBS"] ?? "") ?? 3
    static let runTimeout: Duration = .seconds(30)

    /// The real weather files (README: absent in some clones), and the year used from them: Dulles, the
    /// weather of Ashburn, the site of the design the plan.json comes from.
    static let weatherFolder = TokenPlantCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/weather")
    static let realEPW = weatherFolder.appendingPathComponent("USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw")

    static let catalogPath = "Sources/PlantModel/Resources/catalog.yaml"
    static let planDesign = "reference-designs/legacy-hopper-air.yaml"
    /// The design each site's mutants are planned with: the shipped design that uses the site, else a small one.
    static let designForSite = [
        "ashburn-va.yaml": "reference-designs/legacy-hopper-air.yaml", "phoenix-az.yaml": "reference-designs/gb300-nvl72-hybrid.yaml",
        "dallas-tx.yaml": "reference-designs/cooling-tower-humid.yaml", "chicago-il.yaml": "reference-designs/vera-rubin-1gw.yaml",
        "hillsboro-or.yaml": "reference-designs/gb300-nvl72-hybrid.yaml", "stockholm-se.yaml": "reference-designs/vera-rubin-1gw.yaml",
    ]

    /// Text on stderr that means an internal error escaped: a trap, a Foundation or Codable error printed
    /// raw, a standard-library path, an optional printed as such.
    static let internals = ["Fatal error", "NSCocoaErrorDomain", "Swift/", "EncodingError", "DecodingError", "Optional("]

    enum Kind: String, Sendable { case site, design, catalog, planJSON = "plan.json", epw = "EPW" }

    /// One mutated input and the command that reads it.
    struct Case: Sendable {
        var number: Int
        var kind: Kind
        var base: String
        var op: MutationOperator
        var note: String
        var path: String
        var arguments: [String]
        /// Remove the file after its run (the EPW years are 1.6 MB each).
        var removeAfter: Bool
    }

    struct Outcome: Sendable {
        var testCase: Case
        var run: CLIRun
    }

    struct Failure: CustomStringConvertible {
        var what: String
        var testCase: Case
        var run: CLIRun
        var kept: String?
        var description: String {
            "\(what): \(testCase.kind.rawValue) mutant #\(testCase.number) of \(testCase.base) (\(testCase.op.rawValue): \(testCase.note))"
                + (kept.map { "\nkept input: \($0)" } ?? "") + "\n\(run)"
        }
    }

    /// The problems of one run: a signal, a hang, an undocumented status, a failure without a message, internals.
    static func problems(_ run: CLIRun) -> [String] {
        if run.timedOut { return ["hang (killed after \(runTimeout))"] }
        if run.signalled { return ["killed by signal \(run.status)"] }
        var found: [String] = []
        if !(0...4).contains(run.status) { found.append("exit \(run.status), not 0–4") }
        if run.status != 0, run.stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append("exit \(run.status) with nothing on stderr") }
        for word in internals where run.stderr.contains(word) { found.append("stderr shows internals (\(word))") }
        return found
    }

    /// Runs every case, `parallelRuns` at a time; outcomes in case order.
    static func runAll(_ cases: [Case]) async throws -> [Outcome] {
        var outcomes: [Outcome?] = Array(repeating: nil, count: cases.count)
        try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0
            func launch() {
                guard next < cases.count else { return }
                let index = next, testCase = cases[index]
                next += 1
                group.addTask {
                    let run = try await TokenPlantCLI.run(testCase.arguments, timeout: runTimeout)
                    if testCase.removeAfter, problems(run).isEmpty { try? FileManager.default.removeItem(atPath: testCase.path) }
                    return (index, Outcome(testCase: testCase, run: run))
                }
            }
            for _ in 0..<parallelRuns { launch() }
            while let (index, outcome) = try await group.next() {
                outcomes[index] = outcome
                launch()
            }
        }
        return outcomes.map { $0! }
    }

    @Test("≥ 2,000 seeded mutations of every site, design, the catalog, an EPW year and a plan.json: exit 0–4 with a message, no signal, no hang; every exit-0 plan of a valid mutant keeps every limit")
    func mutationHarness() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let fileManager = FileManager.default
        let root = TokenPlantCLI.packageRoot
        let scratch = try TemporaryFolder()
        let failuresFolder = fileManager.temporaryDirectory.appendingPathComponent("tokenplant-mutation-failures-\(String(Self.seed, radix: 16))")
        for folder in ["sites", "reference-designs", "catalogs", "plans", "weather", "out"] {
            try fileManager.createDirectory(at: scratch.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // Copies of the shipped sites, so a mutated design in scratch/reference-designs finds `../sites/…`.
        let siteNames = try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("sites").path).filter { $0.hasSuffix(".yaml") }.sorted()
        let designNames = try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("reference-designs").path).filter { $0.hasSuffix(".yaml") }.sorted()
        try #require(siteNames.count == 6 && designNames.count == 5, "sites \(siteNames), designs \(designNames)")
        for name in siteNames {
            try fileManager.copyItem(at: root.appendingPathComponent("sites/\(name)"), to: scratch.url.appendingPathComponent("sites/\(name)"))
        }

        // The unmutated plan.json, and the weather year: the real one when ../shared is there, else generated.
        let basePlanFolder = scratch.url.appendingPathComponent("out/base")
        let basePlan = try await TokenPlantCLI.run(["plan", Self.planDesign, "--out", basePlanFolder.path])
        try #require(basePlan.status == 0, "\(basePlan)")
        let basePlanPath = basePlanFolder.appendingPathComponent("plan.json").path
        let realWeather = fileManager.fileExists(atPath: Self.realEPW.path)
        let baseEPWPath: String
        if realWeather {
            baseEPWPath = Self.realEPW.path
        } else {
            baseEPWPath = try scratch.write(EPWText.generatedYear(), to: "weather/generated.epw")
        }
        let control = try await TokenPlantCLI.run(["climate", "summarize", baseEPWPath])
        try #require(control.status == 0, "the unmutated weather year reads: \(control)")
        let simulateControl = try await TokenPlantCLI.run(["simulate", Self.planDesign, "--plan", basePlanPath, "--years", "1", "--weather", baseEPWPath])
        try #require(simulateControl.status == 0, "the unmutated plan.json simulates: \(simulateControl)")

        // The cases, in a fixed order; file numbers keep each base file's mutations apart.
        var cases: [Case] = []
        var fileNumber = 0
        func add(kind: Kind, base: String, bytes: [UInt8], count: Int, json: Bool = false, epw: Bool = false,
                 folder: String, ext: String, removeAfter: Bool = false, arguments: (String, Int) -> [String]) throws {
            fileNumber += 1
            for i in 0..<count {
                var rng = SplitMix64(seed: Self.seed, file: fileNumber, index: i)
                let mutation = epw ? EPWText.mutate(bytes, rng: &rng) : StructuredText.mutate(bytes, json: json, rng: &rng)
                let stem = (base as NSString).lastPathComponent.split(separator: ".").first.map(String.init) ?? "file"
                let path = scratch.url.appendingPathComponent("\(folder)/mutant-\(cases.count)-\(stem).\(ext)").path
                try Data(mutation.bytes).write(to: URL(fileURLWithPath: path))
                cases.append(Case(number: i, kind: kind, base: base, op: mutation.op, note: mutation.note, path: path,
                                  arguments: arguments(path, i), removeAfter: removeAfter))
            }
        }
        func shipped(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: root.appendingPathComponent(relative))) }

        for name in siteNames {
            try add(kind: .site, base: "sites/\(name)", bytes: try shipped("sites/\(name)"), count: Self.perSite,
                    folder: "sites", ext: "yaml") { path, _ in ["validate", path] }
        }
        for name in designNames {
            try add(kind: .design, base: "reference-designs/\(name)", bytes: try shipped("reference-designs/\(name)"), count: Self.perDesign,
                    folder: "reference-designs", ext: "yaml") { path, _ in ["validate", path] }
        }
        try add(kind: .catalog, base: Self.catalogPath, bytes: try shipped(Self.catalogPath), count: Self.catalogCount,
                folder: "catalogs", ext: "yaml") { path, _ in ["validate", "--catalog", path, "reference-designs/mixed-retrofit.yaml"] }
        try add(kind: .planJSON, base: "plan.json of \(Self.planDesign)", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: basePlanPath))),
                count: Self.planJSONCount, json: true, folder: "plans", ext: "json", removeAfter: true) { path, _ in
            ["simulate", Self.planDesign, "--plan", path, "--years", "1", "--weather", baseEPWPath]
        }
        try add(kind: .epw, base: realWeather ? Self.realEPW.lastPathComponent : "generated EPW year",
                bytes: Array(try Data(contentsOf: URL(fileURLWithPath: baseEPWPath))), count: Self.epwCount, epw: true,
                folder: "weather", ext: "epw", removeAfter: true) { path, i in
            i % Self.epwSimulateEvery == 0
                ? ["simulate", Self.planDesign, "--plan", basePlanPath, "--years", "1", "--weather", path]
                : ["climate", "summarize", path]
        }
        #expect(cases.count >= 2000 || Self.scale < 1)

        // (a) Every mutant through validate, climate summarize or simulate.
        let outcomes = try await Self.runAll(cases)
        let afterMutations = clock.now

        // (b) Valid site, design and catalog mutants planned; every plan's limits recomputed.
        let valid = outcomes.filter { [.site, .design, .catalog].contains($0.testCase.kind) && $0.run.status == 0 && Self.problems($0.run).isEmpty }
        let chosen = valid.count <= Self.planCount ? valid
            : (0..<Self.planCount).map { valid[$0 * valid.count / Self.planCount] }
        var planCases: [Case] = []
        var limitFiles: [(design: String, site: String, catalog: String)] = []
        for (n, outcome) in chosen.enumerated() {
            let c = outcome.testCase
            let out = scratch.url.appendingPathComponent("out/plan-\(n)").path
            let flags = ["--time-limit", "2", "--time-budget", "10", "--out", out]
            var planCase = c
            switch c.kind {
            case .site:
                let design = Self.designForSite[(c.base as NSString).lastPathComponent] ?? Self.planDesign
                planCase.arguments = ["plan", design, "--site", c.path] + flags
                limitFiles.append((root.appendingPathComponent(design).path, c.path, root.appendingPathComponent(Self.catalogPath).path))
            case .design:
                // A mutant that lost its `site:` is planned on the shipped design's site (plan then needs --site).
                let design = try PlanLimits.node(c.path)
                let named = design["site"]?.string.map { ((c.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent($0) }
                let shippedSite = try PlanLimits.node(root.appendingPathComponent(c.base).path)["site"]?.string ?? ""
                let site = named ?? shippedSite.replacingOccurrences(of: "../", with: scratch.url.path + "/")
                planCase.arguments = ["plan", c.path] + (named == nil ? ["--site", site] : []) + flags
                limitFiles.append((c.path, (site as NSString).standardizingPath, root.appendingPathComponent(Self.catalogPath).path))
            default:
                planCase.arguments = ["plan", "reference-designs/mixed-retrofit.yaml", "--catalog", c.path] + flags
                limitFiles.append((root.appendingPathComponent("reference-designs/mixed-retrofit.yaml").path,
                                   root.appendingPathComponent("sites/ashburn-va.yaml").path, c.path))
            }
            planCases.append(planCase)
        }
        let planOutcomes = try await Self.runAll(planCases)

        // Failures: every problem of every run, and every limit an exit-0 plan breaks.
        var failures: [Failure] = []
        for outcome in outcomes + planOutcomes {
            for problem in Self.problems(outcome.run) { failures.append(Failure(what: problem, testCase: outcome.testCase, run: outcome.run)) }
        }
        var plansChecked = 0, validatePlanExit1: [Outcome] = []
        for (outcome, files) in zip(planOutcomes, limitFiles) {
            if outcome.run.status == 1 { validatePlanExit1.append(outcome) }
            guard outcome.run.status == 0, !outcome.run.timedOut, !outcome.run.signalled else { continue }
            let out = URL(fileURLWithPath: outcome.testCase.arguments.last!)
            do {
                let broken = try PlanLimits.violations(out: out, design: files.design, site: files.site, catalog: files.catalog)
                plansChecked += 1
                for limit in broken { failures.append(Failure(what: "exit-0 plan breaks a limit: \(limit)", testCase: outcome.testCase, run: outcome.run)) }
            } catch {
                failures.append(Failure(what: "exit-0 plan could not be re-checked: \(error)", testCase: outcome.testCase, run: outcome.run))
            }
        }

        // Keep each failing input where it can be looked at after the scratch folder is gone.
        if !failures.isEmpty { try? fileManager.createDirectory(at: failuresFolder, withIntermediateDirectories: true) }
        for i in failures.indices {
            let source = failures[i].testCase.path
            let kept = failuresFolder.appendingPathComponent((source as NSString).lastPathComponent)
            if !fileManager.fileExists(atPath: kept.path), fileManager.fileExists(atPath: source) {
                try? fileManager.copyItem(atPath: source, toPath: kept.path)
            }
            if fileManager.fileExists(atPath: kept.path) { failures[i].kept = kept.path }
        }

        // Summary: mutations by kind, by exit status and by operator; plans; failures; time.
        func tally<K: Hashable & Comparable>(_ items: [Outcome], _ key: (Outcome) -> K) -> String {
            Dictionary(grouping: items, by: key).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.count)" }.joined(separator: ", ")
        }
        func status(_ o: Outcome) -> String { o.run.timedOut ? "hang" : o.run.signalled ? "signal \(o.run.status)" : "exit \(o.run.status)" }
        let seconds = (clock.now - started) / .seconds(1)
        let mutationSeconds = (afterMutations - started) / .seconds(1)
        print("mutation harness (seed \(String(Self.seed, radix: 16)), \(realWeather ? "real" : "generated") EPW year): \(outcomes.count) mutations in \(String(format: "%.0f", mutationSeconds)) s")
        print("  by input: \(tally(outcomes) { $0.testCase.kind.rawValue })")
        for (command, some) in Dictionary(grouping: outcomes + planOutcomes, by: { "\($0.testCase.arguments[0]) (\($0.testCase.kind.rawValue))" }).sorted(by: { $0.key < $1.key }) {
            let times = some.map(\.run.seconds)
            print("  tokenplant \(command): \(some.count) runs, mean \(String(format: "%.2f", times.reduce(0, +) / Double(times.count))) s, max \(String(format: "%.2f", times.max() ?? 0)) s")
        }
        print("  by status: \(tally(outcomes, status))")
        for op in MutationOperator.allCases {
            let some = outcomes.filter { $0.testCase.op == op }
            if !some.isEmpty { print("  \(op.rawValue): \(some.count) (\(tally(some, status)))") }
        }
        print("  planned \(planOutcomes.count) of \(valid.count) valid mutants: \(tally(planOutcomes, status)); limits re-checked on \(plansChecked) plans")
        for o in planOutcomes where o.run.status == 3 || o.run.status == 4 {
            print("    plan exit \(o.run.status): \(o.testCase.base) #\(o.testCase.number) (\(o.testCase.note)): \(o.run.stderr.split(separator: "\n").prefix(2).joined(separator: " / "))")
        }
        if !validatePlanExit1.isEmpty {
            print("  \(validatePlanExit1.count) mutants validate but plan exits 1:")
            for o in validatePlanExit1 { print("    \(o.testCase.base) #\(o.testCase.number) (\(o.testCase.note)): \(o.run.stderr.split(separator: "\n").first ?? "")") }
        }
        if ProcessInfo.processInfo.environment["TOKENPLANT_MUTATION_VERBOSE"] != nil {
            for o in outcomes + planOutcomes {
                print("  \(status(o)) \(o.testCase.arguments[0]) \(o.testCase.kind.rawValue) \(o.testCase.base) #\(o.testCase.number) \(o.testCase.op.rawValue): \(o.testCase.note)")
            }
        }
        print("  failures: \(failures.count)\(failures.isEmpty ? "" : ", inputs kept in \(failuresFolder.path)"); total \(String(format: "%.0f", seconds)) s")

        for failure in failures.prefix(60) { Issue.record(Comment(rawValue: failure.description)) }
        if failures.count > 60 { Issue.record("… and \(failures.count - 60) more failures") }
    }

    /// The re-check is only worth something if it can fail: the plan of the shipped design, checked against
    /// copies of its design and site with every limit tightened below what the plan uses, breaks each of them.
    @Test("PlanLimits (control): a plan re-checked against tighter limits than it was made for breaks each of them")
    func planLimitsControl() async throws {
        let scratch = try TemporaryFolder()
        let out = scratch.url.appendingPathComponent("out")
        let run = try await TokenPlantCLI.run(["plan", Self.planDesign, "--out", out.path])
        try #require(run.status == 0, "\(run)")
        let root = TokenPlantCLI.packageRoot
        let catalog = root.appendingPathComponent(Self.catalogPath).path
        let site = root.appendingPathComponent("sites/ashburn-va.yaml").path
        #expect(try PlanLimits.violations(out: out, design: root.appendingPathComponent(Self.planDesign).path, site: site, catalog: catalog) == [])

        var design = try shippedText(Self.planDesign)
        for (old, new) in [("    positions: 235", "    positions: 10"), ("    maxRackKW: 45", "    maxRackKW: 10"),
                           ("    installedCapacityMW: 20", "    installedCapacityMW: 1"), ("    airCapacityMW: 11", "    airCapacityMW: 0.5"),
                           ("profiles: [hgx-h100-4x8, hgx-h200-4x8, hgx-b200-4x8]", "profiles: [hgx-h100-4x8]"),
                           ("supplyCapRacksPerQuarter: {hgx-h100-4x8: 250, hgx-h200-4x8: 250, hgx-b200-4x8: 250}",
                            "supplyCapRacksPerQuarter: {hgx-h200-4x8: 1}\nbudgetUSD: 1000")] {
            try #require(design.contains(old + "\n"), "\(Self.planDesign) no longer has `\(old)`")
            design = design.replacingOccurrences(of: old + "\n", with: new + "\n")
        }
        let tightSite = try shippedText("sites/ashburn-va.yaml").replacingOccurrences(of: "capacityMW: 350", with: "capacityMW: 1")
        let problems = try PlanLimits.violations(out: out, design: try scratch.write(design, to: "tight-design.yaml"),
                                                 site: try scratch.write(tightSite, to: "tight-site.yaml"), catalog: catalog)
        for limit in ["floor positions (plan.csv)", "floor positions (racks × catalog)", "hall power MW (plan.csv itMW)",
                      "hall power MW (racks × catalog)", "air MW", "site power MW", "(supply cap)", "(budget)",
                      "is not one the design allows", "kW in a hall for 10.0 kW"] {
            #expect(problems.contains { $0.contains(limit) }, "\(limit) in \(problems.joined(separator: "\n"))")
        }
    }

    // MARK: Regressions

    /// Minimal inputs that once failed the harness, each with its command line in `NAME.args` (one argument a
    /// line, `$INPUT` for the input's path, `$EPW` for a generated valid EPW year; other paths relative to the
    /// package root) and, in `NAME.status`, the exit status README documents for it where the harness's rule
    /// (0–4 with a message) is not enough.
    static let regressionFolder = TokenPlantCLI.packageRoot.appendingPathComponent("Tests/CLITests/MutationRegressions")

    static var regressionCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: regressionFolder.path)) ?? []).filter { $0.hasSuffix(".args") }.sorted()
    }

    @Test("Mutation regressions: each kept input exits 0–4 with a message, no signal, no hang", arguments: regressionCases)
    func regression(_ name: String) async throws {
        let argsFile = Self.regressionFolder.appendingPathComponent(name)
        let stem = (name as NSString).deletingPathExtension
        let inputs = try FileManager.default.contentsOfDirectory(atPath: Self.regressionFolder.path)
            .filter { ($0 as NSString).deletingPathExtension == stem && !$0.hasSuffix(".args") && !$0.hasSuffix(".status") }
        let input = try #require(inputs.first, "no input beside \(name)")
        let inputPath = Self.regressionFolder.appendingPathComponent(input).path
        let scratch = try TemporaryFolder()
        let epw = scratch.url.appendingPathComponent("generated.epw").path
        var arguments = try String(contentsOf: argsFile, encoding: .utf8).split(separator: "\n").map {
            $0.replacingOccurrences(of: "$INPUT", with: inputPath)
        }
        if arguments.contains("$EPW") {
            try Data(EPWText.generatedYear().utf8).write(to: URL(fileURLWithPath: epw))
            arguments = arguments.map { $0 == "$EPW" ? epw : $0 }
        }
        let run = try await TokenPlantCLI.run(arguments, timeout: Self.runTimeout)
        #expect(Self.problems(run).isEmpty, "\(Self.problems(run)): \(run)")
        let statusFile = Self.regressionFolder.appendingPathComponent(stem + ".status")
        if let expected = try? String(contentsOf: statusFile, encoding: .utf8) {
            #expect("\(run.status)" == expected.trimmingCharacters(in: .whitespacesAndNewlines), "documented exit status: \(run)")
        }
    }
}

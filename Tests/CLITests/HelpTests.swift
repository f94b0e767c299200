import Foundation
import Testing

/// `--help` must offer only values the command accepts (the issue: `plan`/`simulate` listed `csv` for
/// `--format`, then rejected it).
@Suite("tokenplant --help")
struct HelpTests {
    /// The help entry of `option` in ArgumentParser's help text: its first line (two spaces, then the
    /// option) and the deeper-indented lines that continue it, whitespace collapsed.
    static func entry(of option: String, in help: String) -> String? {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func isEntryStart(_ line: String) -> Bool { line.hasPrefix("  -") }
        guard let start = lines.firstIndex(where: { line in
            guard isEntryStart(line) else { return false }
            let names = line.trimmingCharacters(in: .whitespaces).split(separator: " ").prefix(3)
            return names.contains { $0 == option || $0 == option + "," }
        }) else { return nil }
        var text = [lines[start]]
        for line in lines[(start + 1)...] {
            if isEntryStart(line) || !line.hasPrefix("   ") { break }
            text.append(line)
        }
        return text.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The values ArgumentParser lists for an option, `(values: a, b, c; default: a)`.
    static func listedValues(of option: String, in help: String) -> [String]? {
        guard let entry = entry(of: option, in: help), let open = entry.range(of: "(values: ") else { return nil }
        let rest = entry[open.upperBound...]
        let end = rest.firstIndex { $0 == ";" || $0 == ")" } ?? rest.endIndex
        return rest[..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func help(_ command: String) async throws -> String {
        let run = try await TokenPlantCLI.run([command, "--help"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("USAGE: tokenplant \(command)"), "\(run)")
        return run.stdout
    }

    @Test("plan --help: --format lists table and json only")
    func planFormats() async throws {
        let text = try await help("plan")
        let entry = try #require(Self.entry(of: "--format", in: text), "no --format in\n\(text)")
        #expect(Self.listedValues(of: "--format", in: text).map(Set.init) == ["table", "json"], "\(entry)")
        #expect(!entry.contains("csv"), "\(entry)")
    }

    @Test("simulate --help: --format lists table and json only")
    func simulateFormats() async throws {
        let text = try await help("simulate")
        let entry = try #require(Self.entry(of: "--format", in: text), "no --format in\n\(text)")
        #expect(Self.listedValues(of: "--format", in: text).map(Set.init) == ["table", "json"], "\(entry)")
        #expect(!entry.contains("csv"), "\(entry)")
    }

    @Test("profiles --help: --format lists table, json and csv")
    func profilesFormats() async throws {
        let text = try await help("profiles")
        let entry = try #require(Self.entry(of: "--format", in: text), "no --format in\n\(text)")
        #expect(Self.listedValues(of: "--format", in: text).map(Set.init) == ["table", "json", "csv"], "\(entry)")
    }

    @Test("plan --help: --objective lists the four objectives")
    func planObjectives() async throws {
        let text = try await help("plan")
        let entry = try #require(Self.entry(of: "--objective", in: text), "no --objective in\n\(text)")
        #expect(Self.listedValues(of: "--objective", in: text).map(Set.init)
                    == ["max-tokens", "tokens-per-mw", "cost-per-token", "min-capex"], "\(entry)")
    }

    // Every value the help lists must then be accepted.

    @Test("plan: every --format and --objective value --help lists plans (exit 0)")
    func planAcceptsListedValues() async throws {
        let text = try await help("plan")
        let formats = try #require(Self.listedValues(of: "--format", in: text), "\(text)")
        let objectives = try #require(Self.listedValues(of: "--objective", in: text), "\(text)")
        #expect(!formats.isEmpty && !objectives.isEmpty)
        for format in formats {
            let run = try await TokenPlantCLI.run(["plan", smallDesign, "--format", format])
            #expect(run.status == 0, "--format \(format) is listed but: \(run)")
        }
        for objective in objectives {
            let target = objective == "min-capex" ? ["--token-target", "1e5"] : []
            let run = try await TokenPlantCLI.run(["plan", smallDesign, "--objective", objective] + target)
            #expect(run.status == 0, "--objective \(objective) is listed but: \(run)")
        }
    }

    @Test("plan: every --pareto-axis value --help lists sweeps (exit 0)")
    func planAcceptsListedParetoAxes() async throws {
        let text = try await help("plan")
        let axes = try #require(Self.listedValues(of: "--pareto-axis", in: text), "\(text)")
        #expect(Set(axes) == ["capex", "facility-mw"])
        for axis in axes {
            let run = try await TokenPlantCLI.run(["plan", smallDesign, "--pareto", "2", "--pareto-axis", axis])
            #expect(run.status == 0, "--pareto-axis \(axis) is listed but: \(run)")
        }
    }

    /// A simulation takes seconds, so each listed value is checked against a design file that does not
    /// exist: an accepted value gets as far as reading the file (exit 1, the file named), a rejected one
    /// stops at argument checking (exit 2).
    @Test("simulate: every --format value --help lists passes argument checking")
    func simulateAcceptsListedFormats() async throws {
        let text = try await help("simulate")
        let formats = try #require(Self.listedValues(of: "--format", in: text), "\(text)")
        #expect(!formats.isEmpty)
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("no-such-design.yaml").path
        for format in formats {
            let run = try await TokenPlantCLI.run(["simulate", missing, "--format", format])
            #expect(run.status == 1, "--format \(format) is listed but: \(run)")
            #expect(run.stderr.contains(missing), "\(run)")
        }
    }

    @Test("profiles: every --format value --help lists prints the catalog")
    func profilesAcceptsListedFormats() async throws {
        let text = try await help("profiles")
        let formats = try #require(Self.listedValues(of: "--format", in: text), "\(text)")
        #expect(!formats.isEmpty)
        for format in formats {
            let run = try await TokenPlantCLI.run(["profiles", "--format", format])
            #expect(run.status == 0, "--format \(format) is listed but: \(run)")
            #expect(run.stdout.contains("gb300-nvl72"), "\(run)")
        }
    }
}

import Climate
import Foundation
import PlantModel
import Plans

/// The kind of input one fuzz input is read as: its first byte modulo 5 (README "Fuzzing").
public enum FuzzKind: UInt8, CaseIterable, Sendable {
    case site = 0, design, catalog, epw, plan

    /// The file name that issues carry, so a message says which reader it came from.
    public var fileName: String {
        switch self {
        case .site: "fuzz-site.yaml"
        case .design: "fuzz-design.yaml"
        case .catalog: "fuzz-catalog.yaml"
        case .epw: "fuzz-weather.epw"
        case .plan: "fuzz-plan.json"
        }
    }
}

/// What the readers made of one input: accepted, or rejected with every issue they reported.
public struct FuzzOutcome: Sendable {
    public var kind: FuzzKind
    /// The input decoded and passed validation.
    public var accepted: Bool
    /// Empty when accepted; otherwise each problem with its file, line (where known) and field path.
    public var issues: [ValidationIssue]
    /// Line breaks in the input's text, plus one: no issue may point past it.
    public var lineCount: Int

    public init(kind: FuzzKind, accepted: Bool, issues: [ValidationIssue], lineCount: Int) {
        self.kind = kind
        self.accepted = accepted
        self.issues = issues
        self.lineCount = lineCount
    }
}

/// One entry point for the fuzzer (`TokenPlantFuzz`) and the regression tests: decode and validate bytes as a
/// site, a design (against the bundled catalog), a catalog, an EPW weather file or a plan.json, with the same
/// library calls the CLI makes after reading a file.
public enum PlantFuzz {
    /// The bundled catalog, read once; designs are checked against it.
    static let catalog: Catalog = {
        do { return try Catalog.bundled() } catch { fatalError("bundled catalog does not load: \(error)") }
    }()

    /// Reads `input` (kind byte, then the file's bytes) and returns what the readers said. Traps if an
    /// invariant breaks (see ``violations(_:)``), which a fuzzer reports as a crash.
    @discardableResult
    public static func run(_ input: Data) -> FuzzOutcome {
        let outcome = read(input)
        if let problem = violations(outcome).first {
            fatalError("\(outcome.kind.fileName): \(problem)")
        }
        return outcome
    }

    /// Reads `input` (kind byte, then the file's bytes) without checking the invariants. An empty input is
    /// an empty site file.
    public static func read(_ input: Data) -> FuzzOutcome {
        let kind = FuzzKind(rawValue: (input.first ?? 0) % 5)!
        return read(Data(input.dropFirst()), as: kind)
    }

    /// Decodes and validates `body` as `kind`.
    public static func read(_ body: Data, as kind: FuzzKind) -> FuzzOutcome {
        let file = kind.fileName
        switch kind {
        case .site, .design, .catalog:
            // As `PlantFile.load` reads a file: UTF-8 text, else a "cannot read" issue.
            guard let text = String(data: body, encoding: .utf8) else {
                return FuzzOutcome(kind: kind, accepted: false, issues: [
                    ValidationIssue(file: file, line: nil, path: "", message: "cannot read file: not UTF-8"),
                ], lineCount: 1)
            }
            let lines = lineBreaks(in: text) + 1
            let issues: [ValidationIssue]
            do {
                switch kind {
                case .site: issues = Site.issues(in: try PlantFile.decode(Site.self, from: text, file: file))
                case .design: issues = ReferenceDesign.issues(in: try PlantFile.decode(ReferenceDesign.self, from: text, file: file), catalog: catalog)
                default: issues = Catalog.issues(in: try PlantFile.decode(Catalog.self, from: text, file: file))
                }
            } catch {
                return FuzzOutcome(kind: kind, accepted: false, issues: error.issues, lineCount: lines)
            }
            return FuzzOutcome(kind: kind, accepted: issues.isEmpty, issues: issues, lineCount: lines)
        case .epw:
            let lines = (String(data: body, encoding: .utf8) ?? String(data: body, encoding: .isoLatin1)).map(lineBreaks) ?? 0
            do {
                _ = try EPWFile(data: body, file: file)
                return FuzzOutcome(kind: kind, accepted: true, issues: [], lineCount: lines + 1)
            } catch let error as EPWError {
                // Line 0 is the file as a whole.
                let issue = ValidationIssue(file: error.file, line: error.line > 0 ? error.line : nil, path: "", message: error.message)
                return FuzzOutcome(kind: kind, accepted: false, issues: [issue], lineCount: lines + 1)
            } catch {
                fatalError("EPWFile threw something other than an EPWError: \(error)")
            }
        case .plan:
            guard let text = String(data: body, encoding: .utf8) else {
                return FuzzOutcome(kind: kind, accepted: false, issues: [
                    ValidationIssue(file: file, line: nil, path: "", message: "cannot read file: not UTF-8"),
                ], lineCount: 1)
            }
            do {
                _ = try BuildPlan.decode(text: text, file: file)
                return FuzzOutcome(kind: kind, accepted: true, issues: [], lineCount: lineBreaks(in: text) + 1)
            } catch {
                return FuzzOutcome(kind: kind, accepted: false, issues: error.issues, lineCount: lineBreaks(in: text) + 1)
            }
        }
    }

    /// What every reader promises: a rejected input has at least one issue; every issue names the file it
    /// was given, says something, and points at a line of the input, if at one.
    public static func violations(_ outcome: FuzzOutcome) -> [String] {
        var found: [String] = []
        if !outcome.accepted, outcome.issues.isEmpty {
            found.append("rejected without an issue")
        }
        if outcome.accepted, !outcome.issues.isEmpty { found.append("accepted with issues") }
        for issue in outcome.issues {
            if issue.file != outcome.kind.fileName { found.append("issue names file '\(issue.file)': \(issue)") }
            if issue.message.isEmpty { found.append("issue without a message: \(issue)") }
            if let line = issue.line {
                if line < 1 || line > outcome.lineCount {
                    found.append("line \(line) outside 1…\(outcome.lineCount): \(issue)")
                }
            }
        }
        return found
    }

    /// Line breaks as Swift counts them (CR LF as one; lone CR, LF, VT, FF, NEL, LS, PS): those of the EPW
    /// reader, and at least as many as YAML counts (which leaves out VT and FF).
    static func lineBreaks(in text: String) -> Int {
        text.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
    }
}

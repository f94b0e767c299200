import Foundation
import PlantFuzzing
import PlantModel
import Testing

/// The fuzz inputs kept in Tests/Fuzz: the seed corpus (`corpus/`, made from the shipped files by
/// `make-corpus.sh`) and what fuzzing found (`regressions/`), each a kind byte then a file's bytes.
enum FuzzInputs {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path + "/Fuzz"

    static func files(_ folder: String) -> [String] {
        let path = root + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { path + "/" + $0 }
    }
}

@Suite("Fuzz inputs replayed through the fuzz entry point")
struct FuzzRegressionTests {
    /// Replays `path` and checks the readers' promises: no crash (a crash fails the whole run), a rejected
    /// input has issues, each naming the file, with a message and a line inside the input.
    func replay(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FuzzOutcome {
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)", sourceLocation: sourceLocation)
        let outcome = PlantFuzz.read(data)
        #expect(PlantFuzz.violations(outcome) == [], "\(path)", sourceLocation: sourceLocation)
        return outcome
    }

    @Test("Every regression input found by fuzzing is read without a crash; each is rejected with located issues")
    func regressions() throws {
        #expect(FileManager.default.fileExists(atPath: FuzzInputs.root + "/regressions/README.md"), "Tests/Fuzz/regressions is missing")
        for path in FuzzInputs.files("regressions") {
            let outcome = try replay(path)
            #expect(!outcome.accepted, "\(path) was accepted")
        }
    }

    @Test("Every seed of the corpus is read; the shipped files and the generated plan.json are accepted")
    func corpus() throws {
        let files = FuzzInputs.files("corpus")
        #expect(files.count >= 15, "Tests/Fuzz/corpus has \(files.count) files: run Tests/Fuzz/make-corpus.sh")
        for path in files {
            let outcome = try replay(path)
            let name = (path as NSString).lastPathComponent
            let expected: FuzzKind = switch name.prefix(while: { $0 != "-" }) {
            case "site": .site
            case "design": .design
            case "catalog": .catalog
            case "epw": .epw
            default: .plan
            }
            #expect(outcome.kind == expected, "\(name)")
            // The two-day weather files are short of a year; every other seed is a whole, valid file.
            if name.hasPrefix("epw-two-days") {
                #expect(!outcome.accepted)
                #expect(outcome.issues.map(\.description) == ["fuzz-weather.epw: 48 hourly rows; an EPW year has 8,760 (8,784 in a leap year)"])
            } else {
                #expect(outcome.accepted, "\(name): \(outcome.issues.map(\.description))")
            }
        }
    }

    @Test("The kind byte picks the reader modulo 5; an empty input is an empty site file")
    func kinds() {
        let text = Data("name: x\n".utf8)
        for byte in [UInt8(0), 1, 2, 3, 4, 5, 9, 254, 255] {
            let outcome = PlantFuzz.run(Data([byte]) + text)
            #expect(outcome.kind.rawValue == byte % 5)
            #expect(!outcome.accepted && !outcome.issues.isEmpty)
            #expect(outcome.issues.allSatisfy { $0.file == outcome.kind.fileName })
        }
        let empty = PlantFuzz.run(Data())
        #expect(empty.kind == .site && empty.issues.map(\.message) == ["file is empty"])
    }

    @Test("An issue pointing past the input's last line, or naming another file, is a violation")
    func invariants() {
        let outcome = FuzzOutcome(kind: .site, accepted: false, issues: [
            ValidationIssue(file: "fuzz-site.yaml", line: 3, path: "name", message: "too far"),
            ValidationIssue(file: "other.yaml", line: 1, path: "", message: "elsewhere"),
        ], lineCount: 2)
        #expect(PlantFuzz.violations(outcome).count == 2)
        #expect(PlantFuzz.violations(FuzzOutcome(kind: .epw, accepted: false, issues: [], lineCount: 1)) == ["rejected without an issue"])
    }
}

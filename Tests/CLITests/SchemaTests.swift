import Foundation
import Testing

/// `Tests/Schema/validate.py`, an independent JSON Schema validator (Python `jsonschema`, draft 2020-12).
enum SchemaValidator {
    static let script = TokenPlantCLI.packageRoot.appendingPathComponent("Tests/Schema/validate.py").path
    /// In CI a missing validator fails the tests that need it instead of skipping them.
    static let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    /// Whether `python3` on the PATH imports jsonschema and yaml (`./dev test` installs them).
    static let available = (try? python(["-c", "import jsonschema, yaml"]).status) == 0

    /// Runs `python3 ARGUMENTS` from the package root; stdout and stderr together.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = TokenPlantCLI.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// validate.py's verdict on `files` against the committed schema of `kind`.
    static func check(_ kind: String, _ files: [String]) throws -> (status: Int32, output: String) {
        let result = try python([script, TokenPlantCLI.packageRoot.appendingPathComponent("schemas/\(kind).schema.json").path] + files)
        #expect(result.status != 77, "validator missing: \(result.output)")
        return result
    }
}

@Suite("tokenplant schema")
struct SchemaTests {
    static let kinds = ["site", "design", "catalog"]

    static func shipped(_ kind: String) -> [String] {
        switch kind {
        case "site": files(in: "sites") + ["examples/facility-codesign/ashburn-va-expansion.yaml", "examples/fleet-refresh/ashburn-fixed-grid.yaml",
                         "examples/campus-refresh/ashburn-growing-grid.yaml"]
        case "design": files(in: "reference-designs") + ["examples/facility-codesign/phased-campus.yaml", "examples/fleet-refresh/hopper-refresh.yaml",
                           "examples/campus-refresh/campus-refresh.yaml", "examples/fabric-pods/hopper-pods.yaml"]
        default: ["Sources/PlantModel/Resources/catalog.yaml"]
        }
    }

    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TokenPlantCLI.packageRoot.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test("schema KIND prints the committed schemas/KIND.schema.json byte for byte", arguments: kinds)
    func matchesCommitted(kind: String) async throws {
        let run = try await TokenPlantCLI.run(["schema", kind])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run)")
        let committed = try shippedText("schemas/\(kind).schema.json")
        let same = run.stdout == committed
        #expect(same, "schemas/\(kind).schema.json is stale: regenerate it with `tokenplant schema \(kind) --out schemas/\(kind).schema.json`")
    }

    @Test("--out writes the same bytes as stdout and says where")
    func out() async throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("site.schema.json").path
        let run = try await TokenPlantCLI.run(["schema", "site", "--out", path])
        #expect(run.status == 0 && run.stdout == "site schema written to \(path)\n", "\(run)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == shippedText("schemas/site.schema.json"))
    }

    @Test("an unknown kind exits 2 and names the valid ones")
    func unknownKind() async throws {
        let run = try await TokenPlantCLI.run(["schema", "plan"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrLines == ["schema: unknown file kind 'plan'; expected one of: site, design, catalog"], "\(run)")
    }

    @Test("every shipped site and design starts with the modeline that points the YAML language server at its schema")
    func modelines() throws {
        for kind in ["site", "design"] {
            for file in Self.shipped(kind) {
                let first = try shippedText(file).split(separator: "\n", maxSplits: 1).first.map(String.init)
                let up = String(repeating: "../", count: file.split(separator: "/").count - 1)
                #expect(first == "# yaml-language-server: $schema=\(up)schemas/\(kind).schema.json", "\(file)")
            }
        }
        let catalog = try shippedText("Sources/PlantModel/Resources/catalog.yaml")
        #expect(catalog.hasPrefix("# yaml-language-server: $schema=../../../schemas/catalog.schema.json\n"))
    }

    @Test("schema facts worked out by hand from the model types and the range table")
    func handFacts() throws {
        func load(_ kind: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(shippedText("schemas/\(kind).schema.json").utf8)) as? [String: Any])
        }
        func at(_ node: [String: Any]?, _ steps: String...) -> [String: Any]? {
            steps.reduce(node) { node, step in
                step == "[]" ? node?["items"] as? [String: Any] : (node?["properties"] as? [String: Any])?[step] as? [String: Any]
            }
        }
        let site = try load("site"), design = try load("design"), catalog = try load("catalog")
        for schema in [site, design, catalog] {
            #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
            #expect(schema["additionalProperties"] as? Bool == false)
        }
        // Feed.capacityMW: Double, FieldRange 1…5000 MW.
        let feed = at(site, "grid", "feeds", "[]", "capacityMW")
        #expect(feed?["type"] as? String == "number" && feed?["minimum"] as? Double == 1 && feed?["maximum"] as? Double == 5000)
        // Feed: name, capacityMW, availableFrom, all non-optional; availableFrom is a Quarter (pattern).
        #expect(at(site, "grid", "feeds", "[]")?["required"] as? [String] == ["name", "capacityMW", "availableFrom"])
        #expect(at(site, "grid", "feeds", "[]", "availableFrom")?["pattern"] != nil)
        // Site.carbonIntensityKgPerMWh: Double?, so optional (not required) but never null: a key with no value is refused.
        #expect(at(site, "carbonIntensityKgPerMWh")?["type"] as? String == "number")
        #expect((site["required"] as? [String])?.contains("carbonIntensityKgPerMWh") == false)
        // HallGroup.positions: Int, 1…5000.
        let positions = at(design, "halls", "[]", "positions")
        #expect(positions?["type"] as? String == "integer" && positions?["minimum"] as? Double == 1 && positions?["maximum"] as? Double == 5000)
        // ReferenceDesign.scalableUnits: [String: Int]?, 1…1000 racks per unit.
        let units = at(design, "scalableUnits")
        #expect(units?["type"] as? String == "object")
        let unit = units?["additionalProperties"] as? [String: Any]
        #expect(unit?["type"] as? String == "integer" && unit?["minimum"] as? Double == 1 && unit?["maximum"] as? Double == 1000)
        // HeatRejectionType's three cases; PowerMode's raw values.
        #expect(at(design, "heatRejection", "type")?["enum"] as? [String] == ["dryCooler", "adiabaticDryCooler", "coolingTower"])
        #expect(at(catalog, "profiles", "[]", "powerMode")?["enum"] as? [String] == ["Max-P", "Max-Q"])
        // MLPerfResult.gpus: Int, 1…10000; Throughput.mlperf is optional.
        let gpus = at(catalog, "profiles", "[]", "throughput", "[]", "mlperf", "gpus")
        #expect(gpus?["type"] as? String == "integer" && gpus?["maximum"] as? Double == 10000)
        #expect(at(catalog, "profiles", "[]", "throughput", "[]", "mlperf")?["type"] as? String == "object")
    }

    @Test("every shipped site, design and the catalog validates against its schema with Python jsonschema",
          .enabled(if: SchemaValidator.available || SchemaValidator.inCI,
                   "python3 cannot import jsonschema and yaml (./dev test installs them; in CI this fails instead)"), arguments: kinds)
    func shippedFilesValidate(kind: String) throws {
        let files = Self.shipped(kind)
        #expect(!files.isEmpty)
        let result = try SchemaValidator.check(kind, files)
        #expect(result.status == 0 && result.output.isEmpty, "\(result.output)")
    }

    /// One edit of a shipped file, which both validators must reject, naming `key`.
    struct Mutant: Sendable, CustomStringConvertible {
        var kind: String
        var what: String
        var old: String
        var new: String
        var key: String
        var description: String { "\(kind): \(what)" }
    }

    static let mutants: [Mutant] = [
        Mutant(kind: "site", what: "text for a number", old: "energyPriceUSDPerMWh: 89.2\n", new: "energyPriceUSDPerMWh: cheap\n", key: "energyPriceUSDPerMWh"),
        Mutant(kind: "site", what: "outside its range (−90…90°)", old: "  latitudeDeg: 38.98\n", new: "  latitudeDeg: 138.98\n", key: "latitudeDeg"),
        Mutant(kind: "site", what: "a misspelt optional key", old: "carbonIntensityKgPerMWh: 282.6\n", new: "carbonIntensityKgPerMwh: 282.6\n", key: "carbonIntensityKgPerMwh"),
        Mutant(kind: "site", what: "a required key missing", old: "energyPriceUSDPerMWh: 89.2\n", new: "", key: "energyPriceUSDPerMWh"),
        Mutant(kind: "site", what: "an evidence that is not one of the three", old: "evidence: measured, note: \"EIA", new: "evidence: measurd, note: \"EIA", key: "evidence"),
        Mutant(kind: "site", what: "quarter 5", old: "capacityMW: 350, availableFrom: 2026Q1}", new: "capacityMW: 350, availableFrom: 2026Q5}", key: "availableFrom"),
        Mutant(kind: "design", what: "text for a number", old: "    positions: 235\n", new: "    positions: many\n", key: "positions"),
        Mutant(kind: "design", what: "a fraction for a whole number", old: "    count: 4\n", new: "    count: 4.5\n", key: "count"),
        Mutant(kind: "design", what: "kelvin for °C, outside −60…60", old: "  ratedAmbientC: 25.6\n", new: "  ratedAmbientC: 298.75\n", key: "ratedAmbientC"),
        Mutant(kind: "design", what: "a misspelt optional key", old: "    maxRackWeightKg: 1200\n", new: "    maxRackWeightKG: 1200\n", key: "maxRackWeightKG"),
        Mutant(kind: "design", what: "a required key missing", old: "  approachK: 3.8\n", new: "", key: "approachK"),
        Mutant(kind: "design", what: "a heat-rejection type that does not exist", old: "  type: coolingTower\n", new: "  type: coolingTowers\n", key: "type"),
        Mutant(kind: "catalog", what: "a unit in a number", old: "    rackMaxKW: 40.8\n", new: "    rackMaxKW: 40.8 kW\n", key: "rackMaxKW"),
        Mutant(kind: "catalog", what: "a share above 1", old: "    liquidShare: 0\n", new: "    liquidShare: 1.5\n", key: "liquidShare"),
        Mutant(kind: "catalog", what: "a misspelt optional key", old: "    timeToFirstTokenS: 2\n", new: "    timeToFirstTokenMs: 2\n", key: "timeToFirstTokenMs"),
        Mutant(kind: "catalog", what: "a required key missing", old: "    generation: Hopper\n", new: "", key: "generation"),
        Mutant(kind: "catalog", what: "a power mode that does not exist", old: "    powerMode: Max-P\n", new: "    powerMode: MaxP\n", key: "powerMode"),
    ]

    /// The file each kind's mutants edit; a design is written beside a copy of its site.
    static let mutated = ["site": "sites/ashburn-va.yaml", "design": "reference-designs/legacy-hopper-air.yaml",
                          "catalog": "Sources/PlantModel/Resources/catalog.yaml"]

    /// Writes `text` as the mutated file of `kind` in `folder` (with the site a design names) and returns its path.
    static func place(_ text: String, kind: String, in folder: TemporaryFolder) throws -> String {
        let manager = FileManager.default
        for sub in ["sites", "reference-designs"] {
            try manager.createDirectory(at: folder.url.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        _ = try folder.write(shippedText("sites/ashburn-va.yaml"), to: "sites/ashburn-va.yaml")
        let relative = kind == "catalog" ? "catalog.yaml" : mutated[kind]!
        return try folder.write(text, to: relative)
    }

    @Test("the unmutated copies pass both validators", .enabled(if: SchemaValidator.available || SchemaValidator.inCI,
                   "python3 cannot import jsonschema and yaml (./dev test installs them; in CI this fails instead)"), arguments: kinds)
    func controls(kind: String) async throws {
        let folder = try TemporaryFolder()
        let path = try Self.place(try shippedText(Self.mutated[kind]!), kind: kind, in: folder)
        let python = try SchemaValidator.check(kind, [path])
        #expect(python.status == 0, "\(python.output)")
        let swift = try await TokenPlantCLI.run(["validate", path])
        #expect(swift.status == 0, "\(swift)")
    }

    @Test("a mutated file fails the schema (Python jsonschema) and tokenplant validate alike, both naming the key",
          .enabled(if: SchemaValidator.available || SchemaValidator.inCI,
                   "python3 cannot import jsonschema and yaml (./dev test installs them; in CI this fails instead)"), arguments: mutants)
    func mutantsFail(mutant: Mutant) async throws {
        let original = try shippedText(Self.mutated[mutant.kind]!)
        let range = try #require(original.range(of: mutant.old), "\(mutant): '\(mutant.old)' not in the file")
        let folder = try TemporaryFolder()
        let path = try Self.place(original.replacingCharacters(in: range, with: mutant.new), kind: mutant.kind, in: folder)
        let python = try SchemaValidator.check(mutant.kind, [path])
        #expect(python.status == 1 && python.output.contains(mutant.key), "\(mutant): \(python.output)")
        let swift = try await TokenPlantCLI.run(["validate", path])
        #expect(swift.status == 1 && swift.stderr.contains(mutant.key), "\(mutant): \(swift)")
    }
}

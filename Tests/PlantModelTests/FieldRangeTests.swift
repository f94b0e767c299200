import Foundation
import Testing
import Yams
@testable import PlantModel

/// A shipped file as a YAML node tree, with every optional numeric field filled in, so that one field can
/// be set by its dotted path and the file decoded and validated again.
struct FullFile {
    let kind: PlantFileKind
    var node: Node

    /// Ashburn with feed reliability, carbon, a water limit, an xN/y grid rule and a feed to connect.
    static func site() throws -> FullFile {
        var file = try FullFile(kind: .site, path: Repo.path("sites/ashburn-va.yaml"))
        try file.set("grid.redundancy", "4N/3")
        try file.set("grid.feedReliability", "{mtbfHours: 20000, mttrHours: 4}")
        try file.set("carbonIntensityKgPerMWh", "350")
        try file.set("waterLimitM3PerYear", "1000000")
        try file.set("grid.feeds[3].build", "{capexUSD: 150000000, leadTimeQuarters: 8, fixedOpexUSDPerYear: 1000000, lifeYears: 40}")
        return file
    }

    /// The bundled example with a battery, a demand shape, chillers, tower blowdown, a full design basis, a rack life,
    /// retirement economics, existing racks, halls to build, plant and chiller modules, power blocks, priced fabrics, a water loop and a battery to build
    /// (decodes; chiller modules without chillers given and the blowdown on dry coolers are consistency issues, not range ones).
    static func design() throws -> FullFile {
        var file = try FullFile(kind: .design, path: Repo.path("reference-designs/gb300-nvl72-hybrid.yaml"))
        try file.set("powerChain.battery", "{energyMWh: 100, powerMW: 50, roundTripEfficiency: 0.9, rideThroughMinutes: 5, "
            + "build: {capexUSDPerMWh: 300000, capexUSDPerMW: 250000, leadTimeQuarters: 2, lifeYears: 15, fixedOpexUSDPerYearPerMWh: 7500}}")
        try file.set("workloadMix[0].demand", "{meanUtilization: 0.7, diurnalAmplitude: 0.2, peakHourLocal: 15, tenants: 4, hourlyNoise: 0.05}")
        try file.set("airCooling.chilledWaterSupplyC", "18")
        try file.set("airCooling.economizerApproachK", "1")
        try file.set("heatRejection.chillerCOP", "6")
        try file.set("heatRejection.cyclesOfConcentration", "4")
        // percent and percentile together are a consistency issue (each condition takes one), not a range one.
        try file.set("designBasis", "{condition: fromHours, percent: 1, percentile: 99.6, marginK: 1}")
        try file.set("economics.rackLifeYears", "5")
        try file.set("economics.rackResidualShare", "0.1")
        try file.set("economics.decommissioningUSDPerRack", "20000")
        try file.set("existingRacks", "[{hall: nvl-hall-1, profile: gb200-nvl72, racks: 10, installedQuarter: 2025Q3}]")
        // Halls with existing racks cannot be built: a consistency issue, not a range one.
        try file.set("halls[0].build", "{capexUSD: 385200000, leadTimeQuarters: 4, fixedOpexUSDPerYear: 1000000, lifeYears: 30}")
        try file.set("heatRejection.modules", "{ratedCapacityMW: 100, count: 8, build: {capexUSD: 40000000, leadTimeQuarters: 3, "
            + "fixedOpexUSDPerYear: 100000, lifeYears: 20}}")
        try file.set("heatRejection.chillerModules", "{capacityMW: 10, count: 4, build: {capexUSD: 6000000, leadTimeQuarters: 2, "
            + "fixedOpexUSDPerYear: 50000, lifeYears: 20}}")
        try file.set("halls[0].powerBlocks", "{capacityMW: 12, perHall: 2, build: {capexUSD: 24000000, leadTimeQuarters: 4, "
            + "fixedOpexUSDPerYear: 100000, lifeYears: 15}}")
        // Priced fabrics, the site's and the hall's own, with the share of the racks' overhead they replace.
        try file.set("halls[0].fabric", "{switchRadix: 64, tiers: 2, switchWattsPerPort: 14, opticsWattsPerPort: 15, switchCapexUSD: 36000, "
            + "transceiverCapexUSD: 640}")
        try file.set("fabric", "{switchRadix: 144, tiers: 3, switchWattsPerPort: 14, opticsWattsPerPort: 15, switchCapexUSD: 100000, "
            + "transceiverCapexUSD: 1000}")
        try file.set("economics.fabricShareOfRackOverhead", "0.11")
        // A water loop with every field of the main loop's (the halls stay on the main loop: a consistency issue).
        try file.set("waterLoops", "[{name: w40, liquidCooling: {facilityWaterClass: W40, facilitySupplyTempC: 40, cduApproachK: 3, "
            + "loopDeltaTK: 10, pumpPowerFraction: 0.037, cduCapacityMW: 1.35}, heatRejection: {type: coolingTower, ratedCapacityMW: 200, "
            + "ratedAmbientC: 25, ratedFluidInletC: 50, approachK: 5, fanPowerFraction: 0.02, adiabaticEffectiveness: 0.8, waterLPerKWh: 1.5, "
            + "cyclesOfConcentration: 4, chillerCapacityMW: 20, chillerCOP: 6, modules: {ratedCapacityMW: 100, count: 8, build: {capexUSD: "
            + "40000000, leadTimeQuarters: 3, fixedOpexUSDPerYear: 100000, lifeYears: 20}}, chillerModules: {capacityMW: 10, count: 4, build: "
            + "{capexUSD: 6000000, leadTimeQuarters: 2, fixedOpexUSDPerYear: 50000, lifeYears: 20}}}}]")
        return file
    }

    /// The bundled catalog (every workload limit and every profile field is present).
    static func catalog() throws -> FullFile {
        try FullFile(kind: .catalog, path: Repo.path("Sources/PlantModel/Resources/catalog.yaml"))
    }

    static let bundled = try? Catalog.bundled()

    static func all() throws -> [FullFile] { [try site(), try design(), try catalog()] }

    init(kind: PlantFileKind, path: String) throws {
        self.kind = kind
        node = try #require(try Yams.compose(yaml: String(contentsOfFile: path, encoding: .utf8)))
    }

    /// Sets the field at a dotted path (`halls[0].positions`) to the YAML `text`, adding missing keys.
    mutating func set(_ path: String, _ text: String) throws {
        let value = try #require(try Yams.compose(yaml: text))
        node = Self.setting(node, Self.parts(path)[...], to: value)
    }

    enum Part { case key(String), index(Int) }

    static func parts(_ path: String) -> [Part] {
        var parts: [Part] = []
        for piece in path.split(separator: ".") {
            var rest = Substring(piece)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket > rest.startIndex { parts.append(.key(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    parts.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close])!))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                parts.append(.key(String(rest)))
            }
        }
        return parts
    }

    static func setting(_ node: Node, _ path: ArraySlice<Part>, to value: Node) -> Node {
        guard let first = path.first else { return value }
        switch (first, node) {
        case (.key(let key), .mapping(let mapping)):
            var pairs = mapping.map { ($0.key, $0.value) }
            if let i = pairs.firstIndex(where: { $0.0.string == key }) {
                pairs[i].1 = setting(pairs[i].1, path.dropFirst(), to: value)
            } else {
                pairs.append((Node(key), setting(.mapping(Node.Mapping([])), path.dropFirst(), to: value)))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
        case (.index(let i), .sequence(let sequence)):
            var nodes = Array(sequence)
            nodes[i] = setting(nodes[i], path.dropFirst(), to: value)
            return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style))
        default:
            Issue.record("cannot follow \(first) into \(node)")
            return node
        }
    }

    /// Every problem in the file: decoding problems, else validation ones (designs against the bundled catalog).
    func issues() throws -> [ValidationIssue] {
        let text = try Yams.serialize(node: node)
        do {
            switch kind {
            case .site: return Site.issues(in: try PlantFile.decode(Site.self, from: text, file: "s.yaml"))
            case .design:
                return ReferenceDesign.issues(in: try PlantFile.decode(ReferenceDesign.self, from: text, file: "d.yaml"),
                                              catalog: try #require(Self.bundled))
            case .catalog: return Catalog.issues(in: try PlantFile.decode(Catalog.self, from: text, file: "c.yaml"))
            }
        } catch let error as InputError {
            return error.issues
        }
    }

    /// Every number of the decoded file, with its path and table pattern.
    func numbers() throws -> [NumericField] {
        let text = try Yams.serialize(node: node)
        switch kind {
        case .site: return numericFields(of: try PlantFile.decode(Site.self, from: text, file: "s.yaml").value)
        case .design: return numericFields(of: try PlantFile.decode(ReferenceDesign.self, from: text, file: "d.yaml").value)
        case .catalog: return numericFields(of: try PlantFile.decode(Catalog.self, from: text, file: "c.yaml").value)
        }
    }
}

extension FieldRange: CustomTestStringConvertible {
    public var testDescription: String { "\(file.rawValue): \(path)" }
}

/// How a value of a row is written in a file.
func written(_ value: Double, _ row: FieldRange) -> String {
    if row.path.hasSuffix("redundancy") {
        let blocks = Int(value)
        return "\(blocks)N/\(max(1, blocks - 1))"
    }
    return row.whole ? String(Int(value)) : "\(value)"
}

@Suite("Every numeric field has one physical range (FieldRange)")
struct FieldRangeTests {
    @Test("The table is well formed: one row per field, low < high, whole bounds for whole fields, a reason for each")
    func tableWellFormed() {
        var seen: Set<String> = []
        for row in FieldRange.all {
            #expect(seen.insert("\(row.file).\(row.path)").inserted, "duplicate row \(row.path)")
            #expect(row.low < row.high, "\(row.path)")
            #expect(!row.what.isEmpty && !row.why.isEmpty, "\(row.path)")
            if row.whole { #expect(row.low == row.low.rounded() && row.high == row.high.rounded(), "\(row.path)") }
            #expect(FieldRange.row(row.file, row.path) == row)
        }
        #expect(FieldRange.all.count(where: { !$0.derived }) >= 85)
    }

    @Test("Every number of a fully populated site, design and catalog has a row, and every row a number")
    func everyNumberHasARow() throws {
        for file in try FullFile.all() {
            let numbers = try file.numbers()
            let patterns = Set(numbers.map(\.pattern))
            for pattern in patterns.sorted() {
                #expect(FieldRange.row(file.kind, pattern) != nil, "\(file.kind): no range for \(pattern)")
            }
            for row in FieldRange.all where row.file == file.kind && !row.derived {
                #expect(patterns.contains(row.path), "\(file.kind): row \(row.path) matches no field")
            }
            #expect(try file.issues().allSatisfy { !$0.message.contains("out of range") }, "\(file.kind)")
        }
    }

    @Test("For every row, a value just outside each bound is rejected with the path and the range; the bounds pass",
          arguments: FieldRange.all.filter { !$0.derived })
    func bounds(row: FieldRange) throws {
        let base = try FullFile.all().first { $0.kind == row.file }!
        let path = try #require(try base.numbers().first { $0.pattern == row.path }?.path)
        let range = "out of range [\(format(row.low)), \(format(row.high))]" + (row.unit.isEmpty ? "" : " \(row.unit)") + " (\(row.what))"
        let below = row.whole ? row.low - 1 : row.low.nextDown
        let above = row.whole ? row.high + 1 : row.high.nextUp
        for value in [below, above] {
            var file = base
            try file.set(path, written(value, row))
            let issues = try file.issues().filter { $0.path == path }
            if row.path.hasSuffix("redundancy"), value < row.low {
                // 1N/… does not parse as a rule at all.
                #expect(issues.contains { $0.message.contains("is not a redundancy rule") }, "\(issues)")
                continue
            }
            #expect(issues.contains { $0.message.hasPrefix("value ") && $0.message.contains(range) },
                    "\(path) = \(written(value, row)): \(issues)")
        }
        for value in [row.low, row.high] {
            var file = base
            try file.set(path, written(value, row))
            // Consistency checks may still speak of the field (an idle power above typical); ranges and decoding may not.
            let issues = try file.issues().filter { $0.path == path && ($0.message.contains("out of range") || $0.message.hasPrefix("expected")) }
            #expect(issues.isEmpty, "\(path) = \(written(value, row)): \(issues)")
        }
    }

    @Test("Every unit hint can fire: a value in the hinted unit that lands in range after conversion is named")
    func hintsFire() {
        for row in FieldRange.all {
            for hint in row.hints {
                let meant = [row.low, row.high, (row.low + row.high) / 2].first { target in
                    let given = (target - hint.offset) / hint.scale
                    return !row.contains(given)
                }
                guard let meant else {
                    Issue.record("\(row.path): hint '\(hint.given)' can never fire")
                    continue
                }
                let given = (meant - hint.offset) / hint.scale
                let message = row.problem(given) ?? ""
                #expect(message.contains("did you give") && message.contains(hint.given), "\(row.path): \(message)")
            }
        }
    }

    @Test("The message reads FILE:LINE: field.path: value V out of range [a, b] unit (what), with a unit hint")
    func messageFormat() throws {
        let yaml = try exampleDesign(replacing: "  cduCapacityMW: 1.35", with: "  cduCapacityMW: 1e-300")
        #expect(try designIssues(yaml).map(\.description) == [
            "d.yaml:\(line(of: "cduCapacityMW: 1e-300", in: yaml)): liquidCooling.cduCapacityMW: value 1e-300 out of range [0.01, 20] MW (CDU capacity per unit)",
        ])
        let kW = try exampleDesign(replacing: "  cduCapacityMW: 1.35", with: "  cduCapacityMW: 1350")
        #expect(try designIssues(kW).map(\.message) == [
            "value 1350 out of range [0.01, 20] MW (CDU capacity per unit) — did you give kW?",
        ])
        let site = try String(contentsOfFile: Repo.path("sites/ashburn-va.yaml"), encoding: .utf8)
        let price = try #require(site.split(separator: "\n").first { $0.hasPrefix("energyPriceUSDPerMWh:") })
        #expect(try siteIssues(site.replacingOccurrences(of: price, with: "energyPriceUSDPerMWh: 0.08")) == [
            "energyPriceUSDPerMWh: value 0.08 out of range [1, 2000] USD/MWh (energy price) — did you give USD per kWh?",
        ])
        let feeds = site.replacingOccurrences(of: "capacityMW: 350,", with: "capacityMW: 350000,")
        #expect(try siteIssues(feeds).first == "grid.feeds[0].capacityMW: value 350000 out of range [1, 5000] MW (capacity of one utility feed) — did you give kW?")
        let gw = site.replacingOccurrences(of: "capacityMW: 350,", with: "capacityMW: 0.35,")
        #expect(try siteIssues(gw).first == "grid.feeds[0].capacityMW: value 0.35 out of range [1, 5000] MW (capacity of one utility feed) — did you give GW?")
    }

    /// The one issue of a design with one line replaced, as "path: message".
    func designIssue(_ old: String, _ new: String) throws -> [String] {
        try designIssues(try exampleDesign(replacing: old, with: new)).map { "\($0.path): \($0.message)" }
    }

    @Test("Inputs that crashed or misled the planner and twin are each reported, not run")
    func fuzzedInputs() throws {
        #expect(try designIssue("    positions: 240", "    positions: 4611686018427387904") == [
            "halls[0].positions: value 4611686018427387904 out of range [1, 5000] positions (rack positions per hall)"])
        #expect(try designIssue("    count: 8", "    count: 4611686018427387904") == [
            "halls[0].count: value 4611686018427387904 out of range [1, 200] halls (identical halls in the group)"])
        #expect(try designIssue("    count: 8", "    count: 2147483648") == [
            "halls[0].count: value 2147483648 out of range [1, 200] halls (identical halls in the group)"])
        #expect(try designIssue("    count: 8", "    count: 10000000") == [
            "halls[0].count: value 10000000 out of range [1, 200] halls (identical halls in the group)"])
        #expect(try designIssue("    count: 8", "    count: 18446744073709551616") == [
            "halls[0].count: expected a whole number, got '18446744073709551616'"])
        #expect(try designIssue("    positions: 240", "    positions: 1:1:1:1:1:1:1:1:1:1:1:1") == [
            "halls[0].positions: expected a whole number, got '1:1:1:1:1:1:1:1:1:1:1:1' (YAML 1.1 base-60 numbers such as 5:30 are not read; write 5.5)"])
        #expect(try designIssue("  cduCapacityMW: 1.35", "  cduCapacityMW: 1e-300") == [
            "liquidCooling.cduCapacityMW: value 1e-300 out of range [0.01, 20] MW (CDU capacity per unit)"])
        #expect(try designIssue("switchWattsPerPort: 14", "switchWattsPerPort: 1e15") == [
            "fabric.switchWattsPerPort: value 1000000000000000 out of range [0, 200] W (switch power per port)"])
        #expect(try designIssue("  chillerCapacityMW: 0", "  chillerCapacityMW: 0\n  chillerCOP: 1e-300") == [
            "heatRejection.chillerCOP: value 1e-300 out of range [2.5, 12] (chiller COP at the design condition)"])
        #expect(try designIssue("  loopDeltaTK: 10", "  loopDeltaTK: 1e300") == [
            "liquidCooling.loopDeltaTK: value 1e+300 out of range [1, 30] K (facility loop temperature rise)"])
        #expect(try designIssue("  waterLPerKWh: 1.5", "  waterLPerKWh: -1") == [
            "heatRejection.waterLPerKWh: value -1 out of range [0.2, 10] L/kWh (water evaporated per kWh rejected evaporatively)"])

        let catalog = try String(contentsOfFile: Repo.path("Sources/PlantModel/Resources/catalog.yaml"), encoding: .utf8)
        func catalogIssues(_ old: String, _ new: String) throws -> [String] {
            precondition(catalog.contains(old))
            let text = catalog.replacingOccurrences(of: old, with: new)
            return Catalog.issues(in: try PlantFile.decode(Catalog.self, from: text, file: "c.yaml")).map { "\($0.path): \($0.message)" }
        }
        let ports = try catalogIssues("    scaleOutPortsPerGPU: 1\n", "    scaleOutPortsPerGPU: 4611686018427387904\n")
        #expect(!ports.isEmpty && ports.allSatisfy { $0.hasSuffix(".scaleOutPortsPerGPU: value 4611686018427387904 out of range [0, 16] ports (scale-out network ports per GPU)") })
        let cheap = try catalogIssues("    rackPriceUSD: 1080000\n", "    rackPriceUSD: 1e-300\n")
        #expect(cheap == [
            "profiles[0].rackPriceUSD: value 1e-300 out of range [1000, 1000000000] USD (price of one rack)",
        ])
        let dear = try catalogIssues("    rackPriceUSD: 1080000\n", "    rackPriceUSD: 1e300\n")
        #expect(dear.first == "profiles[0].rackPriceUSD: value 1e+300 out of range [1000, 1000000000] USD (price of one rack)")
        #expect(try catalogIssues("    rackPriceUSD: 1080000\n", "    rackPriceUSD: 3.9\n").first
            == "profiles[0].rackPriceUSD: value 3.9 out of range [1000, 1000000000] USD (price of one rack) — did you give thousands of USD or millions of USD?")
    }

    @Test("No two halls share a name once groups are expanded to name-1…name-N")
    func hallNames() throws {
        let hall = """
              - name: nvl-hall-1
                count: 1
                positions: 240
                maxRackKW: 150
                installedCapacityMW: 48
                redundancy: 4N/3
                liquidCapacityMW: 30
                airCapacityMW: 9
                availableFrom: 2026Q1
            """
        let clash = try exampleDesign(replacing: "powerChain:", with: hall + "\npowerChain:")
        let issues = try designIssues(clash)
        #expect(issues.map { "\($0.path): \($0.message)" } == [
            "halls[1].name: two halls named 'nvl-hall-1': halls[1] 'nvl-hall-1' and hall 1 of group 'nvl-hall' (halls[0], count 8, named nvl-hall-1…nvl-hall-8)",
        ])
        #expect(issues.first?.line == line(of: "  - name: nvl-hall-1", in: clash))
        let apart = clash.replacingOccurrences(of: "- name: nvl-hall-1", with: "- name: nvl-hall-9")
        #expect(try designIssues(apart).isEmpty)
        let twice = clash.replacingOccurrences(of: "- name: nvl-hall-1\n    count: 1", with: "- name: nvl-hall\n    count: 3")
        #expect(try designIssues(twice).map(\.message) == [
            "two halls named 'nvl-hall-1': hall 1 of group 'nvl-hall' (halls[1], count 3, named nvl-hall-1…nvl-hall-3) and hall 1 of group 'nvl-hall' (halls[0], count 8, named nvl-hall-1…nvl-hall-8)",
        ])
    }

    @Test("At most 2,000 halls in all and 80 quarters: the derived bounds")
    func derivedBounds() throws {
        var groups = ""
        for g in 2...11 {
            groups += "  - {name: h\(g), count: 200, positions: 240, maxRackKW: 150, installedCapacityMW: 48, redundancy: 4N/3, liquidCapacityMW: 30, airCapacityMW: 9, availableFrom: 2026Q1}\n"
        }
        let many = try exampleDesign(replacing: "    count: 8", with: "    count: 200")
            .replacingOccurrences(of: "powerChain:", with: groups + "powerChain:")
        #expect(try designIssues(many).map { "\($0.path): \($0.message)" } == [
            "halls: value 2200 out of range [1, 2000] halls (halls in total, the sum of every group's count)"])
        let long = try exampleDesign(replacing: "last: 2029Q4", with: "last: 2046Q1")
        #expect(try designIssues(long).map { "\($0.path): \($0.message)" } == [
            "horizon.last: value 81 out of range [1, 80] quarters (quarters from horizon.first to horizon.last)"])
        #expect(try designIssues(try exampleDesign(replacing: "last: 2029Q4", with: "last: 2045Q4")).isEmpty)
    }

    @Test("A hall count out of range is reported once, without expanding the group")
    func hugeCountNotExpanded() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let issues = try designIssue("    count: 8", "    count: 9223372036854775807")
        #expect(issues == ["halls[0].count: value 9223372036854775807 out of range [1, 200] halls (identical halls in the group)"])
        #expect(clock.now - start < .seconds(10))
    }
}

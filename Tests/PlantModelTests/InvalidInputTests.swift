import Foundation
import Testing
@testable import PlantModel

/// One test per class of invalid input: exact path, message and (YAML) line.
@Suite("Invalid input is reported with file, line and field")
struct InvalidInputTests {
    func single(_ yaml: String) throws -> ValidationIssue {
        let issues = try designIssues(yaml)
        #expect(issues.count == 1, "\(issues)")
        return try #require(issues.first)
    }

    @Test func unknownKeyWithHint() throws {
        let yaml = try exampleDesign(replacing: "    positions: 240", with: "    positions: 240\n    postions: 3")
        let issue = try single(yaml)
        #expect(issue.path == "halls[0].postions")
        #expect(issue.message == "unknown key 'postions' (did you mean 'positions'?)")
        #expect(issue.line == line(of: "postions", in: yaml))
    }

    @Test func missingKey() throws {
        let yaml = try exampleDesign(replacing: "    maxRackKW: 150\n", with: "")
        let issue = try single(yaml)
        #expect(issue.path == "halls[0].maxRackKW")
        #expect(issue.message == "missing key 'maxRackKW'")
        #expect(issue.line == line(of: "  - name: nvl-hall", in: yaml))
    }

    @Test func wrongType() throws {
        let yaml = try exampleDesign(replacing: "    positions: 240", with: "    positions: many")
        let issue = try single(yaml)
        #expect(issue.path == "halls[0].positions")
        #expect(issue.message == "expected a whole number, got 'many'")
        #expect(issue.line == line(of: "positions: many", in: yaml))
    }

    @Test("A hall with no power path of its own needs power blocks to build one")
    func zeroCapacityWithoutBlocks() throws {
        let yaml = try exampleDesign(replacing: "    installedCapacityMW: 48", with: "    installedCapacityMW: 0")
        let issue = try single(yaml)
        #expect(issue.path == "halls[0].installedCapacityMW")
        #expect(issue.message.hasPrefix("a hall without power blocks needs an installed power path"))
        let blocks = try exampleDesign(replacing: "    installedCapacityMW: 48", with: "    installedCapacityMW: 0\n"
            + "    powerBlocks: {capacityMW: 12, perHall: 4, build: {capexUSD: 24000000, leadTimeQuarters: 4, lifeYears: 15}}")
        #expect(try designIssues(blocks).isEmpty)
    }

    /// The bundled design's racks are rated 132 kW (GB200 NVL72) and 140 kW (GB300 NVL72) in the catalog: a hall limited to
    /// 100 kW a rack holds neither, so its positions, power and cooling would hold nothing; at 135 kW GB200 fits.
    @Test("A hall no allowed profile may stand in is named, with each profile's reason")
    func hallAdmittingNothing() throws {
        let yaml = try exampleDesign(replacing: "    maxRackKW: 150", with: "    maxRackKW: 100")
        let issue = try single(yaml)
        #expect(issue.path == "halls[0]")
        #expect(issue.message == "no allowed profile can stand in nvl-hall (gb200-nvl72: rack 132 kW > the hall's maxRackKW 100 kW; "
            + "gb300-nvl72: rack 140 kW > the hall's maxRackKW 100 kW): change what keeps them out, allow a profile that fits "
            + "(profiles), or remove the hall")
        #expect(issue.line == line(of: "  - name: nvl-hall", in: yaml))
        // One profile that fits is enough.
        #expect(try designIssues(try exampleDesign(replacing: "    maxRackKW: 150", with: "    maxRackKW: 135")).isEmpty)
    }

    @Test func negativeCapacity() throws {
        let yaml = try exampleDesign(replacing: "    installedCapacityMW: 48", with: "    installedCapacityMW: -48")
        let issue = try single(yaml)
        #expect(issue.path == "halls[0].installedCapacityMW")
        #expect(issue.message == "value -48 out of range [0, 500] MW (installed power-path capacity per hall before any power block)")
        #expect(issue.line == line(of: "installedCapacityMW: -48", in: yaml))
    }

    @Test("A negative cooling capacity is reported on its own field, not again on the hall's sum")
    func negativeCoolingReportedOnce() throws {
        let yaml = try exampleDesign(replacing: "    liquidCapacityMW: 30", with: "    liquidCapacityMW: -30")
        let issue = try single(yaml)
        #expect(issue.path == "halls[0].liquidCapacityMW" && issue.line == line(of: "liquidCapacityMW: -30", in: yaml))
        // Both in range and summing to 0 (-30 + 9 above would be -21): the sum's own check still speaks.
        let none = try exampleDesign(replacing: "    liquidCapacityMW: 30\n    airCapacityMW: 9", with: "    liquidCapacityMW: 0\n    airCapacityMW: 0")
        #expect(try designIssues(none).contains {
            $0.path == "halls[0].airCapacityMW" && $0.message == "a hall needs some cooling: liquidCapacityMW + airCapacityMW must be > 0"
        })
    }

    @Test("Quarters out of order name the fix")
    func quartersOutOfOrder() throws {
        let late = try exampleDesign(replacing: "    availableFrom: 2026Q1", with: "    availableFrom: 2031Q1")
        let issue = try single(late)
        #expect(issue.path == "halls[0].availableFrom" && issue.line == line(of: "availableFrom: 2031Q1", in: late))
        #expect(issue.message == "2031Q1 is after the horizon ends (2029Q4): bring availableFrom into the horizon, extend horizon.last, "
            + "or remove the hall")
        let swapped = try exampleDesign(replacing: "horizon: {first: 2026Q1, last: 2029Q4}", with: "horizon: {first: 2029Q4, last: 2026Q1}")
        #expect(try designIssues(swapped).contains { $0.path == "horizon.last" && $0.message == "2026Q1 is before horizon.first 2029Q4: swap them, or correct the mistyped one" })
    }

    @Test("A hall whose lead time runs past the horizon is reported on its lead time, with the most that fits")
    func leadTimePastHorizon() throws {
        let text = try String(contentsOfFile: Repo.path("examples/facility-codesign/phased-campus.yaml"), encoding: .utf8)
        let old = "    build: {capexUSD: 741600000, leadTimeQuarters: 6}"
        try #require(text.contains(old))
        // Ordered in 2026Q1, 20 quarters put the dense halls in service in 2031Q1; the horizon ends in 2029Q4, 15 quarters on.
        let late = text.replacingOccurrences(of: old, with: "    build: {capexUSD: 741600000, leadTimeQuarters: 20}")
        let issue = try single(late)
        #expect(issue.path == "halls[3].build.leadTimeQuarters" && issue.line == line(of: "leadTimeQuarters: 20", in: late))
        #expect(issue.message == "20 quarters from the horizon's start (2026Q1) put the hall in service in 2031Q1, after the horizon "
            + "ends (2029Q4): give at most 15, extend horizon.last, or remove the hall")
        // 15 quarters: in service in 2029Q4, the horizon's last quarter.
        let latest = text.replacingOccurrences(of: old, with: "    build: {capexUSD: 741600000, leadTimeQuarters: 15}")
        #expect(try designIssues(latest).isEmpty)
    }

    @Test func unitMistakeHint() throws {
        let yaml = try exampleDesign(replacing: "  ratedCapacityMW: 400\n", with: "  ratedCapacityMW: 400000\n")
        let issue = try single(yaml)
        #expect(issue.path == "heatRejection.ratedCapacityMW")
        #expect(issue.message == "value 400000 out of range [0.1, 20000] MW (heat-rejection capacity at rating) — did you give kW?")
    }

    @Test func temperatureOutsidePhysicalRange() throws {
        let yaml = try exampleDesign(replacing: "  ratedAmbientC: 35", with: "  ratedAmbientC: 308")
        let issues = try designIssues(yaml)
        #expect(issues.contains { $0.path == "heatRejection.ratedAmbientC"
            && $0.message == "value 308 out of range [-60, 60] °C (ambient at the rating point) — did you give kelvin?"
            && $0.line == line(of: "ratedAmbientC: 308", in: yaml) })
    }

    @Test func supplyAboveProfileMaximum() throws {
        let yaml = try exampleDesign(replacing: "facilityWaterClass: W32", with: "facilityWaterClass: W40")
            .replacingOccurrences(of: "facilitySupplyTempC: 32", with: "facilitySupplyTempC: 36")
        let issues = try designIssues(yaml)
        #expect(issues.map(\.message) == [
            "rack supply 39 °C (facility 36 + CDU approach 3 K) is above gb200-nvl72's maximum coolant supply 35 °C",
            "rack supply 39 °C (facility 36 + CDU approach 3 K) is above gb300-nvl72's maximum coolant supply 35 °C",
        ])
        #expect(issues.allSatisfy { $0.path == "liquidCooling.facilitySupplyTempC" && $0.line == line(of: "facilitySupplyTempC: 36", in: yaml) })
    }

    @Test func unknownProfileAndWorkload() throws {
        let yaml = try exampleDesign(replacing: "profiles: [gb200-nvl72, gb300-nvl72]", with: "profiles: [gb200-nvl72, gb300-nvl72, gb400-nvl72]")
            .replacingOccurrences(of: "workload: llama2-70b-server", with: "workload: llama9")
        let issues = try designIssues(yaml)
        #expect(issues.contains { $0.path == "profiles[2]" && $0.message.hasPrefix("unknown profile 'gb400-nvl72'") })
        #expect(issues.contains { $0.path == "workloadMix[1].workload" && $0.message.hasPrefix("unknown workload 'llama9'") })
    }

    @Test func sharesMustSumToOne() throws {
        let issue = try single(try exampleDesign(replacing: "share: 0.7", with: "share: 0.6"))
        #expect(issue.path == "workloadMix")
        #expect(issue.message == "shares must sum to 1, got 0.9")
    }

    @Test func quarterThatDoesNotParse() throws {
        let yaml = try exampleDesign(replacing: "last: 2029Q4", with: "last: 2029Q5")
        let issue = try single(yaml)
        #expect(issue.path == "horizon.last")
        #expect(issue.message == "'2029Q5' is not a quarter (expected YYYYQn, such as 2027Q3, with a year from 1900 to 2200)")
        #expect(issue.line == line(of: "2029Q5", in: yaml))
    }

    @Test func duplicateNames() throws {
        let site = try String(contentsOfFile: Repo.path("sites/ashburn-va.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: feed-b", with: "name: feed-a")
        let decoded = try PlantFile.decode(Site.self, from: site, file: "s.yaml")
        let issues = Site.issues(in: decoded)
        #expect(issues.map(\.description) == ["s.yaml:\(line(of: "name: feed-a, capacityMW: 350, availableFrom: 2026Q1}\n    - {name: feed-a", in: site) + 1): grid.feeds[1].name: duplicate feed name 'feed-a' (first at [0])"])
    }

    @Test("The monthly spreads go together, 12 values each within 0–30 K, each with a source")
    func climateSpreads() throws {
        let site = try String(contentsOfFile: Repo.path("sites/ashburn-va.yaml"), encoding: .utf8)
        let maxLine = try #require(site.split(separator: "\n").first { $0.hasPrefix("  monthlyStdDevDailyMaxDryBulbK:") })
        let minLine = try #require(site.split(separator: "\n").first { $0.hasPrefix("  monthlyStdDevDailyMinDryBulbK:") })
        let withoutMin = site.replacingOccurrences(of: minLine + "\n", with: "")
        #expect(try siteIssues(withoutMin) == [
            "climate.monthlyStdDevDailyMinDryBulbK: missing: the three monthlyStdDev… lists go together (given: monthlyStdDevDailyMaxDryBulbK, monthlyStdDevDailyMeanDewPointK)",
        ])
        let negative = site.replacingOccurrences(of: maxLine, with: "  monthlyStdDevDailyMaxDryBulbK: [7.2, 5.6, 6.0, 6.3, 5.8, 4.2, -3.4, 2.7, 3.8, 5.2, 3.8]")
        #expect(try siteIssues(negative) == [
            "climate.monthlyStdDevDailyMaxDryBulbK[6]: value -3.4 out of range [0, 30] K (day-to-day spread of the daily maximum)",
            "climate.monthlyStdDevDailyMaxDryBulbK: needs 12 monthly values, got 11",
        ])
        let unsourced = site.split(separator: "\n").filter { !$0.hasPrefix("    monthlyStdDevDailyMeanDewPointK:") }.joined(separator: "\n")
        #expect(try siteIssues(unsourced).contains { $0.hasPrefix("climate.figures") && $0.contains("monthlyStdDevDailyMeanDewPointK") })
    }

    @Test("The evaporation wet-bulbs are ordered 2 % ≤ 1 % ≤ 0.4 % ≤ extreme, each with a source; a missing one is named")
    func evaporationWetBulbs() throws {
        let site = try String(contentsOfFile: Repo.path("sites/ashburn-va.yaml"), encoding: .utf8)
        // Ashburn: 0.4 % 25.4 °C, 1 % 24.7 °C, 2 % 24.1 °C, extreme 28.9 °C.
        let swapped = site.replacingOccurrences(of: "  evaporationDesignWetBulb2PercentC: 24.1", with: "  evaporationDesignWetBulb2PercentC: 25.6")
            .replacingOccurrences(of: "  evaporationDesignWetBulbC: 25.4", with: "  evaporationDesignWetBulbC: 29.0")
        #expect(try siteIssues(swapped) == [
            "climate.evaporationDesignWetBulb2PercentC: 2 % wet-bulb 25.6 °C exceeds the 1 % wet-bulb 24.7 °C",
            "climate.evaporationDesignWetBulbC: 0.4 % wet-bulb 29 °C exceeds the extreme annual wet-bulb 28.9 °C",
        ])
        let inverted = site.replacingOccurrences(of: "  evaporationDesignWetBulb1PercentC: 24.7", with: "  evaporationDesignWetBulb1PercentC: 25.6")
        #expect(try siteIssues(inverted) == [
            "climate.evaporationDesignWetBulb1PercentC: 1 % wet-bulb 25.6 °C exceeds the 0.4 % wet-bulb 25.4 °C",
        ])
        let unsourced = site.split(separator: "\n").filter { !$0.hasPrefix("    evaporationDesignWetBulbC:") }.joined(separator: "\n")
        #expect(try siteIssues(unsourced).contains { $0.hasPrefix("climate.figures") && $0.contains("evaporationDesignWetBulbC") })
        let missing = site.replacingOccurrences(of: "  evaporationDesignWetBulbC: 25.4\n", with: "")
        let error = try #require(throws: (any Error).self) { try PlantFile.decode(Site.self, from: missing, file: "s.yaml") }
        #expect("\(error)".contains("climate.evaporationDesignWetBulbC"), "\(error)")
    }

    @Test("A battery's energy, power and efficiency are in range, and it needs a source")
    func battery() throws {
        let yaml = try exampleDesign(
            replacing: "powerChain: {transformerEfficiency: 0.99, upsEfficiency: 0.96,",
            with: "powerChain: {transformerEfficiency: 0.99, upsEfficiency: 0.96, battery: {energyMWh: 200000, powerMW: 0, roundTripEfficiency: 90},")
        #expect(try designIssues(yaml).map { "\($0.path): \($0.message)" } == [
            "powerChain.battery.energyMWh: value 200000 out of range [0, 50000] MWh (battery energy in place from the first quarter) — did you give kWh?",
            "powerChain.battery.roundTripEfficiency: value 90 out of range [0.5, 1] (battery round-trip efficiency) — did you give a percentage?",
            "powerChain.battery.powerMW: 0 MW in place and no build option: a battery the plan does not build needs energy and power in "
                + "place (give powerMW > 0, or powerChain.battery.build for the plan to add it)",
            "figures.powerChain.battery: figure has no source (add figures.powerChain.battery with sources, evidence and note)",
        ])
    }

    @Test("Cycles of concentration belong to a cooling tower, lie in 1.5–50 and need a source")
    func cyclesOfConcentration() throws {
        let onPads = try exampleDesign(replacing: "  waterLPerKWh: 1.5\n", with: "  waterLPerKWh: 1.5\n  cyclesOfConcentration: 4\n")
        #expect(try designIssues(onPads).map { "\($0.path): \($0.message)" } == [
            "heatRejection.cyclesOfConcentration: only a cooling tower blows down; this plant is adiabaticDryCooler",
            "figures.heatRejection.cyclesOfConcentration: figure has no source (add figures.heatRejection.cyclesOfConcentration with sources, evidence and note)",
        ])
        let tower = try exampleDesign(replacing: "  type: adiabaticDryCooler", with: "  type: coolingTower")
            .replacingOccurrences(of: "  waterLPerKWh: 1.5\n", with: "  waterLPerKWh: 1.5\n  cyclesOfConcentration: 1\n")
        #expect(try designIssues(tower).map { "\($0.path): \($0.message)" }.contains(
            "heatRejection.cyclesOfConcentration: value 1 out of range [1.5, 50] (cycles of concentration; blowdown = evaporation / (cycles − 1))"))
    }

    @Test("Base-60 numbers (YAML 1.1 `5:30`) are not read: they overflow Int in Yams and misread offsets")
    func sexagesimal() throws {
        let site = try String(contentsOfFile: Repo.path("sites/ashburn-va.yaml"), encoding: .utf8)
        let offset = try #require(site.split(separator: "\n").first { $0.contains("utcOffsetH:") })
        let yaml = site.replacingOccurrences(of: offset, with: offset.replacingOccurrences(of: "utcOffsetH: -5.0", with: "utcOffsetH: 5:30"))
        let error = try #require(throws: InputError.self) { try PlantFile.decode(Site.self, from: yaml, file: "s.yaml") }
        #expect(error.issues.map { "\($0.path): \($0.message)" } == [
            "location.utcOffsetH: expected a number, got '5:30' (YAML 1.1 base-60 numbers such as 5:30 are not read; write 5.5)",
        ])
        let positions = try exampleDesign(replacing: "    positions: 240", with: "    positions: 1:1:1:1:1:1:1:1:1:1:1:1")
        #expect(try designIssues(positions).map(\.message) == [
            "expected a whole number, got '1:1:1:1:1:1:1:1:1:1:1:1' (YAML 1.1 base-60 numbers such as 5:30 are not read; write 5.5)",
        ])
    }

    @Test("Numerals in another base (hex, hex float, binary, octal, a leading zero) are refused in whole-number and number fields",
          arguments: ["0x10", "0x1p4", "0b101", "0o17", "017", "-017", "08", "0_1"])
    func nonDecimal(numeral: String) throws {
        let positions = try exampleDesign(replacing: "    positions: 240", with: "    positions: \(numeral)")
        #expect(try designIssues(positions).map { "\($0.path): \($0.message)" } == [
            "halls[0].positions: expected a whole number in decimal digits, got '\(numeral)' (YAML reads 0x, 0o and 0b as another base, "
                + "and a whole number with a leading 0 as octal: write it in decimal digits, without leading zeros)",
        ])
        let kW = try exampleDesign(replacing: "    maxRackKW: 150", with: "    maxRackKW: \(numeral)")
        #expect(try designIssues(kW).map(\.path) == ["halls[0].maxRackKW"])
        #expect(try designIssues(kW).first?.message.hasPrefix("expected a number in decimal digits, got '\(numeral)'") == true)
    }

    @Test("Decimal numerals with a sign, a zero before the point, an exponent or digit groups are read as written in number fields",
          arguments: [("+150", 150.0), ("150.0", 150), ("0.15e3", 150), ("1_50", 150), ("0150.0", 150), ("0.5", 0.5), ("0", 0)])
    func decimal(numeral: String, value: Double) throws {
        let design = try PlantFile.decode(ReferenceDesign.self, from: exampleDesign(replacing: "    maxRackKW: 150", with: "    maxRackKW: \(numeral)"),
                                          file: "d.yaml")
        #expect(design.value.halls[0].maxRackKW == value)
        // Quoted, a leading zero is text, not a YAML numeral in another base.
        let quoted = try exampleDesign(replacing: "    maxRackKW: 150", with: "    maxRackKW: '017'")
        #expect(try designIssues(quoted).allSatisfy { !$0.message.contains("decimal digits") })
    }

    @Test("Zero with a sign (`-0`, `+0`) is zero in a whole-number field, as in a number field (Yams reads it as an octal numeral with no digits)",
          arguments: ["-0", "+0"])
    func signedZero(numeral: String) throws {
        let design = try PlantFile.decode(ReferenceDesign.self, from: exampleDesign(replacing: "    positions: 240", with: "    positions: \(numeral)"),
                                          file: "d.yaml")
        #expect(design.value.halls[0].positions == 0)
        let issues = try designIssues(exampleDesign(replacing: "    positions: 240", with: "    positions: \(numeral)"))
        #expect(issues.map(\.path) == ["halls[0].positions"])
        #expect(issues.allSatisfy { !$0.message.contains("expected a whole number") })
    }

    @Test("A key written with no value (YAML's null) is refused, not read as left out: an empty build option would make a hall free")
    func emptyValue() throws {
        let budget = try exampleDesign(replacing: "budgetUSD: 6.0e9", with: "budgetUSD:")
        #expect(try designIssues(budget).map { "\($0.path): \($0.message)" } == [
            "budgetUSD: 'budgetUSD' has no value (an empty value is YAML's null): give its value, or remove the line to leave it out",
        ])
        let blocks = try exampleDesign(replacing: "    maxRackKW: 150", with: "    maxRackKW: 150\n    powerBlocks: ~")
        #expect(try designIssues(blocks).map(\.path) == ["halls[0].powerBlocks"])
    }

    @Test("Thousands separators in a {…} mapping: the digits after each comma are named as keys with the likely fix")
    func thousandsSeparators() throws {
        let hall = try exampleDesign(replacing: "    maxRackKW: 150", with: "    maxRackKW: 150\n    powerBlocks: {capacityMW: 4, perHall: 2, build: {capexUSD: 9,270,000, leadTimeQuarters: 2}}")
        let issues = try designIssues(hall)
        #expect(issues.map(\.path).contains("halls[0].powerBlocks.build.270"))
        #expect(issues.contains { $0.message.hasPrefix("unknown key '270' (in a {…} mapping a comma ends an entry: write numbers without thousands separators") })
    }

    @Test("A syntax error at the end of a file without a final line break is on the file's last line (fuzzing found line + 1)")
    func syntaxErrorAtTheEnd() throws {
        func issue(_ yaml: String) throws -> ValidationIssue {
            let error = try #require(throws: InputError.self) { try PlantFile.decode(Site.self, from: yaml, file: "s.yaml") }
            return try #require(error.issues.first)
        }
        // libyaml reports these on line 2 of a one-line file, and on line 4 of a three-line one.
        #expect(try issue("{") == ValidationIssue(file: "s.yaml", line: 1, path: "",
            message: "not valid YAML/JSON: the file ends too early: while parsing a flow node at the end: did not find expected node content"))
        let three = try issue("name: x\r\nlist: [1,\u{2028}  2")
        #expect(three == ValidationIssue(file: "s.yaml", line: 3, path: "",
            message: "not valid YAML/JSON: the file ends too early: while parsing a flow sequence in line 2, column 7: did not find expected ',' or ']'"))
        // With a final line break libyaml's line exists (the empty line after it), and the message is libyaml's
        // problem in words, without its dump of the file.
        let broken = try issue("{\n")
        #expect(broken == ValidationIssue(file: "s.yaml", line: 2, path: "",
            message: "not valid YAML/JSON: did not find expected node content (while parsing a flow node)"))
        #expect(PlantFile.lineCount("a\r\nb\rc\nd\u{85}e") == 5 && PlantFile.lineCount("") == 1)
    }

    @Test("Every problem is listed at once")
    func everyProblemAtOnce() throws {
        let yaml = try exampleDesign(replacing: "    positions: 240", with: "    positions: -4")
            .replacingOccurrences(of: "share: 0.7", with: "share: 0.6")
            .replacingOccurrences(of: "maxRackKW: 150", with: "maxRackKW: 150000")
        #expect(try designIssues(yaml).map(\.path) == ["halls[0].positions", "halls[0].maxRackKW", "workloadMix"])
    }
}

@Suite("Unreadable files in words")
struct UnreadableFileTests {
    static func issue(_ text: [UInt8]?, name: String = "f.yaml") throws -> ValidationIssue {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tp-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        if let text { FileManager.default.createFile(atPath: path, contents: Data(text)) }
        let error = try #require(throws: InputError.self) { _ = try PlantFile.load(Site.self, from: path) }
        return try #require(error.issues.first)
    }

    @Test("A duplicated key names its line and the key, not the whole file")
    func duplicateKey() throws {
        let issue = try Self.issue(Array("name: a\ngrid: {}\nname: b\n".utf8))
        #expect(issue.line == 1)
        #expect(issue.message == "not valid YAML/JSON: the key 'name' appears twice in the mapping that starts on this line: keep one")
    }

    @Test("A byte that is not UTF-8 names its line and offset")
    func notUTF8() throws {
        // "a: 1\nb: " is 8 bytes; the 9th (0xFF) cannot start a UTF-8 sequence, on line 2.
        let issue = try Self.issue(Array("a: 1\nb: ".utf8) + [0xFF, 0x0A])
        #expect(issue.line == 2)
        #expect(issue.message == "byte 9 is not UTF-8 text (save the file as UTF-8)")
    }

    @Test("A missing file and a syntax error say so in words")
    func missingAndSyntax() throws {
        #expect(try Self.issue(nil).message == "no such file (check the path)")
        let syntax = try Self.issue(Array("a: [1, 2\n".utf8))
        #expect(syntax.line == 2 && syntax.message == "not valid YAML/JSON: did not find expected ',' or ']' (while parsing a flow sequence)")
    }
}

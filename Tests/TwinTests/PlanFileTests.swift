import Foundation
import Testing
import Planner
import PlantModel
@testable import Plans
import Reports
import Workflows

/// A real plan.json: the shipped legacy Hopper design (4 halls, 8 quarters) planned on its own site, written
/// as `plan --out` writes it, then edited one way per test.
enum PlanFileFixture {
    static let hopper = TwinFixture.root + "/reference-designs/legacy-hopper-air.yaml"
    static let hybrid = TwinFixture.root + "/reference-designs/gb300-nvl72-hybrid.yaml"

    /// The design's inputs and its max-tokens plan, made once.
    static let planned = Result { () throws -> (inputs: PlanningInputs, plan: BuildPlan) in
        let inputs = try PlanningInputs.load(designPath: hopper)
        let plan = try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                                    options: PlanOptions(objective: .maxTokens)).plan
        return (inputs, plan)
    }

    static func inputs() throws -> PlanningInputs { try planned.get().inputs }
    static func plan() throws -> BuildPlan { try planned.get().plan }

    /// Writes `plan` as plan.json in a new folder, its text passed through `edit`; returns the path and text.
    static func write(_ plan: BuildPlan, edit: (String) -> String = { $0 }) throws -> (path: String, text: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("plan.json").path
        let text = edit(String(decoding: try stableJSON(plan), as: UTF8.self))
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, text)
    }

    /// The problems of the plan.json at `path` read to simulate `design` (the fixture's by default); none when it loads.
    static func issues(_ path: String, design: ReferenceDesign? = nil) throws -> [ValidationIssue] {
        let inputs = try inputs()
        do {
            _ = try BuildPlan.load(from: path, simulating: design ?? inputs.design, catalog: inputs.catalog)
            return []
        } catch {
            return error.issues
        }
    }

    /// The issue at `path` whose message holds `message`, located in `file` on a line holding every one of
    /// `onLine`; fails the test when there is none.
    @discardableResult
    static func expectIssue(_ issues: [ValidationIssue], file: (path: String, text: String), at path: String, _ message: String,
                            onLine: [String], sourceLocation: SourceLocation = #_sourceLocation) -> ValidationIssue? {
        let found = issues.first { $0.path == path && $0.message.contains(message) }
        #expect(found != nil, "no issue at \(path) saying '\(message)' in:\n\(issues.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        guard let found else { return nil }
        #expect(found.file == file.path, sourceLocation: sourceLocation)
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = found.line, (1...lines.count).contains(line) else {
            Issue.record("\(found) has no line in the file", sourceLocation: sourceLocation)
            return found
        }
        #expect(onLine.allSatisfy { lines[line - 1].contains($0) }, "\(found): line \(line) is '\(lines[line - 1])'",
                sourceLocation: sourceLocation)
        #expect(found.description.hasPrefix("\(file.path):\(line): \(path): "), sourceLocation: sourceLocation)
        return found
    }
}

@Suite("plan.json is an input: lines, field paths, and the design it was made for")
struct PlanFileTests {
    typealias F = PlanFileFixture

    @Test("The plan.json written by plan loads unchanged, on its own and for its design")
    func unmodifiedLoads() throws {
        let plan = try F.plan()
        let file = try F.write(plan)
        #expect(try BuildPlan.load(from: file.path).value == plan)
        #expect(try F.issues(file.path).isEmpty)
        #expect(plan.quarters.count == 8 && !plan.racks.isEmpty, "the fixture has quarters and rack lines to edit")
    }

    @Test("A wrong type names its line and path")
    func wrongType() throws {
        var plan = try F.plan()
        plan.quarters[3].racks = 987_654
        let file = try F.write(plan) { $0.replacingOccurrences(of: "987654", with: "\"many\"") }
        F.expectIssue(try F.issues(file.path), file: file, at: "quarters[3].racks", "expected a whole number, got 'many'",
                      onLine: ["\"racks\"", "many"])
    }

    @Test("An unknown key is an error, with the key it probably meant")
    func unknownKey() throws {
        let plan = try F.plan()
        let file = try F.write(plan) { text in
            guard let range = text.range(of: "\"racksNew\" :") else { return text }
            return text.replacingCharacters(in: range, with: "\"racksTotl\" : 3,\n      \"racksNew\" :")
        }
        F.expectIssue(try F.issues(file.path), file: file, at: "racks[0].racksTotl", "unknown key 'racksTotl' (did you mean 'racksTotal'?)",
                      onLine: ["racksTotl"])
    }

    @Test("No quarter is an error, not a trap")
    func emptyQuarters() throws {
        var plan = try F.plan()
        plan.quarters = []
        let file = try F.write(plan)
        F.expectIssue(try F.issues(file.path), file: file, at: "quarters", "no quarter", onLine: ["\"quarters\""])
    }

    @Test("Quarters out of order are an error at the first break")
    func quartersOutOfOrder() throws {
        var plan = try F.plan()
        plan.quarters.swapAt(1, 2)
        let file = try F.write(plan)
        let second = plan.quarters[1].quarter.description
        F.expectIssue(try F.issues(file.path), file: file, at: "quarters[1].quarter", "must be consecutive and increasing",
                      onLine: ["\"quarter\"", second])
    }

    @Test("More quarters than a design's horizon may have is an error")
    func tooManyQuarters() throws {
        var plan = try F.plan()
        while plan.quarters.count <= BuildPlan.maxQuarters {
            var next = plan.quarters[plan.quarters.count - 1]
            next.quarter = next.quarter.advanced(by: 1)
            next.capexNewUSD = 0
            plan.quarters.append(next)
        }
        let file = try F.write(plan)
        F.expectIssue(try F.issues(file.path), file: file, at: "quarters", "81 quarters, more than the 80", onLine: ["\"quarters\""])
    }

    @Test("Negative racks are an error")
    func negativeRacks() throws {
        var plan = try F.plan()
        plan.racks[0].racksNew = -3
        let file = try F.write(plan)
        F.expectIssue(try F.issues(file.path), file: file, at: "racks[0].racksNew", "value -3 out of range [0, 10000000] racks",
                      onLine: ["\"racksNew\"", "-3"])
    }

    @Test("racksTotal 2^62 is an error, not an overflow trap")
    func hugeRacks() throws {
        var plan = try F.plan()
        plan.racks[0].racksTotal = 1 << 62
        plan.racks[1].racksTotal = 1 << 62
        let file = try F.write(plan)
        let issues = try F.issues(file.path)
        F.expectIssue(issues, file: file, at: "racks[0].racksTotal", "value 4611686018427387904 out of range", onLine: ["4611686018427387904"])
        F.expectIssue(issues, file: file, at: "racks[1].racksTotal", "value 4611686018427387904 out of range", onLine: ["4611686018427387904"])
    }

    @Test("racksTotal that is not the quarter before plus racksNew is an error with the figure that fits")
    func racksDoNotAddUp() throws {
        var plan = try F.plan()
        let second = plan.quarters[1].quarter
        let i = try #require(plan.racks.firstIndex { $0.quarter == second && $0.racksTotal > 0 })
        plan.racks[i].racksTotal += 1
        let file = try F.write(plan)
        F.expectIssue(try F.issues(file.path), file: file, at: "racks[\(i)].racksTotal",
                      "does not add up: \(plan.racks[i].racksTotal - 1 - plan.racks[i].racksNew) in service in \(plan.quarters[0].quarter)",
                      onLine: ["\"racksTotal\""])
    }

    @Test("Rack lines removed or edited so that a quarter's racks or tokens/s are no longer their sum are an error")
    func quarterTotalsFromLines() throws {
        var plan = try F.plan()
        let racks = plan.quarters[0].racks
        #expect(racks > 0)
        var emptied = plan
        emptied.racks = []
        let file = try F.write(emptied)
        F.expectIssue(try F.issues(file.path), file: file, at: "quarters[0].racks",
                      "\(racks) racks in \(plan.quarters[0].quarter), but its rack lines hold 0", onLine: ["\"racks\"", "\(racks)"])
        // One line's tokens/s raised by a tenth: its racks still add up, the quarter's tokens/s no longer.
        let i = try #require(plan.racks.firstIndex { $0.quarter == plan.quarters[0].quarter && $0.tokensPerSecond > 0 })
        plan.racks[i].tokensPerSecond *= 1.1
        let edited = try F.write(plan)
        let issues = try F.issues(edited.path)
        F.expectIssue(issues, file: edited, at: "quarters[0].tokensPerSecond", "but its rack lines make", onLine: ["\"tokensPerSecond\""])
        #expect(!issues.contains { $0.path == "quarters[0].racks" })
    }

    @Test("A hall the design does not have is an error")
    func unknownHall() throws {
        var plan = try F.plan()
        plan.racks[0].hall = "hall-zz"
        let file = try F.write(plan)
        F.expectIssue(try F.issues(file.path), file: file, at: "racks[0].hall",
                      "'hall-zz' is not a hall of design 'Legacy air-cooled Hopper, chilled water, 2N'; its halls are air-hall-1…air-hall-4",
                      onLine: ["hall-zz"])
    }

    @Test("A profile the design does not allow is an error")
    func unknownProfile() throws {
        var plan = try F.plan()
        plan.racks[0].profile = "gb300-nvl72"
        let file = try F.write(plan)
        F.expectIssue(try F.issues(file.path), file: file, at: "racks[0].profile",
                      "'gb300-nvl72' is not a profile design 'Legacy air-cooled Hopper, chilled water, 2N' allows", onLine: ["gb300-nvl72"])
    }

    @Test("Tokens/s beyond what the racks give at the catalog's best rate are an error")
    func tooManyTokens() throws {
        var plan = try F.plan()
        plan.racks[0].tokensPerSecond *= 1000
        let file = try F.write(plan)
        F.expectIssue(try F.issues(file.path), file: file, at: "racks[0].tokensPerSecond", "tokens/s is more than", onLine: ["\"tokensPerSecond\""])
    }

    @Test("Another design's plan is an error naming both designs")
    func anotherDesign() throws {
        let file = try F.write(try F.plan())
        let other = try ReferenceDesign.load(from: F.hybrid, catalog: try F.inputs().catalog).value
        let issues = try F.issues(file.path, design: other)
        F.expectIssue(issues, file: file, at: "inputs.design",
                      "plan.json was made for design 'Legacy air-cooled Hopper, chilled water, 2N'; this is "
                        + "'GB200/GB300 NVL72 hybrid, W32, adiabatic dry coolers': plan this design",
                      onLine: ["\"design\"", "Legacy air-cooled Hopper"])
        F.expectIssue(issues, file: file, at: "racks[0].hall", "is not a hall of design 'GB200/GB300", onLine: ["\"hall\""])
        F.expectIssue(issues, file: file, at: "racks[0].profile", "is not a profile design 'GB200/GB300", onLine: ["\"profile\""])
        #expect(issues.filter { $0.path.hasSuffix(".hall") }.count == 4, "one issue per unknown hall, not per line")
    }

    @Test("A quarter outside the design's horizon is an error")
    func quarterOutsideHorizon() throws {
        let plan = try F.plan()
        let file = try F.write(plan)
        var design = try F.inputs().design
        design.horizon.last = plan.quarters[5].quarter
        F.expectIssue(try F.issues(file.path, design: design), file: file, at: "quarters[6].quarter",
                      "\(plan.quarters[6].quarter) is after the design's horizon (\(design.horizon.first)–\(design.horizon.last))",
                      onLine: ["\"quarter\"", plan.quarters[6].quarter.description])
    }

    @Test("Every number of a plan has a range row, except the figures the twin does not read and whose sign is free")
    func everyNumberHasARow() throws {
        var plan = try F.plan()
        plan.solver.bestBound = 1
        plan.solver.relativeGap = 0
        plan.solver.requestedGap = 0.001
        plan.solver.timeLimitSeconds = 60
        plan.solver.timeBudgetSeconds = 600
        plan.quarters[0].designPUE = 1.2
        plan.designCondition.chillerCreditMW = 1
        plan.designCondition.economizerAirC = 30
        plan.quarters[0].tokensPerSecondPerMW = 1
        plan.quarters[0].costPerMillionTokensUSD = 1
        plan.quarters[0].tokensPerSecondByWorkload["w"] = 1
        plan.racks[0].racksRetired = 0
        plan.quarters[0].fabricCapexNewUSD = 0
        plan.cashflow?[0].fabricCapexUSD = 0
        plan.facilityBuilds = [FacilityBuild(quarter: plan.quarters[0].quarter, kind: .hall, name: "h", new: 1, inService: 1),
                               .battery(quarter: plan.quarters[0].quarter, energyMWh: 1, powerMW: 1, newEnergyMWh: 1, newPowerMW: 1)]
        plan.binding = [BindingLimit(constraint: "c", family: .floor, state: .binding, quarter: nil, subject: nil, capacity: 1, used: 1,
                                     slack: 0, unit: "positions", shadowPrice: 0, shadowPriceUnit: "", fullHalls: 2)]
        let unchecked = Set(numericFields(of: plan).map(\.pattern).filter { PlanFieldRange.row($0) == nil })
        #expect(unchecked == ["objectiveValue", "solver.bestBound", "designCondition.effectiveAmbientC",
                              "designCondition.designDryBulbC", "designCondition.designWetBulbC", "designCondition.freeCoolingSupplyC",
                              "designCondition.plantInletC", "designCondition.rejectionCapacityMW", "designCondition.liquidChillerShare",
                              "designCondition.chillerCreditMW", "designCondition.economizerAirC",
                              "binding[].capacity", "binding[].used", "binding[].slack", "binding[].shadowPrice", "binding[].fullHalls"])
        #expect(Set(PlanFieldRange.all.map(\.path)).isSubset(of: Set(numericFields(of: plan).map(\.pattern))), "no row for a field that is gone")
    }

    @Test("simulate --plan refuses another design's plan with exit 1, and simulates the design's own")
    func simulateWorkflow() throws {
        let file = try F.write(try F.plan())
        let request = SimulateWorkflow.Request(inputs: InputPaths(design: F.hybrid), planFile: file.path, years: 1)
        do {
            _ = try SimulateWorkflow.run(request)
            Issue.record("simulate ran another design's plan")
        } catch {
            #expect(error.status == .invalidInput)
            #expect(error.lines.contains { $0.hasPrefix("\(file.path):") && $0.contains(": inputs.design: plan.json was made for design") },
                    "\(error.lines)")
        }
        var warnings: [String] = []
        let own = SimulateWorkflow.Request(inputs: InputPaths(design: F.hopper), planFile: file.path, years: 1)
        let text = try SimulateWorkflow.run(own, warn: { warnings.append($0) })
        #expect(!text.isEmpty && warnings.isEmpty, "\(warnings)")
    }
}

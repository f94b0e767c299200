import Foundation
import Plans
import LinearProgramming
import Planner
@testable import PlantModel

/// A tiny planning problem whose limits are simple enough to check by hand: one hall, GB200 and GB300
/// NVL72, two quarters, one workload, lossless power chain, no cooling parasitics, free fabric.
/// Per rack: GB200 draws (132 + 3.6)/1000 = 0.1356 MW and serves 72 × 5,499 = 395,928 tokens/s;
/// GB300 draws (142 + 5.1)/1000 = 0.1471 MW and serves 72 × 8,291 = 596,952 tokens/s. These figures, and rack
/// prices of $3M and $4M, are pinned here so that the hand arithmetic does not move when the shipped catalog is revised.
struct TinyInstance {
    var design: ReferenceDesign
    var site: Site
    let catalog: Catalog

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    init(positions: Int = 10, hallMW: Double = 1.0, siteMW: Double = 1.0) throws {
        var catalog = try Catalog.bundled()
        for (id, kw, tokens, price) in [("gb200-nvl72", 132.0, 5499.0, 3e6), ("gb300-nvl72", 142.0, 8291.0, 4e6)] {
            let i = catalog.profiles.firstIndex { $0.id == id }!
            catalog.profiles[i].rackMaxKW = kw
            catalog.profiles[i].rackPriceUSD = price
            catalog.profiles[i].allInOverheadShare = 0
            let k = catalog.profiles[i].throughput.firstIndex { $0.workload == "deepseek-r1-server" }!
            catalog.profiles[i].throughput[k].tokensPerSecondPerGPU = tokens
        }
        self.catalog = catalog
        design = try ReferenceDesign.load(from: Self.root + "/reference-designs/gb300-nvl72-hybrid.yaml", catalog: catalog).value
        site = try Site.load(from: Self.root + "/sites/chicago-il.yaml").value
        design.horizon = Horizon(first: Quarter("2026Q1")!, last: Quarter("2026Q2")!)
        design.halls = [HallGroup(name: "h", count: 1, positions: positions, maxRackKW: 150, installedCapacityMW: hallMW,
                                  redundancy: .n, liquidCapacityMW: 100, airCapacityMW: 100, maxRackWeightKg: nil,
                                  availableFrom: Quarter("2026Q1")!)]
        design.scalableUnits = nil
        design.supplyCapRacksPerQuarter = nil
        design.budgetUSD = nil
        design.workloadMix = [WorkloadShare(workload: "deepseek-r1-server", share: 1)]
        design.powerChain = PowerChain(transformerEfficiency: 1, upsEfficiency: 1, houseLoadFractionOfIT: 0)
        design.liquidCooling!.pumpPowerFraction = 0
        design.airCooling.fanPowerFraction = 0
        design.heatRejection.fanPowerFraction = 0
        design.heatRejection.ratedCapacityMW = 1000
        design.fabric.switchWattsPerPort = 0
        design.fabric.opticsWattsPerPort = 0
        site.grid = Grid(feeds: [Feed(name: "f", capacityMW: siteMW, availableFrom: Quarter("2026Q1")!)], redundancy: .n)
    }

    static let rackMW = [0.1356, 0.1471]           // gb200, gb300
    static let rackTokens = [395_928.0, 596_952.0]

    var inputs: PlanInputs { PlanInputs(design: "tiny", designFile: "-", site: "tiny", siteFile: "-", catalog: "bundled", digest: "0") }

    /// The problems `simulate --plan` finds in `plan` written as plan.json and read back against this design (and `site`).
    func planFileIssues(_ plan: BuildPlan, site: Site? = nil) throws -> [ValidationIssue] {
        let text = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        return BuildPlan.issues(in: try BuildPlan.decode(text: text, file: "plan.json"), against: design, catalog: catalog, site: site)
    }

    func plan(_ objective: Objective = .maxTokens, target: Double? = nil) throws -> PlanResult {
        try Planner.plan(design: design, site: site, catalog: catalog, inputs: inputs,
                         options: PlanOptions(objective: objective, tokenTargetPerSecond: target, relativeGap: 0))
    }

    /// Every integer plan (racks of each profile in each quarter, never removed), checked against the
    /// floor, hall power and site power by arithmetic written here.
    func enumerate() -> [(racks: [[Int]], tokens: Double, facilityMW: Double)] {
        let positions = design.halls[0].positions
        let hallMW = design.halls[0].installedCapacityMW
        let siteMW = site.grid.feeds[0].capacityMW
        func fits(_ a: Int, _ b: Int) -> Bool {
            let mw = Double(a) * Self.rackMW[0] + Double(b) * Self.rackMW[1]
            return a + b <= positions && mw <= hallMW + 1e-9 && mw <= siteMW + 1e-9
        }
        var plans: [(racks: [[Int]], tokens: Double, facilityMW: Double)] = []
        for a0 in 0...positions { for b0 in 0...positions where fits(a0, b0) {
            for a1 in a0...positions { for b1 in b0...positions where fits(a1, b1) {
                let tokens = Double(a0 + a1) * Self.rackTokens[0] + Double(b0 + b1) * Self.rackTokens[1]
                let mw = Double(a0 + a1) * Self.rackMW[0] + Double(b0 + b1) * Self.rackMW[1]
                plans.append(([[a0, b0], [a1, b1]], tokens, mw))
            } }
        } }
        return plans
    }
}

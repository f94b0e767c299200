import Foundation
import Testing
import Numerics
import Plans
import Planner
@testable import PlantModel

/// A hall group with a scale-out fabric of its own (README "Facility decisions", "Fabrics per hall"), on the tiny
/// instance (lossless power chain, no cooling parasitics): two halls of 10 positions and 1 MW, each with a two-tier
/// radix-12 fat tree, k²/2 = 72 host ports, so each holds one NVL72 rack (72 GPUs, one scale-out port each).
@Suite("Fabrics per hall")
struct HallFabricTests {
    /// Switch ports 10 W and optics 20 W: a two-tier tree uses 2·2 − 1 = 3 switch ports and 2·2 = 4 transceivers per
    /// host port, 3 × 10 + 4 × 20 = 110 W, 7.92 kW for a rack's 72 ports.
    static let hallFabric = Fabric(switchRadix: 12, tiers: 2, switchWattsPerPort: 10, opticsWattsPerPort: 20)

    func instance() throws -> TinyInstance {
        var tiny = try TinyInstance(siteMW: 2)
        tiny.design.halls[0].count = 2
        tiny.design.halls[0].fabric = Self.hallFabric
        // The site fabric (radix 4, two tiers: 8 host ports) would hold no NVL72 rack: the halls' racks are not on it.
        tiny.design.fabric = Fabric(switchRadix: 4, tiers: 2, switchWattsPerPort: 1000, opticsWattsPerPort: 1000)
        return tiny
    }

    @Test("Each hall's fabric holds one NVL72 rack: two GB300 racks, on the halls' fabrics and not the site's")
    func portsBind() throws {
        let tiny = try instance()
        let result = try tiny.plan()
        for metrics in result.plan.quarters {
            // Without the fabrics 6 GB300 per hall would fit its 1 MW (6 × 0.1471 = 0.8826 MW); the ports allow one each.
            #expect(metrics.racks == 2)
            #expect(metrics.tokensPerSecond.isApproximatelyEqual(to: 2 * 596_952, relativeTolerance: 1e-9))
            // Per rack 0.1471 MW of IT and in-rack network plus 72 × 110 W of fabric, at the hall fabric's power: 0.15502 MW.
            #expect(metrics.facilityMW.isApproximatelyEqual(to: 2 * (0.1471 + 72 * 110 / 1e6), relativeTolerance: 1e-9))
        }
        #expect(Set(result.plan.racks.filter { $0.quarter == Quarter("2026Q2")! }.map(\.hall)) == ["h-1", "h-2"])
        let binding = result.plan.binding.filter { $0.family == .network }
        #expect(!binding.isEmpty && binding.allSatisfy { $0.subject == "h" })
        #expect(binding.allSatisfy { $0.capacity.isApproximatelyEqual(to: 144, relativeTolerance: 1e-12) })
        // Each hall's tree: ⌈72 / 6⌉ = 12 leaves and 6 spines, 18 switches, and 72 × 4 = 288 transceivers.
        for bom in result.plan.billOfMaterials {
            #expect(bom.switches == 2 * 18)
            #expect(bom.transceivers == 2 * 288)
        }
        // The twin's fleet runs each rack's ports at its hall fabric's 110 W, in the hall: with the 5.1 kW in-rack network,
        // 0.01302 MW of network a hall, none on the site fabric.
        let fleet = InstalledFleet.quarters(of: result.plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(fleet.allSatisfy { $0.fabricMW == 0 })
        #expect(fleet.allSatisfy { $0.halls.allSatisfy { $0.hallNetworkMW.isApproximatelyEqual(to: (5.1 + 7.92) / 1000, relativeTolerance: 1e-9) } })
    }

    /// A radix-24 two-tier tree (288 ports, four racks) in each of two 0.45 MW halls. With its ports on the hall's power path
    /// a GB300 takes 0.1471 + 0.00792 = 0.15502 MW of it and a GB200 0.1356 + 0.00792 = 0.14352 MW. Every mix a hall holds:
    /// 3 GB300 need 0.46506 MW (over; on their racks alone, 0.4413 MW, they would fit and earn 1,790,856 tokens/s);
    /// 1 GB300 + 2 GB200 0.44206 MW, 596,952 + 2 × 395,928 = 1,388,808 tokens/s; 2 GB300 + 1 GB200 0.45356 MW (over);
    /// 3 GB200 1,187,784; 2 GB300 1,193,904. So each hall holds 1 GB300 and 2 GB200, and hall power binds.
    @Test("A hall's fabric stands on the hall's power path and in its air")
    func hallPowerCarriesFabric() throws {
        var tiny = try instance()
        tiny.design.halls[0].fabric = Fabric(switchRadix: 24, tiers: 2, switchWattsPerPort: 10, opticsWattsPerPort: 20)
        tiny.design.halls[0].installedCapacityMW = 0.45
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let c = try #require(problem.hallCoefficients[0]["gb300-nvl72"])
        #expect(c.hallPowerMW.isApproximatelyEqual(to: 0.1471 + 0.00792, relativeTolerance: 1e-9))
        #expect(c.airMW.isApproximatelyEqual(to: problem.coefficients["gb300-nvl72"]!.airMW + 0.00792, relativeTolerance: 1e-9))
        #expect(c.itMW.isApproximatelyEqual(to: 0.15502, relativeTolerance: 1e-9))
        let result = try tiny.plan()
        for metrics in result.plan.quarters {
            #expect(metrics.racks == 6)
            #expect(metrics.tokensPerSecond.isApproximatelyEqual(to: 2 * 1_388_808, relativeTolerance: 1e-9))
        }
        #expect(result.plan.binding.contains { $0.family == .hallPower })
    }

    @Test("Brute force over racks per hall agrees: at most one rack a hall, GB300 first")
    func bruteForce() throws {
        let tiny = try instance()
        let result = try tiny.plan()
        // Every plan of whole racks per hall and quarter (never removed) with ≤ 72 ports a hall: at most one rack of either
        // profile in each hall; the best holds GB300 in both halls in both quarters.
        var best = 0.0
        for racks in 0...2 { for gb300 in 0...racks {
            let perQuarter = Double(racks - gb300) * TinyInstance.rackTokens[0] + Double(gb300) * TinyInstance.rackTokens[1]
            best = max(best, 2 * perQuarter)
        } }
        let tokens = result.plan.quarters.reduce(0) { $0 + $1.tokensPerSecond }
        #expect(tokens.isApproximatelyEqual(to: best, relativeTolerance: 1e-9))
    }

    @Test("A hall fabric's radix must be even, and its figures within their ranges, named by their path")
    func validation() throws {
        let text = try exampleDesign(replacing: "    availableFrom: 2026Q1\n",
                                     with: "    availableFrom: 2026Q1\n    fabric: {switchRadix: 13, tiers: 4, switchWattsPerPort: 14, opticsWattsPerPort: 15}\n")
        let catalog = try Catalog.bundled()
        let issues = ReferenceDesign.issues(in: try PlantFile.decode(ReferenceDesign.self, from: text, file: "d.yaml"), catalog: catalog)
        #expect(issues.contains { $0.path == "halls[0].fabric.switchRadix" && $0.message.contains("must be even") })
        #expect(issues.contains { $0.path == "halls[0].fabric.tiers" })
    }
}

/// The bundled example design's text with one substitution.
private func exampleDesign(replacing old: String, with new: String) throws -> String {
    let text = try String(contentsOfFile: TinyInstance.root + "/reference-designs/gb300-nvl72-hybrid.yaml", encoding: .utf8)
    precondition(text.contains(old), "fixture text not found: \(old)")
    return text.replacingOccurrences(of: old, with: new)
}

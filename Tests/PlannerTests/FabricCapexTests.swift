import Foundation
import Testing
import Numerics
import PlantPhysics
import Plans
@testable import Planner
@testable import PlantModel

/// Fabrics priced apart from the racks (README "Fabric capex"): a fabric's capex per host port is (2·tiers − 1)/k switches
/// and 2·tiers transceivers, bought with the ports above the most in service before, and the racks' capex leaves out
/// the part of their all-in overhead the prices replace.
@Suite("Fabric capex")
struct FabricCapexTests {
    /// A two-tier radix-64 site fabric at $32,000 a switch and $500 a transceiver: 3/64 × 32,000 = $1,500 of switches and
    /// 4 × 500 = $2,000 of optics per host port, $3,500; an NVL72 rack's 72 ports $252,000.
    static func priced(_ fabric: Fabric) -> Fabric {
        var fabric = fabric
        (fabric.switchRadix, fabric.tiers, fabric.switchCapexUSD, fabric.transceiverCapexUSD) = (64, 2, 32_000, 500)
        return fabric
    }

    @Test("Capex per host port from the tree: 3/k switches and 4 transceivers for two tiers, 5/k and 6 for three")
    func perHostPort() {
        #expect(Self.priced(.placeholder).capexUSDPerHostPort == 3_500)
        var three = Self.priced(.placeholder)
        three.tiers = 3
        // 5/64 × 32,000 + 6 × 500 = 2,500 + 3,000.
        #expect(three.capexUSDPerHostPort == 5_500)
        #expect(Fabric.placeholder.capexUSDPerHostPort == nil)
    }

    /// The tiny instance (one hall of 10 positions, 1 MW): max-tokens stands 6 GB300 (0.8826 MW) from 2026Q1, with or
    /// without prices on the fabric (no budget). GB300 is made to carry the catalog's 0.185 overhead, of which the prices
    /// replace 0.11: the rack costs $4M × 1.075 = $4.3M.
    @Test("The ports are bought once, with the racks, and counted in capex, cash flow, bill of quantities and cost (by hand)")
    func boughtWithTheRacks() throws {
        var tiny = try TinyInstance()
        let gb300 = tiny.catalog.profiles.firstIndex { $0.id == "gb300-nvl72" }!
        var catalog = tiny.catalog
        catalog.profiles[gb300].allInOverheadShare = 0.185
        tiny = TinyInstance(design: tiny.design, site: tiny.site, catalog: catalog)
        let unpriced = try tiny.plan().plan
        tiny.design.fabric = Self.priced(tiny.design.fabric)
        tiny.design.economics.fabricShareOfRackOverhead = 0.11
        let plan = try tiny.plan().plan
        for t in 0..<2 { #expect(RefreshCase.count(plan, "gb300-nvl72", t).total == 6) }
        #expect(plan.quarters[0].capexNewUSD.isApproximatelyEqual(to: 6 * 4_300_000, relativeTolerance: 1e-12))
        #expect(unpriced.quarters[0].capexNewUSD.isApproximatelyEqual(to: 6 * 4_740_000, relativeTolerance: 1e-12))
        #expect(plan.quarters[0].fabricCapexNewUSD == 1_512_000)  // 6 × 72 × 3,500
        #expect(plan.quarters[1].fabricCapexNewUSD == 0)
        #expect(unpriced.quarters[0].fabricCapexNewUSD == nil)
        let cash = try #require(plan.cashflow)
        #expect(cash[0].fabricCapexUSD == 1_512_000 && cash[1].fabricCapexUSD == 0)
        #expect(cash[0].totalUSD.isApproximatelyEqual(to: cash[0].partsUSD.reduce(0, +), relativeTolerance: 1e-12))
        let ports = try #require(plan.purchases?.filter { $0.item == "fabric ports site_fabric" })
        #expect(ports.map(\.new) == [432, 0] && ports.map(\.inService) == [432, 432])
        #expect(ports.allSatisfy { $0.unitCapexUSD == 3_500 })
        // Each quarter's cost carries the ports' annuity over 5 years at 8 %: r / (1 − 1.08⁻⁵) = 0.2504565 a year, and the
        // racks' at their lower capex: 6 × ($4.74M − $4.3M) less. Over the tokens served, the cost per million tokens moves by
        // (1,512,000 − 6 × 440,000) × 0.2504565 / 4 / (served × seconds per quarter) × 10⁶.
        let crf = 0.08 / (1 - pow(1.08, -5.0))
        let served = plan.quarters[0].tokensPerSecond * tiny.design.meanUtilization * TimeBase.secondsPerQuarter / 1e6
        let change = (1_512_000 - 6 * 440_000) * crf / 4 / served
        for t in 0..<2 {
            let moved = plan.quarters[t].costPerMillionTokensUSD! - unpriced.quarters[t].costPerMillionTokensUSD!
            #expect(abs(moved - change) <= 2e-6, "\(moved) vs \(change)")
        }
    }

    /// The tiny instance with a $17M budget. Without fabric prices 4 GB300 ($16M) are the most tokens. At $252,000 of ports a
    /// rack, a GB300 costs $4.252M and a GB200 $3.252M: 4 GB300 ($17.008M) are over; 3 GB300 + 1 GB200 ($16.008M) give
    /// 2,186,784 tokens/s, 2 + 2 ($15.008M) 1,985,760, 1 + 3 1,784,736, 5 GB200 ($16.26M) 1,979,640. All bought in 2026Q1.
    @Test("The budget counts the ports: it buys 3 GB300 and 1 GB200 instead of 4 GB300 (by hand)")
    func budgetCountsThePorts() throws {
        var tiny = try TinyInstance()
        tiny.design.budgetUSD = 17e6
        #expect(RefreshCase.count(try tiny.plan().plan, "gb300-nvl72", 0).total == 4)
        tiny.design.fabric = Self.priced(tiny.design.fabric)
        tiny.design.economics.fabricShareOfRackOverhead = 0
        let plan = try tiny.plan().plan
        #expect(RefreshCase.count(plan, "gb300-nvl72", 0) == (3, 0, 3))
        #expect(RefreshCase.count(plan, "gb200-nvl72", 0) == (1, 0, 1))
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 2 * 2_186_784 * TimeBase.secondsPerQuarter, relativeTolerance: 1e-9))
        let cash = try #require(plan.cashflow)
        #expect(cash.reduce(0) { $0 + $1.rackCapexUSD + ($1.fabricCapexUSD ?? 0) } == 16_008_000)
    }

    /// The refresh case under cost-per-token (RetirementTests.costCase, $250/MWh) with GB200 given two scale-out ports a GPU
    /// (144 a rack) on a site fabric priced at `perPort` a host port. The 30 Hopper standing hold 960 ports, bought before
    /// the plan. A trajectory pays for the ports above the most in service before, from its quarter to the horizon's end at
    /// 1/20 a quarter (5 years undiscounted): 8 GB200 beside 2 Hopper need 1,216 ports, 256 new, the 896 the 28 retired
    /// Hopper free serving again. Every trajectory is enumerated.
    @Test("Cost-per-token pays for new ports only, freed ports serving again: the cheapest trajectory by hand", arguments: [2_000.0, 20_000.0])
    func refreshReusesPorts(perPort: Double) throws {
        var refresh = try RetirementTests.costCase(energyPriceUSDPerMWh: 250)
        var catalog = refresh.tiny.catalog
        catalog.profiles[catalog.profiles.firstIndex { $0.id == "gb200-nvl72" }!].scaleOutPortsPerGPU = 2
        refresh.tiny = TinyInstance(design: refresh.tiny.design, site: refresh.tiny.site, catalog: catalog)
        refresh.tiny.design.fabric = Fabric(switchRadix: 64, tiers: 2, switchWattsPerPort: 0, opticsWattsPerPort: 0,
                                            switchCapexUSD: 0, transceiverCapexUSD: perPort / 4)
        refresh.tiny.design.economics.fabricShareOfRackOverhead = 0
        let perQuarter = [50_000.0, 150_000.0], mw = [0.04, 0.1356], rate = [32_000.0, 395_928.0], ports = [32.0, 144.0]
        func ratio(_ path: [[Int]]) -> Double {
            var cost = 0.0, tokens = 0.0, before = [30, 0], most = 960.0
            for (t, q) in path.enumerated() {
                for p in 0..<2 {
                    let change = q[p] - before[p]
                    cost += change > 0 ? Double(change) * perQuarter[p] * Double(3 - t) : Double(-change) * 20_000
                    cost += Double(q[p]) * mw[p] * 250 * 2191.5
                    tokens += Double(q[p]) * rate[p] * 7_889_400 / 1e6
                    before[p] = q[p]
                }
                let inService = Double(q[0]) * ports[0] + Double(q[1]) * ports[1]
                cost += max(0, inService - most) * perPort / 20 * Double(3 - t)
                most = max(most, inService)
            }
            return tokens > 0 ? cost / tokens : .infinity
        }
        var fitting: [[Int]] = []
        for g in 0...8 { for h in 0...40 - g where 0.04 * Double(h) + 0.1356 * Double(g) <= 1.2 + 1e-9 { fitting.append([h, g]) } }
        var best = Double.infinity, bestPath: [[Int]] = []
        for h0 in 0...30 { for q1 in fitting { for q2 in fitting {
            let r = ratio([[h0, 0], q1, q2])
            if r < best { (best, bestPath) = (r, [[h0, 0], q1, q2]) }
        } } }
        let plan = try refresh.tiny.plan(.costPerToken).plan
        let path = (0..<3).map { t in [RefreshCase.count(plan, "hgx-h100-4x8", t).total, RefreshCase.count(plan, "gb200-nvl72", t).total] }
        #expect(ratio(path).isApproximatelyEqual(to: best, relativeTolerance: 1e-9), "\(path) vs \(bestPath)")
        #expect(abs(plan.objectiveValue - best) <= 1e-6)
        // The ports bought are those above the 960 standing, at the price per port.
        var most = 960.0, bought = [Double]()
        for q in path {
            let inService = Double(q[0]) * 32 + Double(q[1]) * 144
            bought.append(max(0, inService - most) * perPort)
            most = max(most, inService)
        }
        #expect(plan.quarters.map { $0.fabricCapexNewUSD ?? -1 } == bought)
        #expect(RetirementTests.fromQuarters(plan).isApproximatelyEqual(to: plan.objectiveValue, relativeTolerance: 1e-4))
        // At $2,000 a port the refresh is the one without prices (8 GB200 and 2 Hopper from 2026Q3), paying 256 × $2,000 for
        // its ports in 2026Q3; at $20,000 it stops at 6 GB200 and 3 Hopper, 864 + 96 = 960 ports: the fabric standing.
        #expect(path == (perPort == 2_000 ? [[2, 0], [2, 8], [2, 8]] : [[3, 0], [3, 6], [3, 6]]))
        #expect(bought == (perPort == 2_000 ? [0, 512_000, 0] : [0, 0, 0]))
    }
}

import Foundation
import Testing
import PlantPhysics
import Plans
@testable import Planner
@testable import PlantModel
import Numerics

/// A refresh case small enough to work by hand: halls `a` (30 positions) and `b` (10 positions), one 1.2 MW grid
/// feed, 30 Hopper racks in hall `a` from 2024Q1, Blackwell (GB200 NVL72) available from 2026Q3, the third quarter
/// of a 2026Q1–2026Q4 horizon. Lossless power chain and no cooling parasitics (TinyInstance), so a rack's facility
/// MW is its IT MW. Pinned per rack: Hopper 40 kW, no in-rack network, 32 GPUs × 1,000 tokens/s = 32,000 tokens/s,
/// $1M; GB200 (132 + 3.6) kW = 0.1356 MW, 72 GPUs × 5,499 = 395,928 tokens/s, $3M (llama2-70b-server).
struct RefreshCase {
    var tiny: TinyInstance

    init(decommissioningUSDPerRack: Double, residualShare: Double? = nil) throws {
        tiny = try TinyInstance(siteMW: 1.2)
        var catalog = tiny.catalog
        for (id, kw, network, tokens, price) in [("hgx-h100-4x8", 40.0, 0.0, 1000.0, 1e6), ("gb200-nvl72", 132.0, 3.6, 5499.0, 3e6)] {
            let i = catalog.profiles.firstIndex { $0.id == id }!
            catalog.profiles[i].rackMaxKW = kw
            catalog.profiles[i].networkKWPerRack = network
            catalog.profiles[i].rackPriceUSD = price
            catalog.profiles[i].allInOverheadShare = 0
            // The Hopper rack sheds its heat to unchilled air: its inlet limit is lifted above the economizer's air
            // so that only the power figures above decide.
            catalog.profiles[i].maxAirInletC = 45
            let k = catalog.profiles[i].throughput.firstIndex { $0.workload == "llama2-70b-server" }!
            catalog.profiles[i].throughput[k].tokensPerSecondPerGPU = tokens
        }
        let gb200 = catalog.profiles.firstIndex { $0.id == "gb200-nvl72" }!
        catalog.profiles[gb200].availableFrom = Quarter("2026Q3")!
        tiny = TinyInstance(design: tiny.design, site: tiny.site, catalog: catalog)
        tiny.design.profiles = ["hgx-h100-4x8", "gb200-nvl72"]
        tiny.design.workloadMix = [WorkloadShare(workload: "llama2-70b-server", share: 1)]
        tiny.design.horizon = Horizon(first: Quarter("2026Q1")!, last: Quarter("2026Q4")!)
        let hall = tiny.design.halls[0]
        tiny.design.halls = [("a", 30), ("b", 10)].map { name, positions in
            var h = hall
            h.name = name
            h.positions = positions
            h.installedCapacityMW = 5
            return h
        }
        tiny.design.existingRacks = [ExistingRacks(hall: "a", profile: "hgx-h100-4x8", racks: 30, installedQuarter: Quarter("2024Q1")!)]
        tiny.design.economics.decommissioningUSDPerRack = decommissioningUSDPerRack
        tiny.design.economics.rackResidualShare = residualShare
    }

    /// Racks of a profile in service in quarter t, retired and new in it, over all halls.
    static func count(_ plan: BuildPlan, _ profile: String, _ t: Int) -> (total: Int, retired: Int, new: Int) {
        let lines = plan.racks.filter { $0.profile == profile && $0.quarter == plan.quarters[t].quarter }
        return (lines.reduce(0) { $0 + $1.racksTotal }, lines.reduce(0) { $0 + ($1.racksRetired ?? 0) }, lines.reduce(0) { $0 + $1.racksNew })
    }
}

extension TinyInstance {
    init(design: ReferenceDesign, site: Site, catalog: Catalog) {
        self.design = design
        self.site = site
        self.catalog = catalog
    }
}

@Suite("Rack retirement and fleet refresh")
struct RetirementTests {
    @Test("Max-tokens retires Hopper for Blackwell in the quarter Blackwell arrives, as many as the grid needs (by hand)")
    func refreshByHand() throws {
        // Each quarter is free to choose its fleet (no decommissioning cost weighs in max-tokens), so each quarter
        // holds the most tokens/s under the 1.2 MW grid. Before 2026Q3 only Hopper: the 30 existing racks fill
        // 30 × 0.04 = 1.2 MW, 960,000 tokens/s. From 2026Q3, n GB200 and h Hopper with 0.1356 n + 0.04 h ≤ 1.2:
        //   n = 8: 1.0848 MW, 0.1152 MW left → h = 2: 8 × 395,928 + 2 × 32,000 = 3,231,424 tokens/s;
        //   n = 7: 0.9492 MW, 0.2508 MW left → h = 6: 2,771,496 + 192,000 = 2,963,496;
        //   n = 9: 1.2204 MW > 1.2.
        // GB200 gives 395,928 / 0.1356 = 2.92 M tokens/s per MW against Hopper's 0.8 M, so fewer GB200 only loses.
        // The optimum retires 28 Hopper in 2026Q3 (not before: they serve until then) and builds 8 GB200.
        let refresh = try RefreshCase(decommissioningUSDPerRack: 0)
        let plan = try refresh.tiny.plan().plan
        for t in 0..<2 {
            #expect(RefreshCase.count(plan, "hgx-h100-4x8", t) == (30, 0, 0))
            #expect(RefreshCase.count(plan, "gb200-nvl72", t).total == 0)
        }
        #expect(RefreshCase.count(plan, "hgx-h100-4x8", 2) == (2, 28, 0))
        #expect(RefreshCase.count(plan, "gb200-nvl72", 2) == (8, 0, 8))
        #expect(RefreshCase.count(plan, "hgx-h100-4x8", 3) == (2, 0, 0))
        #expect(RefreshCase.count(plan, "gb200-nvl72", 3) == (8, 0, 0))
        let tokens = 2 * 960_000.0 + 2 * 3_231_424.0
        #expect(plan.objectiveValue.isApproximatelyEqual(to: tokens * TimeBase.secondsPerQuarter, relativeTolerance: 1e-9))
        // Existing racks cost no new capex: only the 8 GB200 are bought.
        #expect(plan.quarters[2].capexNewUSD == 8 * 3e6)
        #expect(plan.quarters[0].capexNewUSD == 0)
    }

    /// The refresh case over 2026Q2–2026Q4 (GB200 from the second quarter) under cost-per-token: $`price`/MWh, all token
    /// capacity demanded (utilization 1, so a rack draws its full power on average), racks paid off over 5 years
    /// undiscounted ($1M Hopper: $50,000 a quarter; $3M GB200: $150,000), no facility cost, $20,000 to take a rack out.
    static func costCase(energyPriceUSDPerMWh price: Double) throws -> RefreshCase {
        var refresh = try RefreshCase(decommissioningUSDPerRack: 20_000)
        refresh.tiny.design.horizon = Horizon(first: Quarter("2026Q2")!, last: Quarter("2026Q4")!)
        refresh.tiny.design.workloadMix = [WorkloadShare(workload: "llama2-70b-server", share: 1,
                                                         demand: DemandShape(meanUtilization: 1, diurnalAmplitude: 0, peakHourLocal: 15,
                                                                             tenants: 1, hourlyNoise: 0))]
        refresh.tiny.design.economics = Economics(depreciationYears: 5, discountRate: 0, facilityOpexUSDPerMWYear: 0,
                                                  decommissioningUSDPerRack: 20_000)
        refresh.tiny.site.energyPriceUSDPerMWh = price
        return refresh
    }

    @Test("Cost-per-token keeps sunk Hopper or refreshes it, as the cheapest trajectory by hand", arguments: [100.0, 250.0])
    func costPerTokenRefresh(price: Double) throws {
        let refresh = try Self.costCase(energyPriceUSDPerMWh: price)
        // A trajectory: Hopper h and GB200 g in each of the 3 quarters (g = 0 in the first), 0.04 h + 0.1356 g ≤ 1.2 MW,
        // h + g ≤ 40 positions, from 30 Hopper standing. Its cost: each rise bought, paid from its quarter to the horizon's
        // end ($50,000 or $150,000 a quarter), whether it stands or not (sunk once bought); each fall $20,000 a rack; every
        // rack standing $price × 2,191.5 h × its MW of energy; the existing Hopper's capital sunk, so not counted. Its
        // tokens: (32,000 h + 395,928 g) × 7,889,400 s, in millions.
        let perQuarter = [50_000.0, 150_000.0], mw = [0.04, 0.1356], rate = [32_000.0, 395_928.0]
        func ratio(_ path: [[Int]]) -> Double {
            var cost = 0.0, tokens = 0.0, before = [30, 0]
            for (t, q) in path.enumerated() {
                for p in 0..<2 {
                    let change = q[p] - before[p]
                    cost += change > 0 ? Double(change) * perQuarter[p] * Double(3 - t) : Double(-change) * 20_000
                    cost += Double(q[p]) * mw[p] * price * 2191.5
                    tokens += Double(q[p]) * rate[p] * 7_889_400 / 1e6
                    before[p] = q[p]
                }
            }
            return tokens > 0 ? cost / tokens : .infinity
        }
        var fitting: [[Int]] = []
        for g in 0...8 { for h in 0...40 - g where 0.04 * Double(h) + 0.1356 * Double(g) <= 1.2 + 1e-9 { fitting.append([h, g]) } }
        var best = Double.infinity
        for h0 in 0...30 { for q1 in fitting { for q2 in fitting { best = min(best, ratio([[h0, 0], q1, q2])) } } }
        let plan = try refresh.tiny.plan(.costPerToken).plan
        let path = (0..<3).map { t in [RefreshCase.count(plan, "hgx-h100-4x8", t).total, RefreshCase.count(plan, "gb200-nvl72", t).total] }
        #expect(ratio(path).isApproximatelyEqual(to: best, relativeTolerance: 1e-9), "\(path)")
        // The objective is written to six decimals.
        #expect(abs(plan.objectiveValue - best) <= 1e-6)
        #expect(Self.fromQuarters(plan).isApproximatelyEqual(to: plan.objectiveValue, relativeTolerance: 1e-4))
        if price == 100 {
            // Hopper's energy alone, 0.04 MW × $100 × 2,191.5 h = $8,766 a quarter over 32,000 × 7.8894 = 252,460.8 million
            // tokens: $0.034722, below any plan with GB200 ($150,000 a quarter each): all 30 stay. Charged a new rack's
            // $50,000 a quarter, as stock-charged capital did, Hopper would cost $0.2328 and give way to GB200.
            #expect(path == [[30, 0], [30, 0], [30, 0]])
            #expect(abs(best - 8766 / 252_460.8) <= 1e-9)
        } else {
            // At $250/MWh Hopper's energy costs $0.0868 per million tokens, above the plan of 8 GB200 (bought in 2026Q3,
            // $300,000 each over its two quarters) beside the 2 Hopper the grid still takes: 28 Hopper leave at once (their
            // $20,000 each is less than their energy), 2 stay. Cost $4,280,159.6: 28 × 20,000 + 6 × 0.04 × 250 × 2,191.5
            // + 8 × 300,000 + 16 × 0.1356 × 250 × 2,191.5; tokens 51,492,914.6 million: 6 × 32,000 × 7.8894 + 16 ×
            // 395,928 × 7.8894.
            #expect(path == [[2, 0], [2, 8], [2, 8]])
            #expect(abs(best - 4_280_159.6 / 51_492_914.6112) <= 1e-9)
            // Each quarter's own figure charges the GB200's annuity in the quarters it is paid, the Hopper's energy only:
            // 2026Q4 (as 2026Q3): (8 × 150,000 + (2 × 0.04 + 8 × 0.1356) × 250 × 2,191.5) / ((2 × 32,000 + 8 × 395,928)
            // × 7.8894) = 1,838,164.8 / 25,493,996.5.
            #expect(abs(plan.quarters[2].costPerMillionTokensUSD! - 1_838_164.8 / 25_493_996.5056) <= 1e-6)
            // 2026Q2 carries the 28 Hopper's decommissioning beside the 2 Hopper's energy: (560,000 + 2 × 0.04 × 250 ×
            // 2,191.5) / (2 × 32,000 × 7.8894) = 603,830 / 504,921.6.
            #expect(abs(plan.quarters[0].costPerMillionTokensUSD! - 603_830 / 504_921.6) <= 1e-6)
        }
    }

    /// A plan's cost per million tokens over the horizon from its quarters: each quarter's cost per million tokens × its
    /// million tokens served, summed, over the million tokens served. Under cost-per-token it is the objective, within the
    /// six decimals each figure is written to.
    static func fromQuarters(_ plan: BuildPlan) -> Double {
        let served = plan.quarters.map { $0.tokensPerSecond * ($0.utilization ?? 1) * TimeBase.secondsPerQuarter / 1e6 }
        return zip(plan.quarters, served).reduce(0.0) { $0 + ($1.0.costPerMillionTokensUSD ?? 0) * $1.1 } / served.reduce(0, +)
    }

    @Test("Without retirement too a bought rack pays its annuity over depreciationYears only: the quarters add up to the objective, the twin reads the same")
    func quartersWithoutRetirement() throws {
        // Six years of the tiny instance (24 quarters, depreciation 5 years at 8 %): a rack bought in quarter τ is charged
        // in quarters τ … τ + 19 and no more, so where the racks stand unchanged from quarter 20 on, each quarter's cost
        // falls by the annuity of what quarter t − 20 bought: capex × CRF(8 %, 5) / 4, CRF = 0.08 / (1 − 1.08⁻⁵) = 0.2504565
        // ($250,456.45 a quarter for a $4M GB300, $187,842.34 for a $3M GB200; no all-in overhead in this catalog).
        var tiny = try TinyInstance()
        tiny.design.horizon = Horizon(first: Quarter("2026Q1")!, last: Quarter("2031Q4")!)
        let plan = try tiny.plan(.costPerToken).plan
        #expect(plan.racks.allSatisfy { ($0.racksRetired ?? 0) == 0 })
        #expect(Self.fromQuarters(plan).isApproximatelyEqual(to: plan.objectiveValue, relativeTolerance: 1e-4))
        let crf = 0.2504564545668364
        #expect(tiny.design.economics.capitalRecoveryFactor(years: tiny.design.rackRecoveryYears).isApproximatelyEqual(to: crf, relativeTolerance: 1e-12))
        let usd = plan.quarters.map { ($0.costPerMillionTokensUSD ?? 0) * $0.tokensPerSecond * ($0.utilization ?? 1) * TimeBase.secondsPerQuarter / 1e6 }
        var checked = 0
        for t in 20..<24 where plan.quarters[t].racks == plan.quarters[t - 1].racks && plan.quarters[t].capexNewUSD == 0 {
            let paidOff = plan.quarters[t - 20].capexNewUSD * crf / 4
            #expect((usd[t - 1] - usd[t]).isApproximatelyEqual(to: paidOff, relativeTolerance: 1e-4), "quarter \(t)")
            checked += 1
        }
        #expect(checked == 4 && plan.quarters[0].capexNewUSD > 0, "the racks bought first stand unchanged to the end")
        // The twin's fleet pays the annuity of what was bought within the last 20 quarters.
        let fleet = InstalledFleet.quarters(of: plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        for t in [19, 20, 23] {
            let paying = plan.quarters[max(0, t - 19)...t].reduce(0.0) { $0 + $1.capexNewUSD }
            #expect(fleet[t].rackCapitalUSDPerYear.isApproximatelyEqual(to: paying * crf, relativeTolerance: 1e-12), "quarter \(t)")
        }
    }

    @Test("A bought rack pays its annuity over depreciationYears, or its life where shorter, from the quarter it is bought (annuity table)")
    func recoveryPeriod() throws {
        // The refresh case's $1M Hopper (no overhead) at 8 %: over 5 years CRF 0.08 / (1 − 1.08⁻⁵) = 0.2504565, $62,614.11 a
        // quarter; with a 2.5-year life the rack must repay itself in 10 quarters, CRF(8 %, 2.5) = 0.4570767, $114,269.17.
        var refresh = try RefreshCase(decommissioningUSDPerRack: 0)
        refresh.tiny.design.horizon = Horizon(first: Quarter("2026Q1")!, last: Quarter("2033Q4")!)
        refresh.tiny.design.economics = Economics(depreciationYears: 5, discountRate: 0.08, facilityOpexUSDPerMWYear: 0, rackLifeYears: 6)
        let hopper = refresh.tiny.catalog.profiles.first { $0.id == "hgx-h100-4x8" }!
        let sixYears = PlanningProblem(design: refresh.tiny.design, site: refresh.tiny.site, catalog: refresh.tiny.catalog)
        #expect(sixYears.quarterlyCapitalCostUSD(hopper).isApproximatelyEqual(to: 62_614.11, absoluteTolerance: 0.01))
        // 20 quarters from 2026Q1 and from 2027Q1; 8 from 2032Q1, where the horizon ends first.
        #expect([0, 4, 24].map { sixYears.chargedQuarters(boughtIn: $0) } == [20, 20, 8])
        refresh.tiny.design.economics.rackLifeYears = 2.5
        let short = PlanningProblem(design: refresh.tiny.design, site: refresh.tiny.site, catalog: refresh.tiny.catalog)
        #expect(short.quarterlyCapitalCostUSD(hopper).isApproximatelyEqual(to: 114_269.17, absoluteTolerance: 0.01))
        #expect([0, 24, 30].map { short.chargedQuarters(boughtIn: $0) } == [10, 8, 2])
    }

    @Test("bom.csv: what stood before the horizon (a hall from 2024, its power path and plant, the existing racks' fabric) is in service in its first quarter, not new")
    func standingBefore() throws {
        var refresh = try RefreshCase(decommissioningUSDPerRack: 0)
        refresh.tiny.design.halls[0].availableFrom = Quarter("2024Q1")!
        let plan = try refresh.tiny.plan().plan
        let purchases = try #require(plan.purchases)
        func line(_ item: String, _ t: Int) -> PurchaseLine? { purchases.first { $0.item == item && $0.quarter == plan.quarters[t].quarter } }
        // The 30 Hopper racks stood with hall a since 2024: their host ports × the fabric's transceivers per port (2 per tier)
        // were in service before 2026Q1, which adds nothing to them (GB200 comes in 2026Q3).
        let hopper = refresh.tiny.catalog.profiles.first { $0.id == "hgx-h100-4x8" }!
        let transceivers = Double(30 * hopper.scaleOutPorts * 2 * refresh.tiny.design.fabric.tiers)
        #expect(transceivers > 0)
        #expect(line("transceiver", 0).map { ($0.new, $0.inService) } ?? (-1, -1) == (0, transceivers))
        #expect(line("fabric switch", 0).map { $0.new == 0 && $0.inService > 0 } == true)
        // Hall a (5 MW) and the plant as given stood; hall b, given from 2026Q1, is new there with its 5 MW.
        #expect(line("halls a", 0).map { ($0.new, $0.inService) } ?? (-1, -1) == (0, 1))
        #expect(line("halls b", 0).map { ($0.new, $0.inService) } ?? (-1, -1) == (1, 1))
        #expect(line("UPS and transformers", 0).map { ($0.new, $0.inService) } ?? (-1, -1) == (5, 10))
        #expect(line("heat rejection", 0).map { $0.new == 0 && $0.inService == refresh.tiny.design.heatRejection.ratedCapacityMW } == true)
        // In 2026Q3 the 8 GB200 bring their own ports while 28 Hopper leave: new is what the quarter adds over 2026Q2.
        let gb200 = refresh.tiny.catalog.profiles.first { $0.id == "gb200-nvl72" }!
        let q3 = Double((2 * hopper.scaleOutPorts + 8 * gb200.scaleOutPorts) * 2 * refresh.tiny.design.fabric.tiers)
        #expect(line("transceiver", 2).map { ($0.new, $0.inService) } ?? (-1, -1) == (max(0, q3 - transceivers), q3))
    }

    @Test("Min-capex retires a Hopper rack only where the target needs its MW, or where its resale exceeds the decommissioning (by hand)")
    func retirementCost() throws {
        // Target 2,000,000 tokens/s in 2026Q4 under 1.2 MW; capex = 3M n + (30 − h)(D − r · 1M) for n GB200 and h
        // Hopper kept (new Hopper at $31.25 per tokens/s never beats GB200 at 3M / 395,928 = $7.58).
        //   n = 3: h ≥ (2e6 − 1,187,784) / 32,000 = 25.4 → 26, but 0.4068 + 26 × 0.04 = 1.4468 MW > 1.2: no.
        //   n = 4: h ≥ (2e6 − 1,583,712) / 32,000 = 13.01 → 14; h ≤ (1.2 − 0.5424) / 0.04 = 16.4 → 16.
        //   n = 5: h ≥ 1 (1,979,640 + 32,000), h ≤ 13; n = 6: h ≥ 0, h ≤ 9.
        // D = $50k, r = 0: retiring costs, keep the most Hopper: n = 4, h = 16, 12M + 14 × 50k = 12.70M
        // (n = 5: 15M + 17 × 50k = 15.85M; n = 6: 18M + 21 × 50k = 19.05M).
        let costly = try RefreshCase(decommissioningUSDPerRack: 50_000)
        let plan = try costly.tiny.plan(.minCapex, target: 2_000_000).plan
        #expect(RefreshCase.count(plan, "gb200-nvl72", 3).total == 4)
        #expect(RefreshCase.count(plan, "hgx-h100-4x8", 3).total == 16)
        #expect(plan.racks.filter { $0.profile == "hgx-h100-4x8" }.reduce(0) { $0 + ($1.racksRetired ?? 0) } == 14)
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 12_700_000, relativeTolerance: 1e-9))
        // D = $50k, r = 0.2: each retired Hopper brings back 0.2 × 1M − 50k = $150k, so keep the fewest: n = 4,
        // h = 14, 12M − 16 × 150k = 9.6M (n = 5, h = 1: 15M − 29 × 150k = 10.65M; n = 6, h = 0: 18M − 4.5M = 13.5M).
        let resold = try RefreshCase(decommissioningUSDPerRack: 50_000, residualShare: 0.2)
        let sold = try resold.tiny.plan(.minCapex, target: 2_000_000).plan
        #expect(RefreshCase.count(sold, "gb200-nvl72", 3).total == 4)
        #expect(RefreshCase.count(sold, "hgx-h100-4x8", 3).total == 14)
        #expect(sold.objectiveValue.isApproximatelyEqual(to: 9_600_000, relativeTolerance: 1e-9))
    }

    @Test("A purchase unit is not bought to be scrapped in part: only racks that stood the quarter before are retired (by hand)")
    func retiredRacksStoodBefore() throws {
        // Tiny instance on a 0.2 MW grid, GB300 bought in units of 2 racks (0.2942 MW, over the grid), free retirement.
        // Buying a unit and retiring one of its racks in the same quarter would stand one GB300 (0.1471 MW, 596,952
        // tokens/s) in each quarter; without that, the best is one GB200 (0.1356 MW, 395,928 tokens/s) a quarter.
        var tiny = try TinyInstance(siteMW: 0.2)
        tiny.design.scalableUnits = ["gb300-nvl72": 2]
        tiny.design.economics.decommissioningUSDPerRack = 0
        let result = try tiny.plan()
        #expect(result.plan.objectiveValue.isApproximatelyEqual(to: 2 * 395_928 * TimeBase.secondsPerQuarter, relativeTolerance: 1e-9))
        #expect(result.plan.racks.allSatisfy { $0.profile != "gb300-nvl72" || ($0.racksNew == 0 && $0.racksRetired == 0) },
                "\(result.plan.racks)")
        #expect(result.model.constraints.contains { $0.name.hasPrefix("stock_stood(gb300_nvl72,") })
    }

    @Test("An asset life retires existing racks exactly at installed quarter + life")
    func assetLife() throws {
        // Three GB300 racks installed 2025Q2 with a one-year life are in service through 2026Q1 (3 quarters old) and
        // out from 2026Q2 = 2025Q2 + 4. The supply cap of 3 GB300 per quarter makes keeping them through 2026Q1 the only
        // optimum: 2026Q1 holds 3 existing + 3 new (6 × 0.1471 = 0.8826 MW ≤ 1 MW, a 7th would need 1.0297), 2026Q2
        // retires the 3 existing and adds 3 more. Without the life nothing is retired and 2026Q2 adds nothing.
        var tiny = try TinyInstance()
        tiny.design.profiles = ["gb300-nvl72"]
        tiny.design.supplyCapRacksPerQuarter = ["gb300-nvl72": 3]
        tiny.design.existingRacks = [ExistingRacks(hall: "h", profile: "gb300-nvl72", racks: 3, installedQuarter: Quarter("2025Q2")!)]
        tiny.design.economics.rackLifeYears = 1
        let plan = try tiny.plan().plan
        #expect(RefreshCase.count(plan, "gb300-nvl72", 0) == (6, 0, 3))
        #expect(RefreshCase.count(plan, "gb300-nvl72", 1) == (6, 3, 3))

        tiny.design.economics.rackLifeYears = nil
        let kept = try tiny.plan().plan
        #expect(RefreshCase.count(kept, "gb300-nvl72", 0) == (6, 0, 3))
        #expect(RefreshCase.count(kept, "gb300-nvl72", 1) == (6, 0, 0))
    }

    @Test("A rack built in τ is out of stock from τ + life on (the cumulative-build row)")
    func lifeOfBuiltRacks() throws {
        // Horizon 2026Q1–2027Q2, life 1 year, supply cap 3 GB300 per quarter, no existing racks: 3 built in 2026Q1
        // may serve 2026Q1–2026Q4 and must be gone in 2027Q1. Every quarter's racks are at most those built in the
        // last four quarters, read back from the plan's lines.
        var tiny = try TinyInstance()
        tiny.design.profiles = ["gb300-nvl72"]
        tiny.design.supplyCapRacksPerQuarter = ["gb300-nvl72": 3]
        tiny.design.horizon = Horizon(first: Quarter("2026Q1")!, last: Quarter("2027Q2")!)
        tiny.design.economics.rackLifeYears = 1
        let plan = try tiny.plan().plan
        let new = plan.quarters.indices.map { RefreshCase.count(plan, "gb300-nvl72", $0).new }
        for t in plan.quarters.indices {
            let c = RefreshCase.count(plan, "gb300-nvl72", t)
            #expect(c.total <= new[max(0, t - 3)...t].reduce(0, +), "\(plan.quarters[t].quarter)")
            // 6 racks fit the 1 MW site; the cap reaches them by the second quarter and renewal keeps them there.
            #expect(c.total == (t == 0 ? 3 : 6), "\(plan.quarters[t].quarter)")
        }
        // The 2026Q1 racks are retired by 2027Q1 at the latest.
        #expect(plan.quarters.indices.filter { $0 <= 4 }.reduce(0) { $0 + RefreshCase.count(plan, "gb300-nvl72", $1).retired } >= 3)
    }

    @Test("plan.json with retirements reads back clean; a racksRetired that does not add up is named; the twin's fleet follows stock")
    func planFile() throws {
        let refresh = try RefreshCase(decommissioningUSDPerRack: 0)
        let plan = try refresh.tiny.plan().plan
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let text = try #require(String(data: try encoder.encode(plan), encoding: .utf8))
        _ = try BuildPlan.decode(text: text, file: "plan.json")
        // 2026Q3 hall a Hopper: 30 before + 0 new − 28 retired = 2; claiming 27 retired breaks the sum.
        var broken = plan
        let i = try #require(broken.racks.firstIndex { $0.quarter == Quarter("2026Q3")! && $0.profile == "hgx-h100-4x8" })
        broken.racks[i].racksRetired = 27
        let brokenText = try #require(String(data: try encoder.encode(broken), encoding: .utf8))
        #expect { try BuildPlan.decode(text: brokenText, file: "plan.json") } throws: { error in
            (error as? InputError)?.issues.contains { $0.path == "racks[\(i)].racksTotal" && $0.message.contains("− racksRetired 27 = 3") } ?? false
        }
        // The twin installs what is in stock each quarter: 30, 30, then 2 Hopper + 8 GB200.
        let fleet = InstalledFleet.quarters(of: plan, design: refresh.tiny.design, site: refresh.tiny.site, catalog: refresh.tiny.catalog)
        #expect(fleet.map(\.racks) == [30, 30, 10, 10])
    }

    @Test("The re-check refuses racks kept past their life, whatever the solver said")
    func recheckLife() throws {
        // Life 0.25 years = 1 quarter: racks in stock must all be built in the same quarter. 3 GB300 built in 2026Q1
        // and still there in 2026Q2 with nothing retired or built are past their life.
        var tiny = try TinyInstance()
        tiny.design.economics.rackLifeYears = 0.25
        let problem = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        let gb300 = try #require(problem.eligible.firstIndex { problem.profiles[$0.profile].id == "gb300-nvl72" })
        let stock = [gb300: [0: 3, 1: 3]]
        #expect {
            try PlanCheck.check(problem: problem, stock: stock, assignment: HallAssignment(problem: problem, stock: stock))
        } throws: { error in
            guard case PlanError.limitBroken(let b) = error else { return false }
            return b.family == .rackLife && b.quarter == Quarter("2026Q2") && b.used == 3 && b.capacity == 0
        }
        // Retiring the 3 and building 3 new in 2026Q2 passes.
        let retired = [gb300: [1: 3]]
        try PlanCheck.check(problem: problem, stock: stock, retired: retired,
                            assignment: HallAssignment(problem: problem, stock: stock, retired: retired))
    }

    @Test("Existing racks in a hall the profile may not enter are refused in words")
    func unplaceableExisting() throws {
        var tiny = try TinyInstance()
        tiny.design.existingRacks = [ExistingRacks(hall: "h", profile: "gb300-nvl72", racks: 2, installedQuarter: Quarter("2025Q1")!)]
        tiny.design.halls[0].maxRackKW = 100
        // The planner's own reason for keeping the profile out, at the design field (exit 1 in the CLI, an input problem).
        #expect {
            try tiny.plan()
        } throws: { error in
            guard case let PlanError.inputProblem(path, message) = error else { return false }
            return path == "existingRacks[0].profile" && message.hasPrefix("2 existing gb300-nvl72 racks cannot stand in h from 2026Q1: rack ")
                && message.contains(" kW > the hall's maxRackKW 100 kW; name a hall that takes them")
        }
    }
}

@Suite("Retirement against brute force")
struct RetirementBruteForceTests {
    /// Every stock trajectory of the tiny instance (GB200 a_t, GB300 b_t, t = 2026Q1, 2026Q2) within the floor, hall
    /// power and site power, in any direction (racks may be retired), with 3 GB200 racks existing before 2026Q1.
    static func trajectories(_ tiny: TinyInstance) -> [[(a: Int, b: Int)]] {
        let positions = tiny.design.halls[0].positions
        var fitting: [(a: Int, b: Int)] = []
        for a in 0...positions { for b in 0...(positions - a) {
            let mw = Double(a) * TinyInstance.rackMW[0] + Double(b) * TinyInstance.rackMW[1]
            if mw <= 1 + 1e-9 { fitting.append((a, b)) }
        } }
        return fitting.flatMap { q0 in fitting.map { [q0, $0] } }
    }

    static func withExisting() throws -> TinyInstance {
        var tiny = try TinyInstance()
        tiny.design.existingRacks = [ExistingRacks(hall: "h", profile: "gb200-nvl72", racks: 3, installedQuarter: Quarter("2025Q4")!)]
        tiny.design.economics.decommissioningUSDPerRack = 50_000
        tiny.design.economics.rackResidualShare = 0.3
        return tiny
    }

    @Test("Max-tokens with existing racks and retirement equals the best trajectory")
    func maxTokens() throws {
        let tiny = try Self.withExisting()
        let best = Self.trajectories(tiny).map { path in
            path.reduce(0.0) { $0 + Double($1.a) * TinyInstance.rackTokens[0] + Double($1.b) * TinyInstance.rackTokens[1] }
        }.max()!
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: best * TimeBase.secondsPerQuarter, relativeTolerance: 1e-9))
    }

    @Test("Tokens-per-MW with existing racks reaches the best ratio of any trajectory (retiring the existing GB200)")
    func tokensPerMW() throws {
        let tiny = try Self.withExisting()
        func ratio(_ path: [(a: Int, b: Int)]) -> Double {
            let tokens = path.reduce(0.0) { $0 + Double($1.a) * TinyInstance.rackTokens[0] + Double($1.b) * TinyInstance.rackTokens[1] }
            let mw = path.reduce(0.0) { $0 + Double($1.a) * TinyInstance.rackMW[0] + Double($1.b) * TinyInstance.rackMW[1] }
            return mw > 0 ? tokens / mw : 0
        }
        // GB300 alone: 596,952 / 0.1471 = 4,058,137 tokens/s per MW, above any mix with GB200 (2,919,823).
        let best = Self.trajectories(tiny).map(ratio).max()!
        #expect(best.isApproximatelyEqual(to: 596_952 / 0.1471, relativeTolerance: 1e-12))
        let plan = try tiny.plan(.tokensPerMW).plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: best, relativeTolerance: 1e-6))
        #expect(plan.racks.filter { $0.profile == "gb200-nvl72" }.allSatisfy { $0.racksTotal == 0 })
    }

    @Test("Min-capex with resale and decommissioning equals the cheapest trajectory reaching the target")
    func minCapex() throws {
        let tiny = try Self.withExisting()
        let capex = [3e6, 4e6], existing = [3, 0]
        // A trajectory's cheapest capex: buy each rise, retire each fall (retiring and rebuying one profile costs
        // (1 − 0.3) × capex + $50k more, never less), a retired rack bringing 0.3 × capex less $50k back.
        func cost(_ path: [(a: Int, b: Int)]) -> Double {
            var total = 0.0, before = existing
            for q in path {
                for (p, n) in [q.a, q.b].enumerated() {
                    let change = n - before[p]
                    total += change > 0 ? Double(change) * capex[p] : Double(-change) * (50_000 - 0.3 * capex[p])
                    before[p] = n
                }
            }
            return total
        }
        let target = 1_500_000.0
        let best = Self.trajectories(tiny)
            .filter { Double($0[1].a) * TinyInstance.rackTokens[0] + Double($0[1].b) * TinyInstance.rackTokens[1] >= target }
            .map(cost).min()!
        let plan = try tiny.plan(.minCapex, target: target).plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: best, absoluteTolerance: 1e-3))
    }
}

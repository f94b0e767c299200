import Foundation
import Testing
import Numerics
import PlantPhysics
@testable import Planner
import PlantModel
import Plans
import Reports

/// The battery as a sized decision (README "Facility decisions", "Battery"), on ``TinyInstance``: lossless power chain and
/// no cooling parasitics, so a rack's facility MW is its rack MW (GB200 0.1356 MW, 395,928 tokens/s, $3M; GB300 0.1471 MW,
/// 596,952 tokens/s, $4M); one hall of 4 positions and 1 MW, a 10 MW feed, two quarters, 8 % discount rate. The battery must
/// carry the facility for 10 minutes: energy ≥ 10/60 × facility MW, power ≥ facility MW. Added battery costs $6M per MWh and
/// $1M per MW, so each MW of facility costs 6 × 10/60 + 1 = $2M of battery: a GB300 $0.2942M, a GB200 $0.2712M.
@Suite("Battery sized to a ride-through")
struct BatteryDecisionTests {
    static let q1 = Quarter("2026Q1")!, q2 = Quarter("2026Q2")!
    static let build = BatteryBuild(capexUSDPerMWh: 6e6, capexUSDPerMW: 1e6, leadTimeQuarters: 0, lifeYears: 10,
                                    fixedOpexUSDPerYearPerMWh: 10_000)

    /// The tiny instance with a 10-minute ride-through, `energyMWh` and `powerMW` in place, the battery's build option with
    /// `leadTimeQuarters`, no facility capex per MW (the battery is the facility's only cost), under `budgetUSD`.
    static func tiny(energyMWh: Double = 0, powerMW: Double = 0, leadTimeQuarters: Int = 0, budgetUSD: Double? = nil) throws -> TinyInstance {
        var tiny = try TinyInstance(positions: 4, hallMW: 1, siteMW: 10)
        var build = Self.build
        build.leadTimeQuarters = leadTimeQuarters
        tiny.design.powerChain.battery = Battery(energyMWh: energyMWh, powerMW: powerMW, roundTripEfficiency: 0.9, rideThroughMinutes: 10,
                                                 build: build)
        tiny.design.economics.facilityCapexUSDPerMW = nil
        tiny.design.economics.facilityLifeYears = nil
        tiny.design.budgetUSD = budgetUSD
        return tiny
    }

    static func batteryLines(_ plan: BuildPlan) -> [FacilityBuild] { (plan.facilityBuilds ?? []).filter { $0.kind == .battery } }

    @Test("The ride-through rows size the battery to minutes/60 × facility MW in each quarter, and no more")
    func sizedEachQuarter() throws {
        // GB300 only, at most 2 a quarter: 2 racks (0.2942 MW) in 2026Q1 and 4 (0.5884 MW) in 2026Q2. Energy 0.2942/6 =
        // 0.0490333 MWh, then 0.5884/6 = 0.0980667 MWh; power 0.2942 MW, then 0.5884 MW. Max-tokens has no money to weigh: only
        // its nudge against what is built keeps the battery at the requirement.
        var tiny = try Self.tiny()
        tiny.design.profiles = ["gb300-nvl72"]
        tiny.design.supplyCapRacksPerQuarter = ["gb300-nvl72": 2]
        let plan = try tiny.plan().plan
        #expect(plan.quarters.map(\.racks) == [2, 4])
        let lines = Self.batteryLines(plan)
        #expect(lines.map(\.quarter) == [Self.q1, Self.q2])
        let energy = [0.2942 / 6, 0.5884 / 6], power = [0.2942, 0.5884]
        for (t, line) in lines.enumerated() {
            #expect(line.name == "battery" && line.new == 0 && line.inService == 0)
            #expect(line.energyMWh!.isApproximatelyEqual(to: energy[t], absoluteTolerance: 1e-6))
            #expect(line.powerMW!.isApproximatelyEqual(to: power[t], absoluteTolerance: 1e-6))
            #expect(line.newEnergyMWh!.isApproximatelyEqual(to: energy[t] - (t > 0 ? energy[t - 1] : 0), absoluteTolerance: 1e-6))
            #expect(line.newPowerMW!.isApproximatelyEqual(to: power[t] - (t > 0 ? power[t - 1] : 0), absoluteTolerance: 1e-6))
        }
        // bom.csv: energy and power in service and bought, at the build's prices: 0.0490333 MWh × $6M + 0.2942 MW × $1M each quarter.
        let energyBom = plan.purchases?.filter { $0.item == "battery" } ?? [], powerBom = plan.purchases?.filter { $0.item == "battery power" } ?? []
        #expect(energyBom.map(\.unit) == ["MWh", "MWh"] && powerBom.map(\.unit) == ["MW", "MW"])
        #expect(energyBom.compactMap(\.capexUSD).reduce(0, +).isApproximatelyEqual(to: 0.5884 / 6 * 6e6, absoluteTolerance: 10))
        #expect(powerBom.compactMap(\.capexUSD).reduce(0, +).isApproximatelyEqual(to: 0.5884 * 1e6, absoluteTolerance: 10))
        // The plan as a file: battery lines survive the round trip and pass simulate --plan's checks.
        var named = plan
        named.inputs.design = tiny.design.name
        let text = String(decoding: try JSONEncoder().encode(named), as: UTF8.self)
        let decoded = try BuildPlan.decode(text: text, file: "plan.json")
        #expect(decoded.value.facilityBuilds == named.facilityBuilds)
        #expect(BuildPlan.issues(in: decoded, against: tiny.design, catalog: tiny.catalog) == [])
    }

    /// Every plan of the hall (GB200 a, GB300 b racks per quarter, never removed, 4 positions, 1 MW) whose racks and battery
    /// fit `budgetM` (racks $3M and $4M; the battery sized to the last quarter's facility MW, the most, at $2M per MW): the
    /// most tokens/s summed over the two quarters.
    static func bruteForce(budgetM: Double) -> Double {
        var best = 0.0
        func fits(_ a: Int, _ b: Int) -> Bool {
            a + b <= 4 && Double(a) * TinyInstance.rackMW[0] + Double(b) * TinyInstance.rackMW[1] <= 1 + 1e-9
        }
        for a0 in 0...4 { for b0 in 0...4 where fits(a0, b0) { for a1 in a0...4 { for b1 in b0...4 where fits(a1, b1) {
            let mw = Double(a1) * TinyInstance.rackMW[0] + Double(b1) * TinyInstance.rackMW[1]
            guard 3 * Double(a1) + 4 * Double(b1) + 2 * mw <= budgetM + 1e-9 else { continue }
            best = max(best, Double(a0 + a1) * TinyInstance.rackTokens[0] + Double(b0 + b1) * TinyInstance.rackTokens[1])
        } } } }
        return best
    }

    @Test("Without a build option the battery in place bounds the racks; without a ride-through there are no battery rows")
    func givenBattery() throws {
        // 0.05 MWh and 0.3 MW in place, no build: 10 minutes carry at most 0.05 × 6 = 0.3 MW, so 2 × GB300 (0.2942 MW) in each
        // quarter, 1,193,904 tokens/s (GB300 + GB200 serves less; any third rack is over 0.3 MW).
        var tiny = try Self.tiny(energyMWh: 0.05, powerMW: 0.3)
        tiny.design.powerChain.battery!.build = nil
        let plan = try tiny.plan().plan
        #expect(plan.quarters.map(\.tokensPerSecond) == [1_193_904, 1_193_904])
        #expect(plan.facilityBuilds == nil)
        // No ride-through: the battery is the twin's alone, and the model has neither its rows nor its columns.
        tiny.design.powerChain.battery!.rideThroughMinutes = nil
        let model = Formulation(PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog)).model
        #expect(!model.constraints.contains { $0.name.hasPrefix("battery") } && !model.variables.contains { $0.name.hasPrefix("battery") })
        #expect(try tiny.plan().plan.quarters.map(\.tokensPerSecond) == [2_387_808, 2_387_808])
    }

    @Test("Under a budget the battery's capex crowds out a rack: max-tokens matches enumeration of every plan")
    func budgetCrowdsOut() throws {
        // $16.5M: 4 × GB300 ($16M) fit without a ride-through, but their battery ($2M × 0.5884 = $1.1768M) makes $17.1768M.
        // 3 × GB300 + 1 × GB200: $16M + $2M × 0.5769 = $16.1538M, 2,186,784 tokens/s in both quarters.
        let brute = Self.bruteForce(budgetM: 16.5)
        #expect(brute.isApproximatelyEqual(to: 2 * 2_186_784, relativeTolerance: 1e-12))
        let tiny = try Self.tiny(budgetUSD: 16.5e6)
        let plan = try tiny.plan().plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: brute * TimeBase.secondsPerQuarter, relativeTolerance: 1e-6))
        #expect(plan.quarters.map(\.tokensPerSecond) == [2_186_784, 2_186_784])
        #expect(Self.batteryLines(plan).last!.energyMWh!.isApproximatelyEqual(to: 0.5769 / 6, absoluteTolerance: 1e-6))
        // Without the ride-through the same budget buys the fourth GB300.
        var free = tiny
        free.design.powerChain.battery = nil
        #expect(try free.plan().plan.quarters.map(\.tokensPerSecond) == [2_387_808, 2_387_808])
        // "What binds" names the ride-through in a designer's words, with the battery built as its capacity.
        let ride = try #require(plan.binding.first { $0.family == .batteryEnergy && $0.quarter == Self.q2 })
        #expect(ride.state == .binding)
        #expect(ride.used.isApproximatelyEqual(to: 0.5769 / 6, absoluteTolerance: 1e-6))
        #expect(ride.capacity.isApproximatelyEqual(to: 0.5769 / 6, absoluteTolerance: 1e-6))
        #expect(LimitText.explanation(ride).hasPrefix("battery energy for the ride-through (powerChain.battery.rideThroughMinutes at the "
            + "facility's design MW) in 2026Q2: binding"))
        // Its price is what the requirement costs in tokens: the battery stays free in the relaxation the prices come from, so
        // one more MWh of requirement takes $6M from the budget. Summed over the quarters (the energy bought for the last
        // quarter serves both), the ride-through rows' prices are $6M × the budget's, less the objective's nudge (1 token/s per
        // MWh and quarter, far inside the tolerance).
        let budget = try #require(plan.binding.first { $0.family == .budget })
        let rideThrough = plan.binding.filter { $0.family == .batteryEnergy }.reduce(0) { $0 + $1.shadowPrice }
        #expect(budget.shadowPrice > 0)
        #expect(rideThrough.isApproximatelyEqual(to: 6e6 * budget.shadowPrice, relativeTolerance: 1e-4), "\(rideThrough) \(budget.shadowPrice)")
    }

    @Test("Lead time: only the battery in place before it; the added battery's capex is spent while it is built")
    func leadTime() throws {
        // 0.05 MWh and 0.3 MW in place carry 0.3 MW for 10 minutes: 2026Q1 holds 2 × GB300 (0.2942 MW; GB300 + GB200 or 2 ×
        // GB200 serve less). From 2026Q2 (one quarter of lead time) the battery grows to 0.0980667 MWh and 0.5884 MW for
        // 4 × GB300: 0.0480667 MWh × $6M + 0.2884 MW × $1M = $576,800, spent in 2026Q1.
        let tiny = try Self.tiny(energyMWh: 0.05, powerMW: 0.3, leadTimeQuarters: 1)
        let plan = try tiny.plan().plan
        #expect(plan.quarters.map(\.tokensPerSecond) == [1_193_904, 2_387_808])
        let lines = Self.batteryLines(plan)
        #expect(lines.map(\.quarter) == [Self.q2])
        #expect(lines[0].newEnergyMWh!.isApproximatelyEqual(to: 0.5884 / 6 - 0.05, absoluteTolerance: 1e-6))
        #expect(lines[0].newPowerMW!.isApproximatelyEqual(to: 0.2884, absoluteTolerance: 1e-6))
        let capex = try #require(plan.cashflow).map(\.facilityCapexUSD)
        // plan.json writes MWh to six decimals: within 1e-6 MWh × $6M of the figure worked by hand.
        #expect(capex[0].isApproximatelyEqual(to: 576_800, absoluteTolerance: 6) && capex[1] == 0, "\(capex)")
        // The fleet of each quarter carries the battery then in service: what is in place, then what the plan grew it to.
        let fleet = InstalledFleet.quarters(of: plan, design: tiny.design, site: tiny.site, catalog: tiny.catalog)
        #expect(fleet[0].battery?.energyMWh == 0.05 && fleet[0].battery?.powerMW == 0.3)
        #expect(fleet[1].battery!.energyMWh.isApproximatelyEqual(to: 0.5884 / 6, absoluteTolerance: 1e-6))
        #expect(fleet[1].battery!.powerMW.isApproximatelyEqual(to: 0.5884, absoluteTolerance: 1e-6))
    }

    @Test("min-capex counts the battery's capex, and not what is in place")
    func minCapex() throws {
        // 2,387,808 tokens/s in the last quarter takes 4 × GB300 (nothing else fits 4 positions and serves as much): $16M
        // + 0.5884 MW × $2M = $17,176,800; with 0.05 MWh and 0.3 MW in place, $16M + $576,800.
        let plan = try Self.tiny().plan(.minCapex, target: 2_387_808).plan
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 17_176_800, relativeTolerance: 1e-9))
        let inPlace = try Self.tiny(energyMWh: 0.05, powerMW: 0.3).plan(.minCapex, target: 2_387_808).plan
        #expect(inPlace.objectiveValue.isApproximatelyEqual(to: 16_576_800, relativeTolerance: 1e-9))
    }

    /// Under a $3.2M budget a GB200 ($3M) fits only without its battery: 0.1356 MW for 10 minutes is 0.0226 MWh and 0.1356
    /// MW, $0.2712M, so it needs $3,271,200; a GB300 needs $4M + $0.2942M = $4,294,200. No rack fits, and the diagnosis
    /// counts the battery each needs.
    @Test("No rack under a budget: the diagnosis counts the battery a unit's ride-through needs")
    func noRackCountsBattery() throws {
        do {
            _ = try Self.tiny(budgetUSD: 3.2e6).plan()
            Issue.record("expected no rack")
        } catch PlanError.noRacks(let d) {
            let budget = d.blockers.filter { $0.family == .budget }
            #expect(budget.map(\.profile) == ["gb200-nvl72", "gb300-nvl72"])
            let gb200 = try #require(budget.first), gb300 = try #require(budget.last)
            #expect(gb200.needed.isApproximatelyEqual(to: 3_271_200, relativeTolerance: 1e-9) && gb200.capacity == 3.2e6)
            #expect(gb200.batteryToBuild.map { $0.energyMWh.isApproximatelyEqual(to: 0.0226, relativeTolerance: 1e-9)
                && $0.powerMW.isApproximatelyEqual(to: 0.1356, relativeTolerance: 1e-9) } == true)
            #expect(gb300.needed.isApproximatelyEqual(to: 4_294_200, relativeTolerance: 1e-9))
            let text = LimitText.noRacks(d)
            #expect(text.contains("one unit of gb200-nvl72 (1 rack) needs 3,271,200 USD with 0.023 MWh and 0.136 MW of battery "
                + "(powerChain.battery.build) built for it, the limit is 3,200,000 USD"), "\(text)")
            // The least raise of the two: 3,271,200 − 3,200,000 for the GB200.
            #expect(text.hasSuffix("\n  the least: raise budgetUSD by ≥ 71,200 USD, for one unit of gb200-nvl72"), "\(text)")
        }
    }

    @Test("The added battery's annuity and fixed opex enter each quarter's cost per million tokens served")
    func costPerToken() throws {
        // Both plans hold 4 × GB300 in both quarters. The battery added, 0.0980667 MWh and 0.5884 MW, costs $1,176,800 ×
        // 0.08 / (1 − 1.08⁻¹⁰) = $1,176,800 × 0.1490295 = $175,378.0 a year (standard annuity table), plus 0.0980667 MWh ×
        // $10,000 = $980.7 of fixed opex: each quarter's cost rises by $176,358.7 / 4 over its million tokens served.
        let with = try Self.tiny().plan().plan
        var without = try Self.tiny()
        without.design.powerChain.battery = nil
        let base = try without.plan().plan
        #expect(with.quarters.map(\.racks) == base.quarters.map(\.racks))
        for (x, y) in zip(base.quarters, with.quarters) {
            let servedMillions = x.tokensPerSecond * x.utilization! * TimeBase.secondsPerQuarter / 1e6
            let expected = x.costPerMillionTokensUSD! + (1_176_800 * 0.1490295 + 980.667) / 4 / servedMillions
            #expect(abs(y.costPerMillionTokensUSD! - expected) <= 2e-6)
        }
    }

    @Test("The cost-per-token objective counts the added battery's annuity and fixed opex")
    func costObjective() throws {
        // Both plans fill the hall with 4 × GB300 in both quarters; the battery adds $176,358.7 a year (above) for two quarters
        // to the horizon's cost, over the same million tokens served.
        let with = try Self.tiny().plan(.costPerToken).plan
        var without = try Self.tiny()
        without.design.powerChain.battery = nil
        let base = try without.plan(.costPerToken).plan
        #expect(with.quarters.map(\.racks) == [4, 4] && base.quarters.map(\.racks) == [4, 4])
        let servedMillions = base.quarters.reduce(0) { $0 + $1.tokensPerSecond * $1.utilization! * TimeBase.secondsPerQuarter / 1e6 }
        let expected = base.objectiveValue + 2 * (1_176_800 * 0.1490295 + 980.667) / 4 / servedMillions
        // Both objective values are written to six decimals: within two half-units of the last.
        #expect(abs(with.objectiveValue - expected) <= 1e-6, "\(with.objectiveValue) \(expected)")
    }

    @Test("simulate --plan refuses battery lines below what is in place, falling, too early, or short of the ride-through")
    func planFileChecks() throws {
        let tiny = try Self.tiny(energyMWh: 0.05, powerMW: 0.3, leadTimeQuarters: 1)
        var plan = try tiny.plan().plan
        plan.inputs.design = tiny.design.name
        func issues(_ plan: BuildPlan) throws -> [ValidationIssue] { try tiny.planFileIssues(plan) }
        #expect(try issues(plan) == [])
        let good = Self.batteryLines(plan)[0]
        let others = (plan.facilityBuilds ?? []).filter { $0.kind != .battery }
        func with(_ lines: [FacilityBuild]) -> BuildPlan { var p = plan; p.facilityBuilds = others + lines; return p }
        // Below what is in place, in 2026Q1 (before the lead time allows anything new), and falling in 2026Q2.
        let found = try issues(with([
            .battery(quarter: Self.q1, energyMWh: 0.04, powerMW: 0.4, newEnergyMWh: 0, newPowerMW: 0.1),
            .battery(quarter: Self.q2, energyMWh: good.energyMWh!, powerMW: 0.35, newEnergyMWh: good.energyMWh! - 0.04, newPowerMW: 0)]))
        #expect(found.contains { $0.path == "facilityBuilds[\(others.count)].energyMWh" && $0.message.hasPrefix("0.04 MWh is less than the 0.05 MWh in place") })
        #expect(found.contains { $0.path == "facilityBuilds[\(others.count)].quarter"
            && $0.message.hasPrefix("2026Q1 is before the earliest quarter added battery can be in service (2026Q2)") })
        #expect(found.contains { $0.path == "facilityBuilds[\(others.count + 1)].powerMW"
            && $0.message.hasPrefix("0.35 MW is less than the 0.4 MW in service before") })
        // A negative addition is out of plan.json's ranges: refused as the file is read.
        let negative = String(decoding: try JSONEncoder().encode(with([.battery(quarter: Self.q2, energyMWh: 0.04, powerMW: 0.3,
                                                                                  newEnergyMWh: -0.01, newPowerMW: 0)])), as: UTF8.self)
        #expect(throws: InputError.self) { _ = try BuildPlan.decode(text: negative, file: "plan.json") }
        // A battery that does not carry 2026Q2's 0.5884 MW for 10 minutes (0.0980667 MWh), and a plan with its lines dropped.
        let short = try issues(with([.battery(quarter: Self.q2, energyMWh: 0.09, powerMW: good.powerMW!, newEnergyMWh: 0.04,
                                              newPowerMW: good.newPowerMW!)]))
        #expect(short.contains { $0.path == "quarters[1].facilityMW" && $0.message.hasPrefix("0.5884 MW for 10 minutes needs 0.098067 MWh of battery; 0.09 MWh is in service in 2026Q2") })
        #expect(try issues(with([])).contains { $0.path == "quarters[1].facilityMW" })
        // A battery line counted as a unit, as other kinds are: new and inService must stay 0.
        var counted = good
        counted.new = 1
        counted.inService = 1
        #expect(try issues(with([counted])).contains { $0.path == "facilityBuilds[\(others.count)].new"
            && $0.message.hasPrefix("a battery line's new and inService are 0") })
        // A battery line where the design lets the plan build no battery.
        var fixed = tiny
        fixed.design.powerChain.battery!.build = nil
        let text = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        #expect(BuildPlan.issues(in: try BuildPlan.decode(text: text, file: "plan.json"), against: fixed.design, catalog: fixed.catalog)
            .contains { $0.path == "facilityBuilds[\(others.count)].name" && $0.message.hasPrefix("'battery' is no battery with a build option") })
    }

    @Test("Validation asks for a ride-through where the battery has a build option")
    func validation() throws {
        var tiny = try Self.tiny()
        tiny.design.powerChain.battery!.rideThroughMinutes = nil
        let yaml = String(decoding: try JSONEncoder().encode(tiny.design), as: UTF8.self)
        let decoded = try PlantFile.decode(ReferenceDesign.self, from: yaml, file: "design.json")
        #expect(ReferenceDesign.issues(in: decoded, catalog: tiny.catalog).contains { $0.path == "powerChain.battery.build"
            && $0.message.hasPrefix("the plan adds battery only to meet a ride-through") })
    }
}

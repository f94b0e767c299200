import Foundation
import Planner
import PlantModel
import Plans
import Reports
import Testing

@Suite("Plan files and table of a small plan worked by hand")
struct PlanReportTests {
    @Test("plan.csv and quarters.csv: one line per rack line and quarter, numbers at their stated decimals")
    func csvFiles() {
        #expect(PlanReport.planCSV(SmallPlan.plan) == """
            quarter,hall,profile,racksNew,racksTotal,racksRetired,gpus,itMW,liquidMW,positions,tokensPerSecond
            2027Q1,hall-a,gb300-nvl72,2,2,0,144,0.3000,0.2400,2,1200000.0
            2027Q2,hall-a,gb300-nvl72,3,5,0,360,0.7500,0.6000,5,3000000.0

            """)
        // 0.3 / 0.95 = 0.315789… and 0.75 / 0.95 = 0.789473… MW at three decimals.
        #expect(PlanReport.quartersCSV(SmallPlan.plan) == """
            quarter,racks,gpus,cdus,switches,transceivers,feedsInService,itMW,facilityMW
            2027Q1,2,144,1,3,36,a b,0.300,0.316
            2027Q2,5,360,1,5,90,a b,0.750,0.789

            """)
    }

    @Test("plan.json reads back from bytes and from its path alike; a problem names the file given and the field")
    func readBack() throws {
        let data = try PlanReport.json(SmallPlan.plan)
        #expect(try BuildPlan.decode(text: String(decoding: data, as: UTF8.self), file: "p.json").value == SmallPlan.plan)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json").path
        try data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try BuildPlan.load(from: path).value == SmallPlan.plan)

        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["objectiveValue"] = "many"
        let broken = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try BuildPlan.decode(text: String(decoding: broken, as: UTF8.self), file: "p.json")
            Issue.record("a string objectiveValue was read")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.file == "p.json" && error.issues.first?.path == "objectiveValue")
        }
        #expect(throws: InputError(issues: [ValidationIssue(file: "/no/such/plan.json", line: nil, path: "", message: "no such file (check the path)")])) {
            try BuildPlan.load(from: "/no/such/plan.json")
        }
    }

    @Test("plan.json carries the CSV columns under the same names, and typed binding limits")
    func json() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: PlanReport.json(SmallPlan.plan)) as? [String: Any])
        let racks = try #require(object["racks"] as? [[String: Any]])
        #expect(Set(racks[0].keys) == Set(PlanReport.rackColumns.map(\.name)))
        let bom = try #require(object["billOfMaterials"] as? [[String: Any]])
        #expect(Set(bom[0].keys) == Set(PlanReport.quarterEquipmentColumns.map(\.name)))
        #expect((racks[1]["racksTotal"] as? Int) == 5)
        let binding = try #require(object["binding"] as? [[String: Any]])
        #expect(binding[0]["family"] as? String == "site_power", "the family is its row-name prefix")
        #expect(binding[0]["state"] as? String == "binding" && binding[1]["state"] as? String == "near-limit")
        #expect(binding[0]["shadowPriceUnit"] as? String == "tokens/s (summed over quarters)")
        #expect((object["solver"] as? [String: Any])?["status"] as? String == "optimal")
        // Keys are sorted and the file ends in a newline, so equal plans give equal bytes.
        let text = String(decoding: try PlanReport.json(SmallPlan.plan), as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.range(of: "\"billOfMaterials\"")!.lowerBound < text.range(of: "\"binding\"")!.lowerBound)
    }

    @Test("The table: quarter rows, the mix, binding limits and those near their limit with a price, in words with their price, exclusions")
    func table() {
        let text = PlanReport.table(SmallPlan.plan)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Plan: small on site")
        #expect(lines[1] == "Objective max-tokens: 3,000,000 tokens over the horizon")
        // With a utilization recorded, the line says the tokens are at full load and what is served: 3,000,000 × 0.7, to 4 digits.
        var served = SmallPlan.plan
        for i in served.quarters.indices { served.quarters[i].utilization = 0.7 }
        #expect(PlanReport.table(served).split(separator: "\n")[1]
                == "Objective max-tokens: 3,000,000 tokens over the horizon at full load, 2.1e+06 served at 70 % utilization")
        // 5 racks: IT 0.75 MW → "0.8"; facility 0.789 → "0.8"; PUE 1/0.95 = 1.053; tokens/s 3,000,000;
        // tokens/s/MW 3,000,000 / 0.7894737 = 3,800,000; capex 15,000,000; 0.0625 USD/Mtok → "0.062" (%.3f rounds half to even).
        let q2 = lines.first { $0.hasPrefix("2027Q2") }!.split(separator: " ").map(String.init)
        // SmallPlan records no utilization (a plan from before it was recorded): its cost is at full load.
        #expect(q2 == ["2027Q2", "5", "360", "0.8", "0.8", "10", "1.053", "3,000,000", "3,800,000", "15,000,000", "0.062", "full", "load"])
        #expect(text.contains("Mix in 2027Q2: 5 × gb300-nvl72\n"))
        #expect(text.contains("What binds (2 limits; each from the first quarter it binds or has a price, and the quarter it is priced highest where that is later):\n"))
        // +1,234,567.8912 tokens/s (summed over quarters) × 7,889,400 s per average quarter (365.25 d × 86,400 s / 4)
        // = 9.7399999e12 tokens; at the plan's 0.0625 USD per million tokens (both quarters) that is 9,739,999.9 × 0.0625 ≈ $608,750.
        #expect(text.contains("  site power (usable grid capacity after the feed redundancy rule) in 2027Q2: binding, "
                              + "0.789 of 0.8 MW used; +1 MW ≈ +1,234,567.891 tokens/s (summed over quarters) = +9.74e+12 tokens "
                              + "over the horizon ≈ $608,750 at the plan's $0.0625 per million tokens\n"), "\(text)")
        // The floor is not full but has a price (5 of 10 positions, +0.5 tokens/s): listed with what is free; without a price it is not.
        #expect(text.contains("  floor positions (hall-a) in 2027Q2: not full, 5 of 10 positions used (5 positions free in the plan; "
                              + "the relaxation prices it); +1 position ≈ +0.5 tokens/s"), "\(text)")
        var unpriced = SmallPlan.plan
        unpriced.binding[1].shadowPrice = 0
        #expect(!PlanReport.table(unpriced).contains("floor positions"), "a limit near its capacity without a price is not listed")
        #expect(text.hasSuffix("Excluded:\n  gb200-nvl72 not in hall-a: could stand there only from 2030Q1, after the horizon ends (2029Q4)\n"))
    }

    @Test("A limit whose first quarter prices it near zero, or not at all, also shows the quarter it is priced highest")
    func worthMost() {
        var plan = SmallPlan.plan
        var early = SmallPlan.sitePower
        early.quarter = SmallPlan.q1
        early.constraint = "site_power(2027Q1)"
        early.shadowPrice = 0.2
        plan.binding = [early, SmallPlan.sitePower, SmallPlan.floorSpace]
        let text = PlanReport.table(plan)
        // 2027Q1 at +0.2 tokens/s is listed first; 2027Q2's +1,234,567.8912 × 7,889,400 s = 9.74e12 tokens, at $0.0625 per
        // million ≈ $608,750, is appended to the same line (one line per limit: still 2 limits).
        #expect(text.contains("What binds (2 limits;"))
        let line = text.split(separator: "\n").first { $0.contains("site power") }.map(String.init) ?? ""
        #expect(line.hasPrefix("  site power (usable grid capacity after the feed redundancy rule) in 2027Q1: binding, 0.789 of 0.8 MW used; "
                               + "+1 MW ≈ +0.2 tokens/s (summed over quarters)"), "\(line)")
        #expect(line.hasSuffix("; priced highest in 2027Q2 (that quarter alone): +1 MW ≈ +1,234,567.891 tokens/s = +9.74e+12 tokens "
                               + "in that quarter ≈ $608,750 at the plan's $0.0625 per million tokens"), "\(line)")
        // The floor is priced in one quarter only: nothing appended.
        let floor = text.split(separator: "\n").first { $0.contains("floor positions") }.map(String.init) ?? ""
        #expect(floor.contains("+1 position ≈ +0.5 tokens/s") && !floor.contains("priced highest"), "\(floor)")
        // No price in the first quarter: the line goes from what is used straight to the quarter priced highest.
        early.shadowPrice = 0
        plan.binding = [early, SmallPlan.sitePower]
        #expect(PlanReport.table(plan).contains("in 2027Q1: binding, 0.789 of 0.8 MW used; priced highest in 2027Q2 (that quarter alone): "
                                                + "+1 MW ≈ +1,234,567.891 tokens/s"))
        // The larger price first: the later, smaller one is not appended.
        plan.binding = [SmallPlan.sitePower, { var l = early; l.quarter = Quarter("2027Q3")!; return l }(), SmallPlan.floorSpace]
        #expect(!PlanReport.table(plan).contains("; priced highest"))
    }

    /// One more rack of a quarter's supply allocation stands in every quarter after it: the row's price (20 quarters of a
    /// rack's 19,228.4 tokens/s here) is tokens/s summed over those quarters, not that quarter's, though it is one row's.
    @Test("A supply allocation priced highest in a later quarter is worth tokens over the horizon, not in that quarter")
    func supplyPeakOverTheHorizon() {
        func limit(_ q: Quarter, _ price: Double) -> BindingLimit {
            BindingLimit(constraint: "supply(hgx-h100-4x8,\(q))", family: .supply, state: .binding, quarter: q, subject: "hgx-h100-4x8",
                         capacity: 0, used: 0, slack: 0, unit: "racks", shadowPrice: price, shadowPriceUnit: "tokens/s (summed over quarters)")
        }
        let pairs = LimitText.firstAndPeak([limit(SmallPlan.q1, 0), limit(SmallPlan.q2, 384_568)])
        // 384,568 tokens/s × 7,889,400 s = 3.034e12 tokens, over the quarters the rack stands.
        #expect(LimitText.peak(pairs[0].peak, after: pairs[0].first)
                == "; priced highest in 2027Q2 (that quarter alone): +1 rack ≈ +384,568 tokens/s (summed over quarters) = +3.034e+12 tokens over the horizon")
    }

    @Test("Prices of a minimized objective are negative: the largest in magnitude is the one shown")
    func pricedHighestWhenMinimizing() {
        func limit(_ q: Quarter, _ price: Double) -> BindingLimit {
            var l = SmallPlan.sitePower
            l.quarter = q
            l.shadowPrice = price
            l.shadowPriceUnit = "USD of capex"
            return l
        }
        // −5 then −1,000 USD of capex per MW: 2027Q2 saves most, and is shown; −1,000 then −5: the first is the highest.
        let pairs = LimitText.firstAndPeak([limit(SmallPlan.q1, -5), limit(SmallPlan.q2, -1_000)])
        #expect(pairs.count == 1 && pairs[0].first.quarter == SmallPlan.q1 && pairs[0].peak.quarter == SmallPlan.q2)
        #expect(LimitText.peak(pairs[0].peak, after: pairs[0].first) == "; priced highest in 2027Q2 (that quarter alone): +1 MW ≈ -1,000 USD of capex, a saving")
        let reversed = LimitText.firstAndPeak([limit(SmallPlan.q1, -1_000), limit(SmallPlan.q2, -5)])
        #expect(reversed.count == 1 && LimitText.peak(reversed[0].peak, after: reversed[0].first).isEmpty)
    }

    @Test("A plan short of the gap asked says what was asked, and the time limit where a solve reached it")
    func shortOfTheGap() {
        var plan = SmallPlan.plan
        plan.solver.requestedGap = 0.001
        plan.solver.timeLimitSeconds = 2
        // 0.1 % asked and 0.1 % reached (to the 1e-9 plan.json keeps): within the gap, no words.
        plan.solver.relativeGap = 0.001
        #expect(PlanReport.table(plan).contains("\nSolver: optimal, gap 0.100 %, 1 solve(s)"))
        plan.solver.relativeGap = 0.0104
        // Short of it without a time limit reached (a ratio objective's last Dinkelbach step): no reason to give, no words.
        #expect(PlanReport.table(plan).contains("\nSolver: optimal, gap 1.040 %, 1 solve(s)"))
        plan.solver.reachedTimeLimit = true
        #expect(PlanReport.table(plan).contains("\nSolver: optimal, gap 1.040 % (0.1 % asked; a solve reached its time limit, 2 s: "
            + "give it more with --time-limit, or ask a larger --gap), 1 solve(s)"))
        // The run's budget ended that solve before its own limit: the budget is named.
        plan.solver.reachedTimeBudget = true
        plan.solver.timeBudgetSeconds = 600
        #expect(PlanReport.table(plan).contains("\nSolver: optimal, gap 1.040 % (0.1 % asked; the run reached its time budget, 600 s: "
            + "give it more with --time-budget, or ask a larger --gap), 1 solve(s)"))
    }

    @Test("Under cost-per-token: the objective with its utilization, a quarter without racks in whole numbers, limits valued at the objective")
    func costPerTokenTable() throws {
        var plan = SmallPlan.plan
        plan.objective = .costPerToken
        // The horizon's cost over its tokens served: more than the quarters' own 0.0625 when a quarter without tokens costs
        // something (a given hall's annuity), which the token-weighted quarters leave out.
        plan.objectiveValue = 0.08
        plan.objectiveUnit = Objective.costPerToken.unit
        var empty = SmallPlan.metrics(SmallPlan.q1, racks: 0, capexNew: 0, capexTotal: 0)
        empty.costPerMillionTokensUSD = nil
        empty.tokensPerSecondPerMW = nil
        empty.designPUE = nil
        plan.quarters[0] = empty
        for i in plan.quarters.indices { plan.quarters[i].utilization = 0.7 }
        let text = PlanReport.table(plan)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "Objective cost-per-token: 0.080 USD per million tokens served at 70 % utilization")
        let q1 = try #require(lines.first { $0.hasPrefix("2027Q1") }).split(separator: " ").map(String.init)
        #expect(q1 == ["2027Q1", "0", "0", "0.0", "0.0", "10", "-", "0", "-", "0", "-", "70", "%"])
        // +1,234,567.8912 tokens/s (summed over quarters) × 7,889,400 s × 0.7 served = 6.8179999e12 tokens;
        // at the objective's 0.08 USD per million tokens: 6,817,999.9 × 0.08 ≈ $545,440.
        #expect(text.contains("≈ $545,440 at the plan's $0.0800 per million tokens served"), "\(text)")
        // Under max-tokens the same plan is valued at its quarters' token-weighted cost, 0.0625 (only 2027Q2 has tokens).
        plan.objective = .maxTokens
        #expect(PlanReport.table(plan).contains("at the plan's $0.0625 per million tokens served"))
    }

    @Test("A failure in words: the limits to raise and by how much, the largest quarter of each")
    func infeasibleMessage() {
        let q2 = Quarter("2026Q2")!, q3 = Quarter("2026Q3")!
        let diagnosis = InfeasibilityDiagnosis(shortfalls: [
            .init(constraint: "floor(h,2026Q2)", family: .floor, quarter: q2, subject: "h", capacity: 10, increase: 7, unit: "positions"),
            .init(constraint: "site_power(2026Q2)", family: .sitePower, quarter: q2, capacity: 1, increase: 1.50071, unit: "MW"),
            .init(constraint: "site_power(2026Q3)", family: .sitePower, quarter: q3, capacity: 1, increase: 2.25, unit: "MW"),
        ])
        #expect(LimitText.message(.infeasible(diagnosis)) == """
            no plan satisfies every limit.
              floor positions (h) in 2026Q2 [floor(h,2026Q2)]: raise by 7 positions (from 10)
              site power (usable grid capacity after the feed redundancy rule) in 2026Q3 [site_power(2026Q3)]: raise by 2.25 MW (from 1) (and in 1 other quarter)
            """)
        // Whole units per hall: raised in whole units, with what sets them (1 × 0.4413 MW of a 0.6 MW hall; unit 2 needs
        // 2 × 0.4413 − 0.6 = 0.2826 MW more).
        let units = WholeUnits(profile: "gb300-nvl72", racksPerUnit: 3, unitsPerHall: 1, setBy: .hallPower, perUnit: 0.4413, perHall: 0.6)
        #expect(LimitText.message(.infeasible(InfeasibilityDiagnosis(shortfalls: [
            .init(constraint: "units_per_hall(h,gb300_nvl72,2026Q2)", family: .unitsPerHall, quarter: q2, subject: "h", capacity: 3,
                  increase: 1, unit: "units", wholeUnits: units),
        ]))) == "no plan satisfies every limit.\n  whole units per hall (a scalable unit of several racks stands in one hall) (h: gb300-nvl72 "
            + "in units of 3 racks) in 2026Q2 [units_per_hall(h,gb300_nvl72,2026Q2)]: raise by 1 unit (from 3); 1 per hall, set by hall IT "
            + "power (after the hall's redundancy rule): 1 × 0.4413 MW = 0.4413 of 0.6 MW; unit 2 needs 0.2826 MW more in one hall")
        #expect(LimitText.message(.infeasible(InfeasibilityDiagnosis(shortfalls: []))).contains("raise --time-limit"))
        #expect(LimitText.message(.noPlanWithinLimit(seconds: 20)) == "no feasible plan found within the time limit of 20.0 s: give it more with --time-limit")
        #expect(LimitText.message(.noPlanWithinLimit(seconds: 20, budgetSeconds: 8))
                == "no feasible plan found within the run's time budget of 8.0 s: give it more with --time-budget")
    }

    @Test("Money in bom.csv and cashflow.csv: whole dollars or to the cent; a cash-flow row's total is the sum of its cells as written")
    func moneyToTheCent() throws {
        #expect(NumberText.dollars(18_540_000) == "18540000" && NumberText.dollars(2_171_512.5) == "2171512.50")
        #expect(NumberText.dollars(-0.004) == "0" && NumberText.dollars(0.125) == "0.13" && NumberText.dollars(-12.345) == "-12.35")
        // Three cells of $0.404 each are written 0.40: the total is 0.40 × 3 beside the racks' $868,605,000 (the unrounded
        // sum, $868,605,001.212, would be written 868605001.21, a cent more than the cells add up to).
        let line = CashflowLine(quarter: Quarter("2026Q1")!, rackCapexUSD: 868_605_000, facilityCapexUSD: 0.404, energyUSD: 0.404, opexUSD: 0.404)
        let row = try #require(csvText(PlanReport.cashflowColumns, [line]).split(separator: "\n").last)
        #expect(row == "2026Q1,868605000,0,0,0.40,0.40,0.40,868605001.20")
    }
}

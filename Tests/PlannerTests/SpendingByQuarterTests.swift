import Foundation
import Testing
import PlantPhysics
import Plans
@testable import Planner
@testable import PlantModel
import Numerics

/// The budget counted by the quarter where a resale brings money back (README "Spending by the quarter"), on the refresh
/// case (RetirementTests: 30 Hopper racks of $1M filling the 1.2 MW grid at 0.04 MW and 32,000 tokens/s each; GB200 NVL72
/// at $3M, 0.1356 MW and 395,928 tokens/s from 2026Q3) over 2026Q3–2026Q4, a retired Hopper bringing back half its price
/// and costing nothing to take out, and $3M to spend. Worked by hand in $M, g GB200 bought and k Hopper retired by a
/// quarter's end: power 0.04 (30 − k) + 0.1356 g ≤ 1.2, so k ≥ 3.39 g; spending 3 g − 0.5 k ≤ 3, so k ≥ 6 g − 6.
/// g = 6 needs k = 30 (every Hopper sold): 6 × 395,928 = 2,375,568 tokens/s; g = 5 needs k ≥ 24: 1,979,640 + 6 × 32,000 =
/// 2,171,640; g = 7 would need 36 Hopper. So 2026Q3 sells all 30 and buys 6, and 2026Q4 can do no better. Counted over the
/// horizon only, 2026Q3 could keep 9 Hopper (21 sold for the power) and sell them in 2026Q4 to pay for its GB200:
/// 2,375,568 + 288,000 tokens/s in 2026Q3, money a later resale brings spent before it comes.
@Suite("Spending by the quarter")
struct SpendingByQuarterTests {
    static func spendingCase() throws -> RefreshCase {
        var refresh = try RefreshCase(decommissioningUSDPerRack: 0, residualShare: 0.5)
        refresh.tiny.design.horizon = Horizon(first: Quarter("2026Q3")!, last: Quarter("2026Q4")!)
        refresh.tiny.design.budgetUSD = 3e6
        return refresh
    }

    @Test("Max-tokens sells the Hopper racks it needs the money of before it buys with it (by hand)")
    func sellBeforeBuying() throws {
        let plan = try Self.spendingCase().tiny.plan().plan
        #expect(RefreshCase.count(plan, "hgx-h100-4x8", 0) == (0, 30, 0))
        #expect(RefreshCase.count(plan, "gb200-nvl72", 0) == (6, 0, 6))
        #expect(RefreshCase.count(plan, "hgx-h100-4x8", 1) == (0, 0, 0))
        #expect(RefreshCase.count(plan, "gb200-nvl72", 1) == (6, 0, 0))
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 2 * 2_375_568 * TimeBase.secondsPerQuarter, relativeTolerance: 1e-9))
        // The first quarter's spending is at its limit: 6 × $3M − 30 × $0.5M = $3M.
        let first = try #require(plan.binding.first { $0.family == .budget && $0.quarter == Quarter("2026Q3") })
        #expect(first.used.isApproximatelyEqual(to: 3e6, relativeTolerance: 1e-9) && first.capacity == 3e6)
    }

    /// What is built is spent over its lead time, as cashflow.csv books it: hall `b` of the refresh case to build for $1M with
    /// two quarters of lead time over 2026Q1–2026Q4 can be in service from 2026Q3. A hall entering in 2026Q3 is paid in 2026Q1
    /// and Q2, one entering in 2026Q4 in Q2 and Q3; so by the end of 2026Q1 half of halls_built(2026Q3) is spent, by 2026Q2
    /// half of halls_built(2026Q3) and half of halls_built(2026Q4), by 2026Q3 all of halls_built(2026Q4).
    @Test("A hall to build is spent over its lead time in the quarters' rows (coefficients by hand)")
    func hallOverLeadTime() throws {
        var refresh = try RefreshCase(decommissioningUSDPerRack: 0, residualShare: 0.5)
        refresh.tiny.design.budgetUSD = 3e6
        refresh.tiny.design.halls[1].build = BuildOption(capexUSD: 1e6, leadTimeQuarters: 2, lifeYears: 20)
        let formulation = Formulation(PlanningProblem(design: refresh.tiny.design, site: refresh.tiny.site, catalog: refresh.tiny.catalog))
        let model = formulation.model
        func coefficients(_ row: String) throws -> [String: Double] {
            let constraint = try #require(model.constraints.first { $0.name == row }, "\(row)")
            return Dictionary(uniqueKeysWithValues: constraint.terms.filter { model.variables[$0.variable.index].name.hasPrefix("halls_built") }
                .map { (model.variables[$0.variable.index].name, $0.coefficient) })
        }
        #expect(try coefficients("budget(2026Q1)") == ["halls_built(b,2026Q3)": 5e5])
        #expect(try coefficients("budget(2026Q2)") == ["halls_built(b,2026Q3)": 5e5, "halls_built(b,2026Q4)": 5e5])
        #expect(try coefficients("budget(2026Q3)") == ["halls_built(b,2026Q4)": 1e6])
        #expect(try coefficients("budget") == ["halls_built(b,2026Q4)": 1e6])
    }

    @Test("Without a resale worth more than the work no quarter's row is added: the model is the horizon's budget alone")
    func noResaleNoRows() throws {
        var refresh = try Self.spendingCase()
        refresh.tiny.design.economics.rackResidualShare = 0.005  // $5,000 (Hopper) or $15,000 (GB200) back, $20,000 to take out
        refresh.tiny.design.economics.decommissioningUSDPerRack = 20_000
        let problem = PlanningProblem(design: refresh.tiny.design, site: refresh.tiny.site, catalog: refresh.tiny.catalog)
        let names = Formulation(problem).model.constraints.map(\.name)
        #expect(names.filter { $0.hasPrefix("budget") } == ["budget"])
        let withResale = PlanningProblem(design: try Self.spendingCase().tiny.design, site: refresh.tiny.site, catalog: refresh.tiny.catalog)
        #expect(Formulation(withResale).model.constraints.map(\.name).filter { $0.hasPrefix("budget") } == ["budget(2026Q3)", "budget"])
    }
}

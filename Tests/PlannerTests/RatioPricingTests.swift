import Numerics
import Planner
@testable import PlantModel
import Plans
import Testing

/// Shadow prices under the ratio objectives are the ratio's own change (README "What binds"), checked by hand and against
/// the planner's ratio with one limit moved.
@Suite("Ratio objectives' shadow prices")
struct RatioPricingTests {
    static let q1 = Quarter("2026Q1")!

    func plan(_ tiny: TinyInstance, _ objective: Objective) throws -> BuildPlan {
        try Planner.plan(design: tiny.design, site: tiny.site, catalog: tiny.catalog, inputs: tiny.inputs,
                         options: PlanOptions(objective: objective, relativeGap: 0.001)).plan
    }

    @Test("Under tokens-per-mw a limit that can only add racks of the plan's own ratio is worth nothing to the ratio")
    func tokensPerMWFlat() throws {
        // The tiny instance's power chain is lossless, so a GB300 rack is 596,952 tokens/s on 0.1471 facility MW, and every
        // plan of GB300 alone has that ratio: 4,058,137.3 tokens/s per MW. Six fit in the 1 MW hall (0.8826 MW; seven need
        // 1.0297), so hall power binds; one more MW of it adds GB300 at the same ratio, which it does not move. The final
        // solve's own duals, at λ′ = λ(1 − 0.0005), priced it at 0.0005 × λ × its MW instead (about 2,029 tokens/s per MW).
        let plan = try self.plan(try TinyInstance(), .tokensPerMW)
        #expect(plan.objectiveValue.isApproximatelyEqual(to: 596_952 / 0.1471, relativeTolerance: 1e-9))
        #expect(plan.racks.filter { $0.quarter == Self.q1 }.map(\.racksTotal) == [6], "\(plan.racks)")
        let hall = try #require(plan.binding.first { $0.family == .hallPower })
        #expect(hall.state == .binding)
        #expect(plan.binding.allSatisfy { $0.shadowPrice == 0 && $0.shadowPriceUnit == Objective.tokensPerMW.unit }, "\(plan.binding)")
    }

    /// One quarter of the tiny instance's hall with `positions` and room in every other limit.
    static func oneQuarter(positions: Int) throws -> TinyInstance {
        var tiny = try TinyInstance(positions: positions, hallMW: 10, siteMW: 10)
        tiny.design.horizon = Horizon(first: q1, last: q1)
        return tiny
    }

    @Test("Under max-tokens a full floor is priced at a whole GB300 rack per position, the bound on its purchases included")
    func maxTokensFloor() throws {
        // 40 positions filled with GB300 in one quarter, 5.9 of 10 MW: one more position holds one more rack, 596,952 tokens/s.
        // The relaxation has the purchase column at its bound (40 racks, the floor's), and put part of that on the bound.
        let plan = try self.plan(try Self.oneQuarter(positions: 40), .maxTokens)
        #expect(plan.racks.map(\.racksTotal) == [40] && plan.racks.first?.profile == "gb300-nvl72", "\(plan.racks)")
        let floor = try #require(plan.binding.first { $0.family == .floor })
        #expect(floor.shadowPrice.isApproximatelyEqual(to: 596_952, relativeTolerance: 1e-9), "\(floor.shadowPrice)")
    }

    @Test("Under cost-per-token one more floor position is priced at the ratio's change the next whole rack makes, × (n + 1)/n")
    func costPerTokenFloor() throws {
        // One quarter and one hall of n positions with room in every other limit: the plan fills them with GB300, at a cost of
        // F + c·n (F the given hall's capital, c a rack's quarter) for t·n million tokens, a ratio r(n) = (F + c·n)/(t·n). Its
        // derivative is −F/(t·n²); the next whole rack moves it by r(n + 1) − r(n) = −F/(t·n·(n + 1)), so the price of one
        // position, (c − r·t)/(t·n) at the plan's ratio, is (n + 1)/n times the planner's own ratio moved by one position.
        let n = 40
        let plan = try self.plan(try Self.oneQuarter(positions: n), .costPerToken)
        let next = try self.plan(try Self.oneQuarter(positions: n + 1), .costPerToken)
        #expect(plan.racks.map(\.racksTotal) == [n] && plan.racks.first?.profile == "gb300-nvl72", "\(plan.racks)")
        #expect(next.racks.map(\.racksTotal) == [n + 1], "\(next.racks)")
        let floor = try #require(plan.binding.first { $0.family == .floor })
        #expect(floor.shadowPriceUnit == Objective.costPerToken.unit)
        let moved = next.objectiveValue - plan.objectiveValue
        #expect(moved < 0)
        // plan.json writes the ratio to six decimals, so `moved` (about −0.000504) is known to ±10⁻⁶, 0.2 %: finer than the
        // 2.5 % between the derivative and the step to 41 racks. Before the bound's share went back to the floor row (see
        // BindingAnalysis.boundShares), the price read −0.000129.
        #expect(floor.shadowPrice.isApproximatelyEqual(to: moved * Double(n + 1) / Double(n), absoluteTolerance: 1e-6 * Double(n + 1) / Double(n)),
                "\(floor.shadowPrice) against \(moved * Double(n + 1) / Double(n))")
        #expect(!floor.shadowPrice.isApproximatelyEqual(to: moved, absoluteTolerance: 1e-6 * Double(n + 1) / Double(n)))
    }
}

import Foundation
import Numerics
import Planner
import PlantModel
import PlantPhysics
import Plans
import Reports
import Testing

@Suite("A whole option valued by the plan's relaxation re-solved with it")
struct ReliefValuationTests {
    static let q1 = Quarter("2026Q1")!, q2 = Quarter("2026Q2")!

    /// The tiny instance's hall (10 positions, 10 MW) on its 0.5 MW feed with a $30M budget, and a 10 MW feed `g` to
    /// connect for $50M, which the budget cannot pay for.
    static func instance() throws -> TinyInstance {
        var tiny = try TinyInstance(positions: 10, hallMW: 10, siteMW: 0.5)
        tiny.design.budgetUSD = 30e6
        tiny.site.grid.feeds.append(Feed(name: "g", capacityMW: 10, availableFrom: q1, build: BuildOption(capexUSD: 50e6, leadTimeQuarters: 0)))
        return tiny
    }

    // By hand, racks continuous (the relaxation): GB300 serves 596,952 / 0.1471 = 4.058 M tokens/s per MW against GB200's
    // 395,928 / 0.1356 = 2.920 M, so the 0.5 MW feed holds 0.5 / 0.1471 GB300 each quarter. With g, its $50M added to the
    // budget (the option comes with its own money), the racks may spend the $30M: 7.5 GB300 at $4M (596,952 / 4 = 149,238
    // tokens/s per $M against GB200's 131,976), 1.1033 MW, within the 10.5 MW and 10 positions.
    static let base = 0.5 / 0.1471 * 596_952
    static let withFeed = 7.5 * 596_952

    @Test("A 10 MW feed adds what the budget lets racks use of it, not 10 times the first MW's price")
    func feed() throws {
        let tiny = try Self.instance()
        let result = try tiny.plan()
        #expect((result.plan.facilityBuilds ?? []).isEmpty, "\(result.plan.facilityBuilds ?? [])")
        let relief = try #require(result.relief)
        let gains = relief.gains([
            .init(.item(.feed, name: "g"), from: Self.q1, through: Self.q2),
            .init(.item(.feed, name: "g"), from: Self.q2, through: Self.q2),
            .init(.limit(.sitePower, subject: nil, profile: nil, amount: 0.1), from: Self.q1, through: Self.q2),
            .init(.item(.feed, name: "no-such-feed"), from: Self.q1, through: Self.q2),
        ])
        // In tokens/s summed over the two quarters (the objective's unit).
        #expect(gains[0]?.isApproximatelyEqual(to: 2 * (Self.withFeed - Self.base), relativeTolerance: 1e-6) == true, "\(gains)")
        // From 2026Q2 only: 2026Q1 keeps the 0.5 MW feed's racks.
        #expect(gains[1]?.isApproximatelyEqual(to: Self.withFeed - Self.base, relativeTolerance: 1e-6) == true, "\(gains)")
        // 0.1 MW more of the given feed: 0.1 / 0.1471 GB300 more each quarter, within the budget.
        #expect(gains[2]?.isApproximatelyEqual(to: 2 * 0.1 / 0.1471 * 596_952, relativeTolerance: 1e-6) == true, "\(gains)")
        #expect(gains[3] == nil)
    }

    @Test("What to build next ranks the feed by its whole value: 0.603 of the first MW's, where its first MW's price times 10 MW would say 10")
    func buildNext() throws {
        let tiny = try Self.instance()
        let result = try tiny.plan()
        let next = BuildNext(result.plan, design: tiny.design, site: tiny.site, valuing: result.relief)
        let site = try #require(next.ranked.first { $0.family == .sitePower })
        #expect(site.option.hasPrefix("feed g: $50,000,000 for 10 MW"), "\(site.option)")
        #expect(site.optionUnits == 10 && site.optionCapexUSD.isApproximatelyEqual(to: 50e6, relativeTolerance: 1e-12))
        // The first MW is worth 596,952 / 0.1471 tokens/s in each quarter; the feed, 7.5 × 0.1471 − 0.5 = 0.60325 MW of it.
        let whole = try #require(site.optionValue)
        #expect((whole / site.value).isApproximatelyEqual(to: 7.5 * 0.1471 - 0.5, relativeTolerance: 1e-6))
        #expect(site.ratio.isApproximatelyEqual(to: whole / 50e6, relativeTolerance: 1e-12))
        #expect(site.marginalRatio.isApproximatelyEqual(to: site.value / 5e6, relativeTolerance: 1e-12))
        #expect(next.text.contains("feed g: $50,000,000 for 10 MW more usable under N, through 2026Q2 ≈ $"), "\(next.text)")
        // Without the relaxation (a plan read back from plan.json), the first MW's price ranks it, as before.
        let marginal = BuildNext(result.plan, design: tiny.design, site: tiny.site)
        #expect(marginal.ranked.first { $0.family == .sitePower }?.optionValue == nil)
        #expect(!marginal.valued && !marginal.text.contains("re-solved"))
    }

    @Test("Under cost-per-token at a zero gap the feed's cost is credited to the ratio row too, so the feed is valued as under max-tokens")
    func ratioRow() throws {
        // The final solve maximizes million tokens served with cost − λ × million tokens ≤ 0 as a row. A feed whose annual
        // cost ($10B over one year) is far beyond what the racks it lets in save against λ would leave that row no point
        // unless the feed brings its own money there too, as it does to the budget.
        var tiny = try Self.instance()
        tiny.site.grid.feeds[1].build = BuildOption(capexUSD: 1e10, leadTimeQuarters: 0, lifeYears: 1)
        let ratio = try tiny.plan(.costPerToken)
        #expect(ratio.plan.binding.first?.shadowPriceUnit.hasPrefix("million tokens") == true, "\(ratio.plan.binding)")
        let query = ReliefValuation.Query(.item(.feed, name: "g"), from: Self.q1, through: Self.q2)
        let relief = try #require(ratio.relief)
        let gain = try #require(relief.gains([query])[0])
        // The same racks as under max-tokens (7.5 GB300 for the $30M), in million tokens served: tokens/s × 7,889,400 s per
        // quarter × the utilization served, / 10⁶.
        let utilization = ratio.plan.quarters.last?.utilization ?? 1
        #expect(gain.isApproximatelyEqual(to: 2 * (Self.withFeed - Self.base) * TimeBase.secondsPerQuarter * utilization / 1e6,
                                          relativeTolerance: 1e-6), "\(gain)")
    }

    @Test("More hall power is worth nothing alone while the grid binds with it, and is listed so rather than ranked")
    func worthNothingAlone() throws {
        // The feed's 0.5 MW and the hall's 0.5 MW bind together; the facility's $10.7M per MW prices one more MW of hall.
        var tiny = try TinyInstance(positions: 10, hallMW: 0.5, siteMW: 0.5)
        tiny.design.economics.facilityCapexUSDPerMW = 10.7e6
        let result = try tiny.plan()
        let gains = try #require(result.relief).gains([.init(.limit(.hallPower, subject: "h", profile: nil, amount: 1), from: Self.q1, through: Self.q2)])
        #expect(gains == [0])
        let next = BuildNext(result.plan, design: tiny.design, site: tiny.site, valuing: result.relief)
        #expect(!next.ranked.contains { $0.family == .hallPower })
        #expect(next.alone.first { $0.family == .hallPower }?.optionValue == 0, "\(next.text)")
        #expect(next.text.contains("Worth nothing alone"))
        #expect(next.rows.contains { $0.family == .hallPower && $0.rank == nil && $0.note != nil })
    }
}

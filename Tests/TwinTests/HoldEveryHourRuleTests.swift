import Foundation
import Testing
import Numerics
import PlantModel
import PlantPhysics
@testable import Twin
@testable import Workflows

/// The rule of `plan --hold-every-hour` on hand-built hours: which hours count, and what the next pass plans at.
@Suite("Hold every hour: which hours count and what is raised")
struct HoldEveryHourRuleTests {
    /// The bundled GB300 design's plant (adiabatic dry coolers, pads ε 0.8) and Phoenix's climate.
    static func plantAndClimate() throws -> (HeatRejectionCurve, PlantModel.Climate) {
        let catalog = try Catalog.bundled()
        let design = try ReferenceDesign.load(from: TwinFixture.root + "/reference-designs/gb300-nvl72-hybrid.yaml", catalog: catalog).value
        let site = try Site.load(from: TwinFixture.root + "/sites/phoenix-az.yaml").value
        return (HeatRejectionCurve(design: design), site.climate)
    }

    /// An hour with 10 MW of IT, capped by `limit`.
    static func hour(_ day: Int, db: Double, wb: Double, limit: ThrottleLimit?, feedsOut: Int = 0, hall: String? = nil,
                     thermalHeadroomMW: Double = 0) -> HourRecord {
        var state = PlantState.idle
        state.itMW = 10
        state.rejectionHeadroomMW = thermalHeadroomMW
        var r = HourRecord(year: 2027, month: 7, day: day, hour: 15, dryBulbC: db, wetBulbC: wb, state: state, usableCapacityMW: 20,
                           throttleFraction: limit == nil ? 0 : 0.1, tokens: 0, lostTokens: 0, limit: limit, feedsOut: feedsOut)
        r.limitingHall = hall
        return r
    }

    /// T_eff of the adiabatic cooler worked by hand: T_db − 0.8 (T_db − T_wb).
    ///   day 1: 40 − 0.8·20 = 24.0;  day 2: 42 − 0.8·18 = 27.6;  day 3: 38 − 0.8·12 = 28.4 (the hottest: not the
    ///   hottest dry-bulb);  day 9: 30 − 0.8·10 = 22.0 (unserved heat). The 2 % cooling pair: 41.2 − 0.8·20.3 = 24.96.
    static let hours: [HourRecord] = [
        hour(1, db: 40, wb: 20, limit: .thermal),
        hour(2, db: 42, wb: 24, limit: .thermal),
        hour(3, db: 38, wb: 26, limit: .thermal),
        hour(4, db: 30, wb: 15, limit: .power, feedsOut: 1),
        hour(5, db: 30, wb: 15, limit: .power),
        hour(6, db: 30, wb: 15, limit: .cdu, hall: "nvl-hall-2"),
        hour(7, db: 44, wb: 20, limit: nil),
        hour(9, db: 30, wb: 20, limit: .thermal, thermalHeadroomMW: -1),
    ]

    static func tally(_ records: [HourRecord]) -> HoldEveryHour.HourTally {
        var tally = HoldEveryHour.HourTally()
        for r in records { tally.add(r) }
        return tally
    }

    @Test("Thermal, hall and full-grid power hours count; power during a feed outage and unthrottled hours do not")
    func counting() {
        let t = Self.tally(Self.hours)
        #expect(t.counted == 6 && t.thermal == 4 && t.power == 1 && t.hall == 1)
        #expect(t.unserved == 1 && t.outageHours == 1)
        #expect(t.firstAt == "2027-07-01T15:00" && t.firstLimit == .thermal)
        #expect(t.firstHall == "nvl-hall-2 (cdu)")
        #expect(t.thermalDryBulbC == [40, 42, 38, 30] && t.thermalWetBulbC == [20, 24, 26, 20])
    }

    @Test("Thermal hours hotter than the basis: the basis becomes the hottest of them by T_eff, its own DB and WB")
    func raiseToHottestHour() throws {
        let (plant, climate) = try Self.plantAndClimate()
        let basis = DesignBasis(condition: .cooling, percent: 2)
        #expect(DesignAmbient(basis: basis, climate: climate, plant: plant).effectiveAmbientC.isApproximatelyEqual(to: 24.96, absoluteTolerance: 1e-9))
        let raise = try #require(HoldEveryHour.raise(basis, climate: climate, plant: plant, tally: Self.tally(Self.hours), allowedHours: 0, pass: 1, sourceName: "test"))
        let ambient = DesignAmbient(basis: raise.basis, climate: climate, plant: plant)
        #expect(ambient.effectiveAmbientC.isApproximatelyEqual(to: 28.4, absoluteTolerance: 1e-9))
        #expect(ambient.dryBulbC == 38 && ambient.wetBulbC == 26)
        #expect(raise.basis.marginK == nil)
        #expect(raise.text == "design basis → the hottest of the 4 thermal hours, 2027-07-03T15:00 (DB 38 °C, WB 26 °C): T_eff 24.96 → 28.4 °C")
    }

    @Test("Allowed hours: the hottest thermal hours beyond the other kinds' share of the allowance are left to throttle")
    func allowance() throws {
        let (plant, climate) = try Self.plantAndClimate()
        let basis = DesignBasis(condition: .cooling, percent: 2), tally = Self.tally(Self.hours)
        // H = 2 is taken by the power and the hall hour: no thermal hour spared, the hottest (28.4 °C) as before.
        let none = try #require(HoldEveryHour.raise(basis, climate: climate, plant: plant, tally: tally, allowedHours: 2, pass: 1, sourceName: "test"))
        #expect(DesignAmbient(basis: none.basis, climate: climate, plant: plant).effectiveAmbientC.isApproximatelyEqual(to: 28.4, absoluteTolerance: 1e-9))
        // H = 3 spares one: day 3 (28.4 °C) may throttle, so day 2 (42 °C, 24 °C: 27.6 °C) sets the basis, over the
        // thermal hours of days 1, 2 and 9 in time order.
        let one = try #require(HoldEveryHour.raise(basis, climate: climate, plant: plant, tally: tally, allowedHours: 3, pass: 2, sourceName: "x.epw"))
        let ambient = DesignAmbient(basis: one.basis, climate: climate, plant: plant)
        #expect(ambient.effectiveAmbientC.isApproximatelyEqual(to: 27.6, absoluteTolerance: 1e-9))
        #expect(ambient.dryBulbC == 42 && ambient.wetBulbC == 24)
        #expect(one.basis.hours?.dryBulbC == [40, 42, 30])
        #expect(one.basis.hours?.source == "the thermal hours of pass 2 less the 1 hottest (allowed) (plan --hold-every-hour, x.epw)")
        #expect(one.text == "design basis → the hottest of the 4 thermal hours but 1 allowed, 2027-07-02T15:00 (DB 42 °C, WB 24 °C): T_eff 24.96 → 27.6 °C")
        // H = 5 spares three: day 9 (22 °C) is left, no hotter than the 24.96 °C basis, so 1 K of margin.
        let margin = try #require(HoldEveryHour.raise(basis, climate: climate, plant: plant, tally: tally, allowedHours: 5, pass: 1, sourceName: "test"))
        #expect(margin.basis.condition == .cooling && margin.basis.marginK == 1)
    }

    @Test("Hours no hotter than the basis, or power at full grid: 1 K more margin; hall limits alone: no lever")
    func marginAndNoLever() throws {
        let (plant, climate) = try Self.plantAndClimate()
        // The extreme basis: 48.7 − 0.8·(48.7 − 27.7) = 31.9 °C, above every hour above; with 0.5 K margin 32.4 → 33.4 °C.
        let extreme = DesignBasis(condition: .extreme, marginK: 0.5)
        let raise = try #require(HoldEveryHour.raise(extreme, climate: climate, plant: plant, tally: Self.tally(Self.hours), allowedHours: 0, pass: 1, sourceName: "test"))
        #expect(raise.basis.condition == .extreme && raise.basis.marginK == 1.5)
        #expect(DesignAmbient(basis: raise.basis, climate: climate, plant: plant).effectiveAmbientC.isApproximatelyEqual(to: 33.4, absoluteTolerance: 1e-9))
        #expect(raise.text.hasSuffix("T_eff 32.4 → 33.4 °C"))

        // Power at full grid alone, at the 2 % pair: 24.96 → 25.96 °C.
        let power = try #require(HoldEveryHour.raise(DesignBasis(condition: .cooling, percent: 2), climate: climate, plant: plant,
                                                     tally: Self.tally([Self.hours[4]]), allowedHours: 0, pass: 1, sourceName: "test"))
        #expect(power.basis.marginK == 1)
        #expect(power.text == "design margin +1 K (1 h capped on power at full grid): T_eff 24.96 → 25.96 °C")

        #expect(HoldEveryHour.raise(extreme, climate: climate, plant: plant, tally: Self.tally([Self.hours[5]]), allowedHours: 0, pass: 1, sourceName: "test") == nil)
        // A feed outage alone counts nothing.
        #expect(Self.tally([Self.hours[3]]).counted == 0)
    }
}

import Climate
import Foundation
import Numerics
import PlantModel
import PlantPhysics
import Testing

/// Phoenix's ASHRAE 2009 figures as printed in the DESIGN CONDITIONS header of
/// USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw (transcribed by hand):
/// cooling DB/MCWB 0.4 % 43.4/21.1, 1 % 42.3/21.0, 2 % 41.2/20.9; evaporation WB/MCDB 0.4 % 24.5/35.8,
/// 1 % 24.0/35.4, 2 % 23.5/35.1; extreme annual WB 27.7; 20-year maximum DB 48.7.
@Suite("Design basis: the ASHRAE pairs, the extremes and the hours, worked by hand for Phoenix")
struct DesignBasisTests {
    static let weatherFolder = Shipped.root + "/../shared/data/weather"
    static let phoenixEPW = weatherFolder + "/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw"
    static let weatherAvailable = FileManager.default.fileExists(atPath: phoenixEPW)

    func ambient(_ design: String, _ basis: DesignBasis) throws -> DesignAmbient {
        var d = try Shipped.design(design)
        d.designBasis = basis
        return DesignAmbient(design: d, site: try Shipped.site("phoenix-az"))
    }

    @Test("Adiabatic (ε_pad 0.8): T_eff = T_db − 0.8 (T_db − T_wb) of each pair; the default takes the worse")
    func adiabaticPairs() throws {
        let cases: [(DesignBasis, Double, Double, Double)] = [
            // (basis, DB, WB, T_eff by hand)
            (DesignBasis(condition: .cooling, percent: 0.4), 43.4, 21.1, 43.4 - 0.8 * 22.3),   // 25.56
            (DesignBasis(condition: .evaporation, percent: 0.4), 35.8, 24.5, 35.8 - 0.8 * 11.3), // 26.76
            (DesignBasis(condition: .cooling, percent: 1), 42.3, 21.0, 42.3 - 0.8 * 21.3),     // 25.26
            (DesignBasis(condition: .evaporation, percent: 1), 35.4, 24.0, 35.4 - 0.8 * 11.4),   // 26.28
            (DesignBasis(condition: .cooling, percent: 2), 41.2, 20.9, 41.2 - 0.8 * 20.3),     // 24.96
            (DesignBasis(condition: .evaporation, percent: 2), 35.1, 23.5, 35.1 - 0.8 * 11.6),   // 25.82
            (DesignBasis(condition: .worseOfPairs, percent: 0.4), 35.8, 24.5, 26.76),
            (DesignBasis(condition: .worseOfPairs, percent: 2), 35.1, 23.5, 25.82),
            // Extremes taken together: 48.7 − 0.8 × (48.7 − 27.7) = 48.7 − 16.8 = 31.9.
            (DesignBasis(condition: .extreme), 48.7, 27.7, 31.9),
        ]
        for (basis, db, wb, t) in cases {
            let a = try ambient("gb300-nvl72-hybrid", basis)
            #expect(a.dryBulbC == db && a.wetBulbC == wb, "\(basis.condition) \(basis.percentUsed)")
            #expect(a.effectiveAmbientC.isApproximatelyEqual(to: t, absoluteTolerance: 1e-9), "\(a.description)")
        }
        // The default (no designBasis) is the worse of the 0.4 % pairs.
        var d = try Shipped.design("gb300-nvl72-hybrid")
        d.designBasis = nil
        let standard = DesignAmbient(design: d, site: try Shipped.site("phoenix-az"))
        #expect(standard.effectiveAmbientC.isApproximatelyEqual(to: 26.76, absoluteTolerance: 1e-9))
        #expect(standard.description == "worse of the 0.4 % pairs: evaporation 0.4 % (WB 24.5 °C, MCDB 35.8 °C) "
                + "(cooling 0.4 % gives 25.56 °C) → T_eff 26.76 °C")
    }

    @Test("A margin is added to the effective temperature and stated")
    func margin() throws {
        let a = try ambient("gb300-nvl72-hybrid", DesignBasis(condition: .evaporation, percent: 0.4, marginK: 1))
        // 26.76 + 1 = 27.76 °C.
        #expect(a.effectiveAmbientC.isApproximatelyEqual(to: 27.76, absoluteTolerance: 1e-9))
        #expect(a.description == "evaporation 0.4 % (WB 24.5 °C, MCDB 35.8 °C) → T_eff 26.76 °C + 1 K margin → T_eff 27.76 °C")
    }

    @Test("Dry coolers use the dry-bulb; towers the wet-bulb; the worse pair is the dry-bulb pair or the evaporation pair")
    func dryAndTower() throws {
        // mixed-retrofit: dry coolers. 0.4 % DB 43.4 > MCDB 35.8, so the worse pair is the cooling pair.
        #expect(try ambient("mixed-retrofit", DesignBasis(condition: .worseOfPairs, percent: 0.4)).effectiveAmbientC == 43.4)
        #expect(try ambient("mixed-retrofit", DesignBasis(condition: .evaporation, percent: 0.4)).effectiveAmbientC == 35.8)
        #expect(try ambient("mixed-retrofit", DesignBasis(condition: .cooling, percent: 2)).effectiveAmbientC == 41.2)
        #expect(try ambient("mixed-retrofit", DesignBasis(condition: .extreme)).effectiveAmbientC == 48.7)
        // legacy-hopper-air: towers. 0.4 % WB 24.5 > MCWB 21.1, so the worse pair is the evaporation pair.
        #expect(try ambient("legacy-hopper-air", DesignBasis(condition: .worseOfPairs, percent: 0.4)).effectiveAmbientC == 24.5)
        #expect(try ambient("legacy-hopper-air", DesignBasis(condition: .cooling, percent: 0.4)).effectiveAmbientC == 21.1)
        #expect(try ambient("legacy-hopper-air", DesignBasis(condition: .worseOfPairs, percent: 1)).effectiveAmbientC == 24.0)
        #expect(try ambient("legacy-hopper-air", DesignBasis(condition: .extreme)).effectiveAmbientC == 27.7)
    }

    @Test("DesignCondition sizes at the basis and records it")
    func designConditionRecordsTheBasis() throws {
        var d = try Shipped.design("gb300-nvl72-hybrid")
        d.designBasis = DesignBasis(condition: .evaporation, percent: 1, marginK: 0.5)
        let c = DesignCondition(design: d, site: try Shipped.site("phoenix-az"))
        // 35.4 − 0.8 × 11.4 + 0.5 = 26.78 °C; the plant at full fan carrying its rated 400 MW makes
        // 26.78 + 400 × (1/29.2709 − 1/40) = 26.78 + 3.6655 = 30.4455 °C (DesignConditionTests works E₁).
        #expect(c.effectiveAmbientC.isApproximatelyEqual(to: 26.78, absoluteTolerance: 1e-9))
        #expect(c.freeCoolingSupplyC.isApproximatelyEqual(to: 30.4455, absoluteTolerance: 1e-3))
        #expect(c.designDryBulbC == 35.4 && c.designWetBulbC == 24.0)
        #expect(c.designBasis?.hasSuffix("+ 0.5 K margin → T_eff 26.78 °C") == true, "\(c.designBasis ?? "nil")")
    }

    @Test("Nearest rank: ⌈p/100 · N⌉")
    func nearestRank() {
        // 0.996 × 8,760 = 8,724.96 → 8,725 (so 35 hours are above it); 0.5 × 8,760 = 4,380 exactly.
        #expect(DesignAmbient.nearestRank(percentile: 99.6, count: 8760) == 8725)
        #expect(DesignAmbient.nearestRank(percentile: 50, count: 8760) == 4380)
        #expect(DesignAmbient.nearestRank(percentile: 100, count: 8760) == 8760)
        #expect(DesignAmbient.nearestRank(percentile: 99, count: 10) == 10)
        #expect(DesignAmbient.nearestRank(percentile: 50, count: 3) == 2)
    }

    @Test("From hours: the percentile of a small year counted by hand; without hours the standard basis, said so")
    func fromHoursSmall() throws {
        // Five hours, dry cooler: T_eff = DB = 30, 10, 40, 20, 35. Sorted 10, 20, 30, 35, 40; the 80th percentile is
        // rank ⌈0.8 × 5⌉ = 4: 35 °C (hour 5, WB 25).
        let hours = DesignHours(source: "five.epw", dryBulbC: [30, 10, 40, 20, 35], wetBulbC: [20, 5, 22, 15, 25])
        let a = try ambient("mixed-retrofit", DesignBasis(condition: .fromHours, percentile: 80, hours: hours))
        #expect(a.effectiveAmbientC == 35 && a.dryBulbC == 35 && a.wetBulbC == 25)
        #expect(a.description == "percentile 80 of the hourly T_eff over 5 h of five.epw (rank 4: DB 35 °C, WB 25 °C) → T_eff 35 °C")
        // Towers rank the wet-bulbs: 5, 15, 20, 22, 25 → rank 4 is 22 (hour 3, DB 40).
        let t = try ambient("legacy-hopper-air", DesignBasis(condition: .fromHours, percentile: 80, hours: hours))
        #expect(t.effectiveAmbientC == 22 && t.dryBulbC == 40)
        let missing = try ambient("mixed-retrofit", DesignBasis(condition: .fromHours, percentile: 99.6))
        #expect(missing.effectiveAmbientC == 43.4)
        #expect(missing.description.hasPrefix("percentile 99.6 of the hours needs a weather year and none was given; worse of the 0.4 % pairs"))
    }

    @Test("From hours on Phoenix's year: the 99.6th percentile of T_eff is above both 0.4 % pairs, and at most 35 hours exceed it",
          .enabled(if: DesignBasisTests.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func fromHoursPhoenix() throws {
        let epw = try EPWFile.load(from: Self.phoenixEPW)
        let hours = DesignHours(source: "phoenix.epw", dryBulbC: epw.hours.map(\.dryBulbC), wetBulbC: epw.hours.map(\.wetBulbC))
        // The pads' effective temperature of every hour, sorted hottest first by the test: the 99.6th percentile by
        // nearest rank is rank 8,725 of 8,760 from the bottom, the 36th from the top.
        let teff = epw.hours.map { $0.dryBulbC - 0.8 * ($0.dryBulbC - $0.wetBulbC) }.sorted(by: >)
        #expect(teff.count == 8760)
        let expected = teff[35]
        let a = try ambient("gb300-nvl72-hybrid", DesignBasis(condition: .fromHours, percentile: 99.6, hours: hours))
        #expect(a.effectiveAmbientC == expected)
        // The issue measured 27.26 °C for the 0.4 % of T_eff (psychrometric wet-bulb); the wet-bulb formula moves it by
        // hundredths, not tenths.
        #expect(a.effectiveAmbientC.isApproximatelyEqual(to: 27.26, absoluteTolerance: 0.15), "\(a.effectiveAmbientC)")
        #expect(a.effectiveAmbientC == a.dryBulbC - 0.8 * (a.dryBulbC - a.wetBulbC))
        #expect(teff.count(where: { $0 > a.effectiveAmbientC }) <= 35)
        // Both header pairs are lower: the dry-bulb pair (25.56 °C) is exceeded in hundreds of hours (the issue: 346),
        // the evaporation pair (26.76 °C) in more than 35.
        let dryPair = 43.4 - 0.8 * 22.3, evaporationPair = 35.8 - 0.8 * 11.3
        #expect(a.effectiveAmbientC > evaporationPair && evaporationPair > dryPair)
        let aboveDryPair = teff.count(where: { $0 > dryPair }), aboveEvaporationPair = teff.count(where: { $0 > evaporationPair })
        print("Phoenix T_eff: 99.6th percentile \(a.effectiveAmbientC) °C; hours above the 0.4 % DB pair \(aboveDryPair), "
              + "above the 0.4 % evaporation pair \(aboveEvaporationPair)")
        #expect(aboveDryPair > 200 && aboveEvaporationPair > 35)
        #expect(a.description.hasPrefix("percentile 99.6 of the hourly T_eff over 8760 h of phoenix.epw (rank 8725: "))
    }
}

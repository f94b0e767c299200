import Numerics
import PlantModel
import PlantPhysics
import Testing

@Suite("Design condition, heat rejection and chillers worked by hand")
struct DesignConditionTests {
    @Test("Adiabatic dry coolers in Phoenix: pads cool 43.4 °C air by 0.8 × (43.4 − 21.1) K; capacity derates linearly")
    func adiabaticPhoenix() throws {
        var design = try Shipped.design("gb300-nvl72-hybrid")
        design.designBasis = DesignBasis(condition: .cooling, percent: 0.4)
        let c = DesignCondition(design: design, site: try Shipped.site("phoenix-az"))
        // Sized on the 0.4 % dry-bulb pair: T_eff = 43.4 − 0.8 × 22.3 = 25.56 °C; free water 25.56 + 5.6 = 31.16 °C; plant inlet = 32 + 10 = 42 °C.
        #expect(c.effectiveAmbientC.isApproximatelyEqual(to: 25.56, absoluteTolerance: 1e-12))
        #expect(c.freeCoolingSupplyC.isApproximatelyEqual(to: 31.16, absoluteTolerance: 1e-12))
        #expect(c.plantInletC == 42)
        // Q = 400 × (42 − 25.56) / (46.1 − 35) = 400 × 16.44 / 11.1 = 592.432 MW.
        #expect(c.rejectionCapacityMW.isApproximatelyEqual(to: 400 * 16.44 / 11.1, relativeTolerance: 1e-12))
        #expect(c.rejectionCapacityMW.isApproximatelyEqual(to: 592.432, absoluteTolerance: 5e-4))
        // 31.16 °C water is below the 32 °C supply: no chiller share.
        #expect(c.liquidChillerShare == 0)
    }

    @Test("Cooling towers in Phoenix: the extreme wet-bulb; the chiller COP equals the design COP at the design lift")
    func towerAndChiller() throws {
        var design = try Shipped.design("legacy-hopper-air")
        design.designBasis = DesignBasis(condition: .extreme)
        let c = DesignCondition(design: design, site: try Shipped.site("phoenix-az"))
        // Extreme wet-bulb 27.7 °C; free water 31.5 °C; an air-only design's plant sees its 35 °C rating inlet:
        // Q = 80 × (35 − 27.7) / (35 − 25.6) = 62.128 MW.
        #expect(c.effectiveAmbientC == 27.7)
        #expect(c.freeCoolingSupplyC.isApproximatelyEqual(to: 31.5, absoluteTolerance: 1e-12))
        #expect(c.rejectionCapacityMW.isApproximatelyEqual(to: 80 * 7.3 / 9.4, relativeTolerance: 1e-12))
        let chiller = ChillerCurve(design: design, condition: c)
        // η = 6 × (31.5 − 18) / 291.15 = 0.27821; back at 18 → 31.5 °C it gives 6 again.
        let eta = try #require(chiller.carnotEfficiency)
        #expect(eta.isApproximatelyEqual(to: 6 * 13.5 / 291.15, relativeTolerance: 1e-12))
        #expect(chiller.cop(evaporatorC: 18, condenserC: 31.5).isApproximatelyEqual(to: 6, relativeTolerance: 1e-12))
        // A 5 K lift: η × 291.15 / 5 = 16.2; below the 1 K floor the lift is held at 1 K: η × 291.15 = 81.
        #expect(chiller.cop(evaporatorC: 18, condenserC: 23).isApproximatelyEqual(to: 16.2, relativeTolerance: 1e-12))
        #expect(chiller.cop(evaporatorC: 18, condenserC: 18.3).isApproximatelyEqual(to: 81, relativeTolerance: 1e-12))
    }

    @Test("Liquid trim: chillers carry (T_free − T_supply)/ΔT of the liquid heat, clamped to [0, 1]")
    func liquidShare() throws {
        let loop = try #require(try Shipped.design("gb300-nvl72-hybrid").liquidCooling)
        #expect(ChillerCurve.liquidShare(freeCoolingSupplyC: 34.5, loop: loop) == 0.25)
        #expect(ChillerCurve.liquidShare(freeCoolingSupplyC: 30, loop: loop) == 0)
        #expect(ChillerCurve.liquidShare(freeCoolingSupplyC: 45, loop: loop) == 1)
    }

    @Test("Adiabatic water: the evaporated share of the heat is (T_db − T_eff)/(T_in − T_eff)")
    func padWater() throws {
        let curve = HeatRejectionCurve(design: try Shipped.design("gb300-nvl72-hybrid"))
        // 40 °C air at 20 °C wet-bulb: pads cool by 0.8 × 20 = 16 K to 24 °C; share 16 / (42 − 24) = 0.8889;
        // 100 MW for one hour at 1.5 L/kWh: 100 × 1.5 × 0.8889 = 133.33 m³.
        let pad = curve.padCoolingK(dryBulbC: 40, wetBulbC: 20)
        #expect(pad.isApproximatelyEqual(to: 16, absoluteTolerance: 1e-12))
        #expect(curve.waterM3(rejectedMW: 100, ambientC: 24, padCoolingK: pad).isApproximatelyEqual(to: 150 * 16 / 18, relativeTolerance: 1e-12))
        #expect(curve.waterM3(rejectedMW: 100, ambientC: 40, padCoolingK: 0) == 0, "dry hours use no water")
        // Rated fans: 4 % of 400 MW.
        #expect(curve.ratedFanMW.isApproximatelyEqual(to: 16, relativeTolerance: 1e-12))
    }
}

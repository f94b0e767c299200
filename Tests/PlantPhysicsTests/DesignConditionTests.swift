import Numerics
import PlantModel
import PlantPhysics
import Testing

/// Figures of the bundled example's plant (gb300-nvl72-hybrid: 400 MW rated at 46.1 °C in, 35 °C air, 5.6 K
/// approach; W32 loop, 10 K rise), worked by hand (the arithmetic is in each comment):
/// - rating: difference 11.1 K, range 5.5 K, C_w,r = 400 / 5.5 = 72.7273 MW/K, ε_r = 5.5 / 11.1 = 0.495495;
/// - cross-flow, both unmixed, C_r = 1: NTU_r = 1.127105 (solving ε_r = 1 − exp[NTU^0.22 (exp(−NTU^0.78) − 1)]),
///   UA_r = 1.127105 × 72.7273 = 81.9713 MW/K;
/// - operation: C_p = 400 / 10 = 40 MW/K; at full fan C_min = 40, C_r = 40 / 72.7273 = 0.55, NTU = 81.9713 / 40
///   = 2.04928, ε = 0.731772, E₁ = 29.2709 MW/K.
@Suite("Design condition, heat rejection and chillers worked by hand")
struct DesignConditionTests {
    @Test("The rating point fixes UA; the full-fan conductance follows from the cross-flow correlation")
    func ratingPoint() throws {
        let curve = HeatRejectionCurve(design: try Shipped.design("gb300-nvl72-hybrid"))
        #expect(curve.plantFlowMWPerK == 40)
        #expect(curve.fullFanConductanceMWPerK.isApproximatelyEqual(to: 29.2709, absoluteTolerance: 1e-4))
        // The correlation itself at one point: NTU 1, C_r 0.5: 1 − exp(2 × (exp(−0.5) − 1)) = 1 − exp(−0.786939) = 0.544764.
        #expect(CrossFlowExchanger.effectiveness(ntu: 1, cr: 0.5).isApproximatelyEqual(to: 0.544764, absoluteTolerance: 1e-6))
        let ntu = try #require(CrossFlowExchanger.ntu(effectiveness: 0.544764, cr: 0.5))
        #expect(ntu.isApproximatelyEqual(to: 1, absoluteTolerance: 1e-5))
    }

    @Test("Adiabatic dry coolers in Phoenix: pads cool 43.4 °C air by 0.8 × (43.4 − 21.1) K")
    func adiabaticPhoenix() throws {
        var design = try Shipped.design("gb300-nvl72-hybrid")
        design.designBasis = DesignBasis(condition: .cooling, percent: 0.4)
        let c = DesignCondition(design: design, site: try Shipped.site("phoenix-az"))
        // Sized on the 0.4 % dry-bulb pair: T_eff = 43.4 − 0.8 × 22.3 = 25.56 °C; plant inlet at the rated
        // 400 MW = 32 + 400 / 40 = 42 °C.
        #expect(c.effectiveAmbientC.isApproximatelyEqual(to: 25.56, absoluteTolerance: 1e-12))
        #expect(c.plantInletC == 42)
        // Q = E₁ (32 − 25.56) / (1 − E₁/40) = 29.2709 × 6.44 / 0.268228 = 702.78 MW.
        #expect(c.rejectionCapacityMW.isApproximatelyEqual(to: 702.78, absoluteTolerance: 0.01))
        // At full fan with 400 MW: 25.56 + 400 × (1/29.2709 − 1/40) = 25.56 + 3.6655 = 29.23 °C.
        #expect(c.freeCoolingSupplyC.isApproximatelyEqual(to: 29.2255, absoluteTolerance: 1e-3))
        #expect(c.liquidChillerShare == 0 && c.chillerCreditMW == nil, "no chillers")
        // Economizer air: 25.56 + 1 K of fan heat.
        #expect(try #require(c.economizerAirC).isApproximatelyEqual(to: 26.56, absoluteTolerance: 1e-12))
    }

    @Test("Part load: at 42 °C dry-bulb / 21 °C wet-bulb with pads (T_a = 25.2 °C) the fans slow, and at 15 % load the plant holds 32 °C")
    func partLoad() throws {
        let curve = HeatRejectionCurve(design: try Shipped.design("gb300-nvl72-hybrid"))
        let ambient = 42 - curve.padCoolingK(dryBulbC: 42, wetBulbC: 21)
        #expect(ambient.isApproximatelyEqual(to: 25.2, absoluteTolerance: 1e-12))
        // Capacity at 32 °C: 29.2709 × 6.8 / 0.268228 = 742.06 MW.
        #expect(curve.capacityMW(supplyC: 32, ambientC: ambient).isApproximatelyEqual(to: 742.06, absoluteTolerance: 0.01))
        // 100 % (400 MW): inlet 42 °C, needed E = 400 / 16.8 = 23.8095 MW/K → φ = 0.66581 (bisection on
        // E(φ) with UA = 81.9713 φ^0.737, C_air = 72.7273 φ); fans 16 MW × φ³ = 4.722 MW.
        // 50 % (200 MW): inlet 37 °C, E = 200 / 11.8 = 16.9492 → φ = 0.38061, fans 0.882 MW.
        // 15 % (60 MW): inlet 33.5 °C, E = 60 / 8.3 = 7.22892 → φ = 0.12377, fans 0.0303 MW.
        for (load, speed, fan) in [(400.0, 0.66581, 4.7225), (200, 0.38061, 0.8822), (60, 0.12377, 0.0303)] {
            let phi = curve.fanSpeed(heatMW: load, supplyC: 32, ambientC: ambient)
            #expect(phi.isApproximatelyEqual(to: speed, absoluteTolerance: 2e-3), "\(load) MW")
            #expect(curve.fanMW(speed: phi).isApproximatelyEqual(to: fan, relativeTolerance: 0.01), "\(load) MW")
            #expect(phi < 1, "\(load) MW: the set-point is held below full fan")
        }
        // Dry, at 42 °C, no plant can make 32 °C water: full fan leaves 42 + 60 × (1/29.2709 − 1/40) = 42.55 °C.
        #expect(curve.fullFanSupplyC(heatMW: 60, ambientC: 42).isApproximatelyEqual(to: 42.5498, absoluteTolerance: 1e-3))
    }

    @Test("Water-cooled chillers on a tower (legacy-hopper-air, Phoenix): condensing at tower water, η fitted at the design COP")
    func waterCooledChiller() throws {
        let design = try Shipped.design("legacy-hopper-air")
        let chiller = ChillerCurve(design: design, designDryBulbC: 43.4, designWetBulbC: 27.7)
        // Evaporating 18 − 2 = 16 °C; condensing 27.7 + 3.8 (approach) + 5.6 (range 35 − 25.6 − 3.8) + 2 = 39.1 °C;
        // lift 23.1 K; η = 6 × 23.1 / 289.15 = 0.479336.
        let eta = try #require(chiller.carnotEfficiency)
        #expect(eta.isApproximatelyEqual(to: 6 * 23.1 / 289.15, relativeTolerance: 1e-12))
        // Wet-bulb 20 °C: condensing 31.4, lift 15.4 K, COP = 6 × 23.1 / 15.4 = 9.0.
        #expect(chiller.cop(chilledWaterC: 18, dryBulbC: 30, wetBulbC: 20).isApproximatelyEqual(to: 9, relativeTolerance: 1e-12))
        // Wet-bulb 35 °C: lift 30.4 K, COP = 138.6 / 30.4 = 4.5592.
        #expect(chiller.cop(chilledWaterC: 18, dryBulbC: 40, wetBulbC: 35).isApproximatelyEqual(to: 138.6 / 30.4, relativeTolerance: 1e-12))
        // Wet-bulb 10 °C: lift 5.4 K is held at the 10 K floor: 13.86, then capped at 12.
        #expect(chiller.cop(chilledWaterC: 18, dryBulbC: 12, wetBulbC: 10) == 12)
    }

    @Test("Air-cooled chillers (mixed-retrofit, Ashburn): condensing above the dry-bulb by the condenser air's rise + 5 K")
    func airCooledChiller() throws {
        let design = try Shipped.design("mixed-retrofit")
        let chiller = ChillerCurve(design: design, designDryBulbC: 34.1, designWetBulbC: 23.9)
        // Air rise = (1 + 1/5) / (1e-4 kg/s/W × 1,000 × 1.006 kJ/kg·K) = 11.928 K; condensing 34.1 + 11.928 + 5
        // = 51.028 °C; lift from 16 °C = 35.028 K; η = 5 × 35.028 / 289.15 = 0.60571.
        #expect(chiller.condensingC(dryBulbC: 34.1, wetBulbC: 23.9).isApproximatelyEqual(to: 51.028, absoluteTolerance: 1e-3))
        // At 20 °C dry-bulb: lift 20.928 K, COP = 5 × 35.028 / 20.928 = 8.3687.
        #expect(chiller.cop(chilledWaterC: 18, dryBulbC: 20, wetBulbC: 15).isApproximatelyEqual(to: 8.3687, absoluteTolerance: 1e-3))
    }

    @Test("Adiabatic water: the pads evaporate the heat that cools the coil's air, φ·C_a·ΔT_pad, at 1.5 L/kWh")
    func padWater() throws {
        let curve = HeatRejectionCurve(design: try Shipped.design("gb300-nvl72-hybrid"))
        // 40 °C air at 20 °C wet-bulb: pads cool by 0.8 × 20 = 16 K. The coil moves C_a = 400 / 5.5 = 72.7273 MW/K
        // of air at full fan; at half speed, one hour: 0.5 × 72.7273 × 16 = 581.82 MWh evaporated at 1.5 L/kWh
        // = 872.73 m³, whatever heat the plant rejects.
        let pad = curve.padCoolingK(dryBulbC: 40, wetBulbC: 20)
        #expect(pad.isApproximatelyEqual(to: 16, absoluteTolerance: 1e-12))
        // The same effectiveness on a plain dry cooler cools nothing: it has no pads.
        var dry = try Shipped.design("gb300-nvl72-hybrid")
        dry.heatRejection.type = .dryCooler
        #expect(HeatRejectionCurve(design: dry).padCoolingK(dryBulbC: 40, wetBulbC: 20) == 0)
        #expect(curve.waterM3(rejectedMW: 100, padCoolingK: pad, fanSpeed: 0.5, latentShare: 0)
            .isApproximatelyEqual(to: 872.727, absoluteTolerance: 1e-3))
        #expect(curve.waterM3(rejectedMW: 100, padCoolingK: 0, fanSpeed: 0.5, latentShare: 0) == 0, "dry hours use no water")
        // Rated fans: 4 % of 400 MW.
        #expect(curve.ratedFanMW.isApproximatelyEqual(to: 16, relativeTolerance: 1e-12))
    }

    @Test("Tower water: evaporation is the latent share at 1.5 L/kWh, and blowdown at the default 4 cycles adds a third")
    func towerWater() throws {
        let curve = HeatRejectionCurve(design: try Shipped.design("cooling-tower-humid"))
        // 100 MWh, latent share 0.8: 1.5 × 0.8 × 100 = 120 m³ evaporated; × 4 / 3 = 160 m³ make-up.
        #expect(curve.waterM3(rejectedMW: 100, padCoolingK: 0, fanSpeed: 1, latentShare: 0.8)
            .isApproximatelyEqual(to: 160, relativeTolerance: 1e-12))
    }
}

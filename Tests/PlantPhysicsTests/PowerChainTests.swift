import Numerics
@testable import PlantModel
import PlantPhysics
import Testing

@Suite("Power chain: loss curves and the planner's design-loading conversion")
struct PowerChainTests {
    @Test("UPS at design and half load; transformer at no load")
    func lossCurves() {
        // Design loading 100 MW at 96 %: L_d = 100 × (1/0.96 − 1) = 4.1667 MW, all of it at r = 1.
        let designLoss = 100 * (1 / 0.96 - 1)
        #expect(PowerLossCurve.ups.lossMW(deliveringMW: 100, designLoadMW: 100, efficiency: 0.96)
            .isApproximatelyEqual(to: designLoss, relativeTolerance: 1e-12))
        // r = 0.5: 0.4 + 0.3 × 0.5 + 0.3 × 0.25 = 0.625 of L_d = 2.604 MW, i.e. 94.8 % efficient instead of 96 %.
        #expect(PowerLossCurve.ups.lossMW(deliveringMW: 50, designLoadMW: 100, efficiency: 0.96)
            .isApproximatelyEqual(to: 0.625 * designLoss, relativeTolerance: 1e-12))
        // Transformer at no load keeps its 40 % core loss: 0.4 × 200 × (1/0.99 − 1) = 0.8081 MW.
        #expect(PowerLossCurve.transformer.lossMW(deliveringMW: 0, designLoadMW: 200, efficiency: 0.99)
            .isApproximatelyEqual(to: 0.4 * 200 * (1 / 0.99 - 1), relativeTolerance: 1e-12))
        #expect(PowerLossCurve.ups.lossMW(deliveringMW: 10, designLoadMW: 0, efficiency: 0.96) == 0, "nothing in service")
    }

    @Test("At the design loading the loss curves give the planner's constant efficiencies")
    func designLoading() {
        let chain = PowerChain(transformerEfficiency: 0.99, upsEfficiency: 0.96, houseLoadFractionOfIT: 0)
        // 10 MW IT through both (10 / 0.9504 = 10.5219) and 1 MW cooling through the transformers (1.0101).
        let planner = chain.facilityMWAtDesignLoading(itMW: 10, coolingMW: 1)
        #expect(planner.isApproximatelyEqual(to: 10 / (0.99 * 0.96) + 1 / 0.99, relativeTolerance: 1e-12))
        #expect(planner.isApproximatelyEqual(to: 11.532, absoluteTolerance: 1e-3))
        // The same from the curves with each bank at its design loading.
        let ups = PowerLossCurve.ups.lossMW(deliveringMW: 10, designLoadMW: 10, efficiency: 0.96)
        let delivered = 10 + ups + 1
        let transformer = PowerLossCurve.transformer.lossMW(deliveringMW: delivered, designLoadMW: delivered, efficiency: 0.99)
        #expect((delivered + transformer).isApproximatelyEqual(to: planner, relativeTolerance: 1e-12))
    }

    @Test("Time base: a quarter is a fourth of a 365.25-day year")
    func timeBase() {
        #expect(TimeBase.secondsPerQuarter == 7_889_400)
        #expect(TimeBase.hoursPerQuarter == 2191.5)
        #expect(TimeBase.hoursPerCommonYear == 365 * 24)
    }
}

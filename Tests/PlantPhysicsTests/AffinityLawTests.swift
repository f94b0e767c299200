import Numerics
import PlantPhysics
import Testing

@Suite("Fan and pump affinity law")
struct AffinityLawTests {
    @Test("Half the load on the rated capacity takes an eighth of rated power")
    func cubeLaw() {
        // Rated power 0.04 × 100 MW = 4 MW; at 50 MW the flow halves and power falls to 4 × 0.5³ = 0.5 MW.
        #expect(AffinityLaw.powerMW(loadMW: 50, capacityMW: 100, fraction: 0.04).isApproximatelyEqual(to: 0.5, relativeTolerance: 1e-12))
        // Full load: the rated fraction of the load.
        #expect(AffinityLaw.powerMW(loadMW: 30, capacityMW: 30, fraction: 0.037).isApproximatelyEqual(to: 1.11, relativeTolerance: 1e-12))
        // Nothing in service: the load is moved at the rated fraction.
        #expect(AffinityLaw.powerMW(loadMW: 10, capacityMW: 0, fraction: 0.05) == 0.5)
    }
}

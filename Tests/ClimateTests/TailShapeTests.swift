import Foundation
import Testing
@testable import Climate
import Numerics

@Suite("Tail shape of synthetic anomalies")
struct TailShapeTests {
    /// Mean, variance and skewness of y(Z) for a standard normal Z, by the trapezoid rule over −12…12 in 0.001 steps.
    static func moments(_ shape: TailShape) -> (mean: Double, variance: Double, skewness: Double) {
        let step = 0.001
        var m = [0.0, 0.0, 0.0]
        for i in -12_000...12_000 {
            let z = Double(i) * step, weight = exp(-z * z / 2) / (2 * Double.pi).squareRoot() * step * (abs(i) == 12_000 ? 0.5 : 1)
            let y = shape(z)
            m[0] += weight * y; m[1] += weight * y * y; m[2] += weight * y * y * y
        }
        let variance = m[1] - m[0] * m[0]
        return (m[0], variance, (m[2] - 3 * m[0] * variance - m[0] * m[0] * m[0]) / pow(variance, 1.5))
    }

    @Test("Mean 0, standard deviation 1 and the mirrored lognormal's skewness −(e^(λ²) + 2)·√(e^(λ²) − 1)")
    func moments() {
        // λ = 0.5: e^0.25 = 1.2840, so skewness −(3.2840)·√0.2840 = −1.750; λ = −0.3: e^0.09 = 1.0942, +3.094·0.3069 = +0.950.
        for (λ, skewness) in [(0.5, -1.750), (-0.3, 0.950), (0.0, 0.0)] {
            let m = Self.moments(TailShape(λ))
            #expect(m.mean.isApproximatelyEqual(to: 0, absoluteTolerance: 1e-6) && m.variance.isApproximatelyEqual(to: 1, absoluteTolerance: 1e-6),
                    "λ = \(λ): \(m)")
            #expect(m.skewness.isApproximatelyEqual(to: skewness, absoluteTolerance: 0.002), "λ = \(λ): \(m.skewness)")
        }
    }

    @Test("The inverse gives back the normal; beyond the bounded tail's end it is infinite")
    func inverse() {
        let shape = TailShape(0.5)
        for z in [-3.0, -0.7, 0, 1.2, 2.5] { #expect(shape.normal(shape(z)).isApproximatelyEqual(to: z, absoluteTolerance: 1e-9), "\(z)") }
        // λ = 0.5 bounds y below e^0.125 / √(e^0.25·(e^0.25 − 1)) = 1.1331 / 0.6039 = 1.876.
        #expect(shape(40) < 1.8765 && shape(40) > 1.875)
        #expect(shape.normal(1.9) == .infinity)
        #expect(TailShape(-0.5).normal(-1.9) == -.infinity)
        #expect(TailShape.upperTail(1.959964).isApproximatelyEqual(to: 0.025, absoluteTolerance: 1e-6))
    }
}

import Foundation

/// A monotone map of a standard normal z to a skewed variable y of mean 0 and standard deviation 1: a
/// reflected, standardized lognormal, y = (e^(λ²/2) − e^(−λz)) / (sign λ · √(e^(λ²)·(e^(λ²) − 1))).
///
/// For λ > 0 the upper tail is bounded, at y < e^(λ²/2) / √(e^(λ²)·(e^(λ²) − 1)), and the skewness is
/// −(e^(λ²) + 2)·√(e^(λ²) − 1) (the lognormal's, mirrored); λ < 0 mirrors it; λ = 0 is z itself.
/// Synthetic weather uses it for anomalies whose hot or humid side is capped.
struct TailShape: Sendable {
    let shape: Double
    /// e^(λ²/2) − 1 and sign λ · √(e^(λ²)·(e^(λ²) − 1)).
    private let offset: Double, divisor: Double

    init(_ shape: Double) {
        self.shape = shape
        offset = expm1(shape * shape / 2)
        let spread = (exp(shape * shape) * expm1(shape * shape)).squareRoot()
        divisor = shape >= 0 ? spread : -spread
    }

    /// y for the standard normal `z`.
    func callAsFunction(_ z: Double) -> Double {
        shape == 0 ? z : (offset - expm1(-shape * z)) / divisor
    }

    /// The z that gives `y`: −∞ or +∞ where `y` lies beyond the bounded tail's end.
    func normal(_ y: Double) -> Double {
        guard shape != 0 else { return y }
        let argument = offset - divisor * y  // e^(−λz) − 1
        guard argument > -1 else { return shape > 0 ? .infinity : -.infinity }
        return -log1p(argument) / shape
    }

    /// P(Z > z) for a standard normal Z.
    static func upperTail(_ z: Double) -> Double { erfc(z / 2.squareRoot()) / 2 }
}

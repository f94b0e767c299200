import Foundation

/// A seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood, OOPSLA 2014), so the same seed gives
/// the same weather, demand and outages on every run. Hand-written: the standard library's generator
/// cannot be seeded, and none of the project's dependencies ships one.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for the `index`-th independent stream of `seed` (runs, feeds, years).
    public init(seed: UInt64, stream index: UInt64) {
        var mixer = SeededGenerator(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1): 53 random bits, never exactly 0.
    public mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

    /// Standard normal deviate (Box–Muller; one of the pair is used, so draws are independent of history).
    public mutating func normal() -> Double {
        let u1 = uniform(), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

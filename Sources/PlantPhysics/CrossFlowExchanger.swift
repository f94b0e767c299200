import Foundation

/// Effectiveness of a cross-flow heat exchanger with both streams unmixed (the finned coil of a dry cooler):
/// ε = 1 − exp[(NTU^0.22 / C_r) · (exp(−C_r · NTU^0.78) − 1)], the correlation of Incropera & DeWitt,
/// "Fundamentals of Heat and Mass Transfer", Table 11.3, used by EnergyPlus for fluid coolers and cooling
/// coils. NTU = UA / C_min and C_r = C_min / C_max.
public enum CrossFlowExchanger {
    /// ε for `ntu` and capacity-rate ratio `cr` in [0, 1]; the C_r → 0 limit is 1 − exp(−NTU).
    public static func effectiveness(ntu: Double, cr: Double) -> Double {
        guard ntu > 0 else { return 0 }
        guard cr > 1e-9 else { return 1 - exp(-ntu) }
        return 1 - exp(pow(ntu, 0.22) / cr * (exp(-cr * pow(ntu, 0.78)) - 1))
    }

    /// The NTU that gives effectiveness `epsilon` at ratio `cr` (bisection; ε rises monotonically with NTU),
    /// nil when no NTU ≤ `maxNTU` reaches it.
    public static func ntu(effectiveness epsilon: Double, cr: Double, maxNTU: Double = 50) -> Double? {
        guard epsilon > 0, effectiveness(ntu: maxNTU, cr: cr) >= epsilon else { return nil }
        var low = 0.0, high = maxNTU
        for _ in 0..<100 where high - low > 1e-12 {
            let mid = (low + high) / 2
            if effectiveness(ntu: mid, cr: cr) < epsilon { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

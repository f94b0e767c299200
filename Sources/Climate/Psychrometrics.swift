import Foundation

/// Moist-air relations in SI units from the ASHRAE Handbook—Fundamentals (2017), chapter 1: saturation
/// pressure, standard atmosphere, humidity ratio and the thermodynamic wet-bulb, as psychrolib computes them.
public enum Psychrometrics {
    /// Saturation vapour pressure over ice (t < 0 °C) or liquid water, Pa (Hyland–Wexler, ASHRAE eqs. 5 and 6).
    public static func saturationVaporPressurePa(_ temperatureC: Double) -> Double {
        exp(lnSaturation(temperatureC + 273.15, overIce: temperatureC < 0).value)
    }

    /// ln e_s (e_s in Pa) at `t` kelvin over ice or water (ASHRAE eqs. 5 and 6), and its derivative, 1/K.
    private static func lnSaturation(_ t: Double, overIce: Bool) -> (value: Double, slope: Double) {
        if overIce {
            return (-5.6745359e3 / t + 6.3925247 - 9.6778430e-3 * t + 6.2215701e-7 * t * t
                        + 2.0747825e-9 * t * t * t - 9.4840240e-13 * t * t * t * t + 4.1635019 * log(t),
                    5.6745359e3 / (t * t) - 9.6778430e-3 + 2 * 6.2215701e-7 * t + 3 * 2.0747825e-9 * t * t
                        - 4 * 9.4840240e-13 * t * t * t + 4.1635019 / t)
        }
        return (-5.8002206e3 / t + 1.3914993 - 4.8640239e-2 * t + 4.1764768e-5 * t * t
                    - 1.4452093e-8 * t * t * t + 6.5459673 * log(t),
                5.8002206e3 / (t * t) - 4.8640239e-2 + 2 * 4.1764768e-5 * t - 3 * 1.4452093e-8 * t * t + 6.5459673 / t)
    }

    /// Humidity ratio of air with water-vapour partial pressure `vaporPressurePa`, kg/kg (ASHRAE eq. 20).
    public static func humidityRatio(vaporPressurePa: Double, pressurePa: Double) -> Double {
        0.621945 * vaporPressurePa / (pressurePa - vaporPressurePa)
    }

    /// Standard-atmosphere pressure at an elevation, Pa (ASHRAE eq. 3), for files without station pressure.
    public static func standardPressurePa(elevationM: Double) -> Double {
        101_325 * pow(1 - 2.25577e-5 * elevationM, 5.2559)
    }

    /// Humidity ratio, kg/kg, of air at `dryBulbC` whose thermodynamic wet-bulb is `wetBulbC` (≤ the
    /// dry-bulb), at `pressurePa`: ASHRAE eq. 33 over water,
    /// W = ((2501 − 2.326 t*)·W*s − 1.006·(t − t*)) / (2501 + 1.86 t − 4.186 t*),
    /// and eq. 35 over ice, with 2830 − 0.24 t* and 2830 + 1.86 t − 2.1 t*; W*s is the saturated humidity
    /// ratio at t* over water or ice (eq. 20 with eqs. 5–6). A wet-bulb at or below 0 °C (to rounding,
    /// ``frozenBelowC``) is on ice. Negative where no moist air at `dryBulbC` has so low a wet-bulb.
    public static func humidityRatio(dryBulbC: Double, wetBulbC: Double, pressurePa: Double) -> Double {
        wetBulbRelation(dryBulbC: dryBulbC, wetBulbC: wetBulbC, pressurePa: pressurePa).value
    }

    /// A wet-bulb below this, °C, is on ice (eq. 35): 0 °C itself, and a bisection midpoint that is 0 °C up
    /// to rounding (8·10⁻¹⁷ °C in one hour of the Phoenix file). psychrolib takes eq. 33 from 0 °C, but it
    /// brackets the root from a dew point it re-derives by Newton's method, a rounding error off the file's;
    /// in the two hours of the six files in `../shared/data/weather` where a midpoint lands on 0 °C between
    /// two roots (see ``wetBulbC(dryBulbC:dewPointC:pressurePa:)``), that put its midpoint just below 0 °C.
    static let frozenBelowC = 1e-9

    /// ASHRAE eq. 33 or 35 (see ``humidityRatio(dryBulbC:wetBulbC:pressurePa:)``) and its derivative in t*, 1/K.
    private static func wetBulbRelation(dryBulbC t: Double, wetBulbC wetBulb: Double, pressurePa p: Double)
        -> (value: Double, slope: Double) {
        let frozen = wetBulb < frozenBelowC
        let (a0, a1, b1) = frozen ? (2830.0, 0.24, 2.1) : (2501.0, 2.326, 4.186)
        let (lnSaturated, lnSlope) = lnSaturation(wetBulb + 273.15, overIce: frozen)
        let saturated = exp(lnSaturated)
        let ws = 0.621945 * saturated / (p - saturated)
        let wsSlope = 0.621945 * p * saturated * lnSlope / ((p - saturated) * (p - saturated))
        let a = a0 - a1 * wetBulb, b = a0 + 1.86 * t - b1 * wetBulb
        let w = (a * ws - 1.006 * (t - wetBulb)) / b
        return (w, (a * wsSlope - a1 * ws + 1.006 + b1 * w) / b)
    }

    /// Thermodynamic wet-bulb, °C, of air at `dryBulbC` with dew point `dewPointC` (taken as the dry-bulb
    /// where above it) at `pressurePa` (ASHRAE Handbook—Fundamentals 2017 ch. 1; psychrolib's
    /// `GetTWetBulbFromTDewPoint`): the t* at which ASHRAE eq. 33 (eq. 35 on ice) gives the air's humidity
    /// ratio W = 0.621945·e_s(T_dew)/(p − e_s(T_dew)).
    ///
    /// Solved as psychrolib does, by bisection between the dew point and the dry-bulb down to a bracket of
    /// 0.001 K, then by Newton's method inside that bracket to 10⁻¹⁰ K. The bisection matters: at 0 °C eq. 35
    /// gives a higher W than eq. 33, so W(t*) drops where t* rises through 0 °C, and air whose W lies in that
    /// drop has two wet-bulbs, one on each side of 0 °C and up to about 0.7 K from it (183 of the 52,560
    /// hours of the six files in `../shared/data/weather`). The same halving picks the same one as psychrolib.
    public static func wetBulbC(dryBulbC: Double, dewPointC: Double, pressurePa: Double) -> Double {
        let dewPoint = min(dewPointC, dryBulbC)
        let w = humidityRatio(vaporPressurePa: saturationVaporPressurePa(dewPoint), pressurePa: pressurePa)
        var low = dewPoint, high = dryBulbC
        while high - low > 1e-3 {
            let mid = (low + high) / 2
            if wetBulbRelation(dryBulbC: dryBulbC, wetBulbC: mid, pressurePa: pressurePa).value > w { high = mid } else { low = mid }
        }
        // Newton inside the bracket, where the relation is smooth; a step that would leave it halves it instead.
        var t = (low + high) / 2
        for _ in 0..<60 {
            let (value, slope) = wetBulbRelation(dryBulbC: dryBulbC, wetBulbC: t, pressurePa: pressurePa)
            if value > w { high = t } else { low = t }
            var next = t - (value - w) / slope
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) < 1e-10 { return next }
            t = next
        }
        return t
    }

    /// Dew point, °C, of air at `dryBulbC` with thermodynamic wet-bulb `wetBulbC` (≤ the dry-bulb) at
    /// `pressurePa`, in closed form: W from ASHRAE eq. 33 or 35, p_w = p·W/(0.621945 + W) (eq. 20 solved for
    /// p_w), then ``dewPointC(vaporPressurePa:)``. nil where no moist air at `dryBulbC` has so low a
    /// wet-bulb (W ≤ 0). ``wetBulbC(dryBulbC:dewPointC:pressurePa:)`` gives the wet-bulb back, except
    /// within about 0.7 K of 0 °C, where it may return the relation's other root (see there).
    public static func dewPointC(dryBulbC: Double, wetBulbC: Double, pressurePa: Double) -> Double? {
        let w = humidityRatio(dryBulbC: dryBulbC, wetBulbC: wetBulbC, pressurePa: pressurePa)
        guard w > 0 else { return nil }
        return dewPointC(vaporPressurePa: pressurePa * w / (0.621945 + w))
    }

    /// Dew point, °C, of air with water-vapour partial pressure `vaporPressurePa` (> 0): the inverse of
    /// ``saturationVaporPressurePa(_:)`` (frost point below 611.2 Pa), by Newton's method on ln e_s from
    /// the Magnus estimate, to 10⁻⁹ K.
    public static func dewPointC(vaporPressurePa: Double) -> Double {
        let target = log(vaporPressurePa), overIce = vaporPressurePa < saturationVaporPressurePa(0)
        let magnus = log(vaporPressurePa / 610.94)
        var t = 243.04 * magnus / (17.625 - magnus) + 273.15
        for _ in 0..<20 {
            let (value, slope) = lnSaturation(t, overIce: overIce)
            let step = (value - target) / slope
            t -= step
            if abs(step) < 1e-9 { break }
        }
        return t - 273.15
    }
}

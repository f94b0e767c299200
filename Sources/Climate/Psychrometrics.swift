import Foundation

/// Moist-air relations in SI units: saturation pressure and standard atmosphere from the ASHRAE
/// Handbook—Fundamentals (2017), chapter 1; wet-bulb from the WMO psychrometer relation.
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

    /// Psychrometer coefficient, 1/K: 6.53e-4·(1 + 9.44e-4·t_w) over water, 5.75e-4 over ice (WMO-No. 8,
    /// Guide to Instruments and Methods of Observation, Annex 4.B, Assmann-type psychrometer).
    public static func psychrometerCoefficient(wetBulbC: Double) -> Double {
        wetBulbC >= 0 ? 6.53e-4 * (1 + 9.44e-4 * wetBulbC) : 5.75e-4
    }

    /// Wet-bulb, °C, from dry-bulb, dew point and pressure: the root of the psychrometer relation
    /// e_s(T_dew) = e_s(T_w) − A·p·(T − T_w), found by bisection between the dew point and the dry-bulb
    /// (the right side rises monotonically in between), to 0.0001 K.
    public static func wetBulbC(dryBulbC: Double, dewPointC: Double, pressurePa: Double) -> Double {
        let dewPoint = min(dewPointC, dryBulbC)
        let vaporPressure = saturationVaporPressurePa(dewPoint)
        var low = dewPoint, high = dryBulbC
        while high - low > 1e-4 {
            let mid = (low + high) / 2
            let e = saturationVaporPressurePa(mid) - psychrometerCoefficient(wetBulbC: mid) * pressurePa * (dryBulbC - mid)
            if e > vaporPressure { high = mid } else { low = mid }
        }
        return (low + high) / 2
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

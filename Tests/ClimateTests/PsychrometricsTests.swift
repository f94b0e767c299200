import Testing
import Climate
import Numerics

@Suite("Psychrometrics against published tables")
struct PsychrometricsTests {
    @Test("Saturation pressure matches ASHRAE Fundamentals 2017, ch. 1, Table 3 within 300 ppm")
    func saturationPressure() {
        // (°C, Pa): over ice below 0 °C, over water above.
        let table: [(Double, Double)] = [(-20, 103.24), (-5, 401.74), (5, 872.6), (25, 3169.7), (50, 12351.3)]
        for (t, p) in table {
            #expect(Psychrometrics.saturationVaporPressurePa(t).isApproximatelyEqual(to: p, relativeTolerance: 3e-4), "\(t) °C")
        }
    }

    @Test("Standard-atmosphere pressure matches ASHRAE Fundamentals 2017, ch. 1, Table 1 within 1 Pa")
    func standardAtmosphere() {
        for (z, p) in [(0.0, 101_325.0), (500, 95_461), (1000, 89_875), (4000, 61_640)] {
            #expect(Psychrometrics.standardPressurePa(elevationM: z).isApproximatelyEqual(to: p, absoluteTolerance: 1), "\(z) m")
        }
    }

    @Test("Handbook Example 1: 40 °C dry-bulb, 20 °C wet-bulb, sea level has a 7 °C dew point; back again")
    func handbookExample() {
        // ASHRAE Fundamentals 2017 ch. 1 Example 1 gives W = 0.0065, i.e. a dew point of about 7 °C. The
        // psychrometer relation from a 7 °C dew point must give back the 20 °C wet-bulb.
        let wetBulb = Psychrometrics.wetBulbC(dryBulbC: 40, dewPointC: 7, pressurePa: 101_325)
        #expect(wetBulb.isApproximatelyEqual(to: 20, absoluteTolerance: 0.2))
    }

    @Test("Saturated air has wet-bulb = dry-bulb; dry air at altitude has a lower wet-bulb than at sea level")
    func limits() {
        #expect(Psychrometrics.wetBulbC(dryBulbC: 25, dewPointC: 25, pressurePa: 101_325).isApproximatelyEqual(to: 25, absoluteTolerance: 1e-3))
        // Hand check at sea level, 30 °C and 10 °C dew point: e = 1228 Pa; with t_w = 17.2 °C,
        // e_s = 1962 Pa and A·p·(T − t_w) = 6.53e-4·1.0162·101325·12.8 = 861 Pa → 1101 < 1228, so t_w > 17.2;
        // with 17.6: e_s = 2013, A·p·ΔT = 833 → 1180 < 1228; with 17.9: e_s = 2052, 812 → 1240 > 1228.
        let seaLevel = Psychrometrics.wetBulbC(dryBulbC: 30, dewPointC: 10, pressurePa: 101_325)
        #expect(seaLevel > 17.6 && seaLevel < 17.9)
        let denver = Psychrometrics.wetBulbC(dryBulbC: 30, dewPointC: 10, pressurePa: Psychrometrics.standardPressurePa(elevationM: 1600))
        #expect(denver < seaLevel - 0.3)
    }

    @Test("Dew point from vapour pressure inverts the saturation pressure, over water and over ice")
    func dewPoint() {
        // ASHRAE Fundamentals 2017 ch. 1 Table 3: 3169.7 Pa saturates at 25 °C, 401.74 Pa (over ice) at −5 °C.
        #expect(Psychrometrics.dewPointC(vaporPressurePa: 3169.7).isApproximatelyEqual(to: 25, absoluteTolerance: 0.01))
        #expect(Psychrometrics.dewPointC(vaporPressurePa: 401.74).isApproximatelyEqual(to: -5, absoluteTolerance: 0.01))
        for dew in [-30.0, -3, 0.5, 10, 24, 35] {
            let vapor = Psychrometrics.saturationVaporPressurePa(dew)
            #expect(Psychrometrics.dewPointC(vaporPressurePa: vapor).isApproximatelyEqual(to: dew, absoluteTolerance: 1e-6), "\(dew) °C")
        }
    }
}

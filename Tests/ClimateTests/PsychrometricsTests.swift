import Foundation
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

    @Test("Handbook Example 1: 40 °C dry-bulb, 20 °C thermodynamic wet-bulb at 101.325 kPa has W = 0.0065; back again")
    func handbookExample() {
        // ASHRAE Fundamentals 2017 ch. 1 Example 1 gives W = 0.0065 kg/kg from eq. 33 with its Table 2 W*s =
        // 0.014758. Eq. 20 from e_s gives W*s = 0.014695 (Table 2's values are 0.4 % higher, see below), so
        // eq. 33 gives 0.006401, as psychrolib does (tools/psychrolib_reference.py prints 0.006400786); its
        // own test of this example allows 0.0001 kg/kg.
        let w = Psychrometrics.humidityRatio(dryBulbC: 40, wetBulbC: 20, pressurePa: 101_325)
        #expect(w.isApproximatelyEqual(to: 0.0065, absoluteTolerance: 1e-4))
        #expect(w.isApproximatelyEqual(to: 0.006400786, absoluteTolerance: 1e-9))
        // Read backwards from the Handbook's W (p_w = p·W/(0.621945 + W), a 7.66 °C dew point): psychrolib gives
        // 20.075 °C, its test allows 0.1 K.
        let dewPoint = Psychrometrics.dewPointC(vaporPressurePa: 101_325 * 0.0065 / (0.621945 + 0.0065))
        let wetBulb = Psychrometrics.wetBulbC(dryBulbC: 40, dewPointC: dewPoint, pressurePa: 101_325)
        #expect(wetBulb.isApproximatelyEqual(to: 20.075, absoluteTolerance: 0.01), "\(wetBulb)")
    }

    @Test("Eqs. 33 and 35 against psychrolib's test values, over water and over ice")
    func psychrolibTestValues() {
        // psychrolib tests/test_psychrolib_si.py, test_HumRatio_TWetBulb (values computed there with Excel;
        // the test allows 300 ppm): 30 °C / 25 °C and −1 °C / −5 °C at 95,461 Pa (standard atmosphere at 500 m).
        let above = Psychrometrics.humidityRatio(dryBulbC: 30, wetBulbC: 25, pressurePa: 95_461)
        #expect(above.isApproximatelyEqual(to: 0.0192281274241096, relativeTolerance: 3e-4), "\(above)")
        let below = Psychrometrics.humidityRatio(dryBulbC: -1, wetBulbC: -5, pressurePa: 95_461)
        #expect(below.isApproximatelyEqual(to: 0.00120399819933844, relativeTolerance: 3e-4), "\(below)")
    }

    @Test("Saturated air: W from eq. 33/35 at t* = t matches ASHRAE Fundamentals 2017 ch. 1 Table 2 within 0.5 %; wet-bulb = dry-bulb")
    func saturated() {
        // Table 2 (101.325 kPa) as quoted in psychrolib's tests (test_GetSatHumRatio). Eq. 20 from e_s runs
        // 0.4–0.5 % below it at these points (psychrolib's test allows 0.5–1 %).
        for (t, ws) in [(-20.0, 0.0006373), (-5, 0.0024863), (5, 0.005425), (25, 0.020173)] {
            let w = Psychrometrics.humidityRatio(dryBulbC: t, wetBulbC: t, pressurePa: 101_325)
            #expect(w.isApproximatelyEqual(to: ws, relativeTolerance: 5e-3), "\(t) °C: \(w)")
            #expect(w.isApproximatelyEqual(
                to: Psychrometrics.humidityRatio(vaporPressurePa: Psychrometrics.saturationVaporPressurePa(t), pressurePa: 101_325),
                relativeTolerance: 1e-12), "\(t) °C")
            #expect(Psychrometrics.wetBulbC(dryBulbC: t, dewPointC: t, pressurePa: 101_325).isApproximatelyEqual(to: t, absoluteTolerance: 1e-9))
        }
    }

    @Test("Dry air at altitude has a lower wet-bulb than at sea level (psychrolib: 17.736 and 16.935 °C)")
    func altitude() {
        let seaLevel = Psychrometrics.wetBulbC(dryBulbC: 30, dewPointC: 10, pressurePa: 101_325)
        let denver = Psychrometrics.wetBulbC(dryBulbC: 30, dewPointC: 10, pressurePa: Psychrometrics.standardPressurePa(elevationM: 1600))
        #expect(seaLevel.isApproximatelyEqual(to: 17.7359, absoluteTolerance: 0.01), "\(seaLevel)")
        #expect(denver.isApproximatelyEqual(to: 16.9351, absoluteTolerance: 0.01), "\(denver)")
    }

    @Test("Within 0.01 K of psychrolib's GetTWetBulbFromTDewPoint on the committed sample of the six weather files")
    func psychrolibSample() throws {
        // Written by tools/psychrolib_reference.py: every 13th hour of each file, its 50 hours of largest
        // dew-point depression, 50 coldest, 50 with wet-bulbs nearest 0 °C and 50 nearest 24 °C.
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Resources/wetbulb-reference.csv"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        try #require(lines.first == "site,line,dryBulbC,dewPointC,pressurePa,wetBulbC")
        var worst = (difference: 0.0, row: "")
        for line in lines.dropFirst() {
            let f = line.split(separator: ",")
            let (dryBulb, dewPoint, pressure, reference) = try (#require(Double(f[2])), #require(Double(f[3])),
                                                                #require(Double(f[4])), #require(Double(f[5])))
            let difference = abs(Psychrometrics.wetBulbC(dryBulbC: dryBulb, dewPointC: dewPoint, pressurePa: pressure) - reference)
            #expect(difference <= 0.01, "\(line): \(difference) K")
            if difference > worst.difference { worst = (difference, String(line)) }
        }
        print("psychrolib sample: \(lines.count - 1) hours, largest difference \(worst.difference) K (\(worst.row))")
        #expect(lines.count > 5000)
    }

    @Test("Wet-bulb → dew point (closed form) → wet-bulb returns it within 10⁻⁶ K, over water and over ice")
    func roundTrip() {
        var checked = 0, belowFreezing = 0, otherRoot = 0
        for pressure in [101_325.0, 80_000] {
            for dryBulb in stride(from: -30.0, through: 50, by: 2.5) {
                // Wet-bulbs from the dry-bulb down, 0.37 K apart, as long as some moist air has them.
                for wetBulb in stride(from: dryBulb, through: dryBulb - 40, by: -0.37) {
                    guard let dewPoint = Psychrometrics.dewPointC(dryBulbC: dryBulb, wetBulbC: wetBulb, pressurePa: pressure) else { break }
                    #expect(dewPoint <= wetBulb + 1e-9)
                    let back = Psychrometrics.wetBulbC(dryBulbC: dryBulb, dewPointC: dewPoint, pressurePa: pressure)
                    checked += 1
                    if wetBulb < 0 { belowFreezing += 1 }
                    if abs(back - wetBulb) <= 1e-6 { continue }
                    // Within 0.7 K of 0 °C eqs. 33 and 35 give some air two wet-bulbs: the other one must be on the
                    // other side of 0 °C and give the same humidity ratio.
                    otherRoot += 1
                    #expect(abs(wetBulb) < 0.7 && abs(back) < 0.7 && (back < 0) != (wetBulb < 0), "\(dryBulb) °C, \(wetBulb) °C → \(back) °C")
                    #expect(Psychrometrics.humidityRatio(dryBulbC: dryBulb, wetBulbC: back, pressurePa: pressure).isApproximatelyEqual(
                        to: Psychrometrics.humidityRatio(dryBulbC: dryBulb, wetBulbC: wetBulb, pressurePa: pressure), relativeTolerance: 1e-9))
                }
            }
        }
        print("round trip: \(checked) conditions, \(belowFreezing) below freezing, \(otherRoot) returned the other root near 0 °C")
        #expect(checked > 2000 && belowFreezing > 250 && otherRoot < checked / 100)
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

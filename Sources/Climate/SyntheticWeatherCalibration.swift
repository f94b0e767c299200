import Foundation
import PlantModel

extension SyntheticWeather {
    /// The generator's fitted numbers: each tail share of the design conditions is met by bisection.
    ///
    /// Dry-bulb hours are counted exactly, as expectations: an hour's dry-bulb is its normal's mean plus its
    /// spread times the shaped anomaly, so P(T > x) = P(Z > z(x)) with z from ``TailShape/normal(_:)``.
    /// Wet-bulb hours are counted on ``years`` years of a fixed calibration stream. The dry-bulb does not
    /// depend on the dew-point fit, so each hour's dew point needed to pass a wet-bulb figure (ASHRAE eq. 33
    /// or 35 in closed form, ``Psychrometrics/dewPointC(dryBulbC:wetBulbC:pressurePa:)``) is worked out once;
    /// with the day's dew point fixed, a count is then one comparison per hour. This is exact for figures more
    /// than 0.7 K from 0 °C; nearer, eqs. 33 and 35 give some air two wet-bulbs (see
    /// ``Psychrometrics/wetBulbC(dryBulbC:dewPointC:pressurePa:)``).
    struct Calibration {
        /// Years pooled for the wet-bulb fit: 40 years put about 1,400 hours in the 0.4 % tail.
        static let years = 40
        static let seed: UInt64 = 0x5EED_CA1B
        /// Ranges searched: spreads scale by 0…15; shapes λ in −1…1 (skewness up to ±6.2; see ``TailShape``).
        static let scales = 0.0...15.0, shapes = -1.0...1.0

        let dryBulbScale: Double
        let dryBulbShape: Double
        let dewPointScale: Double
        let dewPointShape: Double
        let correlation: Double

        /// A calibration day that can pass a wet-bulb figure: where its normals are, and for each figure the
        /// dew point each hour above it needs to pass it (hottest hour first, so lowest first).
        private struct HumidDay {
            var year: Int, day: Int
            var upperNeeds: [Double], lowerNeeds: [Double]
        }

        init(days: Days, climate: PlantModel.Climate, pressurePa: Double) {
            let (dryBulbScale, dryBulbShape) = Self.fitDryBulb(days, climate)
            let shape = TailShape(dryBulbShape)
            let normals = (0..<Self.years).map { year in
                var g = SeededGenerator(seed: Self.seed, stream: UInt64(year))
                return (t: SyntheticWeather.anomalies(&g), v: SyntheticWeather.anomalies(&g))
            }
            let hours = Double(8760 * Self.years)
            let (upper, lower) = (climate.evaporationDesignWetBulbC, climate.evaporationDesignWetBulb2PercentC)
            /// The dew point at which an hour of `dryBulb` has wet-bulb `wetBulb` (ASHRAE eq. 33/35 in closed
            /// form); −∞ where any dew point passes.
            func dewPointNeeded(_ dryBulb: Double, _ wetBulb: Double) -> Double {
                Psychrometrics.dewPointC(dryBulbC: dryBulb, wetBulbC: wetBulb, pressurePa: pressurePa) ?? -.infinity
            }
            /// A calibration day's hourly dry-bulbs, hottest first.
            func dryBulbs(_ year: Int, _ d: Int) -> [Double] {
                let (high, low) = days.dryBulb(d, normals[year].t[d], dryBulbScale, shape)
                return SyntheticWeather.diurnalFraction.map { high - $0 * (high - low) }.sorted(by: >)
            }
            // Hours within 5 K of the design dry-bulb or above, where the hottest 0.4 % lie.
            let nearDesign = climate.coolingDesignDryBulbC - 5
            var near: [(year: Int, day: Int, dryBulb: Double)] = []
            var humid: [HumidDay] = []
            for year in 0..<Self.years {
                for d in 0..<365 {
                    let dayDryBulbs = dryBulbs(year, d)
                    near += dayDryBulbs.prefix { $0 > nearDesign }.map { (year, d, $0) }
                    // Wet-bulb never exceeds dry-bulb: only hours above the lower figure can count.
                    if dayDryBulbs[0] > lower {
                        humid.append(HumidDay(year: year, day: d,
                                              upperNeeds: dayDryBulbs.filter { $0 > upper }.map { dewPointNeeded($0, upper) },
                                              lowerNeeds: dayDryBulbs.filter { $0 > lower }.map { dewPointNeeded($0, lower) }))
                    }
                }
            }
            // The hottest 0.4 % of hours, for the coincident wet-bulb; from every hour where a fit at the edge of
            // its range leaves fewer near the design dry-bulb.
            let count = Int((0.004 * hours).rounded())
            let pool = near.count >= count
                ? near : (0..<Self.years).flatMap { year in (0..<365).flatMap { d in dryBulbs(year, d).map { (year, d, $0) } } }
            let hottest = pool.sorted { $0.dryBulb > $1.dryBulb }.prefix(count)

            func dewNormal(_ year: Int, _ day: Int, _ correlation: Double) -> Double {
                correlation * normals[year].t[day] + (1 - correlation * correlation).squareRoot() * normals[year].v[day]
            }
            /// Hours above the upper (or lower) figure when each humid day's dew point is its normal plus `scale`
            /// times its spread times `anomalies[i]`.
            func hoursAbove(upper isUpper: Bool, _ anomalies: [Double], _ scale: Double) -> Double {
                var count = 0
                for (day, anomaly) in zip(humid, anomalies) {
                    let dew = days.dewPoint[day.day] + scale * days.dewPointSpread[day.day] * anomaly
                    for need in isUpper ? day.upperNeeds : day.lowerNeeds {
                        guard dew > need else { break }
                        count += 1
                    }
                }
                return Double(count)
            }
            // For a correlation: the shape that puts 2 % of hours above the lower figure, each shape with the
            // scale that puts 0.4 % above the upper one.
            func dewFit(_ correlation: Double) -> (scale: Double, shape: Double) {
                let w = humid.map { dewNormal($0.year, $0.day, correlation) }
                func scale(_ anomalies: [Double]) -> Double {
                    SyntheticWeather.bisect(Self.scales, tolerance: 0.01, target: 0.004 * hours) { hoursAbove(upper: true, anomalies, $0) }
                }
                let λ = SyntheticWeather.bisect(Self.shapes, tolerance: 0.01, target: 0.02 * hours) { λ in
                    let shape = TailShape(λ), anomalies = w.map { shape($0) }
                    return hoursAbove(upper: false, anomalies, scale(anomalies))
                }
                let shape = TailShape(λ)
                return (scale(w.map { shape($0) }), λ)
            }
            func coincidentWetBulb(_ correlation: Double) -> Double {
                let (scale, λ) = dewFit(correlation), shape = TailShape(λ)
                return hottest.reduce(0) { sum, hour in
                    let dew = days.dew(hour.day, dewNormal(hour.year, hour.day, correlation), scale, shape)
                    return sum + Psychrometrics.wetBulbC(dryBulbC: hour.dryBulb, dewPointC: min(dew, hour.dryBulb), pressurePa: pressurePa)
                } / Double(hottest.count)
            }
            let correlation = SyntheticWeather.bisect(-0.99...0.99, tolerance: 0.01, target: climate.coolingDesignCoincidentWetBulbC,
                                                      coincidentWetBulb)
            (dewPointScale, dewPointShape) = dewFit(correlation)
            self.dryBulbScale = dryBulbScale
            self.dryBulbShape = dryBulbShape
            self.correlation = correlation
        }

        /// The dry-bulb scale and shape that put 0.4 % of a year's hours above the cooling design dry-bulb,
        /// counted as expectations (a day's minimum is taken unclipped by its maximum: only far tails differ).
        /// Measured spreads are kept (scale 1) and the shape fitted; without them the normal's scale is.
        private static func fitDryBulb(_ days: Days, _ climate: PlantModel.Climate) -> (scale: Double, shape: Double) {
            func expectedHoursAbove(_ scale: Double, _ shape: TailShape) -> Double {
                var sum = 0.0
                for d in 0..<365 {
                    for f in SyntheticWeather.diurnalFraction {
                        let mean = (1 - f) * days.max[d] + f * days.min[d]
                        let spread = scale * ((1 - f) * days.maxSpread[d] + f * days.minSpread[d])
                        guard spread > 0 else { sum += mean > climate.coolingDesignDryBulbC ? 1 : 0; continue }
                        sum += TailShape.upperTail(shape.normal((climate.coolingDesignDryBulbC - mean) / spread))
                    }
                }
                return sum
            }
            let target = 0.004 * 8760
            guard climate.monthlyStdDevDailyMaxDryBulbK != nil else {
                return (SyntheticWeather.bisect(scales, tolerance: 0.001, target: target) { expectedHoursAbove($0, TailShape(0)) }, 0)
            }
            // A more bounded hot side (larger λ) puts fewer hours above the figure: bisect on −λ.
            let λ = -SyntheticWeather.bisect(-shapes.upperBound ... -shapes.lowerBound, tolerance: 0.001, target: target) {
                expectedHoursAbove(1, TailShape(-$0))
            }
            return (1, λ)
        }
    }
}

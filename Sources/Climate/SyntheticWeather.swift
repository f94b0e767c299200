import Foundation
import PlantModel

/// Hourly weather synthesized from a site's published climate figures, for sites with no EPW file.
///
/// Each day's maximum and minimum dry-bulb follow the monthly normals (interpolated linearly between
/// mid-month points) plus a day-to-day anomaly; hours follow the ASHRAE diurnal profile between them. The
/// dew point follows the monthly mean plus its own daily anomaly, never above the dry-bulb; wet-bulb
/// comes from the psychrometer relation at the standard pressure of the site's elevation.
///
/// The anomalies are first-order autoregressive standard normals (lag-one correlation
/// ``dailyPersistence``), scaled by two spreads fitted to the site's design conditions once, on
/// ``calibrationYears`` years of a fixed calibration stream: the dry-bulb spread so the 0.4 % hottest
/// hour equals the 0.4 % cooling design dry-bulb, then the dew-point spread so the mean annual highest
/// wet-bulb equals the extreme wet-bulb. Years drawn with ``year(seed:)`` then differ only by seed.
public struct SyntheticWeather: Sendable {
    /// ASHRAE Handbook—Fundamentals 2017, ch. 14, Table 6: fraction of the daily range below the daily
    /// maximum, hours 1–24.
    public static let diurnalFraction: [Double] = [
        0.82, 0.88, 0.92, 0.95, 0.98, 1.00, 0.98, 0.91, 0.74, 0.55, 0.38, 0.23,
        0.13, 0.05, 0.00, 0.00, 0.06, 0.14, 0.24, 0.39, 0.50, 0.59, 0.68, 0.75,
    ]
    /// Lag-one correlation of daily anomalies. Estimate: synoptic weather persists a few days; no
    /// figure in the project's references.
    public static let dailyPersistence = 0.7
    /// Years pooled when fitting the spreads.
    public static let calibrationYears = 10
    static let calibrationSeed: UInt64 = 0x5EED_CA1B
    static let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    public let climate: PlantModel.Climate
    public let pressurePa: Double
    /// Standard deviation of the daily dry-bulb anomaly, K (fitted).
    public let dryBulbSpreadK: Double
    /// Standard deviation of the daily dew-point anomaly, K (fitted).
    public let dewPointSpreadK: Double
    /// Correlation of the daily dew-point anomaly with the dry-bulb anomaly (fitted).
    public let dewPointCorrelation: Double

    private let dailyMax: [Double], dailyMin: [Double], dailyDewPoint: [Double]

    /// Fits the spreads to `climate` (twelve monthly values each) at a site `elevationM` above sea level.
    public init(climate: PlantModel.Climate, elevationM: Double) {
        precondition(climate.monthlyMeanDailyMaxDryBulbC.count == 12 && climate.monthlyMeanDailyMinDryBulbC.count == 12
            && climate.monthlyMeanDewPointC.count == 12, "validated sites carry twelve monthly values")
        self.climate = climate
        pressurePa = Psychrometrics.standardPressurePa(elevationM: elevationM)
        dailyMax = Self.daily(climate.monthlyMeanDailyMaxDryBulbC)
        dailyMin = Self.daily(climate.monthlyMeanDailyMinDryBulbC)
        dailyDewPoint = Self.daily(climate.monthlyMeanDewPointC)

        let anomalies = (0..<Self.calibrationYears).map { year in
            var g = SeededGenerator(seed: Self.calibrationSeed, stream: UInt64(year))
            return (Self.anomalies(&g), Self.anomalies(&g))
        }
        let (dailyMax, dailyMin, dailyDewPoint) = (self.dailyMax, self.dailyMin, self.dailyDewPoint)
        let rank = Int((0.004 * Double(365 * 24 * Self.calibrationYears)).rounded(.up))
        let dryBulbSpread = Self.bisect(target: climate.coolingDesignDryBulbC) { spread in
            var hours: [Double] = []
            hours.reserveCapacity(365 * 24 * anomalies.count)
            for (t, _) in anomalies {
                for d in 0..<365 {
                    let high = dailyMax[d] + spread * t[d], range = max(0, dailyMax[d] - dailyMin[d])
                    for f in Self.diurnalFraction { hours.append(high - f * range) }
                }
            }
            hours.sort(by: >)
            return hours[rank - 1]
        }
        // The dew-point anomaly is ρ·(dry-bulb anomaly) + √(1 − ρ²)·(its own): ρ is fitted so the mean wet-bulb of
        // the 0.4 % hottest hours equals the coincident design wet-bulb, the spread (for each ρ) so the mean
        // annual highest wet-bulb equals the extreme wet-bulb.
        let pressure = pressurePa
        func dewAnomalies(_ correlation: Double) -> [(t: [Double], w: [Double])] {
            let own = (1 - correlation * correlation).squareRoot()
            return anomalies.map { t, v in (t, zip(t, v).map { correlation * $0 + own * $1 }) }
        }
        func dewSpread(_ years: [(t: [Double], w: [Double])]) -> Double {
            Self.bisect(target: climate.extremeWetBulbC) { spread in
                // With the dew point fixed over a day, its highest wet-bulb is at the daily maximum dry-bulb.
                var sum = 0.0
                for (t, w) in years {
                    var highest = -Double.infinity
                    for d in 0..<365 {
                        let high = dailyMax[d] + dryBulbSpread * t[d]
                        let dew = min(dailyDewPoint[d] + spread * w[d], high)
                        highest = max(highest, Psychrometrics.wetBulbC(dryBulbC: high, dewPointC: dew, pressurePa: pressure))
                    }
                    sum += highest
                }
                return sum / Double(years.count)
            }
        }
        func coincidentWetBulb(_ years: [(t: [Double], w: [Double])], _ spread: Double) -> Double {
            var hot: [(dryBulb: Double, dew: Double)] = []
            for (t, w) in years {
                for d in 0..<365 {
                    let high = dailyMax[d] + dryBulbSpread * t[d], range = max(0, dailyMax[d] - dailyMin[d])
                    let dew = dailyDewPoint[d] + spread * w[d]
                    for f in Self.diurnalFraction { hot.append((high - f * range, dew)) }
                }
            }
            hot.sort { $0.dryBulb > $1.dryBulb }
            let top = hot.prefix(rank)
            return top.reduce(0) { sum, h in
                sum + Psychrometrics.wetBulbC(dryBulbC: h.dryBulb, dewPointC: min(h.dew, h.dryBulb), pressurePa: pressure)
            } / Double(top.count)
        }
        var low = -0.9, high = 0.9
        var fitted = (correlation: 0.0, spread: 0.0)  // set by the first of the eight steps
        for _ in 0..<8 {
            let mid = (low + high) / 2, years = dewAnomalies(mid), spread = dewSpread(years)
            fitted = (mid, spread)
            if coincidentWetBulb(years, spread) < climate.coolingDesignCoincidentWetBulbC { low = mid } else { high = mid }
        }
        dewPointCorrelation = fitted.correlation
        dewPointSpreadK = fitted.spread
        dryBulbSpreadK = dryBulbSpread
    }

    /// One synthetic year (365 days, 8,760 hours) drawn with `seed`.
    public func year(seed: UInt64) -> WeatherYear {
        var g = SeededGenerator(seed: seed)
        let t = Self.anomalies(&g), own = (1 - dewPointCorrelation * dewPointCorrelation).squareRoot()
        let w = zip(t, Self.anomalies(&g)).map { dewPointCorrelation * $0 + own * $1 }
        var hours: [WeatherYear.Hour] = []
        hours.reserveCapacity(8760)
        var d = 0
        for (m, days) in Self.monthDays.enumerated() {
            for day in 1...days {
                let high = dailyMax[d] + dryBulbSpreadK * t[d], range = max(0, dailyMax[d] - dailyMin[d])
                let dew = dailyDewPoint[d] + dewPointSpreadK * w[d]
                for (h, f) in Self.diurnalFraction.enumerated() {
                    let dryBulb = high - f * range
                    let wetBulb = Psychrometrics.wetBulbC(dryBulbC: dryBulb, dewPointC: min(dew, dryBulb), pressurePa: pressurePa)
                    hours.append(WeatherYear.Hour(month: m + 1, day: day, hour: h + 1, dryBulbC: dryBulb, wetBulbC: wetBulb))
                }
                d += 1
            }
        }
        return WeatherYear(source: "synthetic from the site's climate figures, seed \(seed)", hours: hours)
    }

    /// A year of daily AR(1) standard-normal anomalies.
    static func anomalies(_ g: inout SeededGenerator) -> [Double] {
        let phi = dailyPersistence, innovation = (1 - phi * phi).squareRoot()
        var z = g.normal()
        return (0..<365).map { _ in
            defer { z = phi * z + innovation * g.normal() }
            return z
        }
    }

    /// Monthly values taken at mid-month, interpolated linearly to each of 365 days (December wraps to January).
    static func daily(_ monthly: [Double]) -> [Double] {
        var starts: [Double] = [], start = 0.0
        for days in monthDays { starts.append(start); start += Double(days) }
        let mids = zip(starts, monthDays).map { $0 + Double($1) / 2 }
        return (0..<365).map { day in
            let x = Double(day) + 0.5
            let next = mids.firstIndex { $0 > x } ?? 12
            let (m0, m1) = ((next + 11) % 12, next % 12)
            let x0 = next == 0 ? mids[11] - 365 : mids[m0]
            let x1 = next == 12 ? mids[0] + 365 : mids[m1]
            return monthly[m0] + (monthly[m1] - monthly[m0]) * (x - x0) / (x1 - x0)
        }
    }

    /// The spread in [0, 15] K at which the increasing statistic reaches `target` (0.01 K).
    static func bisect(target: Double, _ statistic: (Double) -> Double) -> Double {
        var low = 0.0, high = 15.0
        if statistic(low) >= target { return low }
        if statistic(high) <= target { return high }
        while high - low > 0.01 {
            let mid = (low + high) / 2
            if statistic(mid) < target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

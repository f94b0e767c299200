import Foundation
import PlantModel

/// Hourly weather synthesized from a site's published climate figures, for sites with no EPW file.
///
/// Each day's maximum and minimum dry-bulb follow the monthly normals plus a day-to-day anomaly; hours
/// follow the ASHRAE diurnal profile between them. The dew point follows its monthly mean plus its own
/// daily anomaly, never above the dry-bulb; wet-bulb comes from the psychrometer relation at the
/// standard pressure of the site's elevation. Monthly figures become daily ones by mean-preserving
/// interpolation (``daily(_:)``), so each month of a synthetic year keeps its published mean.
///
/// The anomalies are first-order autoregressive standard normals (lag-one correlation
/// ``dailyPersistence``) times each day's spread: the site's monthly standard deviations of the daily
/// maximum, minimum and dew point where it gives them (so a hot day also has a wider range where the
/// maximum varies more than the minimum), else 1 K. Three numbers are fitted to the site's design
/// conditions once, on ``calibrationYears`` years of a fixed calibration stream: the dry-bulb scale so
/// the 0.4 % hottest hour equals the 0.4 % cooling design dry-bulb; the dew-point scale so the mean
/// annual highest wet-bulb equals the extreme wet-bulb; and the correlation of the dew-point anomaly with
/// the dry-bulb one so the hottest 0.4 % of hours have the coincident design wet-bulb. Years drawn with
/// ``year(seed:)`` then differ only by seed.
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
    /// Multiplies each day's dry-bulb spread (the monthly standard deviations, or 1 K) (fitted).
    public let dryBulbSpreadScale: Double
    /// Multiplies each day's dew-point spread (fitted).
    public let dewPointSpreadScale: Double
    /// Correlation of the daily dew-point anomaly with the dry-bulb anomaly (fitted).
    public let dewPointCorrelation: Double

    /// Per day of the year: normals and spreads (standard deviations before scaling), °C and K.
    private let normals: Days

    struct Days: Sendable {
        var max: [Double], min: [Double], dewPoint: [Double]
        var maxSpread: [Double], minSpread: [Double], dewPointSpread: [Double]

        /// The day's maximum and minimum dry-bulb for dry-bulb anomaly `t` at `scale`.
        func dryBulb(_ d: Int, _ t: Double, _ scale: Double) -> (high: Double, low: Double) {
            let high = max[d] + scale * maxSpread[d] * t
            return (high, Swift.min(high, min[d] + scale * minSpread[d] * t))
        }

        /// The day's dew point for dew-point anomaly `w` at `scale`.
        func dew(_ d: Int, _ w: Double, _ scale: Double) -> Double { dewPoint[d] + scale * dewPointSpread[d] * w }
    }

    /// Fits the scales and the correlation to `climate` (twelve monthly values each) at a site `elevationM` above sea level.
    public init(climate: PlantModel.Climate, elevationM: Double) {
        precondition(climate.monthlyMeanDailyMaxDryBulbC.count == 12 && climate.monthlyMeanDailyMinDryBulbC.count == 12
            && climate.monthlyMeanDewPointC.count == 12, "validated sites carry twelve monthly values")
        self.climate = climate
        pressurePa = Psychrometrics.standardPressurePa(elevationM: elevationM)
        let unit = Array(repeating: 1.0, count: 365)
        func spread(_ monthly: [Double]?) -> [Double] { monthly.map { Self.daily($0).map { Swift.max(0, $0) } } ?? unit }
        let days = Days(max: Self.daily(climate.monthlyMeanDailyMaxDryBulbC), min: Self.daily(climate.monthlyMeanDailyMinDryBulbC),
                        dewPoint: Self.daily(climate.monthlyMeanDewPointC),
                        maxSpread: spread(climate.monthlyStdDevDailyMaxDryBulbK), minSpread: spread(climate.monthlyStdDevDailyMinDryBulbK),
                        dewPointSpread: spread(climate.monthlyStdDevDailyMeanDewPointK))
        normals = days

        let anomalies = (0..<Self.calibrationYears).map { year in
            var g = SeededGenerator(seed: Self.calibrationSeed, stream: UInt64(year))
            return (Self.anomalies(&g), Self.anomalies(&g))
        }
        let rank = Int((0.004 * Double(365 * 24 * Self.calibrationYears)).rounded(.up))
        let dryBulbScale = Self.bisect(target: climate.coolingDesignDryBulbC) { scale in
            var hours: [Double] = []
            hours.reserveCapacity(365 * 24 * anomalies.count)
            for (t, _) in anomalies {
                for d in 0..<365 {
                    let (high, low) = days.dryBulb(d, t[d], scale)
                    for f in Self.diurnalFraction { hours.append(high - f * (high - low)) }
                }
            }
            hours.sort(by: >)
            return hours[rank - 1]
        }
        // The dew-point anomaly is ρ·(dry-bulb anomaly) + √(1 − ρ²)·(its own): ρ is fitted so the mean wet-bulb of
        // the 0.4 % hottest hours equals the coincident design wet-bulb, the scale (for each ρ) so the mean
        // annual highest wet-bulb equals the extreme wet-bulb.
        let pressure = pressurePa
        func dewAnomalies(_ correlation: Double) -> [(t: [Double], w: [Double])] {
            let own = (1 - correlation * correlation).squareRoot()
            return anomalies.map { t, v in (t, zip(t, v).map { correlation * $0 + own * $1 }) }
        }
        func dewScale(_ years: [(t: [Double], w: [Double])]) -> Double {
            Self.bisect(target: climate.extremeWetBulbC) { scale in
                // With the dew point fixed over a day, its highest wet-bulb is at the daily maximum dry-bulb.
                var sum = 0.0
                for (t, w) in years {
                    var highest = -Double.infinity
                    for d in 0..<365 {
                        let high = days.dryBulb(d, t[d], dryBulbScale).high
                        let dew = min(days.dew(d, w[d], scale), high)
                        highest = max(highest, Psychrometrics.wetBulbC(dryBulbC: high, dewPointC: dew, pressurePa: pressure))
                    }
                    sum += highest
                }
                return sum / Double(years.count)
            }
        }
        func coincidentWetBulb(_ years: [(t: [Double], w: [Double])], _ scale: Double) -> Double {
            var hot: [(dryBulb: Double, dew: Double)] = []
            for (t, w) in years {
                for d in 0..<365 {
                    let (high, low) = days.dryBulb(d, t[d], dryBulbScale), dew = days.dew(d, w[d], scale)
                    for f in Self.diurnalFraction { hot.append((high - f * (high - low), dew)) }
                }
            }
            hot.sort { $0.dryBulb > $1.dryBulb }
            let top = hot.prefix(rank)
            return top.reduce(0) { sum, h in
                sum + Psychrometrics.wetBulbC(dryBulbC: h.dryBulb, dewPointC: min(h.dew, h.dryBulb), pressurePa: pressure)
            } / Double(top.count)
        }
        var low = -0.9, high = 0.9
        var fitted = (correlation: 0.0, scale: 0.0)  // set by the first of the eight steps
        for _ in 0..<8 {
            let mid = (low + high) / 2, years = dewAnomalies(mid), scale = dewScale(years)
            fitted = (mid, scale)
            if coincidentWetBulb(years, scale) < climate.coolingDesignCoincidentWetBulbC { low = mid } else { high = mid }
        }
        dewPointCorrelation = fitted.correlation
        dewPointSpreadScale = fitted.scale
        dryBulbSpreadScale = dryBulbScale
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
                let (high, low) = normals.dryBulb(d, t[d], dryBulbSpreadScale), dew = normals.dew(d, w[d], dewPointSpreadScale)
                for (h, f) in Self.diurnalFraction.enumerated() {
                    let dryBulb = high - f * (high - low)
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

    /// Monthly means → one value per day of a 365-day year, mean-preserving: linear between mid-month nodes
    /// (December wraps to January) whose values are solved so each month's mean over its days equals the
    /// monthly value. Plain interpolation through the monthly values would flatten July's peak and
    /// January's trough by up to a kelvin. The solve iterates nodes += (target − achieved mean); its error
    /// at least halves each step (a month's mean weighs its own node ≈ ¾), so 60 steps reach rounding.
    static func daily(_ monthly: [Double]) -> [Double] {
        var nodes = monthly
        for _ in 0..<60 {
            let means = monthMeans(linear(nodes))
            for m in 0..<12 { nodes[m] += monthly[m] - means[m] }
        }
        return linear(nodes)
    }

    /// The mean of each month's days.
    static func monthMeans(_ days: [Double]) -> [Double] {
        var start = 0
        return monthDays.map { n in
            defer { start += n }
            return days[start..<start + n].reduce(0, +) / Double(n)
        }
    }

    /// Values at mid-month, interpolated linearly to each of 365 days (December wraps to January).
    static func linear(_ nodes: [Double]) -> [Double] {
        var starts: [Double] = [], start = 0.0
        for days in monthDays { starts.append(start); start += Double(days) }
        let mids = zip(starts, monthDays).map { $0 + Double($1) / 2 }
        return (0..<365).map { day in
            let x = Double(day) + 0.5
            let next = mids.firstIndex { $0 > x } ?? 12
            let (m0, m1) = ((next + 11) % 12, next % 12)
            let x0 = next == 0 ? mids[11] - 365 : mids[m0]
            let x1 = next == 12 ? mids[0] + 365 : mids[m1]
            return nodes[m0] + (nodes[m1] - nodes[m0]) * (x - x0) / (x1 - x0)
        }
    }

    /// The scale in [0, 15] at which the increasing statistic reaches `target` (to 0.01).
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

import Foundation
import PlantModel

/// Hourly weather synthesized from a site's published climate figures, for sites with no EPW file.
///
/// Each day's maximum and minimum dry-bulb follow the monthly normals plus a day-to-day anomaly; hours
/// follow the ASHRAE diurnal profile between them. The dew point follows its monthly mean plus its own
/// daily anomaly, never above the dry-bulb; the wet-bulb is the thermodynamic one (ASHRAE Fundamentals
/// ch. 1, ``Psychrometrics/wetBulbC(dryBulbC:dewPointC:pressurePa:)``) at the standard pressure of the
/// site's elevation. Monthly figures become daily ones by mean-preserving interpolation (``daily(_:)``),
/// so each month of a synthetic year keeps its published mean.
///
/// The anomalies start as first-order autoregressive standard normals (lag-one correlation
/// ``dailyPersistence``); each day's spread is the site's monthly standard deviation of the daily
/// maximum, minimum and dew point where it gives them (so a hot day also has a wider range where the
/// maximum varies more than the minimum), else 1 K. The dew-point normal is ρ·(dry-bulb normal) +
/// √(1 − ρ²)·(its own). Both pass through a ``TailShape`` before they scale the spreads: summer maxima
/// and dew points crowd below a cap, which a normal tail misses. Fitted to the site's design conditions
/// (``Calibration``): the dry-bulb tail shape (with measured spreads; else its scale), so the hours above
/// the 0.4 % cooling dry-bulb make 0.4 % of the year; the dew-point scale and tail shape, so the hours
/// above the 0.4 % and 2 % evaporation wet-bulbs make 0.4 % and 2 %; and ρ, so the hottest 0.4 % of
/// hours have the coincident design wet-bulb. Years drawn with ``year(seed:)`` then differ only by seed.
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
    static let monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    public let climate: PlantModel.Climate
    public let pressurePa: Double
    /// Multiplies each day's dry-bulb spread (the monthly standard deviations, or 1 K) (fitted).
    public let dryBulbSpreadScale: Double
    /// Tail shape λ of the dry-bulb anomaly (``TailShape``, fitted): above 0 its hot side is bounded.
    public let dryBulbTailShape: Double
    /// Multiplies each day's dew-point spread (fitted).
    public let dewPointSpreadScale: Double
    /// Tail shape λ of the dew-point anomaly (``TailShape``, fitted): above 0 its humid side is bounded.
    public let dewPointTailShape: Double
    /// Correlation of the dew-point anomaly's normal with the dry-bulb one (fitted).
    public let dewPointCorrelation: Double

    /// Per day of the year: normals and spreads (standard deviations before scaling), °C and K.
    private let normals: Days

    struct Days: Sendable {
        var max: [Double], min: [Double], dewPoint: [Double]
        var maxSpread: [Double], minSpread: [Double], dewPointSpread: [Double]

        /// The day's maximum and minimum dry-bulb for the dry-bulb normal `t` at `scale` and `shape`.
        func dryBulb(_ d: Int, _ t: Double, _ scale: Double, _ shape: TailShape) -> (high: Double, low: Double) {
            let y = scale * shape(t)
            let high = max[d] + maxSpread[d] * y
            return (high, Swift.min(high, min[d] + minSpread[d] * y))
        }

        /// The day's dew point for the dew-point normal `w` at `scale` and `shape`.
        func dew(_ d: Int, _ w: Double, _ scale: Double, _ shape: TailShape) -> Double {
            dewPoint[d] + scale * dewPointSpread[d] * shape(w)
        }
    }

    /// Fits the scales, the tail shapes and the correlation to `climate` (twelve monthly values each) at a
    /// site `elevationM` above sea level.
    public init(climate: PlantModel.Climate, elevationM: Double) {
        precondition(climate.monthlyMeanDailyMaxDryBulbC.count == 12 && climate.monthlyMeanDailyMinDryBulbC.count == 12
            && climate.monthlyMeanDewPointC.count == 12, "validated sites carry twelve monthly values")
        self.climate = climate
        pressurePa = Psychrometrics.standardPressurePa(elevationM: elevationM)
        let unit = Array(repeating: 1.0, count: 365)
        func spread(_ monthly: [Double]?) -> [Double] { monthly.map { Self.daily($0).map { Swift.max(0, $0) } } ?? unit }
        normals = Days(max: Self.daily(climate.monthlyMeanDailyMaxDryBulbC), min: Self.daily(climate.monthlyMeanDailyMinDryBulbC),
                       dewPoint: Self.daily(climate.monthlyMeanDewPointC),
                       maxSpread: spread(climate.monthlyStdDevDailyMaxDryBulbK), minSpread: spread(climate.monthlyStdDevDailyMinDryBulbK),
                       dewPointSpread: spread(climate.monthlyStdDevDailyMeanDewPointK))
        let fit = Calibration(days: normals, climate: climate, pressurePa: pressurePa)
        dryBulbSpreadScale = fit.dryBulbScale
        dryBulbTailShape = fit.dryBulbShape
        dewPointSpreadScale = fit.dewPointScale
        dewPointTailShape = fit.dewPointShape
        dewPointCorrelation = fit.correlation
    }

    /// One synthetic year (365 days, 8,760 hours) drawn with `seed`.
    public func year(seed: UInt64) -> WeatherYear {
        var g = SeededGenerator(seed: seed)
        let t = Self.anomalies(&g), own = (1 - dewPointCorrelation * dewPointCorrelation).squareRoot()
        let w = zip(t, Self.anomalies(&g)).map { dewPointCorrelation * $0 + own * $1 }
        let dryBulbShape = TailShape(dryBulbTailShape), dewPointShape = TailShape(dewPointTailShape)
        var hours: [WeatherYear.Hour] = []
        hours.reserveCapacity(8760)
        var d = 0
        for (m, days) in Self.monthDays.enumerated() {
            for day in 1...days {
                let (drawnHigh, low) = normals.dryBulb(d, t[d], dryBulbSpreadScale, dryBulbShape)
                // A heavy hot tail (λ < 0, where a site's summer maxima are skewed up) runs without bound: Stockholm
                // drew 46.3 °C against its 33.3 °C 20-year extreme. No day's maximum goes above that extreme.
                let high = max(low, min(drawnHigh, climate.extremeDryBulb20YearC))
                let dew = normals.dew(d, w[d], dewPointSpreadScale, dewPointShape)
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

    /// The value in `range` at which the increasing `statistic` reaches `target`, to `tolerance`; an end
    /// of the range where the target lies beyond it.
    static func bisect(_ range: ClosedRange<Double>, tolerance: Double, target: Double, _ statistic: (Double) -> Double) -> Double {
        var low = range.lowerBound, high = range.upperBound
        if statistic(low) >= target { return low }
        if statistic(high) <= target { return high }
        while high - low > tolerance {
            let mid = (low + high) / 2
            if statistic(mid) < target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

import PlantModel

/// The climate block of a site file, derived from an EPW year, so users can make their own sites.
///
/// Monthly figures: mean over each month of the daily maximum and minimum dry-bulb (field 7), and the
/// mean of the hourly dew point (field 8); the standard deviation over each month's days of the daily
/// maximum and minimum dry-bulb and of the daily mean dew point. Design figures: the ASHRAE values
/// printed in the file's `DESIGN CONDITIONS` header; where the header has none (or `designFrom` is
/// `.hours`), the 35th-, 88th- and 175th-hottest hours' dry-bulbs (0.4, 1 and 2 % of 8,760 h, rounded to
/// the nearest hour) with the mean wet-bulb of those hottest hours, the 35th-, 88th- and 175th-highest
/// hourly wet-bulbs with the mean dry-bulb of those hours, and the year's highest wet-bulb and dry-bulb
/// (the latter for the 20-year maximum, which one year understates), marked as estimates (one year,
/// not ASHRAE's multi-year statistics). Figures are rounded to 0.1 °C (0.1 K).
public struct ClimateSummary: Sendable {
    /// Where the design figures come from.
    public enum DesignSource: Sendable {
        /// The file's ASHRAE `DESIGN CONDITIONS` header, or its hours where it has none.
        case headerWhereGiven
        /// The file's own hours, even where it has a header (the figures of this year alone).
        case hours
    }

    /// The design figures, in file order.
    static let designKeys = ["coolingDesignDryBulbC", "coolingDesignCoincidentWetBulbC", "evaporationDesignWetBulbC",
                             "evaporationDesignWetBulb2PercentC", "extremeWetBulbC",
                             "coolingDesignDryBulb1PercentC", "coolingDesignCoincidentWetBulb1PercentC",
                             "coolingDesignDryBulb2PercentC", "coolingDesignCoincidentWetBulb2PercentC",
                             "evaporationDesignCoincidentDryBulbC", "evaporationDesignWetBulb1PercentC",
                             "evaporationDesignCoincidentDryBulb1PercentC", "evaporationDesignCoincidentDryBulb2PercentC",
                             "extremeDryBulb20YearC"]

    public var climate: Climate
    /// Whether the design figures come from the file's ASHRAE header (else derived from its hours).
    public var designFromHeader: Bool

    public init(_ epw: EPWFile, sourceID: String, designFrom: DesignSource = .headerWhereGiven) {
        var dailyMax: [[Double]] = Array(repeating: [], count: 12)
        var dailyMin: [[Double]] = Array(repeating: [], count: 12)
        var dailyDewPoint: [[Double]] = Array(repeating: [], count: 12)
        var hoursInDay: [[Int]] = Array(repeating: [], count: 12)
        var day: (month: Int, day: Int)?
        for h in epw.hours {
            let m = h.month - 1
            if day.map({ $0 != (h.month, h.day) }) ?? true {
                day = (h.month, h.day)
                dailyMax[m].append(h.dryBulbC)
                dailyMin[m].append(h.dryBulbC)
                dailyDewPoint[m].append(0)
                hoursInDay[m].append(0)
            } else {
                dailyMax[m][dailyMax[m].count - 1] = max(dailyMax[m].last!, h.dryBulbC)
                dailyMin[m][dailyMin[m].count - 1] = min(dailyMin[m].last!, h.dryBulbC)
            }
            dailyDewPoint[m][dailyDewPoint[m].count - 1] += h.dewPointC
            hoursInDay[m][hoursInDay[m].count - 1] += 1
        }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
        /// Population standard deviation (over the record's days, not an estimate of a wider population).
        func standardDeviation(_ values: [Double]) -> Double {
            let m = mean(values)
            return mean(values.map { ($0 - m) * ($0 - m) }).squareRoot()
        }
        func r(_ x: Double) -> Double { (x * 10).rounded() / 10 }
        let dayMeanDewPoint = (0..<12).map { m in zip(dailyDewPoint[m], hoursInDay[m]).map { $0 / Double($1) } }
        let monthMeanDewPoint = (0..<12).map { m in dailyDewPoint[m].reduce(0, +) / Double(hoursInDay[m].reduce(0, +)) }

        let design: EPWFile.DesignConditions
        if designFrom == .headerWhereGiven, let header = epw.designConditions {
            design = header
            designFromHeader = true
        } else {
            let hottest = epw.hours.sorted { $0.dryBulbC > $1.dryBulbC }
            let wettest = epw.hours.sorted { $0.wetBulbC > $1.wetBulbC }
            /// The `n`-th hottest hour's dry-bulb and the mean wet-bulb of the `n` hottest (a coincident figure).
            func dryPair(_ n: Int) -> (Double, Double) { (hottest[n - 1].dryBulbC, mean(hottest.prefix(n).map(\.wetBulbC))) }
            /// The `n`-th highest wet-bulb and the mean dry-bulb of those `n` hours.
            func wetPair(_ n: Int) -> (Double, Double) { (wettest[n - 1].wetBulbC, mean(wettest.prefix(n).map(\.dryBulbC))) }
            let (db04, mcwb04) = dryPair(35), (db1, mcwb1) = dryPair(88), (db2, mcwb2) = dryPair(175)
            let (wb04, mcdb04) = wetPair(35), (wb1, mcdb1) = wetPair(88), (wb2, mcdb2) = wetPair(175)
            design = EPWFile.DesignConditions(
                coolingDryBulbC: db04, coolingCoincidentWetBulbC: mcwb04, evaporationWetBulbC: wb04,
                evaporationWetBulb2PercentC: wb2, extremeWetBulbC: wettest[0].wetBulbC,
                coolingDryBulb1PercentC: db1, coolingCoincidentWetBulb1PercentC: mcwb1,
                coolingDryBulb2PercentC: db2, coolingCoincidentWetBulb2PercentC: mcwb2,
                evaporationCoincidentDryBulbC: mcdb04, evaporationWetBulb1PercentC: wb1,
                evaporationCoincidentDryBulb1PercentC: mcdb1, evaporationCoincidentDryBulb2PercentC: mcdb2,
                extremeDryBulb20YearC: hottest[0].dryBulbC)
            designFromHeader = false
        }
        let monthly = FigureSource(sources: [sourceID], evidence: .measured,
                                   note: "derived from the EPW hours: mean over the month of each day's maximum (minimum) field-7 dry-bulb; mean of field-8 dew point")
        let spread = FigureSource(sources: [sourceID], evidence: .measured,
                                  note: "derived from the EPW hours: population standard deviation over the month's days of each day's maximum (minimum) field-7 dry-bulb and of each day's mean field-8 dew point")
        var figures = [
            "monthlyMeanDailyMaxDryBulbC": monthly, "monthlyMeanDailyMinDryBulbC": monthly, "monthlyMeanDewPointC": monthly,
            "monthlyStdDevDailyMaxDryBulbK": spread, "monthlyStdDevDailyMinDryBulbK": spread, "monthlyStdDevDailyMeanDewPointK": spread,
        ]
        if designFromHeader {
            let header = FigureSource(sources: [sourceID], evidence: .measured,
                                      note: "ASHRAE design conditions as printed in the EPW DESIGN CONDITIONS header")
            for key in Self.designKeys { figures[key] = header }
        } else {
            let why = epw.designConditions == nil ? "this EPW has no DESIGN CONDITIONS; " : "derived from this year's hours, not the header; "
            let derived = FigureSource(sources: [sourceID], evidence: .estimate,
                                       note: why + "0.4 % dry-bulb taken as the 35th-hottest of the year's 8,760 hours and its coincident wet-bulb as the mean over those 35 hours (one typical year, not ASHRAE's multi-year statistics)")
            figures["coolingDesignDryBulbC"] = derived
            figures["coolingDesignCoincidentWetBulbC"] = derived
            let evaporation = FigureSource(sources: [sourceID], evidence: .estimate,
                                           note: why + "0.4 % and 2 % evaporation wet-bulbs taken as the 35th- and 175th-highest of the year's 8,760 hourly wet-bulbs (one typical year)")
            figures["evaporationDesignWetBulbC"] = evaporation
            figures["evaporationDesignWetBulb2PercentC"] = evaporation
            figures["extremeWetBulbC"] = FigureSource(sources: [sourceID], evidence: .estimate,
                                                      note: why + "the year's highest hourly wet-bulb (psychrometric, station pressure) used")
            let coolingPairs = FigureSource(sources: [sourceID], evidence: .estimate,
                                            note: why + "1 % and 2 % dry-bulbs taken as the 88th- and 175th-hottest of the year's 8,760 hours and each coincident wet-bulb as the mean over those hours (one typical year)")
            for key in ["coolingDesignDryBulb1PercentC", "coolingDesignCoincidentWetBulb1PercentC",
                        "coolingDesignDryBulb2PercentC", "coolingDesignCoincidentWetBulb2PercentC"] { figures[key] = coolingPairs }
            let evaporationPairs = FigureSource(sources: [sourceID], evidence: .estimate,
                                                note: why + "1 % wet-bulb taken as the 88th-highest hourly wet-bulb; each coincident dry-bulb as the mean over the 35, 88 or 175 hours of highest wet-bulb (one typical year)")
            for key in ["evaporationDesignCoincidentDryBulbC", "evaporationDesignWetBulb1PercentC",
                        "evaporationDesignCoincidentDryBulb1PercentC", "evaporationDesignCoincidentDryBulb2PercentC"] {
                figures[key] = evaporationPairs
            }
            figures["extremeDryBulb20YearC"] = FigureSource(sources: [sourceID], evidence: .estimate,
                                                            note: why + "the year's highest hourly dry-bulb used; one year understates a 20-year return value")
        }
        climate = Climate(
            epw: nil,
            monthlyMeanDailyMaxDryBulbC: dailyMax.map { r(mean($0)) },
            monthlyMeanDailyMinDryBulbC: dailyMin.map { r(mean($0)) },
            monthlyMeanDewPointC: monthMeanDewPoint.map(r),
            coolingDesignDryBulbC: r(design.coolingDryBulbC),
            coolingDesignCoincidentWetBulbC: r(design.coolingCoincidentWetBulbC),
            evaporationDesignWetBulbC: r(design.evaporationWetBulbC),
            evaporationDesignWetBulb2PercentC: r(design.evaporationWetBulb2PercentC),
            extremeWetBulbC: r(design.extremeWetBulbC),
            coolingDesignDryBulb1PercentC: r(design.coolingDryBulb1PercentC),
            coolingDesignCoincidentWetBulb1PercentC: r(design.coolingCoincidentWetBulb1PercentC),
            coolingDesignDryBulb2PercentC: r(design.coolingDryBulb2PercentC),
            coolingDesignCoincidentWetBulb2PercentC: r(design.coolingCoincidentWetBulb2PercentC),
            evaporationDesignCoincidentDryBulbC: r(design.evaporationCoincidentDryBulbC),
            evaporationDesignWetBulb1PercentC: r(design.evaporationWetBulb1PercentC),
            evaporationDesignCoincidentDryBulb1PercentC: r(design.evaporationCoincidentDryBulb1PercentC),
            evaporationDesignCoincidentDryBulb2PercentC: r(design.evaporationCoincidentDryBulb2PercentC),
            extremeDryBulb20YearC: r(design.extremeDryBulb20YearC),
            monthlyStdDevDailyMaxDryBulbK: dailyMax.map { r(standardDeviation($0)) },
            monthlyStdDevDailyMinDryBulbK: dailyMin.map { r(standardDeviation($0)) },
            monthlyStdDevDailyMeanDewPointK: dayMeanDewPoint.map { r(standardDeviation($0)) },
            figures: figures)
    }
}

extension ClimateSummary {
    /// The block as it goes into a site file (`climate:` and its figures), in the shipped sites' layout.
    public var yaml: String {
        func list(_ values: [Double]) -> String { "[" + values.map { String(format: "%.1f", $0) }.joined(separator: ", ") + "]" }
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "'") + "\"" }
        let c = climate
        var out = "climate:\n"
        out += "  monthlyMeanDailyMaxDryBulbC: \(list(c.monthlyMeanDailyMaxDryBulbC))\n"
        out += "  monthlyMeanDailyMinDryBulbC: \(list(c.monthlyMeanDailyMinDryBulbC))\n"
        out += "  monthlyMeanDewPointC: \(list(c.monthlyMeanDewPointC))\n"
        out += "  coolingDesignDryBulbC: \(String(format: "%.1f", c.coolingDesignDryBulbC))\n"
        out += "  coolingDesignCoincidentWetBulbC: \(String(format: "%.1f", c.coolingDesignCoincidentWetBulbC))\n"
        out += "  evaporationDesignWetBulbC: \(String(format: "%.1f", c.evaporationDesignWetBulbC))\n"
        out += "  evaporationDesignWetBulb2PercentC: \(String(format: "%.1f", c.evaporationDesignWetBulb2PercentC))\n"
        out += "  extremeWetBulbC: \(String(format: "%.1f", c.extremeWetBulbC))\n"
        for (key, value) in [("coolingDesignDryBulb1PercentC", c.coolingDesignDryBulb1PercentC),
                             ("coolingDesignCoincidentWetBulb1PercentC", c.coolingDesignCoincidentWetBulb1PercentC),
                             ("coolingDesignDryBulb2PercentC", c.coolingDesignDryBulb2PercentC),
                             ("coolingDesignCoincidentWetBulb2PercentC", c.coolingDesignCoincidentWetBulb2PercentC),
                             ("evaporationDesignCoincidentDryBulbC", c.evaporationDesignCoincidentDryBulbC),
                             ("evaporationDesignWetBulb1PercentC", c.evaporationDesignWetBulb1PercentC),
                             ("evaporationDesignCoincidentDryBulb1PercentC", c.evaporationDesignCoincidentDryBulb1PercentC),
                             ("evaporationDesignCoincidentDryBulb2PercentC", c.evaporationDesignCoincidentDryBulb2PercentC),
                             ("extremeDryBulb20YearC", c.extremeDryBulb20YearC)] {
            out += "  \(key): \(String(format: "%.1f", value))\n"
        }
        for (key, values) in c.monthlySpreads { if let values { out += "  \(key): \(list(values))\n" } }
        out += "  figures:\n"
        for key in ["monthlyMeanDailyMaxDryBulbC", "monthlyMeanDailyMinDryBulbC", "monthlyMeanDewPointC"] + Self.designKeys
                    + c.monthlySpreads.map(\.key) {
            guard let f = c.figures[key] else { continue }
            out += "    \(key): {sources: [\(f.sources.joined(separator: ", "))], evidence: \(f.evidence.rawValue)"
            if let note = f.note { out += ", note: \(quoted(note))" }
            out += "}\n"
        }
        return out
    }
}

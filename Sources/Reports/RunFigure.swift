import Twin

/// The value of one run figure: a count, a number (absent where it has no meaning, e.g. PUE without IT
/// load), or a text (a timestamp, a limit's name).
enum FigureValue: Equatable {
    case count(Int)
    case number(Double?)
    case text(String?)

    /// The value as a number, for percentiles.
    var number: Double? {
        switch self {
        case .count(let n): Double(n)
        case .number(let x): x
        case .text: nil
        }
    }
}

/// One figure of a simulation run, declared once: its key in `summary.json` and in the percentiles, how
/// it is read from a run, and its row in the printed table (if it has one of its own).
struct RunFigure: Sendable {
    /// The figure's row in the table: a label, the run-0 cell, and the factor its percentiles are shown in.
    struct Row: Sendable {
        var label: String
        var cell: @Sendable (RunSummary) -> String
        var percentileScale = 1.0
    }

    let key: String
    let read: @Sendable (RunSummary) -> FigureValue
    /// Whether higher values are better (`true`) or worse (`false`); `nil` for figures that are not results
    /// (the run's length, timestamps, names). Exactly the figures with a direction get P50/P90/P99 across runs,
    /// oriented so that P90 is worse than 90 % of runs (``Percentiles``).
    let higherIsBetter: Bool?
    let row: Row?

    var hasPercentiles: Bool { higherIsBetter != nil }

    static func number(_ key: String, _ read: @escaping @Sendable (RunSummary) -> Double?, higherIsBetter: Bool, row: Row? = nil) -> RunFigure {
        RunFigure(key: key, read: { .number(read($0)) }, higherIsBetter: higherIsBetter, row: row)
    }

    static func count(_ key: String, _ read: @escaping @Sendable (RunSummary) -> Int, higherIsBetter: Bool?, row: Row? = nil) -> RunFigure {
        RunFigure(key: key, read: { .count(read($0)) }, higherIsBetter: higherIsBetter, row: row)
    }

    static func text(_ key: String, _ read: @escaping @Sendable (RunSummary) -> String?) -> RunFigure {
        RunFigure(key: key, read: { .text(read($0)) }, higherIsBetter: nil, row: nil)
    }
}

/// `value` with `decimals`, or "–" where there is none.
private func cell(_ value: Double?, _ decimals: Int) -> String { value.map { NumberText.fixed($0, decimals) } ?? "–" }
/// " at TIMESTAMP", or nothing.
private func at(_ timestamp: String?) -> String { timestamp.map { " at \($0)" } ?? "" }

extension RunFigure {
    /// Every figure of a run, in table order.
    static let all: [RunFigure] = [
        .count("hours", \.hours, higherIsBetter: nil),
        .number("pue", \.pue, higherIsBetter: false, row: Row(label: "annual PUE (energy ratio)") { cell($0.pue, 3) }),
        .number("wueLPerKWh", \.wueLPerKWh, higherIsBetter: false, row: Row(label: "WUE, L/kWh IT") { cell($0.wueLPerKWh, 3) }),
        .number("itEnergyMWh", \.itEnergyMWh, higherIsBetter: true, row: Row(label: "IT energy, MWh") { cell($0.itEnergyMWh, 0) }),
        .number("coolingEnergyMWh", \.coolingEnergyMWh, higherIsBetter: false),
        .number("lossesEnergyMWh", \.lossesEnergyMWh, higherIsBetter: false),
        .number("houseEnergyMWh", \.houseEnergyMWh, higherIsBetter: false),
        .number("facilityEnergyMWh", \.facilityEnergyMWh, higherIsBetter: false,
                row: Row(label: "facility energy, MWh") { cell($0.facilityEnergyMWh, 0) }),
        .number("waterM3", \.waterM3, higherIsBetter: false, row: Row(label: "water, m³") { cell($0.waterM3, 0) }),
        .number("tokens", \.tokens, higherIsBetter: true, row: Row(label: "tokens") { NumberText.significant($0.tokens, 4) }),
        .number("lostTokens", \.lostTokens, higherIsBetter: false),
        .number("tokensPerMWh", \.tokensPerMWh, higherIsBetter: true,
                row: Row(label: "tokens per MWh") { $0.tokensPerMWh.map { NumberText.significant($0, 4) } ?? "–" }),
        .number("costPerMillionTokensUSD", \.costPerMillionTokensUSD, higherIsBetter: false,
                row: Row(label: "cost per million tokens, USD") { cell($0.costPerMillionTokensUSD, 4) }),
        .count("throttledHours", \.throttledHours, higherIsBetter: false,
               row: Row(label: "hours throttled (hall/power/thermal)") {
                   "\($0.throttledHours) (\($0.hallLimitedHours)/\($0.powerLimitedHours)/\($0.thermalLimitedHours))"
               }),
        .count("hallLimitedHours", \.hallLimitedHours, higherIsBetter: false),
        .count("powerLimitedHours", \.powerLimitedHours, higherIsBetter: false),
        .count("thermalLimitedHours", \.thermalLimitedHours, higherIsBetter: false),
        .text("firstThrottleAt", \.firstThrottleAt),
        .text("firstThrottleLimit") { $0.firstThrottleLimit?.rawValue },
        .text("limitingHall") { $0.limitingHall?.text },
        .count("limitingHallHours", \.limitingHallHours, higherIsBetter: false,
               row: Row(label: "hours of the hall limit that throttles most") {
                   "\($0.limitingHallHours)" + ($0.limitingHall.map { " \($0.text)" } ?? " (no hall limit throttles)")
               }),
        .number("servedShare", \.servedShare, higherIsBetter: true,
                row: Row(label: "tokens served of demanded", cell: { cell($0.servedShare.map { $0 * 100 }, 3) + " %" }, percentileScale: 100)),
        .count("freeCoolingHours", \.freeCoolingHours, higherIsBetter: true,
               row: Row(label: "free-cooling hours") { "\($0.freeCoolingHours)" }),
        .count("feedOutageHours", \.feedOutageHours, higherIsBetter: false,
               row: Row(label: "hours with a feed out") { "\($0.feedOutageHours)" }),
        .number("largestShortfallMW", \.largestShortfallMW, higherIsBetter: false,
                row: Row(label: "largest power shortfall, MW") { cell($0.largestShortfallMW, 1) + at($0.largestShortfallAt) }),
        .text("largestShortfallAt", \.largestShortfallAt),
        .number("largestShortfallEventMWh", \.largestShortfallEventMWh, higherIsBetter: false,
                row: Row(label: "largest shortfall event, MWh") { cell($0.largestShortfallEventMWh, 1) }),
        // The battery delivers only when the grid falls short: less is better.
        .number("batteryDischargedMWh", \.batteryDischargedMWh, higherIsBetter: false,
                row: Row(label: "battery delivered, MWh (hours)") { cell($0.batteryDischargedMWh, 1) + " (\($0.batteryHours))" }),
        .count("batteryHours", \.batteryHours, higherIsBetter: false),
        .count("unservedHours", \.unservedHours, higherIsBetter: false,
               row: Row(label: "unserved at full throttle, h (power/heat MWh)") {
                   "\($0.unservedHours) (\(cell($0.unservedPowerMWh, 1))/\(cell($0.unservedHeatMWh, 1)))"
               }),
        .number("unservedPowerMWh", \.unservedPowerMWh, higherIsBetter: false),
        .number("unservedHeatMWh", \.unservedHeatMWh, higherIsBetter: false),
        .number("minPowerHeadroomMW", \.minPowerHeadroomMW, higherIsBetter: true,
                row: Row(label: "min power headroom, MW") { cell($0.minPowerHeadroomMW, 1) + at($0.minPowerHeadroomAt) }),
        .text("minPowerHeadroomAt", \.minPowerHeadroomAt),
        .number("minThermalHeadroomMW", \.minThermalHeadroomMW, higherIsBetter: true,
                row: Row(label: "min thermal headroom, MW") { cell($0.minThermalHeadroomMW, 1) + at($0.minThermalHeadroomAt) }),
        .text("minThermalHeadroomAt", \.minThermalHeadroomAt),
        .number("energyCostUSD", \.energyCostUSD, higherIsBetter: false),
        .number("co2Tonnes", \.co2Tonnes, higherIsBetter: false),
        .number("co2TonnesPerYear", \.co2TonnesPerYear, higherIsBetter: false,
                row: Row(label: "grid CO₂, t per year") { cell($0.co2TonnesPerYear, 0) }),
        .number("co2GramsPerMillionTokens", \.co2GramsPerMillionTokens, higherIsBetter: false,
                row: Row(label: "grid CO₂, g per million tokens") { cell($0.co2GramsPerMillionTokens, 1) }),
        .number("waterLimitM3", \.waterLimitM3, higherIsBetter: true),
        .number("waterOverLimitM3", \.waterOverLimitM3, higherIsBetter: false,
                row: Row(label: "water beyond the site's limit, m³") { cell($0.waterOverLimitM3, 0) }),
    ]
}

/// What `tokenplant compare` ranks pairs by.
public enum RankFigure: String, Sendable, CaseIterable {
    /// Tokens served per second per facility MW drawn over the simulated year, highest first.
    case tokensPerMW = "tokens-per-mw"
    /// Tokens/s at full load in the plan's last quarter, highest first.
    case tokens
    /// Cost per million tokens served in the simulated year, lowest first.
    case costPerToken = "cost-per-token"
    /// Capex of the plan, racks and facility, lowest first.
    case capex
    /// Annual PUE, lowest first.
    case pue

    /// The figure of a row, and whether higher is better.
    func value(_ row: ComparisonRow) -> Double? {
        switch self {
        case .tokensPerMW: row.annualTokensPerSecondPerFacilityMW
        case .tokens: row.tokensPerSecond
        case .costPerToken: row.costPerMillionTokensUSD
        case .capex: row.capexUSD.map { $0 + (row.facilityCapexUSD ?? 0) }
        case .pue: row.annualPUE
        }
    }

    var higherIsBetter: Bool { self == .tokensPerMW || self == .tokens }

    /// The figure's name and unit, for a chart.
    public var title: String {
        switch self {
        case .tokensPerMW: "Tokens/s served per facility MW over the year"
        case .tokens: "Tokens/s at full load, last quarter"
        case .costPerToken: "Cost per million tokens served (USD)"
        case .capex: "Capex, racks and facility (million USD)"
        case .pue: "Annual PUE"
        }
    }

    /// The figure's unit on a chart.
    var unit: String {
        switch self {
        case .tokensPerMW: "tokens/s per MW"
        case .tokens: "tokens/s"
        case .costPerToken: "USD per million tokens"
        case .capex: "million USD"
        case .pue: ""
        }
    }

    /// The figure as charted (capex in millions).
    func chartValue(_ row: ComparisonRow) -> Double? { self == .capex ? value(row).map { $0 / 1e6 } : value(row) }

    /// The figure in words, for the table's heading.
    public var words: String {
        switch self {
        case .tokensPerMW: "annual tokens/s per facility MW, highest first"
        case .tokens: "tokens/s at full load in the last quarter, highest first"
        case .costPerToken: "cost per million tokens served, lowest first"
        case .capex: "capex (racks and facility), lowest first"
        case .pue: "annual PUE, lowest first"
        }
    }
}

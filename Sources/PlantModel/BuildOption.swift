/// A facility item the plan decides to build or not, and when (README "Facility decisions"): its capex, the
/// quarters from the horizon's start to service, its fixed opex and the life its capex is annualized over.
public struct BuildOption: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Capex of one item (a hall's shell, core, power block and plant share; a feed's interconnection), USD.
    public var capexUSD: Double
    /// Whole quarters from the horizon's first quarter (the earliest decision) to service; 0 for an item that can
    /// be in service at once.
    public var leadTimeQuarters: Int
    /// Fixed operating cost of one built item, USD per year; `nil` for none.
    public var fixedOpexUSDPerYear: Double?
    /// Years its capex is annualized over (with the design's discount rate); `nil` for the design's
    /// `economics.facilityLifeYears`.
    public var lifeYears: Double?

    public init(capexUSD: Double, leadTimeQuarters: Int, fixedOpexUSDPerYear: Double? = nil, lifeYears: Double? = nil) {
        self.capexUSD = capexUSD
        self.leadTimeQuarters = leadTimeQuarters
        self.fixedOpexUSDPerYear = fixedOpexUSDPerYear
        self.lifeYears = lifeYears
    }

    public static var placeholder: BuildOption { BuildOption(capexUSD: 0, leadTimeQuarters: 0) }

    /// The first quarter the item can be in service: its `availableFrom`, and not before the lead time has run
    /// from the horizon's first quarter.
    public func earliestService(availableFrom: Quarter, horizonFirst: Quarter) -> Quarter {
        max(availableFrom, horizonFirst.advanced(by: leadTimeQuarters))
    }
}

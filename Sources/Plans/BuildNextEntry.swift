import PlantModel

/// One line of "What to build next" as plan.json keeps it (README "What to build next"; buildnext.csv has the same
/// lines): a priced limit with its rank, the value of one more unit from `fromQuarter` through `throughQuarter` and the
/// capex of the option that adds it, and the value of the whole option; without `rank`, a limit whose option is worth
/// nothing alone (`note` says why), or one nothing in the inputs prices and what would.
public struct BuildNextEntry: Codable, Equatable, Sendable {
    /// 1 for the best value per USD; `nil` for a limit without a price.
    public var rank: Int?
    public var family: ConstraintFamily
    /// The hall group, profile or workload the limit is about, if any.
    public var subject: String?
    /// The first quarter relieved (a priced limit), or the first with a value (one without a price).
    public var fromQuarter: Quarter?
    /// The last quarter relieved: the horizon's end, or the quarter before the plan builds the option anyway.
    public var throughQuarter: Quarter?
    /// The limit's unit (one more of it is valued).
    public var unit: String?
    /// Value of one more unit over `fromQuarter` through `throughQuarter`, in `valueUnit`.
    public var value: Double?
    public var valueUnit: String?
    /// Capex of one more unit, USD.
    public var priceUSD: Double?
    /// The option that adds it, with the figures its price comes from.
    public var option: String?
    /// `value` per USD of `priceUSD`.
    public var valuePerUSD: Double?
    /// Units of the limit the whole option adds (its capex is `priceUSD` times these).
    public var optionUnits: Double?
    /// The whole option's capex, USD.
    public var optionCapexUSD: Double?
    /// What the whole option adds over the same quarters, in `valueUnit`: the plan's relaxation re-solved with it; absent
    /// where it could not be valued (the ranking then goes by `valuePerUSD`).
    public var optionValue: Double?
    /// `optionValue` per USD of `optionCapexUSD`: what the ranking goes by.
    public var optionValuePerUSD: Double?
    /// What would price a limit without a price.
    public var missingPrice: String?
    /// Why a priced limit is not ranked.
    public var note: String?

    public init(rank: Int?, family: ConstraintFamily, subject: String?, fromQuarter: Quarter?, throughQuarter: Quarter?, unit: String?,
                value: Double?, valueUnit: String?, priceUSD: Double?, option: String?, valuePerUSD: Double?, optionUnits: Double? = nil,
                optionCapexUSD: Double? = nil, optionValue: Double? = nil, optionValuePerUSD: Double? = nil, missingPrice: String?,
                note: String? = nil) {
        self.rank = rank
        self.family = family
        self.subject = subject
        self.fromQuarter = fromQuarter
        self.throughQuarter = throughQuarter
        self.unit = unit
        self.value = value
        self.valueUnit = valueUnit
        self.priceUSD = priceUSD
        self.option = option
        self.valuePerUSD = valuePerUSD
        self.optionUnits = optionUnits
        self.optionCapexUSD = optionCapexUSD
        self.optionValue = optionValue
        self.optionValuePerUSD = optionValuePerUSD
        self.missingPrice = missingPrice
        self.note = note
    }
}

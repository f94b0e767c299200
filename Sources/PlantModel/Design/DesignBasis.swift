/// The outdoor condition the heat-rejection plant is sized at (`designBasis:` in a design): an ASHRAE
/// design pair of the site, its extremes, or a percentile of a weather year's hours, plus a margin.
///
/// Absent, a design is sized at ``standard``: the worse of the site's 0.4 % cooling and evaporation
/// pairs for its plant, which is the 0.4 % dry-bulb pair for a dry cooler, the 0.4 % evaporation pair
/// for a cooling tower and whichever gives the higher effective temperature for an adiabatic cooler.
public struct DesignBasis: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Which design figures the basis takes.
    public enum Condition: String, FileEnum {
        /// Both ASHRAE pairs at `percent`; the one with the higher effective temperature for the plant.
        case worseOfPairs
        /// The `percent` dry-bulb with its mean coincident wet-bulb (ASHRAE "cooling").
        case cooling
        /// The `percent` wet-bulb with its mean coincident dry-bulb (ASHRAE "evaporation").
        case evaporation
        /// The site's 20-year maximum dry-bulb and extreme annual wet-bulb, taken together.
        case extreme
        /// The `percentile` of the plant's hourly effective temperature over a weather year.
        case fromHours
    }

    /// Which design figures the basis takes.
    public var condition: Condition
    /// ASHRAE annual percent of the pair conditions: 0.4, 1 or 2 (`nil`: 0.4).
    public var percent: Double?
    /// Percentile of the hourly effective temperature for `fromHours`, e.g. 99.6 (exceeded 0.4 % of hours).
    public var percentile: Double?
    /// Added to the effective temperature, K (`nil`: none).
    public var marginK: Double?
    /// The weather year `fromHours` ranks; never read from the design file: the plan's weather input sets it.
    public var hours: DesignHours? = nil

    enum CodingKeys: String, CodingKey { case condition, percent, percentile, marginK }

    /// A basis of `condition`, with its percent or percentile, margin and (for `fromHours`) hours.
    public init(condition: Condition, percent: Double? = nil, percentile: Double? = nil, marginK: Double? = nil,
                hours: DesignHours? = nil) {
        self.condition = condition
        self.percent = percent
        self.percentile = percentile
        self.marginK = marginK
        self.hours = hours
    }

    /// The basis of a design that gives none.
    public static let standard = DesignBasis(condition: .worseOfPairs, percent: 0.4)
    /// The ASHRAE annual percents a site file carries pairs for.
    public static let percents: [Double] = [0.4, 1, 2]

    /// A stand-in for ``PlaceholderDecodable``.
    public static var placeholder: DesignBasis { standard }

    /// The ASHRAE percent used by the pair conditions.
    public var percentUsed: Double { percent ?? 0.4 }
}

/// Hourly dry-bulb and wet-bulb of one weather year, for a `fromHours` design basis.
public struct DesignHours: Sendable, Equatable {
    /// The weather file the hours come from, as given.
    public var source: String
    /// Dry-bulb of each hour, °C.
    public var dryBulbC: [Double]
    /// Thermodynamic wet-bulb of each hour, °C.
    public var wetBulbC: [Double]

    /// Hours of `source`, in file order.
    public init(source: String, dryBulbC: [Double], wetBulbC: [Double]) {
        self.source = source
        self.dryBulbC = dryBulbC
        self.wetBulbC = wetBulbC
    }
}

extension ReferenceDesign {
    /// The design basis the plant is sized at: the design's own, else ``DesignBasis/standard``.
    public var designBasisUsed: DesignBasis { designBasis ?? .standard }
}

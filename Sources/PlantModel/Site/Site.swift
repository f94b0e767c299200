/// A place to build: location, climate, grid connection and resource prices (`sites/*.yaml`).
public struct Site: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var name: String
    public var location: Location
    public var climate: Climate
    public var grid: Grid
    /// Energy price, USD per MWh.
    public var energyPriceUSDPerMWh: Double
    /// Grid carbon intensity, kg CO₂ per MWh; `nil` where no sourced figure is given.
    public var carbonIntensityKgPerMWh: Double?
    /// Water the site may draw per year, m³; `nil` for no limit.
    public var waterLimitM3PerYear: Double?
    /// Where the price, carbon and water figures come from.
    public var figures: [String: FigureSource]
    public var references: [Reference]

    public static var placeholder: Site {
        Site(name: "", location: .placeholder, climate: .placeholder, grid: .placeholder, energyPriceUSDPerMWh: 0,
             carbonIntensityKgPerMWh: nil, waterLimitM3PerYear: nil, figures: [:], references: [])
    }
}

/// Geographic position.
public struct Location: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var latitudeDeg: Double
    public var longitudeDeg: Double
    public var elevationM: Double
    /// Standard-time offset from UTC, hours (no daylight saving), as in EPW headers.
    public var utcOffsetH: Double

    public static var placeholder: Location { Location(latitudeDeg: 0, longitudeDeg: 0, elevationM: 0, utcOffsetH: 0) }
}

/// Published climate figures: monthly normals and ASHRAE design conditions. The planner sizes at the
/// design conditions; the twin synthesizes hours from the normals when no EPW file is given.
public struct Climate: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Optional hourly weather file (EnergyPlus EPW), relative to the site file.
    public var epw: String?
    /// Monthly mean of the daily maximum dry-bulb, January…December, °C.
    public var monthlyMeanDailyMaxDryBulbC: [Double]
    /// Monthly mean of the daily minimum dry-bulb, °C.
    public var monthlyMeanDailyMinDryBulbC: [Double]
    /// Monthly mean dew point, °C.
    public var monthlyMeanDewPointC: [Double]
    /// Standard deviation over each month of the daily maximum dry-bulb, K (optional, with the next two:
    /// gives synthetic weather each season's day-to-day variability).
    public var monthlyStdDevDailyMaxDryBulbK: [Double]?
    /// Standard deviation over each month of the daily minimum dry-bulb, K.
    public var monthlyStdDevDailyMinDryBulbK: [Double]?
    /// Standard deviation over each month of the daily mean dew point, K.
    public var monthlyStdDevDailyMeanDewPointK: [Double]?
    /// ASHRAE 0.4 % annual cooling design dry-bulb, °C.
    public var coolingDesignDryBulbC: Double
    /// Mean coincident wet-bulb at the 0.4 % dry-bulb, °C.
    public var coolingDesignCoincidentWetBulbC: Double
    /// ASHRAE 0.4 % annual evaporation design wet-bulb (exceeded 0.4 % of the year's hours), °C.
    public var evaporationDesignWetBulbC: Double
    /// ASHRAE 2 % annual evaporation design wet-bulb, °C.
    public var evaporationDesignWetBulb2PercentC: Double
    /// ASHRAE extreme annual wet-bulb, °C.
    public var extremeWetBulbC: Double
    /// ASHRAE 1 % annual cooling design dry-bulb, °C.
    public var coolingDesignDryBulb1PercentC: Double
    /// Mean coincident wet-bulb at the 1 % dry-bulb, °C.
    public var coolingDesignCoincidentWetBulb1PercentC: Double
    /// ASHRAE 2 % annual cooling design dry-bulb, °C.
    public var coolingDesignDryBulb2PercentC: Double
    /// Mean coincident wet-bulb at the 2 % dry-bulb, °C.
    public var coolingDesignCoincidentWetBulb2PercentC: Double
    /// Mean coincident dry-bulb at the 0.4 % evaporation wet-bulb, °C.
    public var evaporationDesignCoincidentDryBulbC: Double
    /// ASHRAE 1 % annual evaporation design wet-bulb, °C.
    public var evaporationDesignWetBulb1PercentC: Double
    /// Mean coincident dry-bulb at the 1 % evaporation wet-bulb, °C.
    public var evaporationDesignCoincidentDryBulb1PercentC: Double
    /// Mean coincident dry-bulb at the 2 % evaporation wet-bulb, °C.
    public var evaporationDesignCoincidentDryBulb2PercentC: Double
    /// ASHRAE 20-year return-period maximum dry-bulb, °C.
    public var extremeDryBulb20YearC: Double
    /// Sources of every figure above, by key.
    public var figures: [String: FigureSource]

    public init(epw: String?, monthlyMeanDailyMaxDryBulbC: [Double], monthlyMeanDailyMinDryBulbC: [Double],
                monthlyMeanDewPointC: [Double], coolingDesignDryBulbC: Double, coolingDesignCoincidentWetBulbC: Double,
                evaporationDesignWetBulbC: Double, evaporationDesignWetBulb2PercentC: Double, extremeWetBulbC: Double,
                coolingDesignDryBulb1PercentC: Double, coolingDesignCoincidentWetBulb1PercentC: Double,
                coolingDesignDryBulb2PercentC: Double, coolingDesignCoincidentWetBulb2PercentC: Double,
                evaporationDesignCoincidentDryBulbC: Double, evaporationDesignWetBulb1PercentC: Double,
                evaporationDesignCoincidentDryBulb1PercentC: Double, evaporationDesignCoincidentDryBulb2PercentC: Double,
                extremeDryBulb20YearC: Double,
                monthlyStdDevDailyMaxDryBulbK: [Double]? = nil,
                monthlyStdDevDailyMinDryBulbK: [Double]? = nil, monthlyStdDevDailyMeanDewPointK: [Double]? = nil,
                figures: [String: FigureSource]) {
        self.epw = epw
        self.monthlyMeanDailyMaxDryBulbC = monthlyMeanDailyMaxDryBulbC
        self.monthlyMeanDailyMinDryBulbC = monthlyMeanDailyMinDryBulbC
        self.monthlyMeanDewPointC = monthlyMeanDewPointC
        self.monthlyStdDevDailyMaxDryBulbK = monthlyStdDevDailyMaxDryBulbK
        self.monthlyStdDevDailyMinDryBulbK = monthlyStdDevDailyMinDryBulbK
        self.monthlyStdDevDailyMeanDewPointK = monthlyStdDevDailyMeanDewPointK
        self.coolingDesignDryBulbC = coolingDesignDryBulbC
        self.coolingDesignCoincidentWetBulbC = coolingDesignCoincidentWetBulbC
        self.evaporationDesignWetBulbC = evaporationDesignWetBulbC
        self.evaporationDesignWetBulb2PercentC = evaporationDesignWetBulb2PercentC
        self.extremeWetBulbC = extremeWetBulbC
        self.coolingDesignDryBulb1PercentC = coolingDesignDryBulb1PercentC
        self.coolingDesignCoincidentWetBulb1PercentC = coolingDesignCoincidentWetBulb1PercentC
        self.coolingDesignDryBulb2PercentC = coolingDesignDryBulb2PercentC
        self.coolingDesignCoincidentWetBulb2PercentC = coolingDesignCoincidentWetBulb2PercentC
        self.evaporationDesignCoincidentDryBulbC = evaporationDesignCoincidentDryBulbC
        self.evaporationDesignWetBulb1PercentC = evaporationDesignWetBulb1PercentC
        self.evaporationDesignCoincidentDryBulb1PercentC = evaporationDesignCoincidentDryBulb1PercentC
        self.evaporationDesignCoincidentDryBulb2PercentC = evaporationDesignCoincidentDryBulb2PercentC
        self.extremeDryBulb20YearC = extremeDryBulb20YearC
        self.figures = figures
    }

    /// The optional monthly spreads by key, in file order.
    public var monthlySpreads: [(key: String, values: [Double]?)] {
        [("monthlyStdDevDailyMaxDryBulbK", monthlyStdDevDailyMaxDryBulbK),
         ("monthlyStdDevDailyMinDryBulbK", monthlyStdDevDailyMinDryBulbK),
         ("monthlyStdDevDailyMeanDewPointK", monthlyStdDevDailyMeanDewPointK)]
    }

    public static var placeholder: Climate {
        Climate(epw: nil, monthlyMeanDailyMaxDryBulbC: [], monthlyMeanDailyMinDryBulbC: [], monthlyMeanDewPointC: [],
                coolingDesignDryBulbC: 0, coolingDesignCoincidentWetBulbC: 0, evaporationDesignWetBulbC: 0,
                evaporationDesignWetBulb2PercentC: 0, extremeWetBulbC: 0, coolingDesignDryBulb1PercentC: 0,
                coolingDesignCoincidentWetBulb1PercentC: 0, coolingDesignDryBulb2PercentC: 0, coolingDesignCoincidentWetBulb2PercentC: 0,
                evaporationDesignCoincidentDryBulbC: 0, evaporationDesignWetBulb1PercentC: 0,
                evaporationDesignCoincidentDryBulb1PercentC: 0, evaporationDesignCoincidentDryBulb2PercentC: 0,
                extremeDryBulb20YearC: 0, figures: [:])
    }
}

/// The site's utility connection.
public struct Grid: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var feeds: [Feed]
    /// How much of the feeds' capacity may carry load: N, N+1, 2N.
    public var redundancy: RedundancyRule
    /// Failure and repair of each feed, for the twin's outages; `nil` for feeds that never fail.
    public var feedReliability: FeedReliability?

    public static var placeholder: Grid { Grid(feeds: [], redundancy: .n, feedReliability: nil) }

    /// Usable import capacity in a quarter: feeds in service by then, after the redundancy rule.
    public func usableCapacityMW(in quarter: Quarter) -> Double {
        redundancy.usableCapacity(of: feedsInService(in: quarter).map(\.capacityMW))
    }

    /// Feeds in service in a quarter. A feed with a build option is counted from its `availableFrom`; for a plan,
    /// use the site as the plan built it (``Site/asBuilt(_:)``), where such feeds are given.
    public func feedsInService(in quarter: Quarter) -> [Feed] { feeds.filter { $0.availableFrom <= quarter } }
}

/// How often a feed fails and how long it takes to restore, the same for every feed of the site.
public struct FeedReliability: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Mean time between failures of one feed, hours.
    public var mtbfHours: Double
    /// Mean time to repair, hours.
    public var mttrHours: Double

    public init(mtbfHours: Double, mttrHours: Double) {
        self.mtbfHours = mtbfHours
        self.mttrHours = mttrHours
    }

    public static var placeholder: FeedReliability { FeedReliability(mtbfHours: 1, mttrHours: 1) }
}

/// One utility feed.
public struct Feed: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var name: String
    public var capacityMW: Double
    /// First quarter the feed is energized (with `build`: the earliest it may be).
    public var availableFrom: Quarter
    /// With it, the plan decides whether and when to connect the feed, at this capex and lead time; without it,
    /// the feed is given and energized from `availableFrom`.
    public var build: BuildOption?

    public init(name: String, capacityMW: Double, availableFrom: Quarter, build: BuildOption? = nil) {
        self.name = name
        self.capacityMW = capacityMW
        self.availableFrom = availableFrom
        self.build = build
    }

    public static var placeholder: Feed { Feed(name: "", capacityMW: 0, availableFrom: .placeholder) }

    /// First quarter the feed can be energized: `availableFrom`, and after the build lead time.
    public func earliestService(horizonFirst: Quarter) -> Quarter {
        build?.earliestService(availableFrom: availableFrom, horizonFirst: horizonFirst) ?? availableFrom
    }
}

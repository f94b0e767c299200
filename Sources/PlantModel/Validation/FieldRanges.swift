/// A unit the user may have written instead of the field's own: the figure probably meant is
/// `value × scale + offset`. Offered only when that figure lies inside the field's range.
public struct UnitHint: Sendable, Equatable {
    public var scale: Double
    public var offset: Double
    /// The unit the user may have given, as in "did you give *kW*?".
    public var given: String

    public init(scale: Double, offset: Double = 0, given: String) {
        self.scale = scale
        self.offset = offset
        self.given = given
    }

    /// The figure meant if the value was written in `given`.
    public func converted(_ value: Double) -> Double { value * scale + offset }

    static func per(_ factor: Double, _ given: String) -> UnitHint { UnitHint(scale: 1 / factor, given: given) }
    static func times(_ factor: Double, _ given: String) -> UnitHint { UnitHint(scale: factor, given: given) }
    static let percentage = UnitHint(scale: 0.01, given: "a percentage")
    static let kelvin = UnitHint(scale: 1, offset: -273.15, given: "kelvin")
    static let fahrenheit = UnitHint(scale: 5.0 / 9, offset: -160.0 / 9, given: "°F")
    static let kW = per(1000, "kW")
    static let GW = times(1000, "GW")
    static let W = per(1000, "W")
    static let MW = times(1000, "MW")
}

/// The physical range of one numeric field of a site, design or catalog file: the one place every
/// numeric input is bounded (README "Field ranges"). A value outside `[low, high]` is reported as
/// `FILE:LINE: field.path: value V out of range [low, high] unit (what)`, with a unit hint when a unit
/// slip explains it.
///
/// Bounds are closed. They are wide enough for any real site or equipment and tight enough that nothing
/// outside them reaches an integer conversion, an allocation or GLPK: counts, positions and ports also
/// keep the planner's model and the twin's work bounded.
public struct FieldRange: Sendable, Equatable {
    /// The file the field is in.
    public var file: PlantFileKind
    /// Dotted path with `[]` for any list index and `*` for any map key (`halls[].positions`,
    /// `scalableUnits.*`); a `derived` row names the field its message is attached to.
    public var path: String
    /// What the field is, in the message's parentheses.
    public var what: String
    /// Unit, empty for fractions and ratios.
    public var unit: String
    public var low: Double
    public var high: Double
    /// Whether the field is a whole number (decoded as `Int`).
    public var whole: Bool
    /// Why these bounds: the physical extremes, or "keeps work bounded".
    public var why: String
    public var hints: [UnitHint]
    /// A figure computed from several fields (total halls, horizon length) rather than read from one.
    public var derived: Bool

    init(_ file: PlantFileKind, _ path: String, _ what: String, _ unit: String, _ low: Double, _ high: Double,
         whole: Bool = false, derived: Bool = false, hints: [UnitHint] = [], why: String) {
        self.file = file
        self.path = path
        self.what = what
        self.unit = unit
        self.low = low
        self.high = high
        self.whole = whole
        self.why = why
        self.hints = hints
        self.derived = derived
    }

    public func contains(_ value: Double) -> Bool { value >= low && value <= high }

    /// The message for `value` (written as `text`), or `nil` when it is in range.
    public func problem(_ value: Double, text: String? = nil) -> String? {
        guard !contains(value) else { return nil }
        var message = "value \(text ?? format(value)) out of range [\(format(low)), \(format(high))]"
            + (unit.isEmpty ? "" : " \(unit)") + " (\(what))"
        let guesses = hints.filter { contains($0.converted(value)) }.map(\.given)
        if !guesses.isEmpty { message += " — did you give \(guesses.joined(separator: " or "))?" }
        return message
    }

    /// The row for a field of `file`, by its pattern (`halls[].positions`).
    public static func row(_ file: PlantFileKind, _ path: String) -> FieldRange? { index[Key(file: file, path: path)] }

    private struct Key: Hashable { var file: PlantFileKind, path: String }
    private static let index = Dictionary(all.map { (Key(file: $0.file, path: $0.path), $0) }, uniquingKeysWith: { a, _ in a })

    // MARK: Derived rows, checked by name in validation.

    static let hallsInTotal = FieldRange(
        .design, "halls", "halls in total, the sum of every group's count", "halls", 1, 2000, whole: true, derived: true,
        why: "keeps work bounded: each hall is a set of planner columns when groups are split, and a loop in the twin; 2,000 halls of 500 MW is 1 TW")
    /// Also bounds the quarters of a plan.json (`BuildPlan` in Plans), which lie inside a design's horizon.
    public static let horizonQuarters = FieldRange(
        .design, "horizon.last", "quarters from horizon.first to horizon.last", "quarters", 1, 80, whole: true, derived: true,
        why: "keeps work bounded: 20 years, longer than any rack's life; every quarter is a copy of the model")

    // MARK: The table

    private static let ambient = "outdoor air: the hottest record is 56.7 °C, and no site is colder than −60 °C"
    private static let wetBulb = "wet-bulb and dew point: above 35 °C has barely been recorded (the survivability limit); −60 °C as for air"
    private static let temperatureHints: [UnitHint] = [.kelvin, .fahrenheit]

    /// Every numeric field of the three files, in file order.
    public static let all: [FieldRange] = site + design + catalog

    static let site: [FieldRange] = [
        FieldRange(.site, "location.latitudeDeg", "latitude", "°", -90, 90, why: "the globe"),
        FieldRange(.site, "location.longitudeDeg", "longitude", "°", -180, 180, why: "the globe"),
        FieldRange(.site, "location.elevationM", "elevation", "m", -500, 6000, hints: [.times(0.3048, "feet")],
                   why: "the Dead Sea shore (−430 m) to the highest towns (about 5,100 m)"),
        FieldRange(.site, "location.utcOffsetH", "standard-time offset from UTC", "h", -12, 14, hints: [.per(60, "minutes")],
                   why: "the world's time zones (UTC−12 to UTC+14)"),
        FieldRange(.site, "climate.monthlyMeanDailyMaxDryBulbC[]", "monthly mean daily maximum dry-bulb", "°C", -60, 60,
                   hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.monthlyMeanDailyMinDryBulbC[]", "monthly mean daily minimum dry-bulb", "°C", -60, 60,
                   hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.monthlyMeanDewPointC[]", "monthly mean dew point", "°C", -60, 40, hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.monthlyStdDevDailyMaxDryBulbK[]", "day-to-day spread of the daily maximum", "K", 0, 30,
                   why: "a standard deviation; observed monthly spreads are 1–10 K"),
        FieldRange(.site, "climate.monthlyStdDevDailyMinDryBulbK[]", "day-to-day spread of the daily minimum", "K", 0, 30,
                   why: "a standard deviation; observed monthly spreads are 1–10 K"),
        FieldRange(.site, "climate.monthlyStdDevDailyMeanDewPointK[]", "day-to-day spread of the daily mean dew point", "K", 0, 30,
                   why: "a standard deviation; observed monthly spreads are 1–10 K"),
        FieldRange(.site, "climate.coolingDesignDryBulbC", "0.4 % cooling design dry-bulb", "°C", -60, 60, hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.coolingDesignCoincidentWetBulbC", "wet-bulb coincident with the design dry-bulb", "°C", -60, 40,
                   hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.evaporationDesignWetBulbC", "0.4 % evaporation design wet-bulb", "°C", -60, 40,
                   hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.evaporationDesignWetBulb2PercentC", "2 % evaporation design wet-bulb", "°C", -60, 40,
                   hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.extremeWetBulbC", "extreme annual wet-bulb", "°C", -60, 40, hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.coolingDesignDryBulb1PercentC", "1 % cooling design dry-bulb", "°C", -60, 60, hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.coolingDesignCoincidentWetBulb1PercentC", "wet-bulb coincident with the 1 % dry-bulb", "°C", -60, 40,
                   hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.coolingDesignDryBulb2PercentC", "2 % cooling design dry-bulb", "°C", -60, 60, hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.coolingDesignCoincidentWetBulb2PercentC", "wet-bulb coincident with the 2 % dry-bulb", "°C", -60, 40,
                   hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.evaporationDesignCoincidentDryBulbC", "dry-bulb coincident with the 0.4 % wet-bulb", "°C", -60, 60,
                   hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.evaporationDesignWetBulb1PercentC", "1 % evaporation design wet-bulb", "°C", -60, 40,
                   hints: temperatureHints, why: wetBulb),
        FieldRange(.site, "climate.evaporationDesignCoincidentDryBulb1PercentC", "dry-bulb coincident with the 1 % wet-bulb", "°C", -60, 60,
                   hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.evaporationDesignCoincidentDryBulb2PercentC", "dry-bulb coincident with the 2 % wet-bulb", "°C", -60, 60,
                   hints: temperatureHints, why: ambient),
        FieldRange(.site, "climate.extremeDryBulb20YearC", "20-year return-period maximum dry-bulb", "°C", -60, 60,
                   hints: temperatureHints, why: ambient),
        FieldRange(.site, "grid.feeds[].capacityMW", "capacity of one utility feed", "MW", 1, 5000, hints: [.kW, .GW],
                   why: "a distribution feeder (a few MW) to a transmission interconnection of several 500 kV lines"),
        FieldRange(.site, "grid.feeds[].build.capexUSD", "capex of connecting the feed", "USD", 1e5, 1e10,
                   why: "a distribution feeder's connection to a new transmission substation with its lines"),
        FieldRange(.site, "grid.feeds[].build.leadTimeQuarters", "quarters from the first decision to the feed energized", "quarters", 0, 60,
                   whole: true, why: "none to fifteen years; interconnection queues run 3–7 years"),
        FieldRange(.site, "grid.feeds[].build.fixedOpexUSDPerYear", "fixed opex of the connected feed", "USD/year", 0, 1e9,
                   why: "none to a tenth of the dearest connection's capex a year"),
        FieldRange(.site, "grid.feeds[].build.lifeYears", "life over which the feed's capex is annualized", "years", 5, 80,
                   hints: [.per(12, "months")], why: "short contracts to the life of a substation and its lines"),
        FieldRange(.site, "grid.redundancy", "blocks x of an xN/y rule", "blocks", 2, 32, whole: true,
                   why: "distributed redundancy is built from a handful of blocks (3N/2, 4N/3, 6N/5)"),
        FieldRange(.site, "grid.feedReliability.mtbfHours", "mean time between failures of one feed", "h", 100, 1e7,
                   hints: [.times(8760, "years")],
                   why: "from a failure every few days (a weak grid) to one in a thousand years"),
        FieldRange(.site, "grid.feedReliability.mttrHours", "mean time to repair a feed", "h", 1, 8760, hints: [.times(24, "days")],
                   why: "the twin steps by the hour; a repair longer than a year is a lost feed"),
        FieldRange(.site, "energyPriceUSDPerMWh", "energy price", "USD/MWh", 1, 2000, hints: [.times(1000, "USD per kWh")],
                   why: "yearly averages of wholesale and retail prices run 20–400 USD/MWh; below 1 is a price per kWh"),
        FieldRange(.site, "carbonIntensityKgPerMWh", "grid carbon intensity", "kg CO₂/MWh", 0, 2000, hints: [.times(0.4536, "lb per MWh")],
                   why: "zero (hydro, nuclear) to lignite (about 1,200)"),
        FieldRange(.site, "waterLimitM3PerYear", "water the site may draw per year", "m³/year", 0, 1e9, hints: [.per(1000, "litres")],
                   why: "a 1 GW campus on towers evaporates about 2 × 10⁷ m³ a year; 10⁹ m³ is a city's supply"),
    ]

    /// The ranges of a fabric's fields under `path` (`fabric`, `halls[].fabric`), their descriptions ending in `whose`.
    static func fabric(_ path: String, _ whose: String) -> [FieldRange] {
        [FieldRange(.design, "\(path).switchRadix", "ports per switch\(whose)", "ports", 4, 1024, whole: true,
                    why: "keeps work bounded; switches ship with 32–512 ports (and an even count is required)"),
         FieldRange(.design, "\(path).tiers", "fat-tree tiers\(whose)", "tiers", 2, 3, whole: true,
                    why: "the fabric model (Fabric.hostPortCapacity) knows two tiers (k²/2 hosts) and three (k³/4)"),
         FieldRange(.design, "\(path).switchWattsPerPort", "switch power per port\(whose)", "W", 0, 200,
                    why: "real switches draw 5–30 W per port without optics"),
         FieldRange(.design, "\(path).opticsWattsPerPort", "power per transceiver\(whose)", "W", 0, 200,
                    why: "copper (0) to the hottest optics (about 30 W)"),
         FieldRange(.design, "\(path).switchCapexUSD", "price of one switch\(whose)", "USD", 0, 2e6,
                    why: "a 64-port 400G InfiniBand switch is about $36,000–50,000 (2024), a 64-port 800G one $150,000–250,000 (2025)"),
         FieldRange(.design, "\(path).transceiverCapexUSD", "price of one transceiver\(whose)", "USD", 0, 1e5,
                    why: "copper (0) to an 800G module's $1,100–1,900 (2025) and beyond for co-packaged optics")]
    }

    /// The ranges of a water loop's fields: the main loop's under `liquidCooling` and `heatRejection` (`path` empty), a
    /// water loop's under `waterLoops[].` (`path`).
    static func waterLoop(_ path: String) -> [FieldRange] {
        [
            FieldRange(.design, "\(path)liquidCooling.facilitySupplyTempC", "facility water supply", "°C", 2, 70, hints: temperatureHints,
                       why: "water that does not freeze to the top of ASHRAE class W+"),
            FieldRange(.design, "\(path)liquidCooling.cduApproachK", "CDU approach", "K", 0, 30,
                       why: "an ideal exchanger (0) to a poor one; real CDUs 2–5 K"),
            FieldRange(.design, "\(path)liquidCooling.loopDeltaTK", "facility loop temperature rise", "K", 1, 30,
                       why: "flow grows as 1/ΔT; below 1 K no pump moves it, above 30 K no rack accepts it"),
            FieldRange(.design, "\(path)liquidCooling.pumpPowerFraction", "pump and CDU power per unit of liquid heat", "", 0, 0.5, hints: [.percentage],
                       why: "a fraction; real plants 0.01–0.05"),
            FieldRange(.design, "\(path)liquidCooling.cduCapacityMW", "CDU capacity per unit", "MW", 0.01, 20, hints: [.kW],
                       why: "an in-rack CDU (10 kW) to the largest row and facility CDUs"),
            FieldRange(.design, "\(path)heatRejection.ratedCapacityMW", "heat-rejection capacity at rating", "MW", 0.1, 20000, hints: [.kW, .GW],
                       why: "one dry cooler to a 10 GW campus"),
            FieldRange(.design, "\(path)heatRejection.ratedAmbientC", "ambient at the rating point", "°C", -60, 60, hints: temperatureHints, why: ambient),
            FieldRange(.design, "\(path)heatRejection.ratedFluidInletC", "fluid entering the plant at rating", "°C", 2, 90, hints: temperatureHints,
                       why: "water that does not freeze to water that does not boil in an open plant"),
            FieldRange(.design, "\(path)heatRejection.approachK", "approach at rating", "K", 0, 30,
                       why: "an ideal exchanger (0) to a very small one; real plants 3–10 K"),
            FieldRange(.design, "\(path)heatRejection.fanPowerFraction", "plant fan power per unit of heat at full load", "", 0, 0.5, hints: [.percentage],
                       why: "a fraction; real plants 0.01–0.05"),
            FieldRange(.design, "\(path)heatRejection.adiabaticEffectiveness", "pad effectiveness", "", 0, 1, hints: [.percentage],
                       why: "a fraction of the wet-bulb depression; real pads 0.7–0.9"),
            FieldRange(.design, "\(path)heatRejection.waterLPerKWh", "water evaporated per kWh rejected evaporatively", "L/kWh", 0.2, 10,
                       hints: [.per(1000, "L per MWh")],
                       why: "1.47 L evaporates per kWh (latent heat 2,450 kJ/kg); drift and partial evaporation move it a few-fold, not more"),
            FieldRange(.design, "\(path)heatRejection.cyclesOfConcentration", "cycles of concentration; blowdown = evaporation / (cycles − 1)", "",
                       1.5, 50, why: "towers run 3–10 cycles; at 1 cycle blowdown is infinite"),
            FieldRange(.design, "\(path)heatRejection.modules.ratedCapacityMW", "heat one plant module rejects at the rating point", "MW", 0.1, 5000,
                       hints: [.kW, .GW], why: "one small dry cooler to a plant block of several cells"),
            FieldRange(.design, "\(path)heatRejection.modules.count", "plant modules the plan may add", "modules", 1, 200, whole: true,
                       why: "keeps work bounded: one integer column per quarter counts them"),
            FieldRange(.design, "\(path)heatRejection.modules.build.capexUSD", "capex of one plant module", "USD", 1e4, 1e10,
                       why: "a single cooler to a large plant block with its pumps, piping and electrical"),
            FieldRange(.design, "\(path)heatRejection.modules.build.leadTimeQuarters", "quarters from the first decision to a module in service",
                       "quarters", 0, 40, whole: true, why: "none (in stock) to ten years"),
            FieldRange(.design, "\(path)heatRejection.modules.build.fixedOpexUSDPerYear", "fixed opex of one plant module", "USD/year", 0, 1e9,
                       why: "none to a tenth of the dearest module's capex a year"),
            FieldRange(.design, "\(path)heatRejection.modules.build.lifeYears", "life over which a module's capex is annualized", "years", 5, 60,
                       hints: [.per(12, "months")], why: "short leases to the life of the plant"),
            FieldRange(.design, "\(path)heatRejection.chillerCapacityMW", "chiller capacity", "MW", 0, 20000, hints: [.kW],
                       why: "none to a 10 GW campus"),
            FieldRange(.design, "\(path)heatRejection.chillerModules.capacityMW", "cooling one chiller module gives at the design condition", "MW",
                       0.1, 500, hints: [.kW], why: "one small packaged chiller to a block of large centrifugal machines"),
            FieldRange(.design, "\(path)heatRejection.chillerModules.count", "chiller modules the plan may add", "modules", 1, 200, whole: true,
                       why: "keeps work bounded: one integer column per quarter counts them"),
            FieldRange(.design, "\(path)heatRejection.chillerModules.build.capexUSD", "capex of one chiller module", "USD", 1e4, 1e10,
                       why: "a single packaged chiller to a chiller plant block with its pumps, piping and electrical"),
            FieldRange(.design, "\(path)heatRejection.chillerModules.build.leadTimeQuarters", "quarters from the first decision to a chiller module in service",
                       "quarters", 0, 40, whole: true, why: "none (in stock) to ten years"),
            FieldRange(.design, "\(path)heatRejection.chillerModules.build.fixedOpexUSDPerYear", "fixed opex of one chiller module", "USD/year", 0, 1e9,
                       why: "none to a tenth of the dearest module's capex a year"),
            FieldRange(.design, "\(path)heatRejection.chillerModules.build.lifeYears", "life over which a chiller module's capex is annualized", "years",
                       5, 60, hints: [.per(12, "months")], why: "short leases to the life of the plant"),
            FieldRange(.design, "\(path)heatRejection.chillerCOP", "chiller COP at the design condition", "", 2.5, 12,
                       hints: [.percentage, .per(3.412, "EER (BTU/Wh)")],
                       why: "the range real machines show (physics reference, 2.5–12); the twin keeps every hour's COP in it"),
        ]
    }

    static let design: [FieldRange] = fabric("fabric", "") + fabric("halls[].fabric", " of a hall's fabric") + waterLoop("")
        + waterLoop("waterLoops[].") + [
        FieldRange(.design, "halls[].count", "identical halls in the group", "halls", 1, 200, whole: true,
                   why: "keeps work bounded: the group's halls are named and placed one by one"),
        FieldRange(.design, "halls[].positions", "rack positions per hall", "positions", 1, 5000, whole: true,
                   why: "keeps work bounded; the largest halls hold a few thousand racks"),
        FieldRange(.design, "halls[].maxRackKW", "hottest rack the hall serves", "kW", 1, 1000, hints: [.W, .MW],
                   why: "an edge rack to a 1 MW rack (announced designs reach 600 kW)"),
        FieldRange(.design, "halls[].installedCapacityMW", "installed power-path capacity per hall before any power block", "MW", 0, 500,
                   hints: [.kW],
                   why: "none (a hall whose power path is all power blocks; without them validation asks for more) to a hall of 500 MW "
                       + "(the largest buildings planned)"),
        FieldRange(.design, "halls[].redundancy", "blocks x of an xN/y rule", "blocks", 2, 32, whole: true,
                   why: "distributed redundancy is built from a handful of blocks (3N/2, 4N/3, 6N/5)"),
        FieldRange(.design, "halls[].liquidCapacityMW", "CDU capacity per hall", "MW", 0, 500, hints: [.kW],
                   why: "none (an air hall) to the hall's largest power"),
        FieldRange(.design, "halls[].airCapacityMW", "air-handler capacity per hall", "MW", 0, 500, hints: [.kW],
                   why: "none (a liquid-only hall) to the hall's largest power"),
        FieldRange(.design, "halls[].maxRackWeightKg", "heaviest rack the floor carries", "kg", 100, 10000,
                   hints: [.times(1000, "tonnes"), .times(0.4536, "pounds"), .per(1000, "grams")],
                   why: "a light rack to a loaded slab's limit; NVL72 racks weigh 1.4–2.3 t"),
        FieldRange(.design, "halls[].build.capexUSD", "capex of building one hall", "USD", 1e5, 1e11,
                   why: "a small fit-out to a 500 MW hall at $200M/MW; 2025 cost guides give $10–13M per MW of IT"),
        FieldRange(.design, "halls[].build.leadTimeQuarters", "quarters from the first decision to a hall in service", "quarters", 0, 40,
                   whole: true, why: "none (a shell already standing) to ten years"),
        FieldRange(.design, "halls[].build.fixedOpexUSDPerYear", "fixed opex of one built hall", "USD/year", 0, 1e10,
                   why: "none to several percent of the largest hall's capex a year"),
        FieldRange(.design, "halls[].build.lifeYears", "life over which a hall's capex is annualized", "years", 5, 60,
                   hints: [.per(12, "months")], why: "short leases to the life of a building"),
        FieldRange(.design, "halls[].powerBlocks.capacityMW", "installed power path one power block adds to its hall", "MW", 0.1, 500,
                   hints: [.kW, .GW], why: "one UPS module's worth (a few hundred kW) to a whole hall's power path"),
        FieldRange(.design, "halls[].powerBlocks.perHall", "power blocks one hall takes", "blocks", 1, 64, whole: true,
                   why: "keeps work bounded: a hall's power path is built from a handful of blocks (4N/3 uses four), 64 is far past any"),
        FieldRange(.design, "halls[].powerBlocks.build.capexUSD", "capex of one power block", "USD", 1e4, 1e10,
                   why: "one small UPS module to a whole hall's UPS, transformers and switchgear"),
        FieldRange(.design, "halls[].powerBlocks.build.leadTimeQuarters", "quarters from the first decision to a power block in service",
                   "quarters", 0, 40, whole: true, why: "none (in stock) to ten years (large power transformers have quoted four)"),
        FieldRange(.design, "halls[].powerBlocks.build.fixedOpexUSDPerYear", "fixed opex of one power block", "USD/year", 0, 1e9,
                   why: "none to a tenth of the dearest block's capex a year"),
        FieldRange(.design, "halls[].powerBlocks.build.lifeYears", "life over which a power block's capex is annualized", "years", 5, 60,
                   hints: [.per(12, "months")], why: "UPS electronics last 10–15 years, transformers 30–40"),
        hallsInTotal,
        horizonQuarters,
        FieldRange(.design, "powerChain.transformerEfficiency", "transformer efficiency at design load", "", 0.8, 1, hints: [.percentage],
                   why: "a fraction; real transformers run 0.97–0.995"),
        FieldRange(.design, "powerChain.upsEfficiency", "UPS efficiency at design load", "", 0.8, 1, hints: [.percentage],
                   why: "a fraction; double conversion 0.94–0.97, eco mode up to 0.99, no UPS 1"),
        FieldRange(.design, "powerChain.houseLoadFractionOfIT", "house loads as a share of IT", "", 0, 0.2, hints: [.percentage],
                   why: "a fraction: lighting, offices and electrical rooms take about 1–3 % of IT; 20 % would be a second plant"),
        FieldRange(.design, "powerChain.battery.energyMWh", "battery energy in place from the first quarter", "MWh", 0, 50000,
                   hints: [.per(1000, "kWh")], why: "none (a battery the plan builds) or a UPS string to the largest grid batteries (a few GWh)"),
        FieldRange(.design, "powerChain.battery.powerMW", "battery power in place from the first quarter", "MW", 0, 10000, hints: [.kW],
                   why: "none (a battery the plan builds) or a UPS string to the largest grid batteries"),
        FieldRange(.design, "powerChain.battery.rideThroughMinutes", "minutes the battery must carry the facility's design power", "min",
                   0.1, 1440, hints: [.per(60, "seconds"), .times(60, "hours")],
                   why: "a UPS bridging to generators needs 1–15 minutes; a day (1,440) is past any ride-through, into energy shifting"),
        FieldRange(.design, "powerChain.battery.build.capexUSDPerMWh", "capex of one MWh of battery energy added", "USD/MWh", 1e4, 5e6,
                   hints: [.times(1000, "USD per kWh")],
                   why: "$10–5,000 per kWh: grid lithium-ion systems run $200–500/kWh all in (NREL ATB), UPS cabinets a few times that"),
        FieldRange(.design, "powerChain.battery.build.capexUSDPerMW", "capex of one MW of battery power added", "USD/MW", 0, 5e6,
                   why: "none (power priced in the energy) to $5,000 per kW; inverters and switchgear run $100–500/kW"),
        FieldRange(.design, "powerChain.battery.build.leadTimeQuarters", "quarters from the first decision to added battery in service",
                   "quarters", 0, 20, whole: true, why: "none (in stock) to five years"),
        FieldRange(.design, "powerChain.battery.build.lifeYears", "life over which added battery's capex is annualized", "years", 3, 30,
                   hints: [.per(12, "months")], why: "lithium-ion lasts 10–15 years (NREL ATB assumes 15), lead-acid 3–5, flow batteries 20–30"),
        FieldRange(.design, "powerChain.battery.build.fixedOpexUSDPerYearPerMWh", "fixed opex of one MWh of battery energy added",
                   "USD/year/MWh", 0, 5e5,
                   why: "none to a tenth of the dearest energy's capex a year; NREL ATB takes 2.5 % of capex a year"),
        FieldRange(.design, "powerChain.battery.roundTripEfficiency", "battery round-trip efficiency", "", 0.5, 1, hints: [.percentage],
                   why: "a fraction; lithium-ion 0.85–0.95, flow batteries 0.65–0.8"),
        FieldRange(.design, "airCooling.fanPowerFraction", "air-handler fan power per unit of air heat", "", 0, 0.5, hints: [.percentage],
                   why: "a fraction; real air handlers 0.03–0.1"),
        FieldRange(.design, "airCooling.chilledWaterSupplyC", "chilled-water supply", "°C", 2, 40, hints: temperatureHints,
                   why: "water that does not freeze to the warmest water an air handler can use"),
        FieldRange(.design, "airCooling.economizerApproachK", "economizer supply air above outdoor air", "K", 0, 15,
                   why: "fan heat alone (≈ 1 K) to an indirect air-to-air exchanger's approach"),
        FieldRange(.design, "designBasis.percent", "ASHRAE annual percent of the design pair", "%", 0.4, 2,
                   why: "ASHRAE tabulates the 0.4, 1 and 2 % pairs (and only those are accepted)"),
        FieldRange(.design, "designBasis.percentile", "percentile of the hourly effective temperature", "%", 50, 100,
                   hints: [.times(100, "a fraction")],
                   why: "the median hour to the hottest; design bases are 98–100 (exceeded in 2 % to none of the hours)"),
        FieldRange(.design, "designBasis.marginK", "margin added to the design effective temperature", "K", 0, 10,
                   why: "none to 10 K; mission-critical practice adds 1–3 K"),
        FieldRange(.design, "scalableUnits.*", "racks per scalable unit", "racks", 1, 1000, whole: true,
                   why: "keeps work bounded; vendor scalable units are 4–32 racks"),
        FieldRange(.design, "supplyCapRacksPerQuarter.*", "racks the supply chain delivers per quarter", "racks", 0, 1_000_000, whole: true,
                   why: "keeps work bounded; 10⁶ racks a quarter is far beyond world output"),
        FieldRange(.design, "budgetUSD", "cumulative capex limit (racks, and halls and feeds built)", "USD", 1e3, 1e13,
                   hints: [.times(1e6, "millions of USD"), .times(1e9, "billions of USD")],
                   why: "one rack to ten trillion dollars"),
        FieldRange(.design, "workloadMix[].share", "share of tokens", "", 0, 1, hints: [.percentage], why: "a fraction (shares sum to 1)"),
        FieldRange(.design, "workloadMix[].demand.meanUtilization", "mean share of token capacity demanded", "", 0.01, 1,
                   hints: [.percentage], why: "a fraction of the racks' full-load tokens; at 0 the workload would need no racks"),
        FieldRange(.design, "workloadMix[].demand.diurnalAmplitude", "diurnal amplitude of demand", "", 0, 1, hints: [.percentage],
                   why: "a fraction of mean demand; above 1 demand would go negative"),
        FieldRange(.design, "workloadMix[].demand.peakHourLocal", "local hour of peak demand", "h", 0, 24, why: "an hour of the day"),
        FieldRange(.design, "workloadMix[].demand.tenants", "independent tenants", "tenants", 1, 1_000_000, whole: true,
                   why: "pooling narrows noise by √tenants; beyond 10⁶ it is gone"),
        FieldRange(.design, "workloadMix[].demand.hourlyNoise", "one tenant's hourly noise", "", 0, 1, hints: [.percentage],
                   why: "a fraction of mean demand"),
        FieldRange(.design, "economics.depreciationYears", "depreciation period", "years", 1, 50, hints: [.per(12, "months")],
                   why: "racks 3–6 years, buildings up to 40"),
        FieldRange(.design, "economics.discountRate", "discount rate", "", 0, 0.5, hints: [.percentage],
                   why: "a fraction per year; real rates 0.03–0.15"),
        FieldRange(.design, "economics.facilityOpexUSDPerMWYear", "facility opex per MW-year", "USD/(MW·year)", 0, 1e7,
                   why: "none to ten times the usual 50,000–300,000"),
        FieldRange(.design, "economics.facilityCapexUSDPerMW", "facility capex per MW of critical IT capacity", "USD/MW", 1e5, 1e8,
                   hints: [.MW], why: "a tenth of the cheapest hyperscale shell ($3.6M/MW) to five times AI-optimized builds (>$20M/MW)"),
        FieldRange(.design, "economics.facilityLifeYears", "facility life for annualizing its capex", "years", 5, 60,
                   hints: [.per(12, "months")], why: "short leases to the life of a building and its substations"),
        FieldRange(.design, "economics.rackLifeYears", "rack service life", "years", 0.25, 30, hints: [.per(12, "months")],
                   why: "one quarter to far beyond the 4–7 years accelerators are kept"),
        FieldRange(.design, "economics.rackResidualShare", "share of rack capex recovered at retirement", "", 0, 0.99,
                   hints: [.percentage], why: "a fraction below 1: a retired rack never resells for more than it cost"),
        FieldRange(.design, "economics.decommissioningUSDPerRack", "cost of retiring one rack", "USD", 0, 1e7,
                   why: "none to more than a rack's price"),
        FieldRange(.design, "economics.fabricShareOfRackOverhead", "share of the rack price the all-in overhead spends on the scale-out network",
                   "", 0, 2, hints: [.percentage],
                   why: "a fraction of the rack price, at most the catalog's allInOverheadShare (0.185 for network, storage and installation)"),
        FieldRange(.design, "existingRacks[].racks", "racks installed before the horizon", "racks", 1, 5000, whole: true,
                   why: "at least one; no hall has more than 5,000 positions"),
    ]

    static let catalog: [FieldRange] = [
        FieldRange(.catalog, "workloads[].timeToFirstTokenS", "time-to-first-token limit", "s", 0.001, 120, hints: [.per(1000, "milliseconds")],
                   why: "1 ms to two minutes; MLPerf limits are 0.45–6 s"),
        FieldRange(.catalog, "workloads[].minTokensPerSecondPerUser", "minimum output speed per user", "tokens/s", 0.1, 10000,
                   why: "slower than reading to far faster than any service level"),
        FieldRange(.catalog, "profiles[].gpusPerRack", "GPUs per rack", "GPUs", 1, 1000, whole: true,
                   why: "keeps work bounded; racks hold 8–576 GPUs"),
        FieldRange(.catalog, "profiles[].rackMaxKW", "rack IT power at full load in its power mode", "kW", 1, 1000, hints: [.W, .MW],
                   why: "an edge rack to a 1 MW rack"),
        FieldRange(.catalog, "profiles[].rackBenchmarkKW", "rack IT power while running a benchmark", "kW", 0.1, 1000, hints: [.W, .MW],
                   why: "as rackMaxKW, and at most rackMaxKW; measured 8×B200 servers draw 0.67–0.73 of their maximum"),
        FieldRange(.catalog, "profiles[].rackIdleKW", "rack IT power when idle", "kW", 0, 1000, hints: [.W],
                   why: "as rackMaxKW, and at most rackBenchmarkKW"),
        FieldRange(.catalog, "profiles[].liquidShare", "share of rack heat to liquid", "", 0, 1, hints: [.percentage], why: "a fraction"),
        FieldRange(.catalog, "profiles[].maxCoolantSupplyC", "highest coolant supply the rack accepts", "°C", 2, 70, hints: temperatureHints,
                   why: "as the facility water supply"),
        FieldRange(.catalog, "profiles[].maxAirInletC", "highest air inlet", "°C", 5, 60, hints: temperatureHints,
                   why: "ASHRAE classes A1–A4 allow inlets up to 32–45 °C"),
        FieldRange(.catalog, "profiles[].flowLpmPerKW", "coolant flow per kW of liquid heat", "L/min per kW", 0, 10,
                   hints: [.per(60, "L/h per kW")],
                   why: "none (air-cooled) to 10: 1.5 L/min per kW is a 10 K rise, 10 a 1.4 K rise"),
        FieldRange(.catalog, "profiles[].weightKg", "rack weight", "kg", 10, 10000,
                   hints: [.times(1000, "tonnes"), .times(0.4536, "pounds"), .per(1000, "grams")],
                   why: "a few servers to a loaded slab's limit"),
        FieldRange(.catalog, "profiles[].positionsPerRack", "floor positions one rack takes", "positions", 1, 10, whole: true,
                   why: "one standard rack to a wide multi-bay system"),
        FieldRange(.catalog, "profiles[].nvlinkDomainGPUs", "GPUs in one NVLink domain", "GPUs", 1, 4096, whole: true,
                   why: "keeps work bounded; domains reach 576 GPUs (NVL576)"),
        FieldRange(.catalog, "profiles[].scaleOutPortsPerGPU", "scale-out network ports per GPU", "ports", 0, 16, whole: true,
                   why: "keeps work bounded; GPUs have 0–2 scale-out NICs"),
        FieldRange(.catalog, "profiles[].scaleOutGbpsPerPort", "speed of each scale-out port", "Gb/s", 1, 10000, hints: [.per(1000, "Mb/s")],
                   why: "1 Gb/s Ethernet to beyond 3.2 Tb/s"),
        FieldRange(.catalog, "profiles[].networkKWPerRack", "in-rack network power", "kW", 0, 100, hints: [.W],
                   why: "none to ten times an NVL72's switch trays"),
        FieldRange(.catalog, "profiles[].rackPriceUSD", "price of one rack", "USD", 1e3, 1e9,
                   hints: [.times(1e3, "thousands of USD"), .times(1e6, "millions of USD")],
                   why: "a bare rack to a hundred times the dearest rack in the catalog (7.8 million USD); keeps the model's coefficients scaled"),
        FieldRange(.catalog, "profiles[].allInOverheadShare", "all-in overhead on the rack price", "", 0, 2, hints: [.percentage],
                   why: "a fraction of the rack price; cluster-level estimates put network, storage and installation at 0.1–0.4"),
        FieldRange(.catalog, "profiles[].gpuPriceUSD", "price of one GPU", "USD", 100, 1e6,
                   hints: [.times(1e3, "thousands of USD")],
                   why: "a consumer card to ten times a 2026 data-center GPU (25,000–50,000 USD)"),
        FieldRange(.catalog, "profiles[].throughput[].mlperf.systemTokensPerSecond", "system tokens/s of an MLPerf result", "tokens/s", 0.001, 1e9,
                   why: "as tokens/s per GPU, times up to a thousand GPUs; MLPerf system results are 280–1.2 million"),
        FieldRange(.catalog, "profiles[].throughput[].mlperf.gpus", "GPUs in an MLPerf system", "GPUs", 1, 10000, whole: true,
                   why: "one GPU to the largest multi-rack submissions (hundreds of GPUs)"),
        FieldRange(.catalog, "profiles[].throughput[].mlperf.accuracyTargetPercent", "MLPerf accuracy target", "%", 50, 100,
                   why: "MLPerf targets are 99 % and 99.9 % of the reference score"),
        FieldRange(.catalog, "profiles[].throughput[].tokensPerSecondPerGPU", "tokens/s per GPU", "tokens/s", 0.001, 1e6,
                   why: "a huge model on an old GPU to a tiny one on a new; MLPerf results are 35–16,000"),
    ]
}

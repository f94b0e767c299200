import PlantModel

/// The outdoor condition a plant is sized at, worked out from a design basis (``DesignBasis``): the
/// dry-bulb and wet-bulb taken, the effective temperature the plant works against and the basis in words.
///
/// The effective temperature is the plant's: the dry-bulb for a dry cooler, the wet-bulb for a cooling
/// tower, T_db − ε_pad (T_db − T_wb) for an adiabatic dry cooler (``HeatRejectionCurve/padCoolingK(dryBulbC:wetBulbC:)``).
/// - `worseOfPairs`: the ASHRAE cooling pair (dry-bulb, mean coincident wet-bulb) and evaporation pair
///   (wet-bulb, mean coincident dry-bulb) at the percent, whichever gives the higher effective temperature
///   (ASHRAE Fundamentals ch. 14: dry equipment on the dry-bulb pair, evaporative on the worse of the two).
/// - `cooling` / `evaporation`: that pair alone.
/// - `extreme`: the 20-year maximum dry-bulb with the extreme annual wet-bulb. The table gives no coincident
///   values for its extremes, so taking both together is an upper bound for an adiabatic plant.
/// - `fromHours`: the nearest-rank percentile of the hourly effective temperature: sorted ascending, the
///   value at rank ⌈p/100 · N⌉ of N hours (ties in file order), so at most N − rank hours are hotter; the
///   dry-bulb and wet-bulb are that hour's.
/// The margin is added to the effective temperature only.
public struct DesignAmbient: Sendable, Equatable {
    /// Dry-bulb of the basis, °C.
    public var dryBulbC: Double
    /// Wet-bulb of the basis, °C.
    public var wetBulbC: Double
    /// Effective temperature the plant is sized at, margin included, °C.
    public var effectiveAmbientC: Double
    /// The basis in words, e.g. "evaporation 0.4 % (WB 24.5 °C, MCDB 35.8 °C) + 1 K margin → T_eff 27.76 °C".
    public var description: String

    /// The design ambient of `design` on `site` at the design's basis (``ReferenceDesign/designBasisUsed``).
    public init(design: ReferenceDesign, site: Site) {
        self.init(basis: design.designBasisUsed, climate: site.climate, plant: HeatRejectionCurve(design: design))
    }

    /// The design ambient of `plant` at `basis` in `climate`. A `fromHours` basis without hours (set by the
    /// plan's weather input) falls back to ``DesignBasis/standard`` and says so in ``description``.
    public init(basis: DesignBasis, climate: Climate, plant: HeatRejectionCurve) {
        func effective(_ db: Double, _ wb: Double) -> Double { plant.effectiveAmbientC(dryBulbC: db, wetBulbC: wb) }
        let percent = basis.percentUsed
        var db: Double, wb: Double, t: Double, basisText: String
        switch basis.condition {
        case .cooling, .evaporation, .worseOfPairs:
            let cooling = Self.coolingPair(climate, percent: percent), evaporation = Self.evaporationPair(climate, percent: percent)
            let coolingT = effective(cooling.db, cooling.wb), evaporationT = effective(evaporation.db, evaporation.wb)
            let useCooling = basis.condition == .cooling || (basis.condition == .worseOfPairs && coolingT >= evaporationT)
            let pair = useCooling ? cooling : evaporation
            (db, wb, t) = (pair.db, pair.wb, useCooling ? coolingT : evaporationT)
            let pct = Self.text(percent)
            basisText = useCooling ? "cooling \(pct) % (DB \(Self.text(db)) °C, MCWB \(Self.text(wb)) °C)"
                : "evaporation \(pct) % (WB \(Self.text(wb)) °C, MCDB \(Self.text(db)) °C)"
            if basis.condition == .worseOfPairs {
                let other = useCooling ? "evaporation \(pct) % gives \(Self.text(evaporationT)) °C" : "cooling \(pct) % gives \(Self.text(coolingT)) °C"
                basisText = "worse of the \(pct) % pairs: " + basisText + " (\(other))"
            }
        case .extreme:
            (db, wb) = (climate.extremeDryBulb20YearC, climate.extremeWetBulbC)
            t = effective(db, wb)
            basisText = "extreme (20-year DB \(Self.text(db)) °C, extreme annual WB \(Self.text(wb)) °C)"
        case .fromHours:
            let percentile = basis.percentile ?? 99.6
            guard let hours = basis.hours, !hours.dryBulbC.isEmpty, hours.dryBulbC.count == hours.wetBulbC.count else {
                self = DesignAmbient(basis: .standard, climate: climate, plant: plant)
                description = "percentile \(Self.text(percentile)) of the hours needs a weather year and none was given; " + description
                return
            }
            let temperatures = zip(hours.dryBulbC, hours.wetBulbC).map { effective($0, $1) }
            let order = temperatures.indices.sorted { (temperatures[$0], $0) < (temperatures[$1], $1) }
            let rank = Self.nearestRank(percentile: percentile, count: temperatures.count)
            let hour = order[rank - 1]
            (db, wb, t) = (hours.dryBulbC[hour], hours.wetBulbC[hour], temperatures[hour])
            basisText = "percentile \(Self.text(percentile)) of the hourly T_eff over \(temperatures.count) h of \(hours.source) "
                + "(rank \(rank): DB \(Self.text(db)) °C, WB \(Self.text(wb)) °C)"
        }
        let margin = basis.marginK ?? 0
        if margin != 0 {
            basisText += " → T_eff \(Self.text(t)) °C + \(Self.text(margin)) K margin"
            t += margin
        }
        dryBulbC = db
        wetBulbC = wb
        effectiveAmbientC = t
        description = basisText + " → T_eff \(Self.text(t)) °C"
    }

    /// Rank of the nearest-rank percentile `p` of `count` values sorted ascending: ⌈p/100 · count⌉, in 1…count.
    public static func nearestRank(percentile p: Double, count: Int) -> Int {
        min(count, max(1, Int((p * Double(count) / 100).rounded(.up))))
    }

    /// The site's ASHRAE cooling pair at `percent` (0.4, 1 or 2): dry-bulb and mean coincident wet-bulb.
    static func coolingPair(_ c: Climate, percent: Double) -> (db: Double, wb: Double) {
        switch percent {
        case 1: (c.coolingDesignDryBulb1PercentC, c.coolingDesignCoincidentWetBulb1PercentC)
        case 2: (c.coolingDesignDryBulb2PercentC, c.coolingDesignCoincidentWetBulb2PercentC)
        default: (c.coolingDesignDryBulbC, c.coolingDesignCoincidentWetBulbC)
        }
    }

    /// The site's ASHRAE evaporation pair at `percent`: mean coincident dry-bulb and wet-bulb.
    static func evaporationPair(_ c: Climate, percent: Double) -> (db: Double, wb: Double) {
        switch percent {
        case 1: (c.evaporationDesignCoincidentDryBulb1PercentC, c.evaporationDesignWetBulb1PercentC)
        case 2: (c.evaporationDesignCoincidentDryBulb2PercentC, c.evaporationDesignWetBulb2PercentC)
        default: (c.evaporationDesignCoincidentDryBulbC, c.evaporationDesignWetBulbC)
        }
    }

    /// A temperature or percent rounded to 0.01, as written in ``description``.
    static func text(_ x: Double) -> String { format((x * 100).rounded() / 100) }
}

import PlantModel
import PlantPhysics
import Plans

/// The figures of one simulated run over all its years. PUE is the energy ratio
/// of ISO/IEC 30134-2 and WUE the site water over IT energy of ISO/IEC 30134-9.
public struct RunSummary: Codable, Sendable, Equatable {
    public var hours: Int
    public var itEnergyMWh: Double = 0
    public var coolingEnergyMWh: Double = 0
    public var lossesEnergyMWh: Double = 0
    /// Energy of the house loads (lighting, offices, electrical rooms' cooling, security), MWh.
    public var houseEnergyMWh: Double = 0
    /// Energy drawn from the grid (the facility's meter): load less battery discharge plus battery charging.
    public var facilityEnergyMWh: Double = 0
    public var waterM3: Double = 0
    public var tokens: Double = 0
    public var lostTokens: Double = 0
    public var throttledHours: Int = 0
    public var powerLimitedHours: Int = 0
    public var thermalLimitedHours: Int = 0
    /// Hours whose limit was one hall's power path, CDUs or air handlers.
    public var hallLimitedHours: Int = 0
    /// The hall and limit named in the most hours (the first to reach that count), and its hours.
    public var limitingHall: HallLimit?
    public var limitingHallHours: Int = 0
    /// Hours each hall and limit was named.
    var hallLimitHours: [HallLimit: Int] = [:]
    public var freeCoolingHours: Int = 0
    /// Hours with at least one feed in service out.
    public var feedOutageHours: Int = 0
    public var minPowerHeadroomMW: Double?
    public var minPowerHeadroomAt: String?
    public var minThermalHeadroomMW: Double?
    public var minThermalHeadroomAt: String?
    /// First hour that throttled, and on what.
    public var firstThrottleAt: String?
    public var firstThrottleLimit: ThrottleLimit?
    /// Energy the battery delivered, MWh, and the hours it delivered any.
    public var batteryDischargedMWh: Double = 0
    public var batteryHours: Int = 0
    /// The largest hourly power shortfall at full demand before battery and throttling, MW, and when.
    public var largestShortfallMW: Double = 0
    public var largestShortfallAt: String?
    /// The largest energy shortfall of one run of consecutive short hours, MWh: the battery energy that
    /// would have bridged every shortfall of the run, E = ∫ max(0, P − P_grid,cap) dt.
    public var largestShortfallEventMWh: Double = 0
    /// Hours in which even idle GPUs leave power or thermal headroom negative: load the site cannot
    /// carry however far it throttles. The power grid and battery could not supply and the heat the plant
    /// could not reject in those hours, MWh.
    public var unservedHours: Int = 0
    public var unservedPowerMWh: Double = 0
    public var unservedHeatMWh: Double = 0
    /// The shortfall energy of the run of short hours in progress, MWh.
    var shortfallEventMWh: Double = 0
    /// Energy at the site's price, USD.
    public var energyCostUSD: Double = 0
    /// Annualized rack and facility capital and facility opex for the hours simulated, and the decommissioning of the racks
    /// retired in their quarters, USD.
    public var capitalAndOpexUSD: Double = 0
    /// CO₂ of the facility energy at the site's grid carbon intensity, t; `nil` where the site gives none.
    public var co2Tonnes: Double?
    /// Water the site may draw over the hours simulated (its yearly limit × hours / 8,760), m³; `nil` for no limit.
    public var waterLimitM3: Double?

    public init(hours: Int = 0) { self.hours = hours }

    /// Annual PUE: facility energy over IT energy.
    public var pue: Double? { itEnergyMWh > 0 ? facilityEnergyMWh / itEnergyMWh : nil }
    /// L of water per kWh of IT energy.
    public var wueLPerKWh: Double? { itEnergyMWh > 0 ? waterM3 / itEnergyMWh : nil }
    public var tokensPerMWh: Double? { facilityEnergyMWh > 0 ? tokens / facilityEnergyMWh : nil }
    public var costPerMillionTokensUSD: Double? { tokens > 0 ? (energyCostUSD + capitalAndOpexUSD) / tokens * 1e6 : nil }
    /// Share of demanded tokens served.
    public var servedShare: Double? { tokens + lostTokens > 0 ? tokens / (tokens + lostTokens) : nil }
    /// CO₂ per year simulated, t/yr.
    public var co2TonnesPerYear: Double? { hours > 0 ? co2Tonnes.map { $0 * TimeBase.hoursPerCommonYear / Double(hours) } : nil }
    /// Water per year simulated, m³/yr (0 for no hours).
    public var waterM3PerYear: Double { hours > 0 ? waterM3 * TimeBase.hoursPerCommonYear / Double(hours) : 0 }
    /// CO₂ per million tokens served, g.
    public var co2GramsPerMillionTokens: Double? { tokens > 0 ? co2Tonnes.map { $0 * 1e6 / (tokens / 1e6) } : nil }
    /// Water drawn beyond the site's limit, m³ (0 within it); `nil` where the site has no limit.
    public var waterOverLimitM3: Double? { waterLimitM3.map { max(0, waterM3 - $0) } }

    /// Adds one hour.
    mutating func add(_ r: HourRecord, fleet: InstalledFleet?, site: Site, opexUSDPerMWYear: Double) {
        hours += 1
        let s = r.state
        if let intensity = site.carbonIntensityKgPerMWh { co2Tonnes = (co2Tonnes ?? 0) + r.gridMW * intensity / 1000 }
        if let limit = site.waterLimitM3PerYear { waterLimitM3 = (waterLimitM3 ?? 0) + limit / TimeBase.hoursPerCommonYear }
        itEnergyMWh += s.itMW
        coolingEnergyMWh += s.coolingMW
        lossesEnergyMWh += s.lossesMW
        houseEnergyMWh += s.houseMW
        facilityEnergyMWh += r.gridMW
        waterM3 += s.waterM3
        tokens += r.tokens
        lostTokens += r.lostTokens
        energyCostUSD += r.gridMW * site.energyPriceUSDPerMWh
        if r.batteryMW > 0 { (batteryDischargedMWh, batteryHours) = (batteryDischargedMWh + r.batteryMW, batteryHours + 1) }
        if r.powerShortfallMW > largestShortfallMW { (largestShortfallMW, largestShortfallAt) = (r.powerShortfallMW, r.timestamp) }
        shortfallEventMWh = r.powerShortfallMW > 0 ? shortfallEventMWh + r.powerShortfallMW : 0
        largestShortfallEventMWh = max(largestShortfallEventMWh, shortfallEventMWh)
        if let fleet {
            capitalAndOpexUSD += (fleet.rackCapitalUSDPerYear + fleet.facilityCapitalUSDPerYear
                + fleet.plannedFacilityMW * opexUSDPerMWYear) / TimeBase.hoursPerCommonYear
        }
        if r.feedsOut > 0 { feedOutageHours += 1 }
        guard fleet.map({ $0.racks > 0 }) ?? false else { return }
        if s.freeCooling { freeCoolingHours += 1 }
        if let limit = r.limit {
            throttledHours += 1
            switch limit {
            case .power: powerLimitedHours += 1
            case .thermal: thermalLimitedHours += 1
            case .hallPower, .cdu, .air: hallLimitedHours += 1
            }
            if let hall = r.limitingHall {
                let key = HallLimit(hall: hall, limit: limit), n = hallLimitHours[key, default: 0] + 1
                hallLimitHours[key] = n
                if n > limitingHallHours { (limitingHall, limitingHallHours) = (key, n) }
            }
            if firstThrottleAt == nil { (firstThrottleAt, firstThrottleLimit) = (r.timestamp, limit) }
        }
        let (unservedPower, unservedHeat) = (max(0, -r.powerHeadroomMW), max(0, -s.thermalHeadroomMW))
        if unservedPower > 1e-9 || unservedHeat > 1e-9 {
            (unservedHours, unservedPowerMWh, unservedHeatMWh) = (unservedHours + 1, unservedPowerMWh + unservedPower, unservedHeatMWh + unservedHeat)
        }
        if minPowerHeadroomMW.map({ r.powerHeadroomMW < $0 }) ?? true { (minPowerHeadroomMW, minPowerHeadroomAt) = (r.powerHeadroomMW, r.timestamp) }
        if minThermalHeadroomMW.map({ s.thermalHeadroomMW < $0 }) ?? true { (minThermalHeadroomMW, minThermalHeadroomAt) = (s.thermalHeadroomMW, r.timestamp) }
    }
}

/// A hall and one of its limits.
public struct HallLimit: Codable, Sendable, Hashable {
    public var hall: String
    public var limit: ThrottleLimit

    /// "hall (limit)".
    public var text: String { "\(hall) (\(limit.rawValue))" }
}

extension HourRecord {
    /// `YYYY-MM-DDTHH:00`, the hour's start in local standard time.
    public var timestamp: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):00"
    }
}

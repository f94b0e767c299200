import PlantModel

/// The figures of one simulated run over all its years (DESIGN.md §5 step 8). PUE is the energy ratio
/// of ISO/IEC 30134-2 and WUE the site water over IT energy of ISO/IEC 30134-9.
public struct RunSummary: Codable, Sendable, Equatable {
    public var hours: Int
    public var itEnergyMWh: Double = 0
    public var coolingEnergyMWh: Double = 0
    public var lossesEnergyMWh: Double = 0
    public var facilityEnergyMWh: Double = 0
    public var waterM3: Double = 0
    public var tokens: Double = 0
    public var lostTokens: Double = 0
    public var throttledHours: Int = 0
    public var powerLimitedHours: Int = 0
    public var thermalLimitedHours: Int = 0
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
    /// Energy at the site's price, USD.
    public var energyCostUSD: Double = 0
    /// Annualized rack capex and facility opex for the hours simulated, USD.
    public var capitalAndOpexUSD: Double = 0

    public init(hours: Int = 0) { self.hours = hours }

    /// Annual PUE: facility energy over IT energy.
    public var pue: Double? { itEnergyMWh > 0 ? facilityEnergyMWh / itEnergyMWh : nil }
    /// L of water per kWh of IT energy.
    public var wueLPerKWh: Double? { itEnergyMWh > 0 ? waterM3 / itEnergyMWh : nil }
    public var tokensPerMWh: Double? { facilityEnergyMWh > 0 ? tokens / facilityEnergyMWh : nil }
    public var costPerMillionTokensUSD: Double? { tokens > 0 ? (energyCostUSD + capitalAndOpexUSD) / tokens * 1e6 : nil }
    /// Share of demanded tokens served.
    public var servedShare: Double? { tokens + lostTokens > 0 ? tokens / (tokens + lostTokens) : nil }

    /// Adds one hour.
    mutating func add(_ r: HourRecord, fleet: InstalledFleet?, site: Site, capitalRecoveryFactor: Double, opexUSDPerMWYear: Double) {
        hours += 1
        let s = r.state
        itEnergyMWh += s.itMW
        coolingEnergyMWh += s.coolingMW
        lossesEnergyMWh += s.lossesMW
        facilityEnergyMWh += s.facilityMW
        waterM3 += s.waterM3
        tokens += r.tokens
        lostTokens += r.lostTokens
        energyCostUSD += s.facilityMW * site.energyPriceUSDPerMWh
        if let fleet {
            capitalAndOpexUSD += (fleet.capexCumulativeUSD * capitalRecoveryFactor + fleet.plannedFacilityMW * opexUSDPerMWYear) / 8760
        }
        if r.feedsOut > 0 { feedOutageHours += 1 }
        guard fleet.map({ $0.racks > 0 }) ?? false else { return }
        if s.freeCooling { freeCoolingHours += 1 }
        if let limit = r.limit {
            throttledHours += 1
            if limit == .power { powerLimitedHours += 1 } else { thermalLimitedHours += 1 }
            if firstThrottleAt == nil { (firstThrottleAt, firstThrottleLimit) = (r.timestamp, limit) }
        }
        if minPowerHeadroomMW.map({ r.powerHeadroomMW < $0 }) ?? true { (minPowerHeadroomMW, minPowerHeadroomAt) = (r.powerHeadroomMW, r.timestamp) }
        if minThermalHeadroomMW.map({ s.thermalHeadroomMW < $0 }) ?? true { (minThermalHeadroomMW, minThermalHeadroomAt) = (s.thermalHeadroomMW, r.timestamp) }
    }
}

extension HourRecord {
    /// `YYYY-MM-DDTHH:00`, the hour's start in local standard time.
    public var timestamp: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):00"
    }
}

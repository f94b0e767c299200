/// The facility's share of every cost (README "Every dollar"): the halls' capex per MW of critical IT capacity,
/// annualized over the facility's life, and the utilization the fleet's energy and tokens are counted at.
extension ReferenceDesign {
    /// Mean share of token capacity demanded, over the workloads weighted by their share of tokens (the twin's
    /// demand model averages to it: its daily swing and noise have mean zero).
    public var meanUtilization: Double {
        workloadMix.reduce(0) { $0 + $1.share * ($1.demand ?? .standard).meanUtilization }
    }

    /// Critical IT capacity of the halls in service in `quarter` (usable after each hall's redundancy rule), MW.
    public func criticalITCapacityMW(in quarter: Quarter) -> Double {
        halls.filter { $0.availableFrom <= quarter }.reduce(0) { $0 + Double($1.count) * $1.usableITCapacityMW }
    }

    /// Annualized facility capex of the halls in service in `quarter`, USD per year; 0 without a facility capex.
    public func facilityCapitalUSDPerYear(in quarter: Quarter) -> Double {
        guard let capex = economics.facilityCapexUSDPerMW, let life = economics.facilityLifeYears else { return 0 }
        return criticalITCapacityMW(in: quarter) * capex * economics.capitalRecoveryFactor(years: life)
    }

    /// Facility capex spent in `quarter`: the halls that enter service in it (in the horizon's first quarter, also
    /// those in service before it), USD; 0 without a facility capex.
    public func facilityCapexUSD(spentIn quarter: Quarter) -> Double {
        guard let capex = economics.facilityCapexUSDPerMW else { return 0 }
        let entering = halls.filter { quarter == horizon.first ? $0.availableFrom <= quarter : $0.availableFrom == quarter }
        return entering.reduce(0) { $0 + Double($1.count) * $1.usableITCapacityMW } * capex
    }
}

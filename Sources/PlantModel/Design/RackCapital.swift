extension ReferenceDesign {
    /// Whether plans of this design decide rack retirements: only when it speaks of them (existing racks, a rack life,
    /// a residual share or a decommissioning cost).
    public var decidesRetirement: Bool {
        !(existingRacks ?? []).isEmpty || economics.rackLifeYears != nil || economics.rackResidualShare != nil
            || economics.decommissioningUSDPerRack != nil
    }

    /// Quarters over which a bought rack's annuity repays its capex: `depreciationYears` in whole quarters (it is charged
    /// by the quarter), or the rack's life where shorter (a rack out of service at its life has nothing left to pay for
    /// after it). README "A rack's capital is sunk once bought".
    public var rackRecoveryQuarters: Int { min(depreciationQuarters, economics.rackLifeQuarters ?? depreciationQuarters) }

    /// `depreciationYears` in whole quarters (at least one): what capex bought by the quarter is repaid over.
    public var depreciationQuarters: Int { max(1, Int((economics.depreciationYears * 4).rounded())) }

    /// Years over which a bought rack's annuity repays its capex (``rackRecoveryQuarters``).
    public var rackRecoveryYears: Double { Double(rackRecoveryQuarters) / 4 }

    /// Annual capital cost of the racks in quarter `t` of a plan whose racks bought cost `capexNewUSD[τ]` in its quarter τ:
    /// the annuity of those bought within the last ``rackRecoveryQuarters``, retired or not (their capital sunk once
    /// bought; racks standing before the plan, none), USD per year.
    public func rackCapitalUSDPerYear(capexNewUSD: [Double], quarter t: Int) -> Double {
        capitalUSDPerYear(capexNewUSD: capexNewUSD, quarter: t, recoveryQuarters: rackRecoveryQuarters)
    }

    /// Annual capital cost in quarter `t` of what was bought at `capexNewUSD[τ]` in each quarter τ and is repaid over
    /// `recoveryQuarters`: the annuity of what was bought within the last `recoveryQuarters`, USD per year.
    func capitalUSDPerYear(capexNewUSD: [Double], quarter t: Int, recoveryQuarters: Int) -> Double {
        let paying = capexNewUSD[max(0, t - recoveryQuarters + 1)...t].reduce(0, +)
        return paying * economics.capitalRecoveryFactor(years: Double(recoveryQuarters) / 4)
    }
}

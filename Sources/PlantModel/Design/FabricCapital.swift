extension ReferenceDesign {
    /// Whether the fabrics carry prices of their own (README "Fabric capex"): validation asks for prices on the site's fabric
    /// and on every hall's own fabric once one has them, and for `economics.fabricShareOfRackOverhead`.
    public var pricesFabrics: Bool { fabric.isPriced || halls.contains { $0.fabric?.isPriced == true } }

    /// A rack's all-in capex in this design, USD: the catalog's rack price × (1 + allInOverheadShare), less the overhead's
    /// fabric share (``Economics/fabricShareOfRackOverhead``) where the fabrics are priced apart, so no port is paid twice.
    public func rackCapexUSD(_ profile: RackProfile) -> Double {
        profile.rackPriceUSD * (1 + profile.allInOverheadShare - (pricesFabrics ? economics.fabricShareOfRackOverhead ?? 0 : 0))
    }

    /// Quarters over which fabric capex is repaid: ``depreciationQuarters``. A rack's life does not shorten it: the switches
    /// and optics freed by a retired rack stay installed and serve the racks after it.
    public var fabricRecoveryQuarters: Int { depreciationQuarters }

    /// Annual capital cost in quarter `t` of the fabric ports bought at `capexNewUSD[τ]` in each quarter τ: the annuity of
    /// those bought within the last ``fabricRecoveryQuarters``, USD per year.
    public func fabricCapitalUSDPerYear(capexNewUSD: [Double], quarter t: Int) -> Double {
        capitalUSDPerYear(capexNewUSD: capexNewUSD, quarter: t, recoveryQuarters: fabricRecoveryQuarters)
    }
}

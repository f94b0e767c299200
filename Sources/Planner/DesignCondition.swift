import PlantModel

/// The facility at the site's cooling design condition: what the heat-rejection plant can do, and how
/// much heat needs chillers. The planner sizes against this; the twin checks every hour.
public struct DesignCondition: Sendable, Equatable, Codable {
    /// Ambient the plant works against, °C: 0.4 % dry-bulb (dry cooler), its adiabatically pre-cooled
    /// value (adiabatic), or the extreme wet-bulb (tower).
    public var effectiveAmbientC: Double
    /// Coldest water the plant makes without chillers: ambient + approach, °C.
    public var freeCoolingSupplyC: Double
    /// Fluid entering the plant, °C: the facility return for liquid designs, else the rating inlet.
    public var plantInletC: Double
    /// Heat the plant rejects at this condition, MW.
    public var rejectionCapacityMW: Double
    /// Share of liquid heat that chillers must carry (series economizer + chiller).
    public var liquidChillerShare: Double

    /// Works out the design condition of `design` on `site`.
    ///
    /// Capacity derates linearly with the temperature difference between fluid and ambient:
    /// Q = Q_rated · (T_in − T_amb) / (T_in,rated − T_amb,rated) (ε-NTU at fixed UA, physics.md B5).
    /// Adiabatic pre-cooling: T_eff = T_db − ε·(T_db − T_wb). Chiller share of liquid heat:
    /// (T_free − T_supply) / (T_return − T_supply), clamped to [0, 1].
    public init(design: ReferenceDesign, site: Site) {
        let hr = design.heatRejection
        let climate = site.climate
        switch hr.type {
        case .dryCooler:
            effectiveAmbientC = climate.coolingDesignDryBulbC
        case .adiabaticDryCooler:
            let e = hr.adiabaticEffectiveness ?? 0
            effectiveAmbientC = climate.coolingDesignDryBulbC
                - e * (climate.coolingDesignDryBulbC - climate.coolingDesignCoincidentWetBulbC)
        case .coolingTower:
            effectiveAmbientC = climate.extremeWetBulbC
        }
        freeCoolingSupplyC = effectiveAmbientC + hr.approachK
        plantInletC = design.liquidCooling?.facilityReturnTempC ?? hr.ratedFluidInletC
        let ratedDifference = hr.ratedFluidInletC - hr.ratedAmbientC
        rejectionCapacityMW = max(0, hr.ratedCapacityMW * (plantInletC - effectiveAmbientC) / ratedDifference)
        if let lc = design.liquidCooling {
            let share = (freeCoolingSupplyC - lc.facilitySupplyTempC) / lc.loopDeltaTK
            liquidChillerShare = min(1, max(0, share))
        } else {
            liquidChillerShare = 0
        }
    }
}

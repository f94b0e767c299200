import PlantModel

/// The facility at the site's cooling design condition: what the heat-rejection plant can do, and how
/// much heat needs chillers. The planner sizes against this; the twin checks every hour.
public struct DesignCondition: Sendable, Equatable, Codable, PlaceholderDecodable {
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

    public init(effectiveAmbientC: Double, freeCoolingSupplyC: Double, plantInletC: Double, rejectionCapacityMW: Double,
                liquidChillerShare: Double) {
        self.effectiveAmbientC = effectiveAmbientC
        self.freeCoolingSupplyC = freeCoolingSupplyC
        self.plantInletC = plantInletC
        self.rejectionCapacityMW = rejectionCapacityMW
        self.liquidChillerShare = liquidChillerShare
    }

    /// A stand-in for ``PlaceholderDecodable`` (plan.json decoding goes on after a problem to report every one).
    public static var placeholder: DesignCondition {
        DesignCondition(effectiveAmbientC: 0, freeCoolingSupplyC: 0, plantInletC: 0, rejectionCapacityMW: 0, liquidChillerShare: 0)
    }

    /// Works out the design condition of `design` on `site` with the plant curves of ``HeatRejectionCurve``
    /// and ``ChillerCurve``.
    public init(design: ReferenceDesign, site: Site) {
        let plant = HeatRejectionCurve(design: design)
        let climate = site.climate
        switch design.heatRejection.type {
        case .dryCooler:
            effectiveAmbientC = climate.coolingDesignDryBulbC
        case .adiabaticDryCooler:
            effectiveAmbientC = climate.coolingDesignDryBulbC
                - plant.padCoolingK(dryBulbC: climate.coolingDesignDryBulbC, wetBulbC: climate.coolingDesignCoincidentWetBulbC)
        case .coolingTower:
            effectiveAmbientC = climate.extremeWetBulbC
        }
        freeCoolingSupplyC = plant.freeCoolingSupplyC(effectiveAmbientC: effectiveAmbientC)
        plantInletC = plant.plantInletC
        rejectionCapacityMW = plant.capacityMW(effectiveAmbientC: effectiveAmbientC)
        let free = freeCoolingSupplyC
        liquidChillerShare = design.liquidCooling.map { ChillerCurve.liquidShare(freeCoolingSupplyC: free, loop: $0) } ?? 0
    }
}

import PlantModel

/// The facility at the site's cooling design condition: what the heat-rejection plant can do, and how
/// much heat needs chillers. The planner sizes against this; the twin checks every hour.
public struct DesignCondition: Sendable, Equatable, Codable, PlaceholderDecodable {
    /// Ambient the plant works against at the design basis, °C (``DesignAmbient``): the dry-bulb (dry
    /// cooler), the adiabatically pre-cooled dry-bulb (adiabatic) or the wet-bulb (tower), margin included.
    public var effectiveAmbientC: Double
    /// The design basis in words (``DesignAmbient/description``); `nil` in plans written before it was recorded.
    public var designBasis: String?
    /// Dry-bulb of the design basis, °C; `nil` in plans written before it was recorded.
    public var designDryBulbC: Double?
    /// Wet-bulb of the design basis, °C; `nil` in plans written before it was recorded.
    public var designWetBulbC: Double?
    /// Coldest water the plant makes without chillers: ambient + approach, °C.
    public var freeCoolingSupplyC: Double
    /// Fluid entering the plant, °C: the facility return for liquid designs, else the rating inlet.
    public var plantInletC: Double
    /// Heat the plant rejects at this condition, MW.
    public var rejectionCapacityMW: Double
    /// Share of liquid heat that chillers must carry (series economizer + chiller).
    public var liquidChillerShare: Double

    public init(effectiveAmbientC: Double, freeCoolingSupplyC: Double, plantInletC: Double, rejectionCapacityMW: Double,
                liquidChillerShare: Double, designBasis: String? = nil, designDryBulbC: Double? = nil, designWetBulbC: Double? = nil) {
        self.effectiveAmbientC = effectiveAmbientC
        self.designBasis = designBasis
        self.designDryBulbC = designDryBulbC
        self.designWetBulbC = designWetBulbC
        self.freeCoolingSupplyC = freeCoolingSupplyC
        self.plantInletC = plantInletC
        self.rejectionCapacityMW = rejectionCapacityMW
        self.liquidChillerShare = liquidChillerShare
    }

    /// A stand-in for ``PlaceholderDecodable`` (plan.json decoding goes on after a problem to report every one).
    public static var placeholder: DesignCondition {
        DesignCondition(effectiveAmbientC: 0, freeCoolingSupplyC: 0, plantInletC: 0, rejectionCapacityMW: 0, liquidChillerShare: 0)
    }

    /// Works out the design condition of `design` on `site` at its design basis (``DesignAmbient``) with the
    /// plant curves of ``HeatRejectionCurve`` and ``ChillerCurve``.
    public init(design: ReferenceDesign, site: Site) {
        let plant = HeatRejectionCurve(design: design)
        let ambient = DesignAmbient(basis: design.designBasisUsed, climate: site.climate, plant: plant)
        effectiveAmbientC = ambient.effectiveAmbientC
        designBasis = ambient.description
        designDryBulbC = ambient.dryBulbC
        designWetBulbC = ambient.wetBulbC
        freeCoolingSupplyC = plant.freeCoolingSupplyC(effectiveAmbientC: effectiveAmbientC)
        plantInletC = plant.plantInletC
        rejectionCapacityMW = plant.capacityMW(effectiveAmbientC: effectiveAmbientC)
        let free = freeCoolingSupplyC
        liquidChillerShare = design.liquidCooling.map { ChillerCurve.liquidShare(freeCoolingSupplyC: free, loop: $0) } ?? 0
    }
}

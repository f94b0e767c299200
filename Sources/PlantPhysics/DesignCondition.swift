import PlantModel

/// The facility at the site's cooling design condition: what the heat-rejection plant can do, and how
/// much heat needs chillers. The planner sizes against this; the twin checks every hour.
///
/// The plant's water stream is the facility loop for liquid designs (set-point `facilitySupplyTempC`) and the
/// chilled-water loop for air-only chilled designs (set-point `chilledWaterSupplyC`). At full fan the plant
/// takes Q_p = E₁·(T_s + Q/C_p − T_a) of a stream carrying Q (``HeatRejectionCurve``); chillers in series carry
/// the rest, Q − Q_p = s·Q − credit with s = 1 − E₁/C_p and credit = E₁·(T_s − T_a). Where T_s < T_a the plant
/// takes nothing at the set-point and the chillers carry all (s = 1, credit = 0): both are linear upper
/// bounds of the twin's hourly split, which is what the planner needs.
///
/// Modules the plan builds (README "Facility decisions") change the plant: a plant module of rating r adds r to the
/// plant's rating R, a chiller module of capacity c_m adds c_m to the chillers c. ``HeatRejectionCurve`` sizes the
/// plant's water flow C_p, air rate and UA all in proportion to R, so E₁ = g·R and C_p = f·R with g and f fixed by
/// the rating's temperatures: s = 1 − g/f does not depend on R, and the credit g·R·(T_s − T_a) grows by
/// g·r·(T_s − T_a) per plant module. On a cooling tower the chillers' condensers take c·k of the cells' rating
/// (k = 1 + 1/COP), leaving E = g·(R − c·k): the credit falls by g·c_m·k·(T_s − T_a) per chiller module, and
/// s = 1 − (g/f)·(1 − c·k/R) is taken at its largest, the plant as given with every chiller module built, so the
/// planner's row never promises more than the physics gives for any module counts.
///
/// A plant with no chillers given and chiller modules to build has c = 0 until the first is built: on a dry or adiabatic
/// cooler its chiller row s·Q − credit ≤ 0 is the heat-rejection limit Q ≤ credit/s = E₁·(T_s − T_a)/(1 − E₁/C_p) (the
/// stream the plant takes whole at full fan), so the planner takes such a plant through its chiller row from the first
/// quarter. On a cooling tower s is taken with every module's condenser in the cells, so the row is stricter than the
/// plant's own limit by (1 − E₁/C_p)/s until modules are built: conservative.
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
    /// Water the plant makes at full fan while rejecting its rated capacity without chillers, °C.
    public var freeCoolingSupplyC: Double
    /// Water entering the plant at its rated capacity, °C.
    public var plantInletC: Double
    /// The most heat the plant rejects at full fan with its stream at the set-point and no chillers, MW.
    public var rejectionCapacityMW: Double
    /// s: the share of each further MW of the plant's stream that chillers must carry at full fan (with chiller modules, its
    /// largest: every module built).
    public var liquidChillerShare: Double
    /// credit: the chillers carry s × stream − credit at full fan, so none until the stream reaches credit / s, MW (`nil`
    /// without chillers given or to build).
    public var chillerCreditMW: Double?
    /// What each plant module adds to the credit, MW; `nil` without chillers (given or to build) or plant modules.
    public var chillerCreditMWPerPlantModule: Double?
    /// What each chiller module adds to the credit (≤ 0: on a tower its condenser takes cells), MW; `nil` without chiller
    /// modules.
    public var chillerCreditMWPerChillerModule: Double?
    /// Air an air-side economizer supplies at the design condition (design dry-bulb, evaporatively trimmed
    /// on adiabatic plants, + ``HeatRejectionCurve``'s fan-heat approach), °C; nil for chilled air.
    public var economizerAirC: Double?

    public init(effectiveAmbientC: Double, freeCoolingSupplyC: Double, plantInletC: Double, rejectionCapacityMW: Double,
                liquidChillerShare: Double, chillerCreditMW: Double? = nil, economizerAirC: Double? = nil,
                designBasis: String? = nil, designDryBulbC: Double? = nil, designWetBulbC: Double? = nil) {
        self.effectiveAmbientC = effectiveAmbientC
        self.chillerCreditMW = chillerCreditMW
        self.economizerAirC = economizerAirC
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

    /// The set-point of the plant's water stream, °C: facility supply, else chilled water; nil for neither.
    public static func plantSetPointC(_ d: ReferenceDesign) -> Double? {
        d.liquidCooling?.facilitySupplyTempC ?? (d.airCooling.chilled ? d.airCooling.chilledWaterSupplyC : nil)
    }

    /// Works out the design condition of `design` on `site` at its design basis (``DesignAmbient``) with
    /// ``HeatRejectionCurve`` and ``ChillerCurve``.
    public init(design: ReferenceDesign, site: Site) {
        let plant = HeatRejectionCurve(design: design)
        let ambient = DesignAmbient(basis: design.designBasisUsed, climate: site.climate, plant: plant)
        effectiveAmbientC = ambient.effectiveAmbientC
        designBasis = ambient.description
        designDryBulbC = ambient.dryBulbC
        designWetBulbC = ambient.wetBulbC
        let hr = design.heatRejection, setPoint = Self.plantSetPointC(design) ?? hr.ratedAmbientC + hr.approachK
        freeCoolingSupplyC = plant.fullFanSupplyC(heatMW: hr.ratedCapacityMW, ambientC: effectiveAmbientC)
        plantInletC = plant.inletC(heatMW: hr.ratedCapacityMW, supplyC: setPoint)
        rejectionCapacityMW = plant.capacityMW(supplyC: setPoint, ambientC: effectiveAmbientC)
        let pads = plant.padCoolingK(dryBulbC: ambient.dryBulbC, wetBulbC: ambient.wetBulbC)
        // A tower's basis is a wet-bulb pair whose coincident dry-bulb understates the air; the economizer sees
        // the cooling pair's dry-bulb at least.
        let airDryBulbC = hr.type == .coolingTower ? max(ambient.dryBulbC, site.climate.coolingDesignDryBulbC) : ambient.dryBulbC
        economizerAirC = design.airCooling.chilled ? nil
            : airDryBulbC - pads + (design.designBasisUsed.marginK ?? 0) + design.airCooling.economizerApproachKInUse
        guard hr.hasChillers else {
            (liquidChillerShare, chillerCreditMW) = (0, nil)
            return
        }
        // Water-cooled chillers at full capacity take their condenser heat's share of the tower's cells: k MW of the
        // cells' rating per MW of chillers.
        var condenserPerChillerMW = 0.0
        if hr.type == .coolingTower {
            // The lower of the COPs the chillers run at (chilled air, liquid trim): the most condenser heat.
            let curve = ChillerCurve(design: design, designDryBulbC: ambient.dryBulbC, designWetBulbC: ambient.wetBulbC)
            let cop = [setPoint, design.airCooling.chilled ? design.airCooling.chilledWaterSupplyC : nil].compactMap { $0 }
                .map { curve.cop(chilledWaterC: $0, dryBulbC: ambient.dryBulbC, wetBulbC: ambient.wetBulbC) }.min()!
            condenserPerChillerMW = 1 + 1 / cop
        }
        // E₁ per MW of plant rating (E₁ ∝ R), and the conductance left with `chillersMW` at full capacity.
        let perRatedMW = plant.fullFanConductanceMWPerK / hr.ratedCapacityMW
        func conductance(chillersMW: Double) -> Double {
            plant.fullFanConductanceMWPerK * max(0, 1 - chillersMW * condenserPerChillerMW / hr.ratedCapacityMW)
        }
        guard setPoint >= effectiveAmbientC else {
            (liquidChillerShare, chillerCreditMW) = (1, 0)
            chillerCreditMWPerPlantModule = hr.modules.map { _ in 0 }
            chillerCreditMWPerChillerModule = hr.chillerModules.map { _ in 0 }
            return
        }
        let lift = setPoint - effectiveAmbientC
        // The share at its largest: the plant as given with every chiller module built (the given chillers without them).
        liquidChillerShare = 1 - conductance(chillersMW: hr.mostChillerCapacityMW) / plant.plantFlowMWPerK
        chillerCreditMW = conductance(chillersMW: hr.chillerCapacityMW) * lift
        // Where the given chillers' condensers already fill the tower's cells, g·(R − c·k) < 0 and the linear terms would
        // promise credit the clamped physics does not give: no module adds credit there.
        let saturated = hr.chillerCapacityMW * condenserPerChillerMW > hr.ratedCapacityMW
        chillerCreditMWPerPlantModule = hr.modules.map { saturated ? 0 : perRatedMW * $0.ratedCapacityMW * lift }
        chillerCreditMWPerChillerModule = hr.chillerModules.map { saturated ? 0 : -perRatedMW * $0.capacityMW * condenserPerChillerMW * lift }
    }
}

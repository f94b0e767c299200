import PlantModel

/// Chillers as a Carnot fraction with evaporator and condenser approaches and a lift floor (Modelica
/// Buildings `Fluid.Chillers.Carnot_TEva`): COP = η · T_evap / (T_cond − T_evap), kelvin, with
/// - T_evap = chilled-water leaving − 2 K and, for a water-cooled condenser, T_cond = condenser water leaving
///   + 2 K (Modelica Buildings `PartialCarnot`: `TAppEva_nominal`, `TAppCon_nominal` = 2 K for water, 5 K
///   for air);
/// - the condenser: a cooling-tower plant makes water-cooled chillers, whose condenser water leaves the tower
///   at T_wb + approach and the condenser at that + the tower's rated range; a dry or adiabatic plant has
///   air-cooled chillers, whose condenser air leaves at T_db + Q_cond / (ṁ·c_p) with ṁ = 1e-4 kg/s per W of
///   cooling (Modelica Buildings `Templates.Data.Defaults.mConAirByCap`), then + 5 K;
/// - η fitted to the design's `chillerCOP` at its design condition, the lift never below ``minimumLiftK``,
///   and the COP kept within ``copRange``.
///
/// The condenser heat (evaporator heat + compressor work) of water-cooled chillers goes to the tower; air-cooled
/// chillers reject theirs through their own condensers.
public struct ChillerCurve: Sendable, Equatable {
    /// The design's rated COP at its design condition.
    public let designCOP: Double?
    /// η, the fraction of the Carnot COP, fitted at the design condition.
    public let carnotEfficiency: Double?
    /// Whether the condensers are water-cooled (on the tower) or air-cooled.
    public let waterCooled: Bool
    /// The tower's approach and rated range (water-cooled condensers), K.
    let towerApproachK: Double, towerRangeK: Double

    /// Evaporator approach: refrigerant below the leaving chilled water, K (Modelica `TAppEva_nominal`, water).
    public static let evaporatorApproachK = 2.0
    /// Condenser approach to the leaving condenser water, K (Modelica `TAppCon_nominal`, water).
    public static let waterCondenserApproachK = 2.0
    /// Condenser approach to the leaving condenser air, K (Modelica `TAppCon_nominal`, air).
    public static let airCondenserApproachK = 5.0
    /// Condenser air per watt of cooling, kg/s per W (Modelica `Templates.Data.Defaults.mConAirByCap`).
    public static let condenserAirKgPerSPerW = 1e-4
    /// Specific heat of air, kJ/(kg·K).
    public static let airSpecificHeat = 1.006
    /// The lowest lift the cycle is evaluated at, K: below it a compressor does not run efficiently and the
    /// Carnot formula would promise unbounded COP (estimate; keeps part-load hours from reading COP > 12).
    public static let minimumLiftK = 10.0
    /// COP range real machines show, ≈ 2.5–12 (project reference physics.md, "Part load, chillers and the
    /// design basis").
    public static let copRange = 2.5...12.0
    /// 0 °C in kelvin.
    public static let kelvinOffset = 273.15

    /// Fits η for `design` with its condenser at the design condition's dry-bulb and wet-bulb.
    public init(design: ReferenceDesign, designDryBulbC: Double, designWetBulbC: Double) {
        let hr = design.heatRejection
        designCOP = hr.chillerCOP
        waterCooled = hr.type == .coolingTower
        towerApproachK = hr.approachK
        towerRangeK = max(0, hr.ratedFluidInletC - hr.ratedAmbientC - hr.approachK)
        if let cop = designCOP, let water = Self.referenceEvaporatorWaterC(design) {
            let evaporator = water - Self.evaporatorApproachK
            let condenser = Self.condensingC(waterCooled: waterCooled, dryBulbC: designDryBulbC, wetBulbC: designWetBulbC,
                                             towerApproachK: towerApproachK, towerRangeK: towerRangeK, cop: cop)
            carnotEfficiency = cop * max(condenser - evaporator, Self.minimumLiftK) / (evaporator + Self.kelvinOffset)
        } else {
            carnotEfficiency = nil
        }
    }

    /// The chilled water the design COP refers to: the air handlers' chilled water for chilled air, else the
    /// facility supply.
    static func referenceEvaporatorWaterC(_ d: ReferenceDesign) -> Double? {
        d.airCooling.chilled ? d.airCooling.chilledWaterSupplyC : d.liquidCooling?.facilitySupplyTempC
    }

    static func condensingC(waterCooled: Bool, dryBulbC: Double, wetBulbC: Double, towerApproachK: Double,
                            towerRangeK: Double, cop: Double) -> Double {
        if waterCooled { return wetBulbC + towerApproachK + towerRangeK + waterCondenserApproachK }
        let airRiseK = (1 + 1 / cop) / (condenserAirKgPerSPerW * 1000 * airSpecificHeat)
        return dryBulbC + airRiseK + airCondenserApproachK
    }

    /// Refrigerant condensing temperature for this hour's ambient, °C.
    public func condensingC(dryBulbC: Double, wetBulbC: Double) -> Double {
        Self.condensingC(waterCooled: waterCooled, dryBulbC: dryBulbC, wetBulbC: wetBulbC, towerApproachK: towerApproachK,
                         towerRangeK: towerRangeK, cop: designCOP ?? Self.copRange.lowerBound)
    }

    /// COP making chilled water at `chilledWaterC` at this hour's ambient; the design COP where no Carnot
    /// fraction could be fitted; always within ``copRange``.
    public func cop(chilledWaterC: Double, dryBulbC: Double, wetBulbC: Double) -> Double {
        guard let eta = carnotEfficiency else { return min(max(designCOP ?? Self.copRange.lowerBound, Self.copRange.lowerBound), Self.copRange.upperBound) }
        let evaporator = chilledWaterC - Self.evaporatorApproachK
        let lift = max(condensingC(dryBulbC: dryBulbC, wetBulbC: wetBulbC) - evaporator, Self.minimumLiftK)
        return min(max(eta * (evaporator + Self.kelvinOffset) / lift, Self.copRange.lowerBound), Self.copRange.upperBound)
    }
}

import PlantModel

/// Chillers in series with the free-cooling plant: how much heat they must carry and at what COP.
///
/// - Liquid trim: with free-cooling water at T_free and the loop supplied at T_supply with ΔT_loop, the
///   chillers carry the share (T_free − T_supply) / ΔT_loop of the liquid heat, clamped to [0, 1] (series
///   economizer + chiller).
/// - COP = η · T_evap / (T_cond − T_evap) (kelvin), a fixed fraction η of the Carnot COP, with η fitted to
///   the design's `chillerCOP` at its design condition (evaporator at the chilled-water or facility
///   supply, condenser at the design free-cooling water temperature).
public struct ChillerCurve: Sendable, Equatable {
    /// The design's rated COP, used where no Carnot fraction can be fitted.
    public let designCOP: Double?
    /// η, where the design condition has a positive lift.
    public let carnotEfficiency: Double?

    /// Lift the ideal-cycle formula is evaluated at, at least: keeps the COP finite (a numerical guard), K.
    public static let minimumLiftK = 1.0
    /// 0 °C in kelvin.
    public static let kelvinOffset = 273.15

    /// Fits η for `design` at its design condition.
    public init(design: ReferenceDesign, condition: DesignCondition) {
        designCOP = design.heatRejection.chillerCOP
        if let cop = designCOP, let evaporator = Self.referenceEvaporatorC(design), condition.freeCoolingSupplyC > evaporator {
            carnotEfficiency = cop * (condition.freeCoolingSupplyC - evaporator) / (evaporator + Self.kelvinOffset)
        } else {
            carnotEfficiency = nil
        }
    }

    /// The evaporator the design COP refers to: chilled water for chilled air, else the facility supply.
    static func referenceEvaporatorC(_ d: ReferenceDesign) -> Double? {
        d.airCooling.chilled ? d.airCooling.chilledWaterSupplyC : d.liquidCooling?.facilitySupplyTempC
    }

    /// COP lifting heat from `evaporatorC` to `condenserC`; the design COP (else 1) where no Carnot
    /// fraction could be fitted.
    public func cop(evaporatorC: Double, condenserC: Double) -> Double {
        guard let eta = carnotEfficiency else { return designCOP ?? 1 }
        return eta * (evaporatorC + Self.kelvinOffset) / max(condenserC - evaporatorC, Self.minimumLiftK)
    }

    /// Share of the liquid heat the chillers carry with free-cooling water at `freeCoolingSupplyC`, in [0, 1].
    public static func liquidShare(freeCoolingSupplyC: Double, loop: LiquidCooling) -> Double {
        min(1, max(0, (freeCoolingSupplyC - loop.facilitySupplyTempC) / loop.loopDeltaTK))
    }
}

import PlantModel

/// The outdoor heat-rejection plant as a function of its effective ambient: capacity, the water it can
/// make without compressors, fan power and water use.
///
/// Capacity derates linearly with the temperature difference between the fluid entering the plant and
/// the effective ambient, Q = Q_rated · (T_in − T_eff) / (T_in,rated − T_amb,rated): a heat exchanger at
/// fixed UA and fixed flows (the ε-NTU method with constant ε). The effective ambient is the dry-bulb for
/// a dry cooler, the wet-bulb for a cooling tower, and T_db − ε_pad · (T_db − T_wb) while adiabatic pads
/// run (EnergyPlus Engineering Reference, "Evaporative coolers": direct evaporative effectiveness).
public struct HeatRejectionCurve: Sendable, Equatable {
    public let heatRejection: HeatRejection
    /// Fluid entering the plant, °C: the facility-water return of a liquid design, else the rating inlet.
    public let plantInletC: Double
    /// T_in,rated − T_amb,rated, K.
    let ratedDifferenceK: Double

    public init(design: ReferenceDesign) {
        heatRejection = design.heatRejection
        plantInletC = design.liquidCooling?.facilityReturnTempC ?? design.heatRejection.ratedFluidInletC
        ratedDifferenceK = design.heatRejection.ratedFluidInletC - design.heatRejection.ratedAmbientC
    }

    /// Heat the plant rejects at an effective ambient, MW (never negative).
    public func capacityMW(effectiveAmbientC t: Double) -> Double {
        max(0, heatRejection.ratedCapacityMW * (plantInletC - t) / ratedDifferenceK)
    }

    /// Coldest water the plant makes without compressors: effective ambient + approach, °C.
    public func freeCoolingSupplyC(effectiveAmbientC t: Double) -> Double { t + heatRejection.approachK }

    /// How far adiabatic pads cool the air below the dry-bulb: ε_pad · (T_db − T_wb), K (0 without pads).
    public func padCoolingK(dryBulbC: Double, wetBulbC: Double) -> Double {
        (heatRejection.adiabaticEffectiveness ?? 0) * (dryBulbC - wetBulbC)
    }

    /// Fan power at full speed: fanPowerFraction × rated capacity, MW.
    public var ratedFanMW: Double { heatRejection.fanPowerFraction * heatRejection.ratedCapacityMW }

    /// Water a plant uses in one hour, m³, rejecting `rejectedMW` at effective ambient `ambientC`, with pads
    /// cooling the air by `padCoolingK`:
    /// - a tower evaporates waterLPerKWh per kWh rejected; with cyclesOfConcentration (CoC) it also blows
    ///   down E/(CoC − 1), so its make-up is E·CoC/(CoC − 1) (cooling-tower water balance);
    /// - adiabatic pads evaporate only while they run: the air is cooled from T_db to T_eff and then heated to
    ///   the fluid inlet, so the evaporated share of the heat is (T_db − T_eff) / (T_in − T_eff).
    /// L/kWh × MWh = m³.
    public func waterM3(rejectedMW: Double, ambientC: Double, padCoolingK: Double) -> Double {
        let hr = heatRejection
        switch hr.type {
        case .coolingTower:
            let makeUp = hr.cyclesOfConcentration.map { $0 / ($0 - 1) } ?? 1
            return (hr.waterLPerKWh ?? 0) * rejectedMW * makeUp
        case .adiabaticDryCooler where padCoolingK > 0:
            return (hr.waterLPerKWh ?? 0) * rejectedMW * min(1, padCoolingK / max(plantInletC - ambientC, 1e-9))
        default:
            return 0
        }
    }
}

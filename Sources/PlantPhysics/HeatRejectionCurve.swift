import Foundation
import PlantModel

/// The outdoor heat-rejection plant as a heat exchanger whose UA is fixed at its rating point, with fan speed
/// as the control (ε-NTU; EnergyPlus Engineering Reference, "Fluid Coolers"; Modelica Buildings dry coolers).
///
/// - Rating: the design's capacity Q_r at fluid inlet T_in,r, ambient T_a,r and approach a_r (leaving fluid −
///   ambient) gives the rating water rate C_w,r = Q_r / (T_in,r − T_a,r − a_r) and ε_r = range / (T_in,r − T_a,r).
///   The air rate at full fan is taken equal to C_w,r (a balanced coil: the sizing convention of LBL's
///   ThermalGridJBA dry coolers, `mFan_flow_nominal = mGly_flow_nominal·cp_gly/cp_air`; estimate), so
///   UA_r = NTU(ε_r, C_r = 1) · C_w,r with the cross-flow correlation of ``CrossFlowExchanger``.
/// - Operation: the plant's water flow is constant, C_p = Q_r / ΔT_loop (the facility loop's rise for liquid
///   designs, the rating range otherwise; primary flow with a decoupler), so water enters at T_s + Q / C_p.
///   At fan speed φ the air rate is φ·C_a and UA = UA_r·φ^n with n = ln 0.6 / ln 0.5 ≈ 0.74 (EnergyPlus
///   FluidCooler:TwoSpeed defaults: low-speed air flow 0.5 and UA 0.6 of high speed). The plant conductance
///   E(φ) = ε·C_min (MW/K) turns the inlet-to-ambient difference into heat: Q = E(φ)·(T_in − T_a).
/// - Fans draw fanPowerFraction × Q_r at full speed and follow the cube of their speed (affinity law).
/// - The effective ambient is the dry-bulb for a dry cooler, T_db − ε_pad·(T_db − T_wb) while adiabatic pads
///   run (EnergyPlus, "Evaporative coolers": direct evaporative effectiveness), and the wet-bulb for a
///   cooling tower (a tower treated as an exchanger on the wet-bulb, an approximation of Merkel's method).
/// - UA comes from the rating point, so the plant reproduces its rated capacity only at the rated water flow;
///   at the loop's own flow (C_p) it rejects more or less. A rating whose ε needs NTU > 50 is taken at NTU 50
///   (ε 0.906 for a balanced coil).
public struct HeatRejectionCurve: Sendable, Equatable {
    public let heatRejection: HeatRejection
    /// Water rate through the plant, MW/K (constant flow).
    public let plantFlowMWPerK: Double
    /// Conductance E = ε·C_min at full fan speed, MW/K.
    public let fullFanConductanceMWPerK: Double
    /// UA at full fan speed and the full-fan air rate, MW/K.
    let ratedUAMWPerK: Double, fullFanAirMWPerK: Double
    /// E(φ) at φ = i / (count − 1), for inverting fan speed.
    let conductanceTable: [Double]

    /// UA's exponent on the air-flow fraction: ln 0.6 / ln 0.5 (EnergyPlus FluidCooler:TwoSpeed defaults).
    public static let uaFlowExponent = log(0.6) / log(0.5)
    /// Points of the fan-speed table.
    static let tableCount = 129

    public init(design: ReferenceDesign) {
        let hr = design.heatRejection
        heatRejection = hr
        let difference = max(hr.ratedFluidInletC - hr.ratedAmbientC, 1e-6)
        let range = max(difference - hr.approachK, 1e-6)
        let ratedWater = hr.ratedCapacityMW / range
        fullFanAirMWPerK = ratedWater
        let epsilon = min(range / difference, 0.999)
        ratedUAMWPerK = (CrossFlowExchanger.ntu(effectiveness: epsilon, cr: 1) ?? 50) * ratedWater
        plantFlowMWPerK = hr.ratedCapacityMW / max(design.liquidCooling?.loopDeltaTK ?? range, 1e-6)
        let (ua, air, flow) = (ratedUAMWPerK, fullFanAirMWPerK, plantFlowMWPerK)
        let table = (0..<Self.tableCount).map { i in
            Self.conductance(speed: Double(i) / Double(Self.tableCount - 1), ratedUA: ua, fullFanAir: air, flow: flow)
        }
        conductanceTable = table
        fullFanConductanceMWPerK = table[table.count - 1]
    }

    static func conductance(speed phi: Double, ratedUA: Double, fullFanAir: Double, flow: Double) -> Double {
        guard phi > 0 else { return 0 }
        let air = fullFanAir * phi, ua = ratedUA * pow(phi, uaFlowExponent)
        let cMin = min(air, flow), cMax = max(air, flow)
        return CrossFlowExchanger.effectiveness(ntu: ua / cMin, cr: cMin / cMax) * cMin
    }

    /// Conductance E = ε·C_min at fan speed `speed` in [0, 1], MW/K.
    public func conductanceMWPerK(speed: Double) -> Double {
        Self.conductance(speed: min(1, max(0, speed)), ratedUA: ratedUAMWPerK, fullFanAir: fullFanAirMWPerK, flow: plantFlowMWPerK)
    }

    /// The lowest fan speed whose conductance reaches `conductance` (linear interpolation in the table of
    /// E(φ), which rises with φ); 1 when even full speed falls short.
    public func fanSpeed(forConductance e: Double) -> Double {
        guard e > 0 else { return 0 }
        guard e < fullFanConductanceMWPerK else { return 1 }
        var low = 0, high = conductanceTable.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if conductanceTable[mid] < e { low = mid } else { high = mid }
        }
        let (e0, e1) = (conductanceTable[low], conductanceTable[high])
        let step = 1 / Double(conductanceTable.count - 1)
        return (Double(low) + (e1 > e0 ? (e - e0) / (e1 - e0) : 1)) * step
    }

    /// Water entering the plant when it returns `heatMW` with the supply at `supplyC`, °C.
    public func inletC(heatMW: Double, supplyC: Double) -> Double { supplyC + heatMW / plantFlowMWPerK }

    /// The most heat the plant rejects at full fan with the supply held at `supplyC` against effective ambient
    /// `ambientC`, MW: Q = E₁·(T_s + Q/C_p − T_a) gives Q = E₁·(T_s − T_a) / (1 − E₁/C_p) (0 when T_s ≤ T_a).
    public func capacityMW(supplyC: Double, ambientC: Double) -> Double {
        capacityMW(supplyC: supplyC, ambientC: ambientC, conductanceMWPerK: fullFanConductanceMWPerK)
    }

    /// The same with the conductance `e` of the cells left to the stream (water-cooled condensers take the
    /// others), MW.
    public func capacityMW(supplyC: Double, ambientC: Double, conductanceMWPerK e: Double) -> Double {
        max(0, e * (supplyC - ambientC) / (1 - e / plantFlowMWPerK))
    }

    /// Supply temperature the plant makes at full fan while rejecting all of `heatMW`:
    /// T_out = T_a + Q·(1/E₁ − 1/C_p), °C.
    public func fullFanSupplyC(heatMW: Double, ambientC: Double) -> Double {
        ambientC + heatMW * (1 / fullFanConductanceMWPerK - 1 / plantFlowMWPerK)
    }

    /// Fan speed needed to reject `heatMW` with the supply at `supplyC` against `ambientC` on the cells that
    /// water-cooled condensers leave (`condenserCells` is the share they take); 1 when it cannot.
    public func fanSpeed(heatMW: Double, supplyC: Double, ambientC: Double, condenserCells: Double = 0) -> Double {
        guard heatMW > 0 else { return 0 }
        let difference = inletC(heatMW: heatMW, supplyC: supplyC) - ambientC
        return difference > 0 ? fanSpeed(forConductance: heatMW / difference / max(1 - condenserCells, 1e-9)) : 1
    }

    /// How far adiabatic pads cool the air below the dry-bulb: ε_pad · (T_db − T_wb), K (0 without pads: any type but an
    /// adiabatic dry cooler).
    public func padCoolingK(dryBulbC: Double, wetBulbC: Double) -> Double {
        heatRejection.type == .adiabaticDryCooler ? (heatRejection.adiabaticEffectiveness ?? 0) * (dryBulbC - wetBulbC) : 0
    }

    /// The plant's pads as they would trim an air-side economizer's outdoor air at `dryBulbC`/`wetBulbC`.
    public func economizerPads(dryBulbC: Double, wetBulbC: Double) -> EconomizerPads {
        EconomizerPads(coolingK: padCoolingK(dryBulbC: dryBulbC, wetBulbC: wetBulbC), waterLPerKWh: heatRejection.waterLPerKWh ?? 0)
    }

    /// The ambient the plant works against at `dryBulbC`/`wetBulbC` with its pads (if any) running, °C: the
    /// dry-bulb for a dry cooler, the wet-bulb for a tower, T_db − ε_pad (T_db − T_wb) for an adiabatic cooler.
    public func effectiveAmbientC(dryBulbC: Double, wetBulbC: Double) -> Double {
        switch heatRejection.type {
        case .dryCooler: dryBulbC
        case .coolingTower: wetBulbC
        case .adiabaticDryCooler: dryBulbC - padCoolingK(dryBulbC: dryBulbC, wetBulbC: wetBulbC)
        }
    }

    /// Fan power at full speed: fanPowerFraction × rated capacity, MW.
    public var ratedFanMW: Double { heatRejection.ratedFanMW }

    /// Fan power at speed `speed` (affinity law: cube of speed), MW.
    public func fanMW(speed: Double) -> Double { ratedFanMW * speed * speed * speed }

    /// Cycles of concentration when the design gives none: 4, within the typical 3–6 of US EPA
    /// "WaterSense at Work" (2012), section 6.2 "Cooling Towers" (estimate: chemistry decides).
    public static let defaultCyclesOfConcentration = 4.0

    /// Water the plant takes in one hour, m³, rejecting `rejectedMW`:
    /// - a tower evaporates waterLPerKWh × `latentShare` per kWh rejected (waterLPerKWh is the all-latent
    ///   figure, ≈ 3.6 MJ / 2.43 MJ·kg⁻¹; the latent share falls in cold air, where sensible transfer rises) and
    ///   blows down E/(CoC − 1), so its make-up is E·CoC/(CoC − 1);
    /// - adiabatic pads evaporate only while they run, the heat that cools the air through the coil by
    ///   `padCoolingK`: φ·C_a·ΔT_pad (MW) at fan speed `fanSpeed`, at waterLPerKWh per kWh of it.
    /// L/kWh × MWh = m³.
    public func waterM3(rejectedMW: Double, padCoolingK: Double, fanSpeed: Double, latentShare: Double) -> Double {
        let hr = heatRejection
        switch hr.type {
        case .coolingTower:
            let cycles = hr.cyclesOfConcentration ?? Self.defaultCyclesOfConcentration
            return (hr.waterLPerKWh ?? 0) * latentShare * rejectedMW * cycles / (cycles - 1)
        case .adiabaticDryCooler where padCoolingK > 0:
            return (hr.waterLPerKWh ?? 0) * fullFanAirMWPerK * fanSpeed * padCoolingK
        default:
            return 0
        }
    }
}

extension HeatRejection {
    /// Fan power at full speed: fanPowerFraction × rated capacity, MW (no curve needed for it).
    public var ratedFanMW: Double { fanPowerFraction * ratedCapacityMW }
}

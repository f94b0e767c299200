import Foundation
import Planner
import PlantModel

/// One hour's steady state of the plant: loads, cooling, losses, capacities and headrooms, MW.
public struct PlantState: Sendable, Equatable {
    /// IT power: racks, in-rack network and fabric.
    public var itMW: Double
    /// Heat into the facility water loop (liquid share of racks plus pump work) and into the air loop
    /// (rack air share, network, air-handler fan work).
    public var liquidLoopMW: Double, airLoopMW: Double
    public var pumpMW: Double, airFanMW: Double, compressorMW: Double, plantFanMW: Double
    /// Transformer and UPS losses.
    public var lossesMW: Double
    /// Heat the outdoor plant rejects: both loops plus compressor work.
    public var rejectedMW: Double
    /// What the outdoor plant can reject at this hour's ambient.
    public var rejectionCapacityMW: Double
    /// Heat the chillers take (liquid trim and chilled air), and the part they cannot.
    public var chillerLoadMW: Double, chillerUnmetMW: Double
    /// Facility water supply temperature, °C (rises above the set point where chillers run out).
    public var supplyTempC: Double
    /// Water evaporated, m³ in the hour.
    public var waterM3: Double
    /// Whether the hour needs no compressor.
    public var freeCooling: Bool
    /// Rejection headroom and chiller/supply-temperature headroom; thermal headroom is the smaller.
    public var rejectionHeadroomMW: Double, trimHeadroomMW: Double

    public var coolingMW: Double { pumpMW + airFanMW + compressorMW + plantFanMW }
    public var facilityMW: Double { itMW + coolingMW + lossesMW }
    public var thermalHeadroomMW: Double { min(rejectionHeadroomMW, trimHeadroomMW) }
}

/// The design's plant, ready to evaluate any hour (physics.md B3–B8, DESIGN.md §5):
/// - rejection capacity Q = Q_rated·(T_in − T_eff)/(T_in,rated − T_amb,rated), with T_eff the dry-bulb (dry
///   cooler), the wet-bulb (tower), or T_db − ε(T_db − T_wb) while adiabatic pads run;
/// - free-cooling water T_free = T_eff + approach; chillers trim the liquid share
///   (T_free − T_supply)/ΔT_loop and, for chilled air, all air heat while T_free > T_chw;
/// - chiller COP = η·T_evap/(T_cond − T_evap) with η fitted to the design COP at the design condition;
/// - pumps, air-handler and plant fans by the affinity law: P = P_rated·(load/capacity)³;
/// - transformer and UPS losses by ``PowerLossCurve``.
public struct PlantPhysics: Sendable {
    public let design: ReferenceDesign
    let ratedDifferenceK: Double, plantInletC: Double
    /// Free-cooling limit on the plant's effective ambient, °C: the hour needs no compressor at or below it.
    public let freeCoolingLimitC: Double
    let carnotEfficiency: Double?
    let plantFanRatedMW: Double

    public init(design: ReferenceDesign, site: Site) {
        self.design = design
        let hr = design.heatRejection
        ratedDifferenceK = hr.ratedFluidInletC - hr.ratedAmbientC
        plantInletC = design.liquidCooling?.facilityReturnTempC ?? hr.ratedFluidInletC
        plantFanRatedMW = hr.fanPowerFraction * hr.ratedCapacityMW
        let targets = [design.liquidCooling?.facilitySupplyTempC,
                       design.airCooling.chilled ? design.airCooling.chilledWaterSupplyC : nil].compactMap { $0 }
        freeCoolingLimitC = (targets.min() ?? .infinity) - hr.approachK
        let condition = DesignCondition(design: design, site: site)
        if let cop = hr.chillerCOP, let evaporator = Self.referenceEvaporatorC(design), condition.freeCoolingSupplyC > evaporator {
            carnotEfficiency = cop * (condition.freeCoolingSupplyC - evaporator) / (evaporator + 273.15)
        } else {
            carnotEfficiency = nil
        }
    }

    /// The evaporator the design COP refers to: chilled water for chilled air, else the facility supply.
    static func referenceEvaporatorC(_ d: ReferenceDesign) -> Double? {
        d.airCooling.chilled ? d.airCooling.chilledWaterSupplyC : d.liquidCooling?.facilitySupplyTempC
    }

    /// COP lifting heat from `evaporatorC` to `condenserC`; the design COP where no Carnot fraction can be
    /// fitted. The lift is held at ≥ 1 K so the ideal-cycle formula stays finite (a numerical guard).
    func cop(evaporatorC: Double, condenserC: Double) -> Double {
        guard let eta = carnotEfficiency else { return design.heatRejection.chillerCOP ?? 1 }
        return eta * (evaporatorC + 273.15) / max(condenserC - evaporatorC, 1)
    }

    /// Rejection capacity at an effective ambient, MW.
    func capacityMW(effectiveAmbientC t: Double) -> Double {
        max(0, design.heatRejection.ratedCapacityMW * (plantInletC - t) / ratedDifferenceK)
    }

    /// The plant's state with rack loads `liquidMW` (to liquid) and `rackAirMW` (to air) and `fleet`'s
    /// network, at ambient `dryBulbC`/`wetBulbC`. Hall air handlers follow the affinity law on the halls' air
    /// capacity; the fabric's air is moved at the design's fan fraction.
    public func state(liquidMW: Double, rackAirMW: Double, fleet: InstalledFleet, dryBulbC: Double, wetBulbC: Double) -> PlantState {
        let d = design, hr = d.heatRejection
        let hallAir = rackAirMW + fleet.inRackNetworkMW, airHeat = hallAir + fleet.fabricMW
        let it = liquidMW + airHeat
        let pump = Self.affinity(load: liquidMW, capacity: fleet.liquidCapacityMW, fraction: d.liquidCooling?.pumpPowerFraction ?? 0)
        let airFan = Self.affinity(load: hallAir, capacity: fleet.airCapacityMW, fraction: d.airCooling.fanPowerFraction)
            + d.airCooling.fanPowerFraction * fleet.fabricMW
        let liquidLoop = liquidMW + pump, airLoop = airHeat + airFan

        // Effective ambient; adiabatic pads run only when dry operation cannot free-cool or cannot reject the loops' heat.
        var ambient: Double, padCooledK = 0.0
        switch hr.type {
        case .dryCooler: ambient = dryBulbC
        case .coolingTower: ambient = wetBulbC
        case .adiabaticDryCooler:
            ambient = dryBulbC
            if dryBulbC > freeCoolingLimitC || capacityMW(effectiveAmbientC: dryBulbC) < liquidLoop + airLoop {
                padCooledK = (hr.adiabaticEffectiveness ?? 0) * (dryBulbC - wetBulbC)
                ambient -= padCooledK
            }
        }
        let freeWater = ambient + hr.approachK

        // Chillers: chilled air first (no tolerance), then liquid trim; unmet liquid trim lets the supply float.
        let cap = hr.chillerCapacityMW
        var airChill = 0.0, liquidChill = 0.0, supply = freeWater
        if d.airCooling.chilled, let chw = d.airCooling.chilledWaterSupplyC {
            supply = chw
            if freeWater > chw { airChill = airLoop }
        }
        var float = Double.infinity
        if let lc = d.liquidCooling {
            let share = min(1, max(0, (freeWater - lc.facilitySupplyTempC) / lc.loopDeltaTK))
            liquidChill = share * liquidLoop
            let unmet = max(0, liquidChill - max(0, cap - airChill))
            supply = lc.facilitySupplyTempC + (liquidLoop > 0 ? unmet / liquidLoop * lc.loopDeltaTK : 0)
            if let limit = fleet.rackSupplyLimitC {
                float = liquidLoop * max(0, limit - lc.cduApproachK - lc.facilitySupplyTempC) / lc.loopDeltaTK
            }
        }
        let airServed = min(airChill, cap), liquidServed = min(liquidChill, cap - airServed)
        var compressor = 0.0
        if airServed > 0, let chw = d.airCooling.chilledWaterSupplyC {
            compressor += airServed / cop(evaporatorC: chw, condenserC: freeWater)
        }
        if liquidServed > 0, let lc = d.liquidCooling {
            compressor += liquidServed / cop(evaporatorC: lc.facilitySupplyTempC, condenserC: freeWater)
        }
        // Chilled air has no tolerance; liquid trim may fall short by what the racks' supply limit allows.
        var trim = Double.infinity
        if airChill > 0 || d.airCooling.chilled { trim = cap - airChill }
        if d.liquidCooling != nil { trim = min(trim, cap - airChill + float - liquidChill) }

        let rejected = liquidLoop + airLoop + compressor
        let capacity = capacityMW(effectiveAmbientC: ambient)
        let speed = capacity > 0 ? min(1, rejected / capacity) : 1
        let plantFan = plantFanRatedMW * speed * speed * speed
        var water = 0.0
        switch hr.type {
        case .coolingTower:
            // Make-up = evaporation + blowdown = E·CoC/(CoC − 1) (physics.md B5); L/kWh × MWh = m³.
            let makeUp = hr.cyclesOfConcentration.map { $0 / ($0 - 1) } ?? 1
            water = (hr.waterLPerKWh ?? 0) * rejected * makeUp
        case .adiabaticDryCooler where padCooledK > 0:
            // Air is cooled by evaporation from T_db to T_eff, then heated to the fluid inlet: the evaporated
            // share of the heat is (T_db − T_eff)/(T_in − T_eff).
            water = (hr.waterLPerKWh ?? 0) * rejected * min(1, padCooledK / max(plantInletC - ambient, 1e-9))
        default: break
        }

        let ups = PowerLossCurve.ups.lossMW(deliveringMW: it, designLoadMW: fleet.upsDesignLoadMW, efficiency: d.powerChain.upsEfficiency)
        let cooling = pump + airFan + compressor + plantFan
        let transformer = PowerLossCurve.transformer.lossMW(
            deliveringMW: it + ups + cooling, designLoadMW: fleet.gridDesignLoadMW, efficiency: d.powerChain.transformerEfficiency)
        return PlantState(
            itMW: it, liquidLoopMW: liquidLoop, airLoopMW: airLoop, pumpMW: pump, airFanMW: airFan, compressorMW: compressor,
            plantFanMW: plantFan, lossesMW: ups + transformer, rejectedMW: rejected, rejectionCapacityMW: capacity,
            chillerLoadMW: airChill + liquidChill, chillerUnmetMW: max(0, airChill + liquidChill - cap), supplyTempC: supply,
            waterM3: water, freeCooling: ambient <= freeCoolingLimitC, rejectionHeadroomMW: capacity - rejected,
            trimHeadroomMW: trim)
    }

    /// Fan or pump power by the affinity law at constant ΔT: rated power (fraction × capacity) × (load/capacity)³.
    static func affinity(load: Double, capacity: Double, fraction: Double) -> Double {
        guard capacity > 0 else { return fraction * load }
        let x = load / capacity
        return fraction * capacity * x * x * x
    }
}

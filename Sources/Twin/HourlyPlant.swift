import PlantModel
import PlantPhysics
import Plans

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
    /// House loads: lighting, offices, electrical and battery rooms' cooling, security.
    public var houseMW: Double
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
    public var facilityMW: Double { itMW + coolingMW + lossesMW + houseMW }
    public var thermalHeadroomMW: Double { min(rejectionHeadroomMW, trimHeadroomMW) }
}

/// The design's plant, ready to evaluate any hour, built on the shared curves of the `PlantPhysics` target:
/// - rejection capacity and free-cooling water from `HeatRejectionCurve` at this hour's effective ambient:
///   the dry-bulb (dry cooler), the wet-bulb (tower), or the pad-cooled dry-bulb while adiabatic pads run;
/// - chillers trim the liquid share of `ChillerCurve.liquidShare(freeCoolingSupplyC:loop:)` and, for chilled
///   air, all air heat while the free-cooling water is warmer than the chilled water; COP from `ChillerCurve`;
/// - CDU pumps by `AffinityLaw` on the CDUs in service, never below their minimum speed; air handlers by
///   `AffinityLaw` on the halls' air handlers in service; plant fans by the cube of their speed;
/// - UPS losses by `PowerLossCurve` on the UPS modules in service, transformer losses on the transformers
///   energized (``InstalledFleet/transformerDesignLoadMW``); house loads a fixed share of installed IT.
public struct HourlyPlant: Sendable {
    public let design: ReferenceDesign
    let curve: HeatRejectionCurve
    let chiller: ChillerCurve
    /// Free-cooling limit on the plant's effective ambient, °C: the hour needs no compressor at or below it.
    public let freeCoolingLimitC: Double

    public init(design: ReferenceDesign, site: Site) {
        self.design = design
        curve = HeatRejectionCurve(design: design)
        chiller = ChillerCurve(design: design, condition: DesignCondition(design: design, site: site))
        let targets = [design.liquidCooling?.facilitySupplyTempC,
                       design.airCooling.chilled ? design.airCooling.chilledWaterSupplyC : nil].compactMap { $0 }
        freeCoolingLimitC = (targets.min() ?? .infinity) - design.heatRejection.approachK
    }

    /// The plant's state with rack loads `liquidMW` (to liquid) and `rackAirMW` (to air) and `fleet`'s
    /// network, at ambient `dryBulbC`/`wetBulbC`. Hall air handlers follow the affinity law on the halls' air
    /// capacity; the fabric's air is moved at the design's fan fraction.
    public func state(liquidMW: Double, rackAirMW: Double, fleet: InstalledFleet, dryBulbC: Double, wetBulbC: Double) -> PlantState {
        let d = design, hr = d.heatRejection
        let hallAir = rackAirMW + fleet.inRackNetworkMW, airHeat = hallAir + fleet.fabricMW
        let it = liquidMW + airHeat
        let pump = AffinityLaw.powerMW(loadMW: liquidMW, capacityMW: fleet.liquidCapacityMW, fraction: d.liquidCooling?.pumpPowerFraction ?? 0,
                                       minimumSpeed: AffinityLaw.cduPumpMinimumSpeed)
        let airFan = AffinityLaw.powerMW(loadMW: hallAir, capacityMW: fleet.airCapacityMW, fraction: d.airCooling.fanPowerFraction)
            + d.airCooling.fanPowerFraction * fleet.fabricMW
        let liquidLoop = liquidMW + pump, airLoop = airHeat + airFan

        // Effective ambient; adiabatic pads run only when dry operation cannot free-cool or cannot reject the loops' heat.
        var ambient: Double, padCooledK = 0.0
        switch hr.type {
        case .dryCooler: ambient = dryBulbC
        case .coolingTower: ambient = wetBulbC
        case .adiabaticDryCooler:
            ambient = dryBulbC
            if dryBulbC > freeCoolingLimitC || curve.capacityMW(effectiveAmbientC: dryBulbC) < liquidLoop + airLoop {
                padCooledK = curve.padCoolingK(dryBulbC: dryBulbC, wetBulbC: wetBulbC)
                ambient -= padCooledK
            }
        }
        let freeWater = curve.freeCoolingSupplyC(effectiveAmbientC: ambient)

        // Chillers: chilled air first (no tolerance), then liquid trim; unmet liquid trim lets the supply float.
        let cap = hr.chillerCapacityMW
        var airChill = 0.0, liquidChill = 0.0, supply = freeWater
        if d.airCooling.chilled, let chw = d.airCooling.chilledWaterSupplyC {
            supply = chw
            if freeWater > chw { airChill = airLoop }
        }
        var float = Double.infinity
        if let lc = d.liquidCooling {
            liquidChill = ChillerCurve.liquidShare(freeCoolingSupplyC: freeWater, loop: lc) * liquidLoop
            let unmet = max(0, liquidChill - max(0, cap - airChill))
            supply = lc.facilitySupplyTempC + (liquidLoop > 0 ? unmet / liquidLoop * lc.loopDeltaTK : 0)
            if let limit = fleet.rackSupplyLimitC {
                float = liquidLoop * max(0, limit - lc.cduApproachK - lc.facilitySupplyTempC) / lc.loopDeltaTK
            }
        }
        let airServed = min(airChill, cap), liquidServed = min(liquidChill, cap - airServed)
        var compressor = 0.0
        if airServed > 0, let chw = d.airCooling.chilledWaterSupplyC {
            compressor += airServed / chiller.cop(evaporatorC: chw, condenserC: freeWater)
        }
        if liquidServed > 0, let lc = d.liquidCooling {
            compressor += liquidServed / chiller.cop(evaporatorC: lc.facilitySupplyTempC, condenserC: freeWater)
        }
        // Chilled air has no tolerance; liquid trim may fall short by what the racks' supply limit allows.
        var trim = Double.infinity
        if airChill > 0 || d.airCooling.chilled { trim = cap - airChill }
        if d.liquidCooling != nil { trim = min(trim, cap - airChill + float - liquidChill) }

        let rejected = liquidLoop + airLoop + compressor
        let capacity = curve.capacityMW(effectiveAmbientC: ambient)
        let speed = capacity > 0 ? min(1, rejected / capacity) : 1
        let plantFan = curve.ratedFanMW * speed * speed * speed
        let water = curve.waterM3(rejectedMW: rejected, ambientC: ambient, padCoolingK: padCooledK)

        let ups = PowerLossCurve.ups.lossMW(deliveringMW: it, designLoadMW: fleet.upsDesignLoadMW, efficiency: d.powerChain.upsEfficiency)
        let cooling = pump + airFan + compressor + plantFan
        let house = d.powerChain.houseLoadMW(fullLoadITMW: fleet.fullLoadITMW)
        let transformer = PowerLossCurve.transformer.lossMW(
            deliveringMW: it + ups + cooling + house, designLoadMW: fleet.transformerDesignLoadMW,
            efficiency: d.powerChain.transformerEfficiency)
        return PlantState(
            itMW: it, liquidLoopMW: liquidLoop, airLoopMW: airLoop, pumpMW: pump, airFanMW: airFan, compressorMW: compressor,
            plantFanMW: plantFan, lossesMW: ups + transformer, houseMW: house, rejectedMW: rejected, rejectionCapacityMW: capacity,
            chillerLoadMW: airChill + liquidChill, chillerUnmetMW: max(0, airChill + liquidChill - cap), supplyTempC: supply,
            waterM3: water, freeCooling: ambient <= freeCoolingLimitC, rejectionHeadroomMW: capacity - rejected,
            trimHeadroomMW: trim)
    }
}

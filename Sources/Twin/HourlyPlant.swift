import Climate
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
    /// Supply of the plant's water stream, °C: the set-point, or above it where the plant at full fan and the
    /// chillers cannot hold it.
    public var supplyTempC: Double
    /// Air an air-side economizer supplies to racks with unchilled air, °C; nil where none does.
    public var economizerAirC: Double?
    /// Water evaporated, m³ in the hour.
    public var waterM3: Double
    /// Whether the hour needs no compressor.
    public var freeCooling: Bool
    /// Rejection headroom: what the plant and chillers could carry of the plant's stream with the supply at
    /// its float limit, less the stream. Trim headroom: chiller capacity left for chilled air, or minus the
    /// hall air where the economizer cannot keep it within the racks' inlet limit. Thermal headroom is the
    /// smaller.
    public var rejectionHeadroomMW: Double, trimHeadroomMW: Double

    public var coolingMW: Double { pumpMW + airFanMW + compressorMW + plantFanMW }
    public var facilityMW: Double { itMW + coolingMW + lossesMW + houseMW }
    public var thermalHeadroomMW: Double { min(rejectionHeadroomMW, trimHeadroomMW) }
}

/// The design's plant, ready to evaluate any hour, built on the shared curves of the `PlantPhysics` target
/// (README, "Plant physics"). Each hour, in this order:
/// 1. the plant's water stream (the facility loop, plus chilled air while the plant can make chilled water) is
///    rejected at the lowest fan speed that holds its set-point (``HeatRejectionCurve``, ε-NTU at fixed UA);
/// 2. adiabatic pads run only when fans at 100 % cannot hold it;
/// 3. chillers (``ChillerCurve``) trim what the plant at full fan cannot, chilled air first;
/// 4. what chillers cannot, lets the supply float up to the racks' coolant limit through the CDU approach;
/// 5. beyond that the hour is thermally short, and throttling cuts only the fraction needed.
/// Unchilled air comes from an air-side economizer (evaporatively trimmed on adiabatic plants) and must stay
/// within the installed racks' `maxAirInletC`. CDU pumps follow `AffinityLaw` on the CDUs in service, never
/// below their minimum speed, air handlers `AffinityLaw` on the halls' air handlers in service; UPS losses follow
/// `PowerLossCurve` on the UPS modules in service, transformer losses on the transformers energized
/// (``InstalledFleet/transformerDesignLoadMW``); house loads are a fixed share of installed IT.
public struct HourlyPlant: Sendable {
    public let design: ReferenceDesign
    let curve: HeatRejectionCurve
    let chiller: ChillerCurve
    let evaporation: TowerEvaporation
    /// Set-point of the plant's water stream, °C (facility supply, else chilled water).
    let setPointC: Double
    /// Free-cooling limit on the plant's effective ambient at the rating approach, °C: chilled air needs no
    /// compressor at or below it.
    public let freeCoolingLimitC: Double

    public init(design: ReferenceDesign, site: Site) {
        self.design = design
        curve = HeatRejectionCurve(design: design)
        let air = DesignAmbient(design: design, site: site)
        chiller = ChillerCurve(design: design, designDryBulbC: air.dryBulbC, designWetBulbC: air.wetBulbC)
        evaporation = TowerEvaporation(pressurePa: Psychrometrics.standardPressurePa(elevationM: site.location.elevationM))
        let hr = design.heatRejection
        setPointC = DesignCondition.plantSetPointC(design) ?? hr.ratedAmbientC + hr.approachK
        let chilledWater = design.airCooling.chilled ? design.airCooling.chilledWaterSupplyC : nil
        freeCoolingLimitC = (chilledWater ?? .infinity) - hr.approachK
    }

    /// Warmest supply the plant's stream may float to, °C: the installed racks' coolant limit less the CDU
    /// approach, never below the set-point.
    func limitOrSetPoint(_ fleet: InstalledFleet) -> Double {
        guard let lc = design.liquidCooling, let limit = fleet.rackSupplyLimitC else { return setPointC }
        return max(setPointC, limit - lc.cduApproachK)
    }

    /// The plant's state with rack loads `liquidMW` (to liquid) and `rackAirMW` (to air) and `fleet`'s
    /// network, at ambient `dryBulbC`/`wetBulbC`. Hall air handlers follow the affinity law on the halls' air
    /// capacity; the fabric's air is moved at the design's fan fraction.
    public func state(liquidMW: Double, rackAirMW: Double, fleet: InstalledFleet, dryBulbC: Double, wetBulbC: Double) -> PlantState {
        withPowerChain(cooling(liquidMW: liquidMW, rackAirMW: rackAirMW, fleet: fleet, dryBulbC: dryBulbC, wetBulbC: wetBulbC), fleet: fleet)
    }

    /// The plant's cooling alone (steps 1–5), with no electrical losses or house loads: one water loop's share of the hour
    /// when `fleet` holds the loop's halls (``InstalledFleet/onLoop(_:)``). The air-side economizer is the site's, trimmed
    /// by `economizerPads` (the main loop's pads, README "Water loops"; this plant's own when nil), whose water counts.
    func cooling(liquidMW: Double, rackAirMW: Double, fleet: InstalledFleet, dryBulbC: Double, wetBulbC: Double,
                 economizerPads: EconomizerPads? = nil) -> PlantState {
        let d = design, hr = d.heatRejection
        let hallAir = rackAirMW + fleet.hallNetworkMW, airHeat = hallAir + fleet.fabricMW
        let it = liquidMW + airHeat
        let pump = AffinityLaw.powerMW(loadMW: liquidMW, capacityMW: fleet.liquidCapacityMW, fraction: d.liquidCooling?.pumpPowerFraction ?? 0,
                                       minimumSpeed: AffinityLaw.cduPumpMinimumSpeed)
        let airFan = AffinityLaw.powerMW(loadMW: hallAir, capacityMW: fleet.airCapacityMW, fraction: d.airCooling.fanPowerFraction)
            + d.airCooling.fanPowerFraction * fleet.fabricMW
        let liquidLoop = liquidMW + pump, airLoop = airHeat + airFan

        // 1–2. The plant's stream at its set-point: dry first, then pads. Chilled air the plant cannot make
        // goes to the chillers, whose water-cooled condensers take their share of the tower's cells.
        let cap = hr.chillerCapacityMW, ratedMW = hr.ratedCapacityMW, flow = curve.plantFlowMWPerK
        let chilledWater = d.airCooling.chilledWaterSupplyC ?? setPointC
        let airCOP = chiller.cop(chilledWaterC: chilledWater, dryBulbC: dryBulbC, wetBulbC: wetBulbC)
        let streamCOP = chiller.cop(chilledWaterC: setPointC, dryBulbC: dryBulbC, wetBulbC: wetBulbC)
        // What the pads could do this hour (0 without pads); they run only when step 1 falls short.
        let padK = curve.padCoolingK(dryBulbC: dryBulbC, wetBulbC: wetBulbC)
        var ambient = hr.type == .coolingTower ? wetBulbC : dryBulbC, padCooledK = 0.0
        var airFree = false, stream = 0.0, airChill = 0.0, met = false
        /// Share of the cells water-cooled condensers take while chillers carry `streamChill` of the stream.
        func condenserCells(_ streamChill: Double) -> Double {
            guard chiller.waterCooled else { return 0 }
            return (min(airChill, cap) * (1 + 1 / airCOP) + streamChill * (1 + 1 / streamCOP)) / ratedMW
        }
        func conductance(_ streamChill: Double) -> Double {
            curve.fullFanConductanceMWPerK * max(0, 1 - condenserCells(streamChill))
        }
        func settleAir() {
            airFree = d.airCooling.chilled && ambient <= freeCoolingLimitC
            stream = liquidLoop + (airFree ? airLoop : 0)
            airChill = d.airCooling.chilled && !airFree ? airLoop : 0
            met = stream <= curve.capacityMW(supplyC: setPointC, ambientC: ambient, conductanceMWPerK: conductance(0))
        }
        settleAir()
        if hr.type == .adiabaticDryCooler && (!met || (d.airCooling.chilled && !airFree)) {
            padCooledK = padK
            ambient -= padCooledK
            settleAir()
        }

        // 3. Chillers trim what the plant at full fan leaves of the stream. With water-cooled condensers the
        // plant takes E(x)·D with E falling as the chillers' load x grows: need(x) = a + b·x, solved in closed form.
        let available = max(0, cap - airChill)
        let difference = setPointC + stream / flow - ambient
        func need(_ x: Double) -> Double { min(stream, max(0, stream - conductance(x) * max(difference, 0))) }
        var streamChill = 0.0, needed = 0.0, supply = setPointC, speed = 0.0
        if met {
            speed = curve.fanSpeed(heatMW: stream, supplyC: setPointC, ambientC: ambient, condenserCells: condenserCells(0))
        } else {
            let a = need(0)
            let b = chiller.waterCooled && difference > 0
                ? curve.fullFanConductanceMWPerK * difference * (1 + 1 / streamCOP) / ratedMW : 0
            let fixedPoint = b < 1 ? a / (1 - b) : Double.infinity
            streamChill = fixedPoint <= available ? fixedPoint : available
            needed = fixedPoint <= available ? need(streamChill) : need(available)
            streamChill = min(streamChill, needed)
            speed = stream - streamChill > 1e-9 ? 1 : 0
        }
        // 4. What the chillers cannot carry lets the supply float: Q − chill = E·(T + Q/C_p − T_a).
        let limitC = limitOrSetPoint(fleet), e = conductance(streamChill)
        if needed > available + 1e-12 {
            supply = e > 0 ? ambient + (stream - available) / e - stream / flow : max(limitC, ambient) + (stream - available) / flow
        }
        // 5. Headroom: the stream the plant and chillers carry with the supply at its float limit; pads count
        // as capacity in hand even in hours that do not need them.
        let coolest = hr.type == .adiabaticDryCooler ? dryBulbC - padK : ambient
        let streamCapacity = max(available, (e * (limitC - coolest) + available) / (1 - e / flow))
        var trim = d.airCooling.chilled ? cap - airChill : Double.infinity
        var economizerC: Double?, economizerWater = 0.0
        if !d.airCooling.chilled, hallAir > 0, let limit = fleet.airInletLimitC {
            let economizer = dryBulbC + d.airCooling.economizerApproachKInUse
            let pads = economizerPads ?? curve.economizerPads(dryBulbC: dryBulbC, wetBulbC: wetBulbC)
            let air = economizer > limit ? economizer - pads.coolingK : economizer
            // The outdoor air carries the air loop's heat: the halls' racks and network, the fabric's switches and the fans.
            if economizer > limit { economizerWater = pads.waterM3(airMW: airLoop) }
            economizerC = air
            if air > limit { trim = -hallAir }
        }

        let compressor = (airChill > 0 ? min(airChill, cap) / airCOP : 0) + (streamChill > 0 ? streamChill / streamCOP : 0)
        let condenserHeat = chiller.waterCooled ? min(airChill, cap) + streamChill + compressor : 0
        let plantHeat = stream - streamChill + condenserHeat
        // Fans: condenser cells at full speed (the tower's rated duty per cell), the rest at the stream's speed.
        let cells = min(1, condenserCells(streamChill))
        let plantFan = curve.ratedFanMW * cells + (1 - cells) * curve.fanMW(speed: speed)
        let inlet = curve.inletC(heatMW: stream, supplyC: min(supply, limitC))
        let latent = hr.type == .coolingTower
            ? evaporation.latentShare(dryBulbC: dryBulbC, wetBulbC: wetBulbC, waterInC: inlet, waterOutC: min(supply, limitC)) : 0
        let water = curve.waterM3(rejectedMW: plantHeat, padCoolingK: padCooledK, fanSpeed: speed, latentShare: latent) + economizerWater

        return PlantState(
            itMW: it, liquidLoopMW: liquidLoop, airLoopMW: airLoop, pumpMW: pump, airFanMW: airFan, compressorMW: compressor,
            plantFanMW: plantFan, lossesMW: 0, houseMW: 0, rejectedMW: liquidLoop + airLoop + compressor,
            rejectionCapacityMW: streamCapacity, chillerLoadMW: airChill + needed,
            chillerUnmetMW: max(0, airChill + needed - cap), supplyTempC: supply, economizerAirC: economizerC,
            waterM3: water, freeCooling: airChill + needed <= 0, rejectionHeadroomMW: streamCapacity - stream,
            trimHeadroomMW: trim)
    }

    /// `cooling` with the UPS and transformer losses and house loads of `fleet` added (``PowerLossCurve`` on the modules
    /// in service): the facility's hour.
    func withPowerChain(_ cooling: PlantState, fleet: InstalledFleet) -> PlantState {
        let chain = design.powerChain, it = cooling.itMW
        let ups = PowerLossCurve.ups.lossMW(deliveringMW: it, designLoadMW: fleet.upsDesignLoadMW, efficiency: chain.upsEfficiency)
        let house = chain.houseLoadMW(fullLoadITMW: fleet.fullLoadITMW)
        let transformer = PowerLossCurve.transformer.lossMW(
            deliveringMW: it + ups + cooling.coolingMW + house, designLoadMW: fleet.transformerDesignLoadMW,
            efficiency: chain.transformerEfficiency)
        var state = cooling
        (state.lossesMW, state.houseMW) = (ups + transformer, house)
        return state
    }
}

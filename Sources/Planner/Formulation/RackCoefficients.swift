import PlantModel
import PlantPhysics

/// What one rack of a profile draws from each limited resource at the design condition, in the units of
/// the limits (MW, positions, ports, USD). Every constraint of the formulation is a sum of these.
public struct RackCoefficients: Sendable, Equatable, Codable {
    public var positions: Double
    /// Rack IT + in-rack network, MW.
    public var rackMW: Double
    /// What the hall's power paths carry: the rack and its in-rack network, and in a hall with a fabric of its own the rack's
    /// ports on it, MW.
    public var hallPowerMW: Double
    public var liquidMW: Double
    /// Air heat in the hall (rack air share + in-rack network, and the rack's ports on a fabric in the hall), MW.
    public var airMW: Double
    /// Scale-out fabric power for the rack's ports (switches and optics), MW.
    public var fabricMW: Double
    /// Heat that chillers must carry, MW.
    public var chillerLoadMW: Double
    /// The chilled air among it (air heat and air-handler work of a chilled-air design with chillers), MW.
    public var chilledAirMW: Double
    /// Cooling power: pumps, air-handler fans, chiller compressors, heat-rejection fans, MW.
    public var coolingMW: Double
    /// Heat in the plant's water stream: the liquid loop with its pump work, MW (air heat goes to chillers or
    /// to the air-side economizer; compressor heat leaves through the chillers' condensers).
    public var rejectedMW: Double
    /// Power drawn from the grid: IT and network through transformers and UPS, cooling and house loads through
    /// transformers, MW.
    public var facilityMW: Double
    public var scaleOutPorts: Double
    /// The rack's all-in capex, USD (``ReferenceDesign/rackCapexUSD(_:)``: without the network where fabrics are priced).
    public var capexUSD: Double
    /// What the rack's scale-out ports cost on a priced fabric (ports × ``Fabric/capexUSDPerHostPort``), USD; 0 on one
    /// without prices. Bought with the ports above the most in service before (``Formulation/defineFabricPorts()``).
    public var fabricCapexUSD: Double

    /// A rack of `p` in `d` at `condition`, its ports on `d.fabric`: a fabric in its hall (`fabricInHall`, the hall's own:
    /// on the hall's power path and in its air) or outside the halls (the site's).
    public init(profile p: RackProfile, design d: ReferenceDesign, condition: DesignCondition, fabricInHall: Bool = false) {
        positions = Double(p.positionsPerRack)
        rackMW = (p.rackMaxKW + p.networkKWPerRack) / 1000
        liquidMW = p.liquidKW / 1000
        scaleOutPorts = Double(p.scaleOutPorts)
        fabricMW = scaleOutPorts * d.fabric.wattsPerHostPort / 1e6
        hallPowerMW = rackMW + (fabricInHall ? fabricMW : 0)
        airMW = p.airKW / 1000 + (fabricInHall ? fabricMW : 0)
        let siteAirMW = p.airKW / 1000 + fabricMW
        let pumpMW = liquidMW * (d.liquidCooling?.pumpPowerFraction ?? 0)
        let airFanMW = siteAirMW * d.airCooling.fanPowerFraction
        // The plant's water stream: the liquid loop with its pump work (air heat goes to chillers or to the
        // air-side economizer). With chillers, they carry s per MW of it (DesignCondition) and all chilled air.
        let streamMW = liquidMW + pumpMW
        let chillers = d.heatRejection.hasChillers
        chilledAirMW = chillers && d.airCooling.chilled ? siteAirMW + airFanMW : 0
        chillerLoadMW = chillers ? streamMW * condition.liquidChillerShare + chilledAirMW : 0
        // The planner charges compressors at the design COP: the condition is the one the COP is rated at.
        let compressorMW = chillerLoadMW > 0 ? chillerLoadMW / (d.heatRejection.chillerCOP ?? 1) : 0
        rejectedMW = streamMW
        // Plant fans at full speed draw fanPowerFraction × rated capacity; at the design ambient that speed
        // rejects rejectionCapacityMW. Per MW of the stream this is an upper bound of the twin's fans.
        let plantFanPerMW = condition.rejectionCapacityMW > 0
            ? d.heatRejection.ratedFanMW / condition.rejectionCapacityMW : d.heatRejection.fanPowerFraction
        // Water-cooled condensers (tower plants) run their cells at full speed: fanPowerFraction per MW of
        // condenser heat; air-cooled chillers' condenser fans are inside their COP.
        let condenserFanMW = d.heatRejection.type == .coolingTower
            ? (chillerLoadMW + compressorMW) * d.heatRejection.fanPowerFraction : 0
        coolingMW = pumpMW + airFanMW + compressorMW + streamMW * plantFanPerMW + condenserFanMW
        facilityMW = d.powerChain.facilityMWAtDesignLoading(itMW: rackMW + fabricMW, coolingMW: coolingMW)
        capexUSD = d.rackCapexUSD(p)
        fabricCapexUSD = scaleOutPorts * (d.fabric.capexUSDPerHostPort ?? 0)
    }

    /// IT power as PUE counts it (racks, in-rack network and fabric), MW.
    public var itMW: Double { rackMW + fabricMW }

    /// Grid power per MW of heat the chillers of `d` carry at its design condition: their compressors at the design COP
    /// and, on a tower plant, the cells that reject the condenser heat (that MW and the compressor's) at full speed, through
    /// the transformers, MW/MW; 0 without chillers. A rack's ``facilityMW`` holds this × its ``chillerLoadMW``.
    public static func chillerFacilityMWPerMW(design d: ReferenceDesign) -> Double {
        guard d.heatRejection.hasChillers else { return 0 }
        let compressor = 1 / (d.heatRejection.chillerCOP ?? 1)
        let condenserFans = d.heatRejection.type == .coolingTower ? (1 + compressor) * d.heatRejection.fanPowerFraction : 0
        return (compressor + condenserFans) / d.powerChain.transformerEfficiency
    }

    /// Grid power the rack (of `profile`, whose coefficients these are) draws on average at `utilization`, MW, loaded as the
    /// twin loads it: the rack at idle + (max − idle)·U, its in-rack network and its fabric ports at full power whatever U,
    /// cooling in proportion to that IT heat, and the house loads on its full-load IT, through `powerChain` at its design
    /// efficiencies. At U = 1 it is ``facilityMW``.
    public func averageFacilityMW(profile: RackProfile, utilization: Double, powerChain chain: PowerChain) -> Double {
        let it = averageITMW(profile: profile, utilization: utilization)
        return it / (chain.transformerEfficiency * chain.upsEfficiency)
            + (coolingMW * averageHeatShare(profile: profile, utilization: utilization) + chain.houseLoadMW(fullLoadITMW: itMW)) / chain.transformerEfficiency
    }

    /// IT power the rack (of `profile`) draws on average at `utilization`, MW: the rack at idle + (max − idle)·U, its
    /// in-rack network and its fabric ports at full power.
    public func averageITMW(profile: RackProfile, utilization: Double) -> Double {
        (profile.rackIdleKW + (profile.rackMaxKW - profile.rackIdleKW) * utilization + profile.networkKWPerRack) / 1000 + fabricMW
    }

    /// The share of its full-load heat, and so of its cooling and chiller load, the rack (of `profile`) gives off on average at
    /// `utilization`: ``averageITMW(profile:utilization:)`` / ``itMW`` (1 without IT power), as ``averageFacilityMW(profile:utilization:powerChain:)``
    /// scales its cooling.
    public func averageHeatShare(profile: RackProfile, utilization: Double) -> Double {
        itMW > 0 ? averageITMW(profile: profile, utilization: utilization) / itMW : 1
    }
}

extension RackCoefficients {
    /// How many per-hall limits a rack takes of: positions, hall power, CDUs, air and the hall fabric's ports.
    static let perHallLimitCount = 5

    /// What one rack takes of a hall's positions, power, CDUs, air and fabric ports (the order of
    /// ``HallGroup/perHallLimits(blocks:)``).
    var perHallUse: [Double] { [positions, hallPowerMW, liquidMW, airMW, scaleOutPorts] }
}

extension HallGroup {
    /// One hall's positions, usable IT power with `blocks` power blocks, CDU and air-handler capacity, and the host ports
    /// of its own fabric (unlimited on the site fabric, whose row is the site's), in the order of
    /// ``RackCoefficients/perHallUse``.
    func perHallLimits(blocks: Int) -> [Double] {
        [Double(positions), usableITCapacityMW(blocks: blocks), liquidCapacityMW, airCapacityMW, fabric?.hostPortCapacity ?? .infinity]
    }
}

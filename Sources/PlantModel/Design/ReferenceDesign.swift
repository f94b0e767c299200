import Foundation

/// A facility architecture applied to a site (`reference-designs/*.yaml`): halls, power chain, cooling,
/// network, the profiles it allows, budget, horizon, workload mix and economics.
public struct ReferenceDesign: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var name: String
    /// Why this design looks the way it does.
    public var summary: String
    /// Default site file, relative to the design file.
    public var site: String?
    public var horizon: Horizon
    public var halls: [HallGroup]
    public var powerChain: PowerChain
    /// Facility water loop serving the racks' liquid heat; `nil` for an air-only design.
    public var liquidCooling: LiquidCooling?
    public var airCooling: AirCooling
    public var heatRejection: HeatRejection
    /// Facility water loops beside the main one (`liquidCooling` and `heatRejection`), each with its own water class and
    /// plant, serving the halls that name it (README "Water loops"); `nil` for one loop.
    public var waterLoops: [WaterLoop]?
    /// The outdoor condition the plant is sized at; `nil` for ``DesignBasis/standard``.
    public var designBasis: DesignBasis?
    public var fabric: Fabric
    /// Catalog profiles this design may use.
    public var profiles: [String]
    /// Racks per scalable unit (e.g. 8 for an NVL72 SuperPOD SU), by profile; others are bought by the rack.
    public var scalableUnits: [String: Int]?
    /// Racks the supply chain can deliver per quarter, by profile; unlisted profiles are unlimited.
    public var supplyCapRacksPerQuarter: [String: Int]?
    /// Cumulative capex limit over the horizon (racks, and the halls and feeds the plan builds), USD; `nil` for none.
    public var budgetUSD: Double?
    /// Racks already installed when the horizon begins; `nil` for a new site.
    public var existingRacks: [ExistingRacks]?
    public var workloadMix: [WorkloadShare]
    public var economics: Economics
    /// Sources of the design's figures, by dotted key.
    public var figures: [String: FigureSource]
    public var references: [Reference]

    public static var placeholder: ReferenceDesign {
        ReferenceDesign(name: "", summary: "", site: nil, horizon: .placeholder, halls: [], powerChain: .placeholder,
                        liquidCooling: nil, airCooling: .placeholder, heatRejection: .placeholder, designBasis: nil, fabric: .placeholder,
                        profiles: [], scalableUnits: nil, supplyCapRacksPerQuarter: nil, budgetUSD: nil, existingRacks: nil,
                        workloadMix: [], economics: .placeholder, figures: [:], references: [])
    }

    /// Racks per purchase unit of a profile (1 unless the design groups it).
    public func unitRacks(_ profile: String) -> Int { scalableUnits?[profile] ?? 1 }
}

/// The quarters the plan covers, inclusive.
public struct Horizon: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var first: Quarter
    public var last: Quarter

    public static var placeholder: Horizon { Horizon(first: .placeholder, last: .placeholder) }

    public var quarters: [Quarter] { first.through(last) }
}

/// One hall, or `count` identical halls.
public struct HallGroup: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var name: String
    /// Identical halls of this type (grouped to cut symmetry in the optimizer).
    public var count: Int
    /// Rack positions per hall.
    public var positions: Int
    /// Highest rack IT power the hall's busways and cooling serve, kW.
    public var maxRackKW: Double
    /// Installed IT power-path capacity per hall before any power block, MW; usable = installed × the redundancy rule's
    /// share (with power blocks: installed + the hall's blocks × their capacity, times that share).
    public var installedCapacityMW: Double
    /// The hall's power-path redundancy: N, 2N, or xN/y (e.g. 4N/3).
    public var redundancy: RedundancyRule
    /// Liquid (TCS) heat the hall's CDUs can take, MW; 0 for an air-only hall.
    public var liquidCapacityMW: Double
    /// Air heat the hall's air handlers can take, MW.
    public var airCapacityMW: Double
    /// Heaviest rack the floor carries, kg; `nil` for no limit.
    public var maxRackWeightKg: Double?
    /// First quarter the hall can take racks (with `build`: the earliest it may enter service).
    public var availableFrom: Quarter
    /// With it, the plan decides how many of the group's halls to build and when, at this capex and lead time
    /// each; without it, the halls are given and in service from `availableFrom`.
    public var build: BuildOption?
    /// UPS and transformer blocks the plan may add to each hall, at their capex and lead time; `nil` for the hall's power
    /// path as given.
    public var powerBlocks: PowerBlocks?
    /// The scale-out fabric of each hall of the group, serving only that hall's racks; `nil` for the design's site fabric.
    public var fabric: Fabric?
    /// The design's water loop (`waterLoops[].name`) the group's CDUs and chilled air stand on; `nil` for the main loop.
    public var waterLoop: String?

    public init(name: String, count: Int, positions: Int, maxRackKW: Double, installedCapacityMW: Double, redundancy: RedundancyRule,
                liquidCapacityMW: Double, airCapacityMW: Double, maxRackWeightKg: Double?, availableFrom: Quarter, build: BuildOption? = nil,
                powerBlocks: PowerBlocks? = nil, fabric: Fabric? = nil, waterLoop: String? = nil) {
        self.name = name
        self.count = count
        self.positions = positions
        self.maxRackKW = maxRackKW
        self.installedCapacityMW = installedCapacityMW
        self.redundancy = redundancy
        self.liquidCapacityMW = liquidCapacityMW
        self.airCapacityMW = airCapacityMW
        self.maxRackWeightKg = maxRackWeightKg
        self.availableFrom = availableFrom
        self.build = build
        self.powerBlocks = powerBlocks
        self.fabric = fabric
        self.waterLoop = waterLoop
    }

    public static var placeholder: HallGroup {
        HallGroup(name: "", count: 1, positions: 0, maxRackKW: 0, installedCapacityMW: 0, redundancy: .n,
                  liquidCapacityMW: 0, airCapacityMW: 0, maxRackWeightKg: nil, availableFrom: .placeholder)
    }

    /// First quarter the group's halls can be in service: `availableFrom`, and after the build lead time.
    public func earliestService(horizonFirst: Quarter) -> Quarter {
        build?.earliestService(availableFrom: availableFrom, horizonFirst: horizonFirst) ?? availableFrom
    }

    /// The name of the `i`-th hall of the group (0-based): the group's name for a single hall, else `name-(i+1)`.
    public func hallName(_ i: Int) -> String { count == 1 ? name : "\(name)-\(i + 1)" }

    /// IT power the hall may carry under its redundancy rule before any power block, MW.
    public var usableITCapacityMW: Double { installedCapacityMW * redundancy.loadableShare }

    /// The group as its single halls, each named as ``hallName(_:)`` names it (a single hall is itself).
    public var singles: [HallGroup] {
        (0..<count).map { i in
            var single = self
            single.name = hallName(i)
            single.count = 1
            return single
        }
    }
}

/// Conversion between the utility feed and the racks.
public struct PowerChain: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Transformer efficiency at design load (fraction).
    public var transformerEfficiency: Double
    /// UPS efficiency at design load (fraction).
    public var upsEfficiency: Double
    /// Site battery (BESS) that bridges feed shortfalls in the twin; `nil` for none.
    public var battery: Battery?
    /// House loads (lighting, offices, electrical and battery rooms' cooling, security) as a fraction of the
    /// installed IT power at full load, drawn whatever the utilization; `nil` for ``standardHouseLoadFractionOfIT``.
    public var houseLoadFractionOfIT: Double?

    public init(transformerEfficiency: Double, upsEfficiency: Double, battery: Battery? = nil, houseLoadFractionOfIT: Double? = nil) {
        self.transformerEfficiency = transformerEfficiency
        self.upsEfficiency = upsEfficiency
        self.battery = battery
        self.houseLoadFractionOfIT = houseLoadFractionOfIT
    }

    /// Estimate, not a sourced figure: 1.5 % of IT, lighting, offices and security ≈ 0.5 % plus cooling the
    /// electrical rooms, whose 3–5 % of IT in UPS and transformer losses take ≈ 1 % at a COP near 4.
    public static let standardHouseLoadFractionOfIT = 0.015

    /// The house-load fraction in force: the design's, or the standard estimate.
    public var houseLoadFraction: Double { houseLoadFractionOfIT ?? Self.standardHouseLoadFractionOfIT }

    public static var placeholder: PowerChain { PowerChain(transformerEfficiency: 1, upsEfficiency: 1) }
}

/// A battery energy storage system on the facility side of the grid meter: `energyMWh` and `powerMW` are in place from the
/// first quarter; a `build` option lets the plan add to them.
public struct Battery: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Usable stored energy, MWh.
    public var energyMWh: Double
    /// Largest charge or discharge power, MW.
    public var powerMW: Double
    /// Energy delivered over energy drawn to charge it (fraction); the loss is taken on charging.
    public var roundTripEfficiency: Double
    /// Minutes the battery must carry the facility's power at the design condition (IT, cooling and losses at full
    /// load: liquid racks need their pumps and the plant through a ride-through), in every quarter; `nil` for no
    /// requirement. With it the plan sizes the battery (README "Facility decisions", "Battery").
    public var rideThroughMinutes: Double?
    /// How the plan may add energy and power to the battery; `nil`: the battery stays as given.
    public var build: BatteryBuild?

    public init(energyMWh: Double, powerMW: Double, roundTripEfficiency: Double, rideThroughMinutes: Double? = nil,
                build: BatteryBuild? = nil) {
        self.energyMWh = energyMWh
        self.powerMW = powerMW
        self.roundTripEfficiency = roundTripEfficiency
        self.rideThroughMinutes = rideThroughMinutes
        self.build = build
    }

    public static var placeholder: Battery { Battery(energyMWh: 0, powerMW: 0, roundTripEfficiency: 1) }
}

/// The facility water system (FWS) and CDUs serving the racks' technology cooling system (TCS).
public struct LiquidCooling: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// ASHRAE TC 9.9 facility water class (W17, W27, W32, W40, W45, W+).
    public var facilityWaterClass: String
    /// Facility water supply temperature, °C.
    public var facilitySupplyTempC: Double
    /// CDU approach (TCS supply − FWS supply), K.
    public var cduApproachK: Double
    /// Facility loop temperature rise, K.
    public var loopDeltaTK: Double
    /// Pump and CDU power as a fraction of liquid heat.
    public var pumpPowerFraction: Double
    /// Heat one CDU carries, MW (for the bill of materials).
    public var cduCapacityMW: Double

    public static var placeholder: LiquidCooling {
        LiquidCooling(facilityWaterClass: "", facilitySupplyTempC: 0, cduApproachK: 0, loopDeltaTK: 0,
                      pumpPowerFraction: 0, cduCapacityMW: 1)
    }

    /// Rack (TCS) supply temperature, °C.
    public var rackSupplyTempC: Double { facilitySupplyTempC + cduApproachK }
    /// Facility water returning to heat rejection, °C.
    public var facilityReturnTempC: Double { facilitySupplyTempC + loopDeltaTK }
}

/// Air handlers serving the share of heat that racks and network gear reject to air.
public struct AirCooling: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Air handler fan power as a fraction of air heat.
    public var fanPowerFraction: Double
    /// Whether air heat goes through chillers (chilled-water CRAH) before heat rejection.
    public var chilled: Bool
    /// Chilled-water supply to the air handlers, °C (required when `chilled`): the twin runs chillers for
    /// air heat only in hours when the plant cannot make water this cold.
    public var chilledWaterSupplyC: Double?
    /// Unchilled air: supply air above the (evaporatively trimmed) outdoor air, K: the air-side economizer's
    /// approach; nil for ``defaultEconomizerApproachK``.
    public var economizerApproachK: Double?

    public init(fanPowerFraction: Double, chilled: Bool, chilledWaterSupplyC: Double?, economizerApproachK: Double? = nil) {
        self.fanPowerFraction = fanPowerFraction
        self.chilled = chilled
        self.chilledWaterSupplyC = chilledWaterSupplyC
        self.economizerApproachK = economizerApproachK
    }

    /// Economizer approach when the design gives none: 1 K, the supply fans' heat (estimate: a fan at
    /// ≈ 1 kPa warms air by Δp / (ρ·c_p·η) ≈ 1,000 / (1.2 × 1,006 × 0.8) ≈ 1 K; direct economizer, no coil).
    public static let defaultEconomizerApproachK = 1.0

    /// The economizer approach in use, K.
    public var economizerApproachKInUse: Double { economizerApproachK ?? Self.defaultEconomizerApproachK }

    public static var placeholder: AirCooling { AirCooling(fanPowerFraction: 0, chilled: false, chilledWaterSupplyC: nil) }
}

/// Kinds of heat-rejection plant.
public enum HeatRejectionType: String, FileEnum {
    case dryCooler, adiabaticDryCooler, coolingTower
}

/// The outdoor plant that rejects the site's heat, rated at one point and derated linearly with ambient.
public struct HeatRejection: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var type: HeatRejectionType
    /// Heat the plant rejects at its rating point, MW.
    public var ratedCapacityMW: Double
    /// Ambient at the rating point, °C (dry-bulb; wet-bulb for towers).
    public var ratedAmbientC: Double
    /// Fluid entering the plant at the rating point, °C.
    public var ratedFluidInletC: Double
    /// Cold fluid leaving the plant minus ambient (approach) at rating, K.
    public var approachK: Double
    /// Fan power as a fraction of rejected heat at full load.
    public var fanPowerFraction: Double
    /// Pad effectiveness of adiabatic pre-cooling (adiabaticDryCooler only).
    public var adiabaticEffectiveness: Double?
    /// Water evaporated per kWh rejected evaporatively, L (towers, adiabatic assist).
    public var waterLPerKWh: Double?
    /// Cycles of concentration of tower water (towers only): blowdown = evaporation / (CoC − 1)
    /// (physics.md B5); `nil` counts evaporation only.
    public var cyclesOfConcentration: Double?
    /// Chiller capacity that trims what free cooling cannot, MW of cooling; 0 for none.
    public var chillerCapacityMW: Double
    /// Chiller COP at the design condition.
    public var chillerCOP: Double?
    /// Modules the plan may add to the plant, at their capex and lead time; `nil` for a plant as given.
    public var modules: PlantModules?
    /// Chillers the plan may add, at their capex and lead time; `nil` for the chillers as given.
    public var chillerModules: ChillerModules?

    public init(type: HeatRejectionType, ratedCapacityMW: Double, ratedAmbientC: Double, ratedFluidInletC: Double, approachK: Double,
                fanPowerFraction: Double, adiabaticEffectiveness: Double?, waterLPerKWh: Double?, cyclesOfConcentration: Double?,
                chillerCapacityMW: Double, chillerCOP: Double?, modules: PlantModules? = nil, chillerModules: ChillerModules? = nil) {
        self.type = type
        self.ratedCapacityMW = ratedCapacityMW
        self.ratedAmbientC = ratedAmbientC
        self.ratedFluidInletC = ratedFluidInletC
        self.approachK = approachK
        self.fanPowerFraction = fanPowerFraction
        self.adiabaticEffectiveness = adiabaticEffectiveness
        self.waterLPerKWh = waterLPerKWh
        self.cyclesOfConcentration = cyclesOfConcentration
        self.chillerCapacityMW = chillerCapacityMW
        self.chillerCOP = chillerCOP
        self.modules = modules
        self.chillerModules = chillerModules
    }

    public static var placeholder: HeatRejection {
        HeatRejection(type: .dryCooler, ratedCapacityMW: 0, ratedAmbientC: 0, ratedFluidInletC: 0, approachK: 0,
                      fanPowerFraction: 0, adiabaticEffectiveness: nil, waterLPerKWh: nil, cyclesOfConcentration: nil,
                      chillerCapacityMW: 0, chillerCOP: nil)
    }
}

/// The scale-out network: a non-blocking fat tree, the site's (`fabric`) or one in each hall of a group (`halls[].fabric`).
public struct Fabric: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Ports per switch (k).
    public var switchRadix: Int
    /// Tiers: 2 (k²/2 host ports) or 3 (k³/4).
    public var tiers: Int
    /// Switch power per port, W (ASIC and fans, without optics).
    public var switchWattsPerPort: Double
    /// Power per optical transceiver, W.
    public var opticsWattsPerPort: Double
    /// Price of one switch, USD; with `transceiverCapexUSD`, the fabric is priced apart from the racks (README "Fabric capex").
    public var switchCapexUSD: Double?
    /// Price of one transceiver, USD; given with `switchCapexUSD`.
    public var transceiverCapexUSD: Double?

    public static var placeholder: Fabric { Fabric(switchRadix: 2, tiers: 2, switchWattsPerPort: 0, opticsWattsPerPort: 0) }

    /// Whether the fabric carries prices of its own (either price given; validation asks for both).
    public var isPriced: Bool { switchCapexUSD != nil || transceiverCapexUSD != nil }

    /// Capex per host port of a priced fabric, USD: (2·tiers − 1)/k switches (3/k for two tiers: 2/k leaves and 1/k
    /// spines; 5/k for three) at the switch price and 2·tiers transceivers at theirs; `nil` for a fabric without prices.
    public var capexUSDPerHostPort: Double? {
        guard isPriced else { return nil }
        return (switchCapexUSD ?? 0) * Double(switchPortsPerHostPort) / Double(switchRadix)
            + (transceiverCapexUSD ?? 0) * Double(transceiversPerHostPort)
    }

    /// Host ports a non-blocking fat tree of this radix and depth connects.
    public var hostPortCapacity: Double {
        let k = Double(switchRadix)
        return tiers == 2 ? k * k / 2 : k * k * k / 4
    }

    /// Switch ports used per host port: each tier below the top uses one down and one up port.
    public var switchPortsPerHostPort: Int { 2 * tiers - 1 }
    /// Transceivers per host port: two per link, `tiers` links per host port.
    public var transceiversPerHostPort: Int { 2 * tiers }
    /// Fabric power per host port, W.
    public var wattsPerHostPort: Double {
        Double(switchPortsPerHostPort) * switchWattsPerPort + Double(transceiversPerHostPort) * opticsWattsPerPort
    }
}

/// A workload's share of the tokens served.
public struct WorkloadShare: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var workload: String
    /// Fraction of all tokens (shares sum to 1).
    public var share: Double
    /// How demand for the workload moves hour to hour (the twin); `nil` for ``DemandShape/standard``.
    public var demand: DemandShape?

    public init(workload: String, share: Double, demand: DemandShape? = nil) {
        self.workload = workload
        self.share = share
        self.demand = demand
    }

    public static var placeholder: WorkloadShare { WorkloadShare(workload: "", share: 0, demand: nil) }
}

/// A workload's demand, as a share of the token capacity serving it: u(t) = U·m(t), where U is
/// `meanUtilization` and m(t) = 1 + A·cos(2π(h − h_peak)/24) + ε(t) its hourly movement around the mean; ε is the
/// mean of `tenants` independent normal noises of standard deviation `hourlyNoise` (pooling narrows it by √tenants).
public struct DemandShape: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Mean share of the workload's token capacity demanded (fraction).
    public var meanUtilization: Double
    /// Diurnal amplitude as a fraction of mean demand.
    public var diurnalAmplitude: Double
    /// Local hour of peak demand, 0–24.
    public var peakHourLocal: Double
    /// Independent tenants pooled on the fleet.
    public var tenants: Int
    /// Standard deviation of one tenant's hourly noise, fraction of mean demand.
    public var hourlyNoise: Double

    public init(meanUtilization: Double, diurnalAmplitude: Double, peakHourLocal: Double, tenants: Int, hourlyNoise: Double) {
        self.meanUtilization = meanUtilization
        self.diurnalAmplitude = diurnalAmplitude
        self.peakHourLocal = peakHourLocal
        self.tenants = tenants
        self.hourlyNoise = hourlyNoise
    }

    /// Estimate, not a sourced figure: 70 % of token capacity demanded on average (inference fleets are sized for
    /// the daily peak), ±20 % daily swing peaking mid-afternoon, one tenant, 5 % hourly noise.
    public static let standard = DemandShape(meanUtilization: 0.7, diurnalAmplitude: 0.2, peakHourLocal: 15, tenants: 1, hourlyNoise: 0.05)
    public static var placeholder: DemandShape { standard }
}

/// Money beyond the racks' price.
public struct Economics: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Years over which rack capex is annualized.
    public var depreciationYears: Double
    /// Discount rate for annualizing capex (fraction per year).
    public var discountRate: Double
    /// Facility operating cost per MW of facility power per year, USD.
    public var facilityOpexUSDPerMWYear: Double
    /// Capex of the building with its power chain and cooling plant per MW of critical IT capacity (each hall's
    /// usable IT capacity after its redundancy rule), USD; `nil` leaves the facility out of every cost.
    public var facilityCapexUSDPerMW: Double?
    /// Years over which the facility capex is annualized (with `discountRate`); required with `facilityCapexUSDPerMW`.
    public var facilityLifeYears: Double?
    /// Years a rack stays in service: racks installed in quarter τ are retired by τ + 4 × rackLifeYears
    /// quarters (rounded to whole quarters); `nil` for no forced retirement.
    public var rackLifeYears: Double?
    /// Share of a rack's capex recovered (resale) when it is retired; `nil` for none.
    public var rackResidualShare: Double?
    /// Cost of taking one rack out (de-installation, data sanitization, haul-away), USD; `nil` for none.
    public var decommissioningUSDPerRack: Double?
    /// The part of each rack's all-in overhead share (the catalog's `allInOverheadShare`) that pays for the scale-out
    /// network: left out of every rack's capex when the fabrics carry prices of their own; required then.
    public var fabricShareOfRackOverhead: Double?

    public init(depreciationYears: Double, discountRate: Double, facilityOpexUSDPerMWYear: Double,
                facilityCapexUSDPerMW: Double? = nil, facilityLifeYears: Double? = nil, rackLifeYears: Double? = nil,
                rackResidualShare: Double? = nil, decommissioningUSDPerRack: Double? = nil, fabricShareOfRackOverhead: Double? = nil) {
        self.depreciationYears = depreciationYears
        self.discountRate = discountRate
        self.facilityOpexUSDPerMWYear = facilityOpexUSDPerMWYear
        self.facilityCapexUSDPerMW = facilityCapexUSDPerMW
        self.facilityLifeYears = facilityLifeYears
        self.rackLifeYears = rackLifeYears
        self.rackResidualShare = rackResidualShare
        self.decommissioningUSDPerRack = decommissioningUSDPerRack
        self.fabricShareOfRackOverhead = fabricShareOfRackOverhead
    }

    public static var placeholder: Economics { Economics(depreciationYears: 5, discountRate: 0, facilityOpexUSDPerMWYear: 0) }

    /// Whole quarters a rack stays in service, if the design limits it.
    public var rackLifeQuarters: Int? { rackLifeYears.map { max(1, Int(($0 * 4).rounded())) } }

    /// Annual payment per dollar over `years` at `discountRate`: r / (1 − (1 + r)^−n), or 1/n without discounting.
    public func capitalRecoveryFactor(years: Double) -> Double {
        guard discountRate > 0 else { return 1 / years }
        return discountRate / (1 - pow(1 + discountRate, -years))
    }

    /// Capital recovery factor of rack capex: annual payment per dollar over `depreciationYears`.
    public var capitalRecoveryFactor: Double { capitalRecoveryFactor(years: depreciationYears) }
}

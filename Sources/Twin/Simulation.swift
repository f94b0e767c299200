import Climate
import PlantModel
import PlantPhysics
import Plans

/// Everything one simulation needs: the plan and what it was planned on, the weather, and the span.
public struct TwinScenario: Sendable {
    public var design: ReferenceDesign
    public var site: Site
    public var plan: BuildPlan
    public var fleet: [InstalledFleet]
    /// The plant by the plant and chiller modules in service on each water loop (none for the plant as given), for each
    /// combination the plan's quarters have.
    public var plants: [ModulesInService: FacilityPlant]
    /// Weather years to draw from: the EPW's one year, or a pool of synthetic years. Run r's year k uses
    /// weather[(r·years + k) mod count].
    public var weather: [WeatherYear]
    /// Calendar years simulated, starting with ``firstYear``.
    public var years: Int
    /// The first calendar year simulated: the plan's first year unless given. A year after the plan's last
    /// quarter holds that quarter's fleet.
    public var firstYear: Int

    public init(design: ReferenceDesign, site: Site, catalog: Catalog, plan: BuildPlan, weather: [WeatherYear], years: Int,
                firstYear: Int? = nil) {
        precondition(!weather.isEmpty && years > 0 && !plan.quarters.isEmpty)
        // The twin runs the facility the plan built: its halls and feeds from the quarters it built them.
        self.design = design.asBuilt(plan.facilityBuilds)
        self.site = site.asBuilt(plan.facilityBuilds)
        self.plan = plan
        fleet = InstalledFleet.quarters(of: plan, design: design, site: site, catalog: catalog)
        var plants: [ModulesInService: FacilityPlant] = [:]
        let built = self.design, builtSite = self.site
        for n in Set(fleet.map(ModulesInService.init)) {
            plants[n] = FacilityPlant(loops: (0..<built.loopCount).map { l in
                let loop = built.onLoop(l)
                let modules = (plant: l < n.plant.count ? n.plant[l] : 0, chillers: l < n.chillers.count ? n.chillers[l] : 0)
                return HourlyPlant(design: loop.withPlantModules(modules.plant).withChillerModules(modules.chillers), site: builtSite)
            })
        }
        self.plants = plants
        self.weather = weather
        self.years = years
        self.firstYear = firstYear ?? plan.quarters[0].quarter.year
    }

    /// Plant and chiller modules in service on each water loop in a quarter, by loop index: which plant the twin runs there.
    public struct ModulesInService: Hashable, Sendable {
        public var plant: [Int], chillers: [Int]
        /// The modules in service in `fleet`'s quarter.
        public init(_ fleet: InstalledFleet) { (plant, chillers) = (fleet.plantModules, fleet.chillerModules) }
    }

    /// Calendar years the plan's quarters span.
    public static func horizonYears(of plan: BuildPlan) -> Int {
        plan.quarters.last!.quarter.year - plan.quarters[0].quarter.year + 1
    }

    /// The fleet installed in a quarter: nil before the plan starts, the last quarter's after it ends.
    func fleet(in quarter: Quarter) -> InstalledFleet? {
        let i = index(of: quarter)
        return i < 0 ? nil : fleet[min(i, fleet.count - 1)]
    }

    /// What decommissioning the racks the plan retires in a quarter costs, USD: none outside the plan's quarters.
    func decommissioningUSD(in quarter: Quarter) -> Double {
        let i = index(of: quarter)
        return fleet.indices.contains(i) ? fleet[i].decommissioningUSD : 0
    }

    /// Quarters from the plan's first to `quarter` (negative before it).
    private func index(of quarter: Quarter) -> Int { quarter.ordinal - fleet[0].quarter.ordinal }
}

/// The hourly simulation (README "simulate (the digital twin)").
public enum Twin {
    /// Simulates run `run` of `scenario` seeded by `seed`, handing each hour to `sink` in order, and returns
    /// the run's summary. The run's demand noise and outages come from their own streams of the seed, so a
    /// run's result does not depend on which other runs are made or in what order.
    public static func run(_ scenario: TwinScenario, seed: UInt64, run: Int = 0, sink: ((HourRecord) -> Void)? = nil) -> RunSummary {
        var streams = SeededGenerator(seed: seed, stream: UInt64(run))
        var demandNoise = SeededGenerator(seed: streams.next())
        var outages = FeedOutages(grid: scenario.site.grid, seed: streams.next())
        var battery = BatteryBank(scenario.design.powerChain.battery)
        let demand = DemandModel(design: scenario.design)
        let opex = scenario.design.economics.facilityOpexUSDPerMWYear
        var summary = RunSummary()
        var quarterIndex = -1, fleet: InstalledFleet? = nil
        for k in 0..<scenario.years {
            let year = scenario.firstYear + k
            let weather = scenario.weather[(run * scenario.years + k) % scenario.weather.count]
            for w in weather.hours {
                let quarter = Quarter(year: year, quarter: (w.month - 1) / 3 + 1)
                if quarter.ordinal != quarterIndex {
                    (quarterIndex, fleet) = (quarter.ordinal, scenario.fleet(in: quarter))
                    // The racks retired in the quarter are decommissioned once, at its first hour.
                    summary.capitalAndOpexUSD += scenario.decommissioningUSD(in: quarter)
                    // The battery the plan has in service in the quarter (as given before the plan starts).
                    if let fleet { battery.resize(to: fleet.battery) }
                }
                outages.step()
                let u = demand.utilization(hourOfDay: w.hour - 1, &demandNoise)
                var record = HourRecord(
                    year: year, month: w.month, day: w.day, hour: w.hour - 1, dryBulbC: w.dryBulbC, wetBulbC: w.wetBulbC,
                    state: PlantState.idle, usableCapacityMW: 0, throttleFraction: 0, tokens: 0, lostTokens: 0, limit: nil,
                    feedsOut: outages.outages(in: quarter))
                if let fleet {
                    record.usableCapacityMW = outages.usableCapacityMW(in: quarter, ruleCapacityMW: fleet.gridDesignLoadMW)
                    step(&record, fleet: fleet, utilization: u, plant: scenario.plants[TwinScenario.ModulesInService(fleet)]!, battery: &battery)
                }
                record.batteryStoredMWh = battery.storedMWh
                summary.add(record, fleet: fleet, site: scenario.site, opexUSDPerMWYear: opex)
                sink?(record)
            }
        }
        return summary
    }

    /// One hour with the battery: settles the load with the battery's available power on top of the grid's,
    /// then discharges what the grid could not carry or recharges from the spare grid capacity.
    static func step(_ record: inout HourRecord, fleet: InstalledFleet, utilization u: Double, plant: FacilityPlant,
                     battery: inout BatteryBank) {
        settle(&record, fleet: fleet, utilization: u, plant: plant, batteryMW: battery.availableMW)
        let uncovered = record.state.facilityMW - record.usableCapacityMW
        if uncovered > 0 {
            // Capped on power: the battery gave all it had (the bisection's 1e-6 would otherwise leave crumbs).
            record.batteryMW = record.limit == .power ? battery.availableMW : min(uncovered, battery.availableMW)
            battery.discharge(record.batteryMW)
        } else {
            let drawn = battery.charge(spareMW: -uncovered)
            record.batteryMW = drawn > 0 ? -drawn : 0
        }
    }

    /// Loads every hall at utilization `u`, caps each hall's dynamic rack power by the share its own power path,
    /// CDUs and air handlers need (``InstalledFleet/HallLoad/throttle(utilization:)``), then caps what is left
    /// on every hall by the smallest common fraction g that keeps the facility's power within the usable grid
    /// capacity plus `batteryMW` and every water loop's thermal headroom ≥ 0 (bisection to 1e-6; facility power and heat
    /// rise monotonically with load). The hour's limit is the one that cost the most tokens.
    static func settle(_ record: inout HourRecord, fleet: InstalledFleet, utilization u: Double, plant: FacilityPlant,
                       batteryMW: Double = 0) {
        let loops = plant.loops.count
        let fleets: [InstalledFleet] = (0..<loops).map { fleet.onLoop($0, of: loops) }
        let liquidIdle: [Double] = fleets.map(\.liquidIdleMW), airIdle: [Double] = fleets.map(\.airIdleMW)
        let demanded = fleet.tokensPerSecond * u
        var liquidDynamic: [Double] = fleets.map { $0.liquidDynamicMW * u }, airDynamic: [Double] = fleets.map { $0.airDynamicMW * u }
        var afterHalls = demanded
        var hallLoss = 0.0, hallLimit: ThrottleLimit?, hallName: String?
        if u > fleet.unthrottledUtilization {
            liquidDynamic = [Double](repeating: 0, count: loops)
            airDynamic = [Double](repeating: 0, count: loops)
            afterHalls = 0
            for hall in fleet.halls {
                let (f, limit) = hall.throttle(utilization: u)
                let kept = u * (1 - f), l = loops > 1 ? hall.loop : 0
                liquidDynamic[l] += hall.liquidDynamicMW * kept
                airDynamic[l] += hall.airDynamicMW * kept
                afterHalls += hall.tokensPerSecond * kept
                if let limit, hall.tokensPerSecond * u * f > hallLoss || hallLimit == nil {
                    (hallLoss, hallLimit, hallName) = (hall.tokensPerSecond * u * f, limit, hall.hall)
                }
            }
        }
        let usable = record.usableCapacityMW + batteryMW
        func state(_ g: Double) -> PlantState {
            var liquid = [Double](), air = [Double]()
            for l in 0..<loops {
                liquid.append(liquidIdle[l] + liquidDynamic[l] * (1 - g))
                air.append(airIdle[l] + airDynamic[l] * (1 - g))
            }
            return plant.state(liquidMW: liquid, rackAirMW: air, fleets: fleets, fleet: fleet, dryBulbC: record.dryBulbC, wetBulbC: record.wetBulbC)
        }
        var s = state(0), g = 0.0
        record.powerShortfallMW = max(0, s.facilityMW - record.usableCapacityMW)
        var siteLimit: ThrottleLimit?
        if usable - s.facilityMW < 0 || s.thermalHeadroomMW < 0 {
            var low = 0.0, high = 1.0
            let idle = state(1)
            if usable - idle.facilityMW >= 0 && idle.thermalHeadroomMW >= 0 {
                while high - low > 1e-6 {
                    let mid = (low + high) / 2, t = state(mid)
                    if usable - t.facilityMW >= 0 && t.thermalHeadroomMW >= 0 { high = mid } else { low = mid }
                }
            }
            g = high
            s = state(g)
            // The limit that still binds just below the cap.
            let before = state(max(0, g - 1e-6))
            siteLimit = usable - before.facilityMW < 0 ? .power : .thermal
        }
        let served = afterHalls * (1 - g)
        record.state = s
        record.throttleFraction = demanded > 0 ? 1 - served / demanded : g
        (record.limit, record.limitingHall) = siteLimit != nil && afterHalls * g >= hallLoss ? (siteLimit, nil) : (hallLimit, hallName)
        record.tokens = served * TimeBase.secondsPerHour
        record.lostTokens = (demanded - served) * TimeBase.secondsPerHour
    }
}

extension PlantState {
    /// An hour with nothing installed.
    static let idle = PlantState(
        itMW: 0, liquidLoopMW: 0, airLoopMW: 0, pumpMW: 0, airFanMW: 0, compressorMW: 0, plantFanMW: 0, lossesMW: 0, houseMW: 0,
        rejectedMW: 0, rejectionCapacityMW: 0, chillerLoadMW: 0, chillerUnmetMW: 0, supplyTempC: 0, economizerAirC: nil, waterM3: 0,
        freeCooling: false, rejectionHeadroomMW: 0, trimHeadroomMW: 0)
}

import PlantModel

/// What is installed in one quarter, for the hourly loop: per hall with racks its racks' idle and dynamic
/// power split liquid/air, its full-load tokens and its limits; site-wide the network power and the ratings
/// of the equipment in service.
public struct InstalledFleet: Sendable, Equatable {
    /// One hall with racks: its loads from idle to full load and the limits the hour must respect.
    public struct HallLoad: Sendable, Equatable {
        public var hall: String
        public var racks: Int
        /// Idle rack power to liquid and to air, MW.
        public var liquidIdleMW: Double, airIdleMW: Double
        /// Rack power between idle and full load, to liquid and to air, MW.
        public var liquidDynamicMW: Double, airDynamicMW: Double
        /// Network power in the hall: the in-rack network (NVSwitch trays, NICs) and, in a hall with a fabric of its own, that
        /// fabric's switches and optics, MW: constant, on the hall's power path and to its air.
        public var hallNetworkMW: Double
        /// Tokens/s at full load (the plan's figure).
        public var tokensPerSecond: Double
        /// IT power the hall's power path may carry after its redundancy rule, MW.
        public var powerCapacityMW: Double
        /// Heat the hall's CDUs and air handlers can take, MW.
        public var liquidCapacityMW: Double, airCapacityMW: Double
        /// The design's water loop the hall stands on (``ReferenceDesign/loopIndex(of:)``; 0, the main loop).
        public var loop: Int
        /// Lowest coolant supply limit among the hall's liquid-cooled racks, and lowest air inlet limit among its racks that
        /// shed heat to air, °C.
        public var rackSupplyLimitC: Double?, airInletLimitC: Double?

        public init(hall: String, racks: Int, liquidIdleMW: Double, airIdleMW: Double, liquidDynamicMW: Double, airDynamicMW: Double,
                    hallNetworkMW: Double, tokensPerSecond: Double, powerCapacityMW: Double, liquidCapacityMW: Double,
                    airCapacityMW: Double, loop: Int = 0, rackSupplyLimitC: Double? = nil, airInletLimitC: Double? = nil) {
            self.hall = hall
            self.racks = racks
            self.liquidIdleMW = liquidIdleMW
            self.airIdleMW = airIdleMW
            self.liquidDynamicMW = liquidDynamicMW
            self.airDynamicMW = airDynamicMW
            self.hallNetworkMW = hallNetworkMW
            self.tokensPerSecond = tokensPerSecond
            self.powerCapacityMW = powerCapacityMW
            self.liquidCapacityMW = liquidCapacityMW
            self.airCapacityMW = airCapacityMW
            self.loop = loop
            self.rackSupplyLimitC = rackSupplyLimitC
            self.airInletLimitC = airInletLimitC
        }

        /// Relative tolerance on the hall's limits: the planner fills halls exactly to them at full load.
        public static let limitTolerance = 1e-9

        /// The highest utilization at which the hall's power path, CDUs and air handlers all hold (within
        /// ``limitTolerance``); +∞ when none can bind, negative when idle racks already exceed one.
        public var unthrottledUtilization: Double {
            func highest(fixedMW: Double, dynamicMW: Double, capacityMW: Double) -> Double {
                let room = capacityMW * (1 + Self.limitTolerance) - fixedMW
                return dynamicMW > 0 ? room / dynamicMW : (room >= 0 ? .infinity : -1)
            }
            return min(highest(fixedMW: liquidIdleMW + airIdleMW + hallNetworkMW, dynamicMW: liquidDynamicMW + airDynamicMW,
                               capacityMW: powerCapacityMW),
                       highest(fixedMW: liquidIdleMW, dynamicMW: liquidDynamicMW, capacityMW: liquidCapacityMW),
                       highest(fixedMW: airIdleMW + hallNetworkMW, dynamicMW: airDynamicMW, capacityMW: airCapacityMW))
        }
    }

    public var quarter: Quarter
    /// Halls with racks, in the plan's order of first appearance.
    public let halls: [HallLoad]
    /// Racks in all halls.
    public let racks: Int
    /// The halls' rack power summed: idle and dynamic, to liquid and to air, MW; and full-load tokens/s.
    public let liquidIdleMW: Double, airIdleMW: Double, liquidDynamicMW: Double, airDynamicMW: Double, tokensPerSecond: Double
    /// The highest utilization at which every hall is within its limits (the hourly loop looks at halls one by
    /// one only above it).
    public let unthrottledUtilization: Double
    /// Network power in all halls (``HallLoad/hallNetworkMW``), MW: constant, rejected to the halls' air handlers.
    public var hallNetworkMW: Double
    /// The site fabric's switches and optics, MW: constant, rejected to air outside the halls' air budget (as the planner
    /// counts it). Halls with a fabric of their own carry theirs in ``hallNetworkMW``.
    public var fabricMW: Double
    /// Installed power-path capacity of halls with racks (with the power blocks in service in them), MW, and the share of
    /// it their redundancy lets carry load: the UPS modules in service and their design loading.
    public var upsInstalledMW: Double, upsDesignLoadMW: Double
    /// Usable capacity of the feeds in service after the grid redundancy rule, MW.
    public var gridDesignLoadMW: Double
    /// Design loading of the transformers energized, MW: each hall with racks' power block (its usable
    /// capacity and the fabric, through the UPS) and the cooling plant's and house loads' share (the plan's
    /// facility power less its IT path at full load and design ambient).
    public var transformerDesignLoadMW: Double
    /// CDU and air-handler capacity of halls with racks, MW.
    public var liquidCapacityMW: Double, airCapacityMW: Double
    /// Lowest coolant supply limit among installed liquid-cooled profiles, °C.
    public var rackSupplyLimitC: Double?
    /// Lowest air inlet limit among installed profiles that shed rack heat to air, °C.
    public var airInletLimitC: Double?
    /// Annual capital cost of the racks: the annuity of what the plan bought within the racks' recovery period
    /// (``ReferenceDesign/rackCapitalUSDPerYear(capexNewUSD:quarter:)``), and of the ports priced fabrics added within theirs
    /// (``ReferenceDesign/fabricCapitalUSDPerYear(capexNewUSD:quarter:)``), USD.
    public var rackCapitalUSDPerYear: Double
    /// Cost of decommissioning the racks the plan retires in the quarter, USD (once, not per year).
    public var decommissioningUSD = 0.0
    /// The plan's facility power at full load and design ambient, MW (facility opex is charged on it).
    public var plannedFacilityMW: Double
    /// Annual facility cost of the halls, feeds, plant and chiller modules, power blocks and added battery in service in the
    /// quarter (``ReferenceDesign/facilityCapitalUSDPerYear(in:site:plantModules:chillerModules:batteryAdded:powerBlocks:)``).
    public var facilityCapitalUSDPerYear = 0.0
    /// Plant modules in service in the quarter on each water loop, by loop index (the twin's plant there is
    /// ``ReferenceDesign/withPlantModules(_:)`` of ``ReferenceDesign/onLoop(_:)``).
    public var plantModules: [Int] = []
    /// Chiller modules in service in the quarter on each water loop, by loop index (the twin's chillers there are
    /// ``ReferenceDesign/withChillerModules(_:)`` of ``ReferenceDesign/onLoop(_:)``).
    public var chillerModules: [Int] = []
    /// The battery in service in the quarter (``ReferenceDesign/battery(in:_:)``); `nil` without one.
    public var battery: Battery?

    /// IT power at full load (racks, in-rack network, fabric), MW: what house loads are counted on.
    public var fullLoadITMW: Double { liquidIdleMW + airIdleMW + liquidDynamicMW + airDynamicMW + hallNetworkMW + fabricMW }

    /// The fleet of every quarter of `plan`, in order, on the design and site as the plan built them.
    public static func quarters(of plan: BuildPlan, design: ReferenceDesign, site: Site, catalog: Catalog) -> [InstalledFleet] {
        let design = design.asBuilt(plan.facilityBuilds), site = site.asBuilt(plan.facilityBuilds)
        let chain = design.powerChain
        let capexNew = plan.quarters.map(\.capexNewUSD), fabricNew = plan.quarters.map { $0.fabricCapexNewUSD ?? 0 }
        return plan.quarters.enumerated().map { t, metrics in
            // Each hall as it stands in the quarter, with the power blocks then in service in it.
            var groups: [String: HallGroup] = [:]
            for group in design.withPowerBlocks(in: metrics.quarter, plan.facilityBuilds).halls {
                for i in 0..<group.count { groups[group.hallName(i)] = group }
            }
            let lines = plan.racks.filter { $0.quarter == metrics.quarter && $0.racksTotal > 0 }
            var byHall: [String: HallLoad] = [:], order: [String] = []
            var fabric = 0.0
            for line in lines {
                guard let p = catalog.profile(line.profile), let group = groups[line.hall] else { continue }
                let n = Double(line.racksTotal), dynamic = p.rackMaxKW - p.rackIdleKW
                if byHall[line.hall] == nil {
                    order.append(line.hall)
                    byHall[line.hall] = HallLoad(
                        hall: line.hall, racks: 0, liquidIdleMW: 0, airIdleMW: 0, liquidDynamicMW: 0, airDynamicMW: 0,
                        hallNetworkMW: 0, tokensPerSecond: 0, powerCapacityMW: group.usableITCapacityMW,
                        liquidCapacityMW: group.liquidCapacityMW, airCapacityMW: group.airCapacityMW, loop: design.loopIndex(of: group))
                }
                byHall[line.hall]!.racks += line.racksTotal
                byHall[line.hall]!.liquidIdleMW += n * p.rackIdleKW * p.liquidShare / 1000
                byHall[line.hall]!.airIdleMW += n * p.rackIdleKW * (1 - p.liquidShare) / 1000
                byHall[line.hall]!.liquidDynamicMW += n * dynamic * p.liquidShare / 1000
                byHall[line.hall]!.airDynamicMW += n * dynamic * (1 - p.liquidShare) / 1000
                byHall[line.hall]!.hallNetworkMW += n * p.networkKWPerRack / 1000
                byHall[line.hall]!.tokensPerSecond += line.tokensPerSecond
                // A hall's own fabric stands in the hall (its power path and air); the site fabric outside the halls.
                if let own = group.fabric {
                    byHall[line.hall]!.hallNetworkMW += n * Double(p.scaleOutPorts) * own.wattsPerHostPort / 1e6
                } else {
                    fabric += n * Double(p.scaleOutPorts) * design.fabric.wattsPerHostPort / 1e6
                }
                if p.liquidShare > 0, let c = p.maxCoolantSupplyC {
                    byHall[line.hall]!.rackSupplyLimitC = min(byHall[line.hall]!.rackSupplyLimitC ?? c, c)
                }
                if p.liquidShare < 1 { byHall[line.hall]!.airInletLimitC = min(byHall[line.hall]!.airInletLimitC ?? p.maxAirInletC, p.maxAirInletC) }
            }
            // Sums in the plan's order of first appearance, so they do not depend on hashing.
            let halls = order.map { byHall[$0]! }
            var ups = 0.0, upsLoadable = 0.0
            for name in order { ups += groups[name]!.installedCapacityMW; upsLoadable += groups[name]!.usableITCapacityMW }
            let coolingAndHouse = max(0, metrics.facilityMW * chain.transformerEfficiency - metrics.itMW / chain.upsEfficiency)
            var fleet = InstalledFleet(
                quarter: metrics.quarter, halls: halls, hallNetworkMW: halls.reduce(0) { $0 + $1.hallNetworkMW },
                fabricMW: fabric, upsInstalledMW: ups, upsDesignLoadMW: upsLoadable,
                gridDesignLoadMW: site.grid.usableCapacityMW(in: metrics.quarter),
                transformerDesignLoadMW: halls.isEmpty ? 0 : (upsLoadable + fabric) / chain.upsEfficiency + coolingAndHouse,
                liquidCapacityMW: halls.reduce(0) { $0 + $1.liquidCapacityMW }, airCapacityMW: halls.reduce(0) { $0 + $1.airCapacityMW },
                rackSupplyLimitC: halls.compactMap(\.rackSupplyLimitC).min(), airInletLimitC: halls.compactMap(\.airInletLimitC).min(),
                rackCapitalUSDPerYear: design.rackCapitalUSDPerYear(capexNewUSD: capexNew, quarter: t)
                    + design.fabricCapitalUSDPerYear(capexNewUSD: fabricNew, quarter: t),
                plannedFacilityMW: metrics.facilityMW)
            fleet.decommissioningUSD = Double(plan.racks.filter { $0.quarter == metrics.quarter }.reduce(0) { $0 + ($1.racksRetired ?? 0) })
                * (design.economics.decommissioningUSDPerRack ?? 0)
            fleet.plantModules = design.loopPlantModules(in: metrics.quarter, plan.facilityBuilds)
            fleet.chillerModules = design.loopChillerModules(in: metrics.quarter, plan.facilityBuilds)
            fleet.battery = design.battery(in: metrics.quarter, plan.facilityBuilds)
            fleet.facilityCapitalUSDPerYear = design.facilityCapitalUSDPerYear(
                in: metrics.quarter, site: site, plantModules: fleet.plantModules, chillerModules: fleet.chillerModules,
                batteryAdded: design.batteryAdded(in: metrics.quarter, plan.facilityBuilds)) {
                ReferenceDesign.powerBlocks(inHall: $0, in: metrics.quarter, plan.facilityBuilds)
            }
            return fleet
        }
    }

    /// The part of the fleet on water loop `l` of a design with `loops` loops (README "Water loops"): its halls, their
    /// network and capacities and the limits of their racks, and the site fabric on the main loop (0); the power chain's
    /// ratings as the whole fleet's. The whole fleet with one loop.
    public func onLoop(_ l: Int, of loops: Int) -> InstalledFleet {
        guard loops > 1 else { return self }
        let mine = halls.filter { $0.loop == l }
        var fleet = InstalledFleet(
            quarter: quarter, halls: mine, hallNetworkMW: mine.reduce(0) { $0 + $1.hallNetworkMW }, fabricMW: l == 0 ? fabricMW : 0,
            upsInstalledMW: upsInstalledMW, upsDesignLoadMW: upsDesignLoadMW, gridDesignLoadMW: gridDesignLoadMW,
            transformerDesignLoadMW: transformerDesignLoadMW, liquidCapacityMW: mine.reduce(0) { $0 + $1.liquidCapacityMW },
            airCapacityMW: mine.reduce(0) { $0 + $1.airCapacityMW }, rackSupplyLimitC: mine.compactMap(\.rackSupplyLimitC).min(),
            airInletLimitC: mine.compactMap(\.airInletLimitC).min(), rackCapitalUSDPerYear: rackCapitalUSDPerYear, plannedFacilityMW: plannedFacilityMW)
        (fleet.plantModules, fleet.chillerModules, fleet.battery) = (plantModules, chillerModules, battery)
        (fleet.facilityCapitalUSDPerYear, fleet.decommissioningUSD) = (facilityCapitalUSDPerYear, decommissioningUSD)
        return fleet
    }

    public init(quarter: Quarter, halls: [HallLoad], hallNetworkMW: Double, fabricMW: Double, upsInstalledMW: Double,
                upsDesignLoadMW: Double, gridDesignLoadMW: Double, transformerDesignLoadMW: Double, liquidCapacityMW: Double,
                airCapacityMW: Double, rackSupplyLimitC: Double? = nil, airInletLimitC: Double? = nil, rackCapitalUSDPerYear: Double, plannedFacilityMW: Double) {
        self.quarter = quarter
        self.halls = halls
        var sums = (0.0, 0.0, 0.0, 0.0, 0.0), unthrottled = Double.infinity
        for h in halls {
            sums = (sums.0 + h.liquidIdleMW, sums.1 + h.airIdleMW, sums.2 + h.liquidDynamicMW, sums.3 + h.airDynamicMW,
                    sums.4 + h.tokensPerSecond)
            unthrottled = min(unthrottled, h.unthrottledUtilization)
        }
        (liquidIdleMW, airIdleMW, liquidDynamicMW, airDynamicMW, tokensPerSecond) = sums
        unthrottledUtilization = unthrottled
        racks = halls.reduce(0) { $0 + $1.racks }
        self.hallNetworkMW = hallNetworkMW
        self.fabricMW = fabricMW
        self.upsInstalledMW = upsInstalledMW
        self.upsDesignLoadMW = upsDesignLoadMW
        self.gridDesignLoadMW = gridDesignLoadMW
        self.transformerDesignLoadMW = transformerDesignLoadMW
        self.liquidCapacityMW = liquidCapacityMW
        self.airCapacityMW = airCapacityMW
        self.rackSupplyLimitC = rackSupplyLimitC
        self.airInletLimitC = airInletLimitC
        self.rackCapitalUSDPerYear = rackCapitalUSDPerYear
        self.plannedFacilityMW = plannedFacilityMW
    }
}

import PlantModel

/// What is installed in one quarter, summed for the hourly loop: per profile the idle and dynamic power
/// split liquid/air, mean utilization and full-load tokens; site-wide the network power and the ratings of
/// the equipment in service.
public struct InstalledFleet: Sendable, Equatable {
    /// One profile's racks across all halls.
    public struct ProfileLoad: Sendable, Equatable {
        public var profile: String
        public var racks: Int
        /// Idle rack power to liquid and to air, MW.
        public var liquidIdleMW: Double, airIdleMW: Double
        /// Rack power between idle and full load, to liquid and to air, MW.
        public var liquidDynamicMW: Double, airDynamicMW: Double
        /// Mean utilization: (typical − idle) / (max − idle) from the catalog's rack powers.
        public var meanUtilization: Double
        /// Tokens/s at full load (the plan's figure).
        public var tokensPerSecond: Double

        public init(profile: String, racks: Int, liquidIdleMW: Double, airIdleMW: Double, liquidDynamicMW: Double,
                    airDynamicMW: Double, meanUtilization: Double, tokensPerSecond: Double) {
            self.profile = profile
            self.racks = racks
            self.liquidIdleMW = liquidIdleMW
            self.airIdleMW = airIdleMW
            self.liquidDynamicMW = liquidDynamicMW
            self.airDynamicMW = airDynamicMW
            self.meanUtilization = meanUtilization
            self.tokensPerSecond = tokensPerSecond
        }
    }

    public var quarter: Quarter
    public var profiles: [ProfileLoad]
    /// In-rack network (NVSwitch trays, NICs), MW: constant, rejected to the halls' air handlers.
    public var inRackNetworkMW: Double
    /// Scale-out fabric switches and optics, MW: constant, rejected to air outside the halls' air budget (as
    /// the planner counts it).
    public var fabricMW: Double
    /// Installed power-path capacity of halls with racks, MW, and the share of it their redundancy lets carry load.
    public var upsInstalledMW: Double, upsDesignLoadMW: Double
    /// Usable capacity of the feeds in service after the grid redundancy rule, MW: the design loading of
    /// their transformers.
    public var gridDesignLoadMW: Double
    /// CDU and air-handler capacity of halls with racks, MW.
    public var liquidCapacityMW: Double, airCapacityMW: Double
    /// Lowest coolant supply limit among installed liquid-cooled profiles, °C.
    public var rackSupplyLimitC: Double?
    public var capexCumulativeUSD: Double
    /// The plan's facility power at full load and design ambient, MW (facility opex is charged on it).
    public var plannedFacilityMW: Double

    public var racks: Int { profiles.reduce(0) { $0 + $1.racks } }

    /// The fleet of every quarter of `plan`, in order.
    public static func quarters(of plan: BuildPlan, design: ReferenceDesign, site: Site, catalog: Catalog) -> [InstalledFleet] {
        var halls: [String: HallGroup] = [:]
        for group in design.halls { for i in 0..<group.count { halls[group.hallName(i)] = group } }
        let fabricWattsPerPort = design.fabric.wattsPerHostPort
        return plan.quarters.map { metrics in
            let lines = plan.racks.filter { $0.quarter == metrics.quarter && $0.racksTotal > 0 }
            var byProfile: [String: ProfileLoad] = [:], order: [String] = []
            var inRack = 0.0, fabric = 0.0, limit: Double?
            for line in lines {
                guard let p = catalog.profile(line.profile) else { continue }
                let n = Double(line.racksTotal), dynamic = p.rackMaxKW - p.rackIdleKW
                if byProfile[p.id] == nil {
                    order.append(p.id)
                    byProfile[p.id] = ProfileLoad(
                        profile: p.id, racks: 0, liquidIdleMW: 0, airIdleMW: 0, liquidDynamicMW: 0, airDynamicMW: 0,
                        meanUtilization: dynamic > 0 ? min(1, max(0, (p.rackBenchmarkKW - p.rackIdleKW) / dynamic)) : 1,
                        tokensPerSecond: 0)
                }
                byProfile[p.id]!.racks += line.racksTotal
                byProfile[p.id]!.liquidIdleMW += n * p.rackIdleKW * p.liquidShare / 1000
                byProfile[p.id]!.airIdleMW += n * p.rackIdleKW * (1 - p.liquidShare) / 1000
                byProfile[p.id]!.liquidDynamicMW += n * dynamic * p.liquidShare / 1000
                byProfile[p.id]!.airDynamicMW += n * dynamic * (1 - p.liquidShare) / 1000
                byProfile[p.id]!.tokensPerSecond += line.tokensPerSecond
                inRack += n * p.networkKWPerRack / 1000
                fabric += n * Double(p.scaleOutPorts) * fabricWattsPerPort / 1e6
                if p.liquidShare > 0, let c = p.maxCoolantSupplyC { limit = min(limit ?? c, c) }
            }
            var ups = 0.0, upsLoadable = 0.0, liquid = 0.0, air = 0.0
            // Halls in the plan's order of first appearance, so the sums do not depend on hashing.
            var seen = Set<String>()
            for name in lines.map(\.hall) where seen.insert(name).inserted {
                guard let hall = halls[name] else { continue }
                ups += hall.installedCapacityMW
                upsLoadable += hall.usableITCapacityMW
                liquid += hall.liquidCapacityMW
                air += hall.airCapacityMW
            }
            return InstalledFleet(
                quarter: metrics.quarter, profiles: order.map { byProfile[$0]! }, inRackNetworkMW: inRack, fabricMW: fabric,
                upsInstalledMW: ups, upsDesignLoadMW: upsLoadable,
                gridDesignLoadMW: site.grid.usableCapacityMW(in: metrics.quarter), liquidCapacityMW: liquid, airCapacityMW: air,
                rackSupplyLimitC: limit, capexCumulativeUSD: metrics.capexCumulativeUSD, plannedFacilityMW: metrics.facilityMW)
        }
    }

    public init(quarter: Quarter, profiles: [ProfileLoad], inRackNetworkMW: Double, fabricMW: Double, upsInstalledMW: Double, upsDesignLoadMW: Double, gridDesignLoadMW: Double, liquidCapacityMW: Double, airCapacityMW: Double, rackSupplyLimitC: Double? = nil, capexCumulativeUSD: Double, plannedFacilityMW: Double) {
        self.quarter = quarter
        self.profiles = profiles
        self.inRackNetworkMW = inRackNetworkMW
        self.fabricMW = fabricMW
        self.upsInstalledMW = upsInstalledMW
        self.upsDesignLoadMW = upsDesignLoadMW
        self.gridDesignLoadMW = gridDesignLoadMW
        self.liquidCapacityMW = liquidCapacityMW
        self.airCapacityMW = airCapacityMW
        self.rackSupplyLimitC = rackSupplyLimitC
        self.capexCumulativeUSD = capexCumulativeUSD
        self.plannedFacilityMW = plannedFacilityMW
    }
}

import Foundation
import Yams

/// The plant, fabric and battery limits of a written plan, re-checked from its racks (plan.csv), the catalog's per-rack
/// figures, the design and site files, bom.csv's plant modules and battery in service, and quarters.csv's facility MW.
/// The plant's figures at the site's design condition (what the plant rejects at full fan with its stream at the
/// set-point, the chillers' share of the stream and their credit) are plan.json's `designCondition`: their physics is
/// checked by hand in the PlantPhysics tests; what is recomputed here is the heat the racks put on them.
extension PlanLimits {
    /// A non-blocking fat tree worked out from its radix and tiers: k²/2 host ports on two tiers, k³/4 on three; each host
    /// port takes 2·tiers − 1 switch ports and 2·tiers transceivers.
    struct FatTree {
        var hostPorts: Double
        var wattsPerHostPort: Double
        /// With prices: the switches per host port (leaves 2/k and spines 1/k for two tiers; edge and aggregation 2/k each
        /// and core 1/k for three) at the switch's price, and two transceivers per link, one link a tier.
        var capexUSDPerHostPort: Double?

        init?(_ node: Node?, _ what: String) throws {
            guard let node else { return nil }
            let k = try number(node["switchRadix"], "\(what).switchRadix"), tiers = try number(node["tiers"], "\(what).tiers")
            hostPorts = tiers == 2 ? k * k / 2 : k * k * k / 4
            wattsPerHostPort = (2 * tiers - 1) * (try number(node["switchWattsPerPort"], "\(what).switchWattsPerPort"))
                + 2 * tiers * (try number(node["opticsWattsPerPort"], "\(what).opticsWattsPerPort"))
            if let switchUSD = node["switchCapexUSD"]?.float, let opticsUSD = node["transceiverCapexUSD"]?.float {
                capexUSDPerHostPort = (tiers == 2 ? 2 / k + 1 / k : 2 / k + 2 / k + 1 / k) * switchUSD + 2 * tiers * opticsUSD
            }
        }
    }

    /// What a quarter's racks put on the plant and the site fabric, from the catalog: the plant's water stream (liquid heat
    /// with the CDU pumps' work), the chilled air (air heat, in-rack network and fabric, with the air handlers' fan work, in a
    /// chilled-air design) and the host ports on the site fabric.
    struct PlantUse {
        var streamMW = 0.0, chilledAirMW = 0.0, sitePorts = 0.0
    }

    /// The design's plant, fabric and battery figures the checks need.
    struct PlantFigures {
        var pumpFraction: Double
        var chilledAir: Bool
        var airFanFraction: Double
        var siteFabric: FatTree
        var ratedMW: Double
        var moduleRatedMW: Double
        var chillerMW: Double
        var chillerModuleMW: Double
        var chillerModuleCount: Double
        /// The design's water loops beyond the main one: plan.json gives the design condition of the main loop only.
        var loops: Int
        var rideThroughHours: Double?
        var batteryBuilt: Bool
        var batteryPowerMW: Double

        init(design: Node) throws {
            pumpFraction = design["liquidCooling"]?["pumpPowerFraction"].flatMap { $0.float } ?? 0
            chilledAir = design["airCooling"]?["chilled"]?.bool ?? false
            airFanFraction = try number(design["airCooling"]?["fanPowerFraction"], "airCooling.fanPowerFraction")
            guard let fabric = try FatTree(design["fabric"], "fabric") else { throw Unreadable("fabric") }
            siteFabric = fabric
            let hr = design["heatRejection"]
            ratedMW = try number(hr?["ratedCapacityMW"], "heatRejection.ratedCapacityMW")
            moduleRatedMW = hr?["modules"]?["ratedCapacityMW"].flatMap { $0.float } ?? 0
            chillerMW = hr?["chillerCapacityMW"].flatMap { $0.float } ?? 0
            chillerModuleMW = hr?["chillerModules"]?["capacityMW"].flatMap { $0.float } ?? 0
            chillerModuleCount = hr?["chillerModules"]?["count"].flatMap { $0.float } ?? 0
            loops = design["waterLoops"]?.array().count ?? 0
            let battery = design["powerChain"]?["battery"]
            rideThroughHours = battery?["rideThroughMinutes"].flatMap { $0.float }.map { $0 / 60 }
            batteryBuilt = battery?["build"] != nil
            batteryPowerMW = battery?["powerMW"].flatMap { $0.float } ?? 0
        }

        /// Whether the plant has chillers, given or to build: then they carry what the plant cannot, and the chiller rows,
        /// not the plant's own, limit it.
        var hasChillers: Bool { chillerMW + chillerModuleMW * chillerModuleCount > 0 }

        /// The limits of quarter `q` as (what, used, capacity, rounding slack): with chillers, the heat they carry at the
        /// design condition (s × stream + chilled air − the credit of the plant and its modules) and the chilled air alone
        /// against the chillers with the chiller modules bom.csv has in service; without, the stream against what the plant
        /// rejects, scaled by its rated MW with the plant modules in service (every figure of the plant's curve scales with
        /// its rating); the site fabric's host ports; and the battery's energy and power against quarters.csv's facility MW
        /// over the ride-through. The plant's limits are left out on a design with several water loops.
        func limits(quarter q: String, use: PlantUse, condition c: Condition, facilityMW: Double, facilitySlack: Double,
                    inService: (String) -> Double) -> [(what: String, used: Double, capacity: Double, slack: Double)] {
            var limits: [(what: String, used: Double, capacity: Double, slack: Double)] = []
            if loops == 0 {
                let plantModules = inService("heat-rejection module"), chillerModules = inService("chiller module")
                if hasChillers {
                    let chillers = chillerMW + chillerModules * chillerModuleMW
                    let credit = c.creditMW + plantModules * c.creditPerPlantModuleMW + chillerModules * c.creditPerChillerModuleMW
                    limits.append(("\(q) chillers MW (racks × catalog at the design condition)",
                                   c.chillerShare * use.streamMW + use.chilledAirMW - credit, chillers, 0))
                    limits.append(("\(q) chilled air MW (racks × catalog)", use.chilledAirMW, chillers, 0))
                } else {
                    limits.append(("\(q) heat rejection MW (racks × catalog)", use.streamMW,
                                   c.rejectionMW * (ratedMW + plantModules * moduleRatedMW) / ratedMW, 0))
                }
            }
            limits.append(("\(q) site fabric host ports (racks × catalog)", use.sitePorts, siteFabric.hostPorts, 0))
            if let hours = rideThroughHours {
                // bom.csv writes the battery to three decimals.
                let energy = inService("battery"), power = batteryBuilt ? inService("battery power") : batteryPowerMW
                limits.append(("\(q) battery energy MWh (ride-through × quarters.csv facilityMW)", facilityMW * hours, energy,
                               facilitySlack * hours + 0.0005))
                limits.append(("\(q) battery power MW (quarters.csv facilityMW)", facilityMW, power, facilitySlack + 0.0005))
            }
            return limits
        }
    }

    /// plan.json's design condition: the main plant's figures at the site's design basis.
    struct Condition {
        var rejectionMW: Double
        var chillerShare: Double
        var creditMW: Double
        var creditPerPlantModuleMW: Double
        var creditPerChillerModuleMW: Double

        init(out: URL) throws {
            let data = try Data(contentsOf: out.appendingPathComponent("plan.json"))
            guard let plan = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let c = plan["designCondition"] as? [String: Any],
                  let rejection = c["rejectionCapacityMW"] as? Double, let share = c["liquidChillerShare"] as? Double
            else { throw Unreadable("plan.json designCondition") }
            rejectionMW = rejection
            chillerShare = share
            creditMW = c["chillerCreditMW"] as? Double ?? 0
            creditPerPlantModuleMW = c["chillerCreditMWPerPlantModule"] as? Double ?? 0
            creditPerChillerModuleMW = c["chillerCreditMWPerChillerModule"] as? Double ?? 0
        }
    }
}

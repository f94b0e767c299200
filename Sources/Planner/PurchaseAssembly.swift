import PlantModel
import PlantPhysics
import Plans

/// What to buy each quarter and the money of each quarter, from an assembled plan and its problem: the bill of
/// quantities (`bom.csv`) and the cash flow (`cashflow.csv`).
enum PurchaseAssembly {
    /// bom.csv's item names (``PurchaseLine/item``), for the lines and for what stood before the horizon alike.
    enum Item {
        static let cdus = "CDU (N+1)", switches = "fabric switch", transceivers = "transceiver", powerPath = "UPS and transformers"
        static let heatRejection = "heat rejection", plantModule = "heat-rejection module", chillers = "chillers"
        static let chillerModule = "chiller module", battery = "battery", batteryPower = "battery power"
        static func halls(_ group: String) -> String { "halls \(group)" }
        static func rack(_ profile: String) -> String { "rack \(profile)" }
        static func feed(_ name: String) -> String { "grid feed \(name)" }
        static func powerBlocks(_ hall: String) -> String { "power blocks \(hall)" }
        /// The host ports on a priced fabric: `fabric ports site_fabric`, or the hall group's name.
        static func fabricPorts(_ fabric: String) -> String { "fabric ports \(fabric)" }
        /// What ends a plant item's name on water loop `l`: nothing with one loop, else " " and the loop's name.
        static func loopSuffix(_ design: ReferenceDesign, _ l: Int) -> String { design.loopCount == 1 ? "" : " \(design.loopName(l))" }
    }

    /// One line per quarter × item in service or bought, items in a fixed order: halls by group, racks by profile,
    /// CDUs, fabric, grid feeds, power chain (its MW with the power blocks in service, then the blocks by hall), plant,
    /// battery (with `battery power` where the plan adds to it); on the design and site as the plan built them. An item but
    /// racks is new where it rises above the most of it in service before (equipment freed by retired racks stays installed
    /// and serves again), what stood before the horizon (``standingBefore(problem:design:site:)``) counted.
    static func purchases(problem: PlanningProblem, plan: BuildPlan, design: ReferenceDesign, site: Site) -> [PurchaseLine] {
        var lines: [PurchaseLine] = []
        var most = standingBefore(problem: problem, design: design, site: site)
        let pricedFabrics = problem.pricedFabrics
        func add(_ q: Quarter, _ item: String, _ unit: String, inService: Double, bought: Double? = nil, unitCapexUSD: Double? = nil) {
            let new = bought ?? max(0, inService - (most[item] ?? 0))
            most[item] = max(most[item] ?? 0, inService)
            guard inService > 0 || new > 0 else { return }
            lines.append(PurchaseLine(quarter: q, item: item, unit: unit, new: new, inService: inService, unitCapexUSD: unitCapexUSD))
        }
        for (t, metrics) in plan.quarters.enumerated() {
            let q = metrics.quarter
            for group in problem.design.halls {
                // A group with a build option stands as the single halls the plan built (named `group-i`, or the group's name).
                let names = Set(group.singles.map(\.name))
                let built = group.build == nil ? [group] : design.halls.filter { $0.build != nil && $0.count == 1 && names.contains($0.name) }
                let capex = group.build?.capexUSD ?? design.economics.facilityCapexUSDPerMW.map { $0 * group.usableITCapacityMW }
                add(q, Item.halls(group.name), "halls", inService: built.filter { $0.availableFrom <= q }.reduce(0.0) { $0 + Double($1.count) },
                    unitCapexUSD: capex)
            }
            let lines = plan.racks.filter { $0.quarter == q }
            for profile in problem.profiles {
                // Racks bought are the lines' racksNew: a quarter may also retire racks of the profile (plan.csv).
                let mine = lines.filter { $0.profile == profile.id }
                add(q, Item.rack(profile.id), "racks", inService: Double(mine.reduce(0) { $0 + $1.racksTotal }),
                    bought: Double(mine.reduce(0) { $0 + $1.racksNew }), unitCapexUSD: problem.coefficients[profile.id]!.capexUSD)
            }
            let bom = plan.billOfMaterials[t]
            if design.liquidCooling != nil || !(design.waterLoops ?? []).isEmpty {
                // The duty CDUs of the bill of materials, and one spare in each hall with liquid heat (N+1).
                let liquidHalls = Set(lines.filter { $0.liquidMW > 0 }.map(\.hall)).count
                add(q, Item.cdus, "units", inService: Double(bom.cdus + liquidHalls))
            }
            add(q, Item.switches, "units", inService: Double(bom.switches))
            add(q, Item.transceivers, "units", inService: Double(bom.transceivers))
            // A priced fabric's host ports, at its capex per port: what its switches and optics cost in the plan.
            for fabric in pricedFabrics {
                let ports = lines.filter { problem.hallIndex(named: $0.hall).map(fabric.serves) ?? false }
                    .reduce(0.0) { sum, line in sum + Double(line.racksTotal) * Double(problem.profiles.first { $0.id == line.profile }!.scaleOutPorts) }
                add(q, Item.fabricPorts(fabric.name), "ports", inService: ports, unitCapexUSD: fabric.capexUSDPerHostPort)
            }
            for feed in site.grid.feeds {
                add(q, Item.feed(feed.name), "feeds", inService: feed.availableFrom <= q ? 1 : 0, unitCapexUSD: feed.build?.capexUSD)
            }
            let ups = design.withPowerBlocks(in: q, plan.facilityBuilds).halls.filter { $0.availableFrom <= q }
                .reduce(0.0) { $0 + Double($1.count) * $1.installedCapacityMW }
            add(q, Item.powerPath, "MW", inService: ups)
            // Power blocks by the hall they stand in (where to install them; the hall-power limit is per hall).
            for group in problem.design.halls {
                guard let blocks = group.powerBlocks else { continue }
                for hall in (0..<group.count).map(group.hallName) {
                    add(q, Item.powerBlocks(hall), "blocks", inService: Double(ReferenceDesign.powerBlocks(inHall: hall, in: q, plan.facilityBuilds)),
                        unitCapexUSD: blocks.build.capexUSD)
                }
            }
            // The outdoor plant (but its modules) and the battery (but what the plan adds) are in service from the first quarter;
            // each water loop's plant and chillers are items of their own, named after the loop when there are several.
            let plantModules = design.loopPlantModules(in: q, plan.facilityBuilds), chillerModules = design.loopChillerModules(in: q, plan.facilityBuilds)
            for l in 0..<design.loopCount {
                let loop = design.onLoop(l), hr = loop.heatRejection, named = Item.loopSuffix(design, l)
                add(q, Item.heatRejection + named, "MW", inService: loop.withPlantModules(plantModules[l]).heatRejection.ratedCapacityMW)
                if let option = hr.modules {
                    add(q, Item.plantModule + named, "modules", inService: Double(plantModules[l]), unitCapexUSD: option.build.capexUSD)
                }
                // The chillers' MW with the chiller modules in service, then the modules.
                add(q, Item.chillers + named, "MW", inService: loop.withChillerModules(chillerModules[l]).heatRejection.chillerCapacityMW)
                if let option = hr.chillerModules {
                    add(q, Item.chillerModule + named, "modules", inService: Double(chillerModules[l]), unitCapexUSD: option.build.capexUSD)
                }
            }
            if let build = design.powerChain.battery?.build {
                // A battery the plan adds to: what it has in service, bought as the battery lines add it, at the build's prices.
                let battery = design.battery(in: q, plan.facilityBuilds)!
                let line = plan.facilityBuilds?.first { $0.kind == .battery && $0.quarter == q }
                add(q, Item.battery, "MWh", inService: battery.energyMWh, bought: max(0, line?.newEnergyMWh ?? 0), unitCapexUSD: build.capexUSDPerMWh)
                add(q, Item.batteryPower, "MW", inService: battery.powerMW, bought: max(0, line?.newPowerMW ?? 0), unitCapexUSD: build.capexUSDPerMW)
            } else {
                add(q, Item.battery, "MWh", inService: design.powerChain.battery?.energyMWh ?? 0)
            }
        }
        return lines
    }

    /// Per quarter: the capex of what was bought (halls, feeds, plant and chiller modules, power blocks and battery as their lead time runs) and the running costs of
    /// the fleet in service, with the fixed opex of what was built.
    static func cashflow(problem: PlanningProblem, plan: BuildPlan, design: ReferenceDesign, site: Site) -> [CashflowLine] {
        let moduleEntries = design.loopModuleEntries(.plantModule, plan.facilityBuilds)
        let chillerEntries = design.loopModuleEntries(.chillerModule, plan.facilityBuilds)
        let blockEntries = ReferenceDesign.powerBlockEntries(plan.facilityBuilds)
        let batteryEntries = ReferenceDesign.batteryEntries(plan.facilityBuilds)
        return plan.quarters.map { metrics in
            var energy = 0.0
            // The racks' chiller load and chilled air at their average heat, on loops whose chillers' heat varies.
            var meanLoadMW = Array(repeating: 0.0, count: problem.loops.count), meanAirMW = meanLoadMW
            for profile in problem.profiles {
                // The racks on the site fabric at once (by the average power their stock carries on their loop), those in
                // halls with a fabric of their own hall by hall.
                let site = problem.coefficients[profile.id]!
                var racks: [Double: Int] = [:]
                for line in plan.racks where line.quarter == metrics.quarter && line.profile == profile.id {
                    let c = problem.coefficients(profile, inHall: line.hall) ?? site, l = problem.loop(ofHall: line.hall)
                    let average = problem.stockAverageFacilityMW(profile, c, loop: l)
                    if c == site { racks[average, default: 0] += line.racksTotal } else {
                        energy += Double(line.racksTotal) * problem.quarterlyEnergyUSD(averageMW: average)
                    }
                    if problem.loops[l].chillerHeatVaries {
                        let share = c.averageHeatShare(profile: profile, utilization: problem.utilization)
                        meanLoadMW[l] += Double(line.racksTotal) * share * c.chillerLoadMW
                        meanAirMW[l] += Double(line.racksTotal) * share * c.chilledAirMW
                    }
                }
                for average in racks.keys.sorted() { energy += Double(racks[average]!) * problem.quarterlyEnergyUSD(averageMW: average) }
            }
            let plantModules = design.loopPlantModules(in: metrics.quarter, plan.facilityBuilds)
            let chillerModules = design.loopChillerModules(in: metrics.quarter, plan.facilityBuilds)
            for (l, loop) in problem.loops.enumerated() where loop.chillerHeatVaries {
                energy += problem.quarterlyEnergyUSD(averageMW: loop.chillerPowerMW(loadMW: meanLoadMW[l], chilledAirMW: meanAirMW[l],
                                                                                    plantModules: plantModules[l], chillerModules: chillerModules[l]))
            }
            let halls = design.halls.filter { $0.availableFrom <= metrics.quarter }
            let fixed = halls.reduce(0.0) { $0 + Double($1.count) * ($1.build?.fixedOpexUSDPerYear ?? 0) }
                + moduleOpexUSDPerYear(design, in: metrics.quarter, plan.facilityBuilds)
                + site.grid.feedsInService(in: metrics.quarter).reduce(0.0) { $0 + ($1.build?.fixedOpexUSDPerYear ?? 0) }
                + problem.design.halls.reduce(0.0) { sum, group in
                    let blocks = (0..<group.count).reduce(0) { $0 + ReferenceDesign.powerBlocks(inHall: group.hallName($1), in: metrics.quarter, plan.facilityBuilds) }
                    return sum + Double(blocks) * (group.powerBlocks?.build.fixedOpexUSDPerYear ?? 0)
                }
                + design.batteryAdded(in: metrics.quarter, plan.facilityBuilds).energyMWh * (design.powerChain.battery?.build?.fixedOpexUSDPerYearPerMWh ?? 0)
            let opex = (metrics.facilityMW * problem.design.economics.facilityOpexUSDPerMWYear + fixed) / TimeBase.quartersPerYear
            // Retired racks: decommissioning less resale (negative when the resale is worth more).
            let retirement = plan.racks.filter { $0.quarter == metrics.quarter }.reduce(0.0) { sum, line in
                sum + Double(line.racksRetired ?? 0) * problem.retirementCapexUSD(problem.profiles.first { $0.id == line.profile }!)
            }
            return CashflowLine(quarter: metrics.quarter, rackCapexUSD: metrics.capexNewUSD, fabricCapexUSD: metrics.fabricCapexNewUSD,
                                retirementUSD: PlanAssembly.rounded(retirement),
                                facilityCapexUSD: PlanAssembly.rounded(design.facilityCapexUSD(
                                    spentIn: metrics.quarter, site: site, plantModulesEntering: moduleEntries, chillerModulesEntering: chillerEntries,
                                    powerBlocksEntering: blockEntries, batteryEntering: batteryEntries)),
                                energyUSD: PlanAssembly.rounded(energy), opexUSD: PlanAssembly.rounded(opex))
        }
    }

    /// Items standing before the horizon's first quarter, by bom.csv's item name (README "Standing before the horizon"): the
    /// given halls and feeds in service before it; where such a hall stood, its UPS and transformers, the plant and chillers
    /// as given (without the modules the plan adds) and the battery as given; and the duty and spare CDUs, switches and
    /// transceivers the existing racks need, with their ports on each priced fabric. `design` and `site` are as the plan built them.
    static func standingBefore(problem: PlanningProblem, design: ReferenceDesign, site: Site) -> [String: Double] {
        let first = problem.design.horizon.first
        var items: [String: Double] = [:]
        let halls = problem.design.halls.filter { $0.build == nil && $0.availableFrom < first }
        for group in halls { items[Item.halls(group.name)] = Double(group.count) }
        for feed in site.grid.feeds where feed.build == nil && feed.availableFrom < first { items[Item.feed(feed.name)] = 1 }
        guard !halls.isEmpty else { return items }
        items[Item.powerPath] = halls.reduce(0) { $0 + Double($1.count) * $1.installedCapacityMW }
        for l in 0..<design.loopCount {
            let given = problem.design.onLoop(l).heatRejection, named = Item.loopSuffix(design, l)
            items[Item.heatRejection + named] = given.ratedCapacityMW
            items[Item.chillers + named] = given.chillerCapacityMW
        }
        if let battery = problem.design.powerChain.battery {
            items[Item.battery] = battery.energyMWh
            if battery.build != nil { items[Item.batteryPower] = battery.powerMW }
        }
        let racks = HallEquipment(problem) { e, _ in problem.existingRacks(e) }
        items[Item.cdus] = Double(racks.cdus + racks.liquidHalls)
        items[Item.switches] = Double(racks.switches)
        items[Item.transceivers] = Double(racks.transceivers)
        for fabric in problem.pricedFabrics { items[Item.fabricPorts(fabric.name)] = fabric.portsBeforeHorizon }
        return items
    }

    /// Fixed opex of the plant and chiller modules in service on every water loop in `quarter`, USD per year.
    static func moduleOpexUSDPerYear(_ design: ReferenceDesign, in quarter: Quarter, _ builds: [FacilityBuild]?) -> Double {
        let plant = design.loopPlantModules(in: quarter, builds), chillers = design.loopChillerModules(in: quarter, builds)
        return (0..<design.loopCount).reduce(0.0) { sum, l in
            let hr = design.onLoop(l).heatRejection
            return sum + Double(plant[l]) * (hr.modules?.build.fixedOpexUSDPerYear ?? 0)
                + Double(chillers[l]) * (hr.chillerModules?.build.fixedOpexUSDPerYear ?? 0)
        }
    }
}

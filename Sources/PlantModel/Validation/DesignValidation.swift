extension ReferenceDesign {
    /// Every problem in a decoded design, checked against the catalog it will be planned with.
    public static func issues(in decoded: Decoded<ReferenceDesign>, catalog: Catalog) -> [ValidationIssue] {
        let d = decoded.value
        var c = IssueCollector(decoded)
        // Every number against its physical range (FieldRange), then the checks that relate fields.
        let outside = c.ranges(.design, of: d)
        if d.name.isEmpty { c.add("name", "must not be empty") }
        if d.horizon.last < d.horizon.first {
            c.add("horizon.last", "\(d.horizon.last) is before horizon.first \(d.horizon.first): swap them, or correct the mistyped one")
        } else {
            c.range(d.horizon.last.ordinal - d.horizon.first.ordinal + 1, FieldRange.horizonQuarters)
        }

        if d.halls.isEmpty { c.add("halls", "a design needs at least one hall") }
        hallNameIssues(d.halls, outside: outside, into: &c)
        for (i, hall) in d.halls.enumerated() {
            let path = "halls[\(i)]"
            // A negative figure is already reported against its own field: the sum is checked only when both are in range.
            if hall.liquidCapacityMW + hall.airCapacityMW <= 0, !outside.contains("\(path).liquidCapacityMW"),
               !outside.contains("\(path).airCapacityMW") {
                c.add("\(path).airCapacityMW", "a hall needs some cooling: liquidCapacityMW + airCapacityMW must be > 0")
            }
            if hall.liquidCapacityMW > 0, d.liquidCooling == nil, d.loopIndex(of: hall) == 0 {
                c.add("\(path).liquidCapacityMW", "the hall has liquid capacity but the design has no liquidCooling section "
                    + "(give one, or put the hall on one of waterLoops with waterLoop)")
            }
            if let loop = hall.waterLoop, loop != mainLoopName, !(d.waterLoops ?? []).contains(where: { $0.name == loop }) {
                let names = [mainLoopName] + (d.waterLoops ?? []).map(\.name)
                c.add("\(path).waterLoop", "no water loop '\(loop)' (loops: \(names.joined(separator: ", ")))")
            }
            if case .nPlusOne = hall.redundancy {
                c.add("\(path).redundancy", "use N, 2N or xN/y (e.g. 4N/3) for a hall's power paths; N+1 needs a unit count")
            }
            if hall.powerBlocks == nil, hall.installedCapacityMW <= 0, !outside.contains("\(path).installedCapacityMW") {
                c.add("\(path).installedCapacityMW", "a hall without power blocks needs an installed power path: give installedCapacityMW > 0, "
                    + "or powerBlocks the plan may build")
            }
            if let blocks = hall.powerBlocks, blocks.build.lifeYears == nil, d.economics.facilityLifeYears == nil {
                c.add("\(path).powerBlocks.build.lifeYears", "power blocks need the years their capex is annualized over: give "
                    + "build.lifeYears or economics.facilityLifeYears")
            }
            if let fabric = hall.fabric, fabric.switchRadix % 2 != 0 {
                c.add("\(path).fabric.switchRadix", "must be even (a fat tree splits each switch's ports half down, half up), got \(fabric.switchRadix)")
            }
            if hall.availableFrom > d.horizon.last {
                c.add("\(path).availableFrom", "\(hall.availableFrom) is after the horizon ends (\(d.horizon.last)): bring "
                    + "availableFrom into the horizon, extend horizon.last, or remove the hall")
            }
            if let build = hall.build {
                // A hall ordered when the horizon begins stands only once its lead time has run.
                let ready = hall.earliestService(horizonFirst: d.horizon.first)
                if hall.availableFrom <= d.horizon.last, ready > d.horizon.last {
                    let most = d.horizon.last.ordinal - d.horizon.first.ordinal
                    c.add("\(path).build.leadTimeQuarters", "\(build.leadTimeQuarters) quarters from the horizon's start (\(d.horizon.first)) put "
                        + "the hall in service in \(ready), after the horizon ends (\(d.horizon.last)): give at most \(most), extend "
                        + "horizon.last, or remove the hall")
                }
                if build.lifeYears == nil, d.economics.facilityLifeYears == nil {
                    c.add("\(path).build.lifeYears", "a hall to be built needs the years its capex is annualized over: give build.lifeYears "
                        + "or economics.facilityLifeYears")
                }
                let named = Set((0..<hall.count).map(hall.hallName))
                if let entry = (d.existingRacks ?? []).first(where: { named.contains($0.hall) }) {
                    c.add("\(path).build", "existing racks stand in \(entry.hall), so it is built already: give it without build, "
                        + "in a group of its own")
                }
            }
        }

        if let lc = d.liquidCooling { waterClassIssues(lc, at: "liquidCooling", into: &c) }
        if d.airCooling.chilled, d.airCooling.chilledWaterSupplyC == nil {
            c.add("airCooling.chilledWaterSupplyC", "required when chilled is true (the twin runs chillers only when the plant cannot make water this cold)")
        }

        plantIssues(d.heatRejection, at: "heatRejection", design: d, into: &c)
        waterLoopIssues(d, into: &c)
        if let battery = d.powerChain.battery {
            if battery.build != nil, battery.rideThroughMinutes == nil {
                c.add("powerChain.battery.build", "the plan adds battery only to meet a ride-through: give powerChain.battery.rideThroughMinutes "
                    + "(the minutes the battery must carry the facility's design power), or drop build")
            }
            // Nothing in place is for a battery the plan builds; a given battery needs both.
            for (field, value, unit) in [("energyMWh", battery.energyMWh, "MWh"), ("powerMW", battery.powerMW, "MW")]
            where battery.build == nil && value <= 0 && !outside.contains("powerChain.battery.\(field)") {
                c.add("powerChain.battery.\(field)", "\(format(value)) \(unit) in place and no build option: a battery the plan does not build "
                    + "needs energy and power in place (give \(field) > 0, or powerChain.battery.build for the plan to add it)")
            }
        }
        if let basis = d.designBasis { designBasisIssues(basis, outside: outside, into: &c) }

        if d.fabric.switchRadix % 2 != 0 { c.add("fabric.switchRadix", "must be even (a fat tree splits each switch's ports half down, half up), got \(d.fabric.switchRadix)") }
        fabricPriceIssues(d, catalog: catalog, outside: outside, into: &c)

        if d.profiles.isEmpty { c.add("profiles", "a design must allow at least one profile") }
        c.unique(d.profiles, { "profiles[\($0)]" }, what: "profile")
        let known = catalog.profiles.map(\.id)
        for (i, id) in d.profiles.enumerated() {
            guard let profile = catalog.profile(id) else {
                c.add("profiles[\(i)]", "unknown profile '\(id)' (catalog has: \(known.joined(separator: ", ")))")
                continue
            }
            if profile.liquidShare > 0 {
                // On several loops the racks go only where the water is cool enough; none is an error.
                let loops = (0..<d.loopCount).filter { l in d.halls.contains { d.loopIndex(of: $0) == l && $0.liquidCapacityMW > 0 } }
                let supplies = loops.compactMap { l in d.onLoop(l).liquidCooling.map { (l, $0) } }
                if let limit = profile.maxCoolantSupplyC, !supplies.isEmpty, supplies.allSatisfy({ $0.1.rackSupplyTempC > limit }) {
                    if d.waterLoops == nil, let lc = d.liquidCooling {
                        c.add("liquidCooling.facilitySupplyTempC", "rack supply \(format(lc.rackSupplyTempC)) °C (facility \(format(lc.facilitySupplyTempC)) + CDU approach \(format(lc.cduApproachK)) K) is above \(id)'s maximum coolant supply \(format(limit)) °C")
                    } else {
                        let each = supplies.map { "\(d.loopName($0.0)) \(format($0.1.rackSupplyTempC)) °C" }.joined(separator: ", ")
                        c.add("profiles[\(i)]", "\(id) takes coolant at \(format(limit)) °C at most, and every water loop with liquid halls supplies "
                            + "its racks warmer (\(each)): cool a loop's facilitySupplyTempC, or drop the profile")
                    }
                }
                if d.liquidCooling == nil, (d.waterLoops ?? []).isEmpty {
                    c.add("profiles[\(i)]", "\(id) is liquid-cooled but the design has no liquidCooling section")
                }
            }
        }
        for (key, map) in [("scalableUnits", d.scalableUnits), ("supplyCapRacksPerQuarter", d.supplyCapRacksPerQuarter)] {
            for id in (map ?? [:]).keys.sorted() where !d.profiles.contains(id) {
                c.add("\(key).\(id)", "'\(id)' is not among the design's profiles")
            }
        }

        existingRackIssues(d, catalog: catalog, into: &c)
        emptyHallIssues(d, catalog: catalog, into: &c)
        workloadMixIssues(d.workloadMix, profiles: d.profiles, catalog: catalog, into: &c)

        let references = Set(d.references.map(\.id))
        c.unique(d.references.map(\.id), { "references[\($0)].id" }, what: "reference id")
        if (d.economics.facilityCapexUSDPerMW == nil) != (d.economics.facilityLifeYears == nil) {
            c.add(d.economics.facilityCapexUSDPerMW == nil ? "economics.facilityLifeYears" : "economics.facilityCapexUSDPerMW",
                  "economics.facilityCapexUSDPerMW and economics.facilityLifeYears go together: give both (the capex and the years it is annualized over) or neither")
        }
        let required = (d.powerChain.battery == nil ? [] : ["powerChain.battery"])
            + (d.economics.facilityCapexUSDPerMW == nil ? [] : ["economics.facilityCapexUSDPerMW", "economics.facilityLifeYears"])
            + (0..<d.loopCount).compactMap { l in
                d.onLoop(l).heatRejection.cyclesOfConcentration == nil ? nil
                    : l == 0 ? "heatRejection.cyclesOfConcentration" : "waterLoops.\(d.loopName(l)).heatRejection.cyclesOfConcentration"
            }
        c.sources(d.figures, required: required, known: references, at: "figures")
        return c.issues
    }
}

extension ReferenceDesign {
    /// The facility water class must be one ASHRAE names, and the supply within it.
    static func waterClassIssues(_ lc: LiquidCooling, at path: String, into c: inout IssueCollector<ReferenceDesign>) {
        let classes = ["W17": 17.0, "W27": 27, "W32": 32, "W40": 40, "W45": 45, "W+": 70]
        if let limit = classes[lc.facilityWaterClass] {
            if lc.facilitySupplyTempC > limit {
                c.add("\(path).facilitySupplyTempC", "\(format(lc.facilitySupplyTempC)) °C exceeds class \(lc.facilityWaterClass)'s \(format(limit)) °C")
            }
        } else {
            c.add("\(path).facilityWaterClass", "got '\(lc.facilityWaterClass)', expected one of: W17, W27, W32, W40, W45, W+")
        }
    }

    /// The checks that relate a plant's fields (the main loop's `heatRejection`, or a water loop's at `path`).
    static func plantIssues(_ hr: HeatRejection, at path: String, design d: ReferenceDesign, into c: inout IssueCollector<ReferenceDesign>) {
        if hr.ratedFluidInletC <= hr.ratedAmbientC {
            c.add("\(path).ratedFluidInletC", "fluid at \(format(hr.ratedFluidInletC)) °C cannot reject heat to \(format(hr.ratedAmbientC)) °C ambient")
        }
        if hr.ratedFluidInletC > hr.ratedAmbientC, hr.approachK >= hr.ratedFluidInletC - hr.ratedAmbientC {
            c.add("\(path).approachK", "\(format(hr.approachK)) K leaves no range at the rating point: the fluid would leave at or above the "
                + "\(format(hr.ratedFluidInletC)) °C it enters with; the approach must be below ratedFluidInletC − ratedAmbientC = "
                + "\(format(hr.ratedFluidInletC - hr.ratedAmbientC)) K")
        }
        if let modules = hr.modules {
            if modules.build.lifeYears == nil, d.economics.facilityLifeYears == nil {
                c.add("\(path).modules.build.lifeYears", "plant modules need the years their capex is annualized over: give "
                    + "build.lifeYears or economics.facilityLifeYears")
            }
        }
        if let modules = hr.chillerModules {
            if modules.build.lifeYears == nil, d.economics.facilityLifeYears == nil {
                c.add("\(path).chillerModules.build.lifeYears", "chiller modules need the years their capex is annualized over: give "
                    + "build.lifeYears or economics.facilityLifeYears")
            }
        }
        if hr.hasChillers || d.airCooling.chilled, hr.chillerCOP == nil {
            c.add("\(path).chillerCOP", "chillers are used (chillerCapacityMW > 0, chillerModules or airCooling.chilled), so a design COP is needed")
        }
        switch hr.type {
        case .adiabaticDryCooler:
            if hr.adiabaticEffectiveness == nil {
                c.add("\(path).adiabaticEffectiveness", "an adiabatic dry cooler needs its pad effectiveness")
            }
            if hr.waterLPerKWh == nil { c.add("\(path).waterLPerKWh", "an adiabatic dry cooler needs its water use per kWh") }
        case .coolingTower:
            if hr.waterLPerKWh == nil { c.add("\(path).waterLPerKWh", "a cooling tower needs its water use per kWh") }
        case .dryCooler:
            break
        }
        if hr.cyclesOfConcentration != nil, hr.type != .coolingTower {
            c.add("\(path).cyclesOfConcentration", "only a cooling tower blows down; this plant is \(hr.type.rawValue)")
        }
    }

    /// Water loops (README "Water loops"): named once each, not `main`, each serving at least one hall, each with a
    /// valid water class and plant.
    static func waterLoopIssues(_ d: ReferenceDesign, into c: inout IssueCollector<ReferenceDesign>) {
        let loops = d.waterLoops ?? []
        c.unique(loops.map(\.name), { "waterLoops[\($0)].name" }, what: "water loop name")
        for (i, loop) in loops.enumerated() {
            let path = "waterLoops[\(i)]"
            if loop.name == mainLoopName {
                c.add("\(path).name", "'\(mainLoopName)' is the loop of the design's own liquidCooling and heatRejection: give this loop another name")
            } else if ["heatRejection", "chillers", "heat_rejection"].contains(loop.name) {
                c.add("\(path).name", "'\(loop.name)' names the main loop's modules in plan.json and the model: give this loop another name")
            }
            if !loop.name.isEmpty, !d.halls.contains(where: { $0.waterLoop == loop.name }) {
                c.add("\(path).name", "no hall stands on loop '\(loop.name)': name it in a hall's waterLoop, or remove the loop")
            }
            waterClassIssues(loop.liquidCooling, at: "\(path).liquidCooling", into: &c)
            plantIssues(loop.heatRejection, at: "\(path).heatRejection", design: d, into: &c)
        }
    }
}

extension ReferenceDesign {
    /// Hall names must be unique once each group is expanded to the halls the planner and the twin see
    /// (`name` for a single hall, `name-1`…`name-N` for a group of N): a group `nvl-hall` of 8 beside a hall
    /// `nvl-hall-1` gives two halls of one name. Groups whose count is out of range are left to that message.
    static func hallNameIssues(_ halls: [HallGroup], outside: Set<String>, into c: inout IssueCollector<ReferenceDesign>) {
        var total = 0, allCounted = true
        for (g, hall) in halls.enumerated() {
            if hall.name.isEmpty { c.add("halls[\(g)].name", "hall name must not be empty") }
            if outside.contains("halls[\(g)].count") { allCounted = false } else { total += hall.count }
        }
        if allCounted, !halls.isEmpty { c.range(total, FieldRange.hallsInTotal) }
        guard total <= Int(FieldRange.hallsInTotal.high) else { return }
        func describe(_ g: Int, _ i: Int) -> String {
            let hall = halls[g]
            return hall.count == 1 ? "halls[\(g)] '\(hall.name)'"
                : "hall \(i + 1) of group '\(hall.name)' (halls[\(g)], count \(hall.count), named \(hall.hallName(0))…\(hall.hallName(hall.count - 1)))"
        }
        var owner: [String: (group: Int, index: Int)] = [:]
        for (g, hall) in halls.enumerated() where !outside.contains("halls[\(g)].count") {
            var reported: Set<Int> = []
            for i in 0..<hall.count {
                let name = hall.hallName(i)
                guard let first = owner[name] else {
                    owner[name] = (g, i)
                    continue
                }
                // One message per pair of groups, not one per hall.
                if reported.insert(first.group).inserted {
                    c.add("halls[\(g)].name", "two halls named '\(name)': \(describe(g, i)) and \(describe(first.group, first.index))")
                }
            }
        }
    }
}

/// The checks on a workload mix, in a design or a `--workload-mix` file: at least one workload, each known to the
/// catalog and listed once, shares summing to 1; with `profiles`, each served by one of them.
func workloadMixIssues<Value>(_ mix: [WorkloadShare], profiles: [String]?, catalog: Catalog, into c: inout IssueCollector<Value>) {
    if mix.isEmpty { c.add("workloadMix", "at least one workload is needed") }
    c.unique(mix.map(\.workload), { "workloadMix[\($0)].workload" }, what: "workload")
    for (i, share) in mix.enumerated() {
        if catalog.workload(share.workload) == nil {
            c.add("workloadMix[\(i)].workload", "unknown workload '\(share.workload)' (catalog has: \(catalog.workloads.map(\.id).joined(separator: ", ")))")
        } else if let profiles, !profiles.contains(where: { catalog.profile($0)?.tokensPerSecondPerGPU(share.workload) != nil }) {
            c.add("workloadMix[\(i)].workload", "no allowed profile can serve '\(share.workload)'")
        }
    }
    let total = mix.reduce(0) { $0 + $1.share }
    if !mix.isEmpty, abs(total - 1) > 1e-6 {
        c.add("workloadMix", "shares must sum to 1, got \(format((total * 1e6).rounded() / 1e6))")
    }
}

extension ReferenceDesign {
    /// Existing racks must name a hall of the design (as the planner names halls), one of the design's
    /// profiles, a quarter no later than the horizon's first, fit the hall's positions, and be racks the hall takes by its
    /// own figures (kW, weight, CDUs, its loop's coolant temperature, in service and available by the first quarter).
    static func existingRackIssues(_ d: ReferenceDesign, catalog: Catalog, into c: inout IssueCollector<ReferenceDesign>) {
        var halls: [String: HallGroup] = [:]
        for group in d.halls where group.count >= 1 && group.count <= Int(FieldRange.hallsInTotal.high) {
            for i in 0..<group.count { halls[group.hallName(i)] = group }
        }
        var positions: [String: Int] = [:]
        for (i, entry) in (d.existingRacks ?? []).enumerated() {
            let path = "existingRacks[\(i)]"
            if !d.profiles.contains(entry.profile) {
                c.add("\(path).profile", "'\(entry.profile)' is not among the design's profiles")
            }
            if entry.installedQuarter > d.horizon.first {
                c.add("\(path).installedQuarter", "\(entry.installedQuarter) is after the horizon begins (\(d.horizon.first)): "
                    + "racks installed later are the planner's to choose")
            }
            guard let hall = halls[entry.hall] else {
                c.add("\(path).hall", "no hall '\(entry.hall)' in the design (halls: \(halls.keys.sorted().joined(separator: ", ")))")
                continue
            }
            if let profile = catalog.profile(entry.profile) {
                // What the planner would refuse for this profile in this hall that the design alone shows (the economizer's air
                // at the site's design condition is checked when the design is planned on a site).
                var reasons = hall.refusals(of: profile, loop: d.coolantLoop(of: hall))
                if hall.availableFrom > d.horizon.first {
                    reasons.append("the hall is in service only from \(hall.availableFrom), after the horizon begins (\(d.horizon.first))")
                }
                if profile.availableFrom > d.horizon.first {
                    reasons.append("the profile is available only from \(profile.availableFrom), after the horizon begins (\(d.horizon.first))")
                }
                if !reasons.isEmpty {
                    c.add("\(path).profile", "existing \(entry.profile) racks cannot stand in \(entry.hall): " + reasons.joined(separator: "; ")
                        + "; name a hall that takes them, or leave them out of existingRacks")
                }
                positions[entry.hall, default: 0] += entry.racks * profile.positionsPerRack
                if positions[entry.hall]! > hall.positions {
                    c.add("\(path).racks", "existing racks take \(positions[entry.hall]!) positions in \(entry.hall), which has \(hall.positions)")
                }
            }
        }
    }

    /// A hall group that no allowed profile may stand in, for what the design alone shows (rack power, weight, CDUs, coolant,
    /// dates; the economizer's air at the site's design condition is checked when the design is planned on a site): its
    /// positions, power and cooling would hold nothing, and a hall to build would never be.
    static func emptyHallIssues(_ d: ReferenceDesign, catalog: Catalog, into c: inout IssueCollector<ReferenceDesign>) {
        let profiles = d.profiles.compactMap(catalog.profile)
        guard !profiles.isEmpty else { return }
        for (h, hall) in d.halls.enumerated() {
            // A hall field out of its range is reported as such; what it keeps out follows from it.
            guard !c.issues.contains(where: { $0.path.hasPrefix("halls[\(h)]") }) else { continue }
            let refusals = profiles.map { profile -> String? in
                var reasons = hall.refusals(of: profile, loop: d.coolantLoop(of: hall))
                let from = max(profile.availableFrom, hall.earliestService(horizonFirst: d.horizon.first))
                if from > d.horizon.last { reasons.append("could stand there only from \(from), after the horizon ends (\(d.horizon.last))") }
                return reasons.isEmpty ? nil : "\(profile.id): " + reasons.joined(separator: "; ")
            }
            guard refusals.allSatisfy({ $0 != nil }) else { continue }
            c.add("halls[\(h)]", "no allowed profile can stand in \(hall.name) (" + refusals.compactMap { $0 }.joined(separator: "; ")
                + "): change what keeps them out, allow a profile that fits (profiles), or remove the hall")
        }
    }
}

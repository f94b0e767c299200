extension ReferenceDesign {
    /// Every problem in a decoded design, checked against the catalog it will be planned with.
    public static func issues(in decoded: Decoded<ReferenceDesign>, catalog: Catalog) -> [ValidationIssue] {
        let d = decoded.value
        var c = IssueCollector(decoded)
        if d.name.isEmpty { c.add("name", "must not be empty") }
        if d.horizon.last < d.horizon.first {
            c.add("horizon.last", "\(d.horizon.last) is before horizon.first \(d.horizon.first)")
        } else if d.horizon.quarters.count > 80 {
            c.add("horizon.last", "horizon of \(d.horizon.quarters.count) quarters; at most 80 (20 years)")
        }

        if d.halls.isEmpty { c.add("halls", "a design needs at least one hall") }
        c.unique(d.halls.map(\.name), { "halls[\($0)].name" }, what: "hall name")
        for (i, hall) in d.halls.enumerated() {
            let path = "halls[\(i)]"
            c.positive(hall.count, "\(path).count")
            c.positive(hall.positions, "\(path).positions")
            c.positive(hall.maxRackKW, "\(path).maxRackKW", unitHint: (2000, "did you give W?"))
            c.positive(hall.installedCapacityMW, "\(path).installedCapacityMW", unitHint: (2000, "did you give kW?"))
            c.nonNegative(hall.liquidCapacityMW, "\(path).liquidCapacityMW")
            c.nonNegative(hall.airCapacityMW, "\(path).airCapacityMW")
            if hall.liquidCapacityMW + hall.airCapacityMW <= 0 {
                c.add("\(path).airCapacityMW", "a hall needs some cooling: liquidCapacityMW + airCapacityMW must be > 0")
            }
            if hall.liquidCapacityMW > 0, d.liquidCooling == nil {
                c.add("\(path).liquidCapacityMW", "the hall has liquid capacity but the design has no liquidCooling section")
            }
            if let w = hall.maxRackWeightKg { c.positive(w, "\(path).maxRackWeightKg") }
            if case .nPlusOne = hall.redundancy {
                c.add("\(path).redundancy", "use N, 2N or xN/y (e.g. 4N/3) for a hall's power paths; N+1 needs a unit count")
            }
            if hall.availableFrom > d.horizon.last {
                c.add("\(path).availableFrom", "\(hall.availableFrom) is after the horizon ends (\(d.horizon.last))")
            }
        }

        c.fraction(d.powerChain.transformerEfficiency, "powerChain.transformerEfficiency", low: 0.5)
        c.fraction(d.powerChain.upsEfficiency, "powerChain.upsEfficiency", low: 0.5)
        if let battery = d.powerChain.battery {
            c.positive(battery.energyMWh, "powerChain.battery.energyMWh", unitHint: (100_000, "did you give kWh?"))
            c.positive(battery.powerMW, "powerChain.battery.powerMW", unitHint: (10_000, "did you give kW?"))
            c.fraction(battery.roundTripEfficiency, "powerChain.battery.roundTripEfficiency", low: 0.5)
        }

        if let lc = d.liquidCooling {
            let classes = ["W17": 17.0, "W27": 27, "W32": 32, "W40": 40, "W45": 45, "W+": 70]
            if let limit = classes[lc.facilityWaterClass] {
                if lc.facilitySupplyTempC > limit {
                    c.add("liquidCooling.facilitySupplyTempC", "\(format(lc.facilitySupplyTempC)) °C exceeds class \(lc.facilityWaterClass)'s \(format(limit)) °C")
                }
            } else {
                c.add("liquidCooling.facilityWaterClass", "got '\(lc.facilityWaterClass)', expected one of: W17, W27, W32, W40, W45, W+")
            }
            c.temperature(lc.facilitySupplyTempC, "liquidCooling.facilitySupplyTempC", low: 2, high: 70)
            c.nonNegative(lc.cduApproachK, "liquidCooling.cduApproachK")
            c.positive(lc.loopDeltaTK, "liquidCooling.loopDeltaTK")
            c.fraction(lc.pumpPowerFraction, "liquidCooling.pumpPowerFraction", high: 0.5)
            c.positive(lc.cduCapacityMW, "liquidCooling.cduCapacityMW", unitHint: (100, "did you give kW?"))
        }
        c.fraction(d.airCooling.fanPowerFraction, "airCooling.fanPowerFraction", high: 0.5)
        if let chw = d.airCooling.chilledWaterSupplyC {
            c.temperature(chw, "airCooling.chilledWaterSupplyC", low: 2, high: 40)
        } else if d.airCooling.chilled {
            c.add("airCooling.chilledWaterSupplyC", "required when chilled is true (the twin runs chillers only when the plant cannot make water this cold)")
        }

        let hr = d.heatRejection
        c.positive(hr.ratedCapacityMW, "heatRejection.ratedCapacityMW", unitHint: (20000, "did you give kW?"))
        c.temperature(hr.ratedAmbientC, "heatRejection.ratedAmbientC")
        c.temperature(hr.ratedFluidInletC, "heatRejection.ratedFluidInletC", low: 2, high: 90)
        if hr.ratedFluidInletC <= hr.ratedAmbientC {
            c.add("heatRejection.ratedFluidInletC", "fluid at \(format(hr.ratedFluidInletC)) °C cannot reject heat to \(format(hr.ratedAmbientC)) °C ambient")
        }
        c.nonNegative(hr.approachK, "heatRejection.approachK")
        c.fraction(hr.fanPowerFraction, "heatRejection.fanPowerFraction", high: 0.5)
        c.nonNegative(hr.chillerCapacityMW, "heatRejection.chillerCapacityMW")
        let needsChiller = hr.chillerCapacityMW > 0 || d.airCooling.chilled
        if needsChiller {
            if let cop = hr.chillerCOP { c.positive(cop, "heatRejection.chillerCOP", unitHint: (20, "COP is a ratio, not a percentage")) } else {
                c.add("heatRejection.chillerCOP", "chillers are used (chillerCapacityMW > 0 or airCooling.chilled), so a design COP is needed")
            }
        }
        switch hr.type {
        case .adiabaticDryCooler:
            if let e = hr.adiabaticEffectiveness { c.fraction(e, "heatRejection.adiabaticEffectiveness") } else {
                c.add("heatRejection.adiabaticEffectiveness", "an adiabatic dry cooler needs its pad effectiveness")
            }
            if hr.waterLPerKWh == nil { c.add("heatRejection.waterLPerKWh", "an adiabatic dry cooler needs its water use per kWh") }
        case .coolingTower:
            if hr.waterLPerKWh == nil { c.add("heatRejection.waterLPerKWh", "a cooling tower needs its water use per kWh") }
        case .dryCooler:
            break
        }
        if let cycles = hr.cyclesOfConcentration {
            if hr.type != .coolingTower {
                c.add("heatRejection.cyclesOfConcentration", "only a cooling tower blows down; this plant is \(hr.type.rawValue)")
            } else if !(cycles.isFinite && cycles > 1) {
                c.add("heatRejection.cyclesOfConcentration", "must exceed 1 (blowdown = evaporation / (cycles − 1)), got \(format(cycles))")
            }
        }

        if ![2, 3].contains(d.fabric.tiers) { c.add("fabric.tiers", "must be 2 or 3, got \(d.fabric.tiers)") }
        if d.fabric.switchRadix < 4 || d.fabric.switchRadix % 2 != 0 { c.add("fabric.switchRadix", "must be an even number ≥ 4, got \(d.fabric.switchRadix)") }
        c.nonNegative(d.fabric.switchWattsPerPort, "fabric.switchWattsPerPort")
        c.nonNegative(d.fabric.opticsWattsPerPort, "fabric.opticsWattsPerPort")

        if d.profiles.isEmpty { c.add("profiles", "a design must allow at least one profile") }
        c.unique(d.profiles, { "profiles[\($0)]" }, what: "profile")
        let known = catalog.profiles.map(\.id)
        for (i, id) in d.profiles.enumerated() {
            guard let profile = catalog.profile(id) else {
                c.add("profiles[\(i)]", "unknown profile '\(id)' (catalog has: \(known.joined(separator: ", ")))")
                continue
            }
            if profile.liquidShare > 0 {
                if let lc = d.liquidCooling, let limit = profile.maxCoolantSupplyC, lc.rackSupplyTempC > limit {
                    c.add("liquidCooling.facilitySupplyTempC", "rack supply \(format(lc.rackSupplyTempC)) °C (facility \(format(lc.facilitySupplyTempC)) + CDU approach \(format(lc.cduApproachK)) K) is above \(id)'s maximum coolant supply \(format(limit)) °C")
                }
                if d.liquidCooling == nil { c.add("profiles[\(i)]", "\(id) is liquid-cooled but the design has no liquidCooling section") }
            }
        }
        for (key, map) in [("scalableUnits", d.scalableUnits), ("supplyCapRacksPerQuarter", d.supplyCapRacksPerQuarter)] {
            for (id, value) in (map ?? [:]).sorted(by: { $0.key < $1.key }) {
                if !d.profiles.contains(id) { c.add("\(key).\(id)", "'\(id)' is not among the design's profiles") }
                if key == "scalableUnits" { c.positive(value, "\(key).\(id)") } else if value < 0 { c.add("\(key).\(id)", "must be ≥ 0, got \(value)") }
            }
        }
        if let budget = d.budgetUSD { c.positive(budget, "budgetUSD") }

        if d.workloadMix.isEmpty { c.add("workloadMix", "a design needs at least one workload") }
        c.unique(d.workloadMix.map(\.workload), { "workloadMix[\($0)].workload" }, what: "workload")
        for (i, share) in d.workloadMix.enumerated() {
            if catalog.workload(share.workload) == nil {
                c.add("workloadMix[\(i)].workload", "unknown workload '\(share.workload)' (catalog has: \(catalog.workloads.map(\.id).joined(separator: ", ")))")
            } else if !d.profiles.contains(where: { catalog.profile($0)?.tokensPerSecondPerGPU(share.workload) != nil }) {
                c.add("workloadMix[\(i)].workload", "no allowed profile can serve '\(share.workload)'")
            }
            c.fraction(share.share, "workloadMix[\(i)].share")
            if let demand = share.demand {
                let path = "workloadMix[\(i)].demand"
                c.fraction(demand.diurnalAmplitude, "\(path).diurnalAmplitude")
                if !(0...24).contains(demand.peakHourLocal) { c.add("\(path).peakHourLocal", "\(format(demand.peakHourLocal)) is not an hour of the day (0–24)") }
                c.positive(demand.tenants, "\(path).tenants")
                c.fraction(demand.hourlyNoise, "\(path).hourlyNoise")
            }
        }
        let total = d.workloadMix.reduce(0) { $0 + $1.share }
        if !d.workloadMix.isEmpty, abs(total - 1) > 1e-6 {
            c.add("workloadMix", "shares must sum to 1, got \(format((total * 1e6).rounded() / 1e6))")
        }

        c.positive(d.economics.depreciationYears, "economics.depreciationYears")
        c.fraction(d.economics.discountRate, "economics.discountRate", high: 0.5)
        c.nonNegative(d.economics.facilityOpexUSDPerMWYear, "economics.facilityOpexUSDPerMWYear")

        let references = Set(d.references.map(\.id))
        c.unique(d.references.map(\.id), { "references[\($0)].id" }, what: "reference id")
        let required = (d.powerChain.battery == nil ? [] : ["powerChain.battery"])
            + (hr.cyclesOfConcentration == nil ? [] : ["heatRejection.cyclesOfConcentration"])
        c.sources(d.figures, required: required, known: references, at: "figures")
        return c.issues
    }
}

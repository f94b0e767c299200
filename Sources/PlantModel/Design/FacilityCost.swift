/// The facility's share of every cost (README "Every dollar"): the given halls' capex per MW of critical IT
/// capacity (before any power block), annualized over the facility's life, the halls, feeds, plant modules and power
/// blocks built at their own capex (README "Facility decisions"), and the utilization the fleet's energy and tokens are
/// counted at.
extension ReferenceDesign {
    /// Mean share of token capacity demanded, over the workloads weighted by their share of tokens (the twin's
    /// demand model averages to it: its daily swing and noise have mean zero).
    public var meanUtilization: Double {
        workloadMix.reduce(0) { $0 + $1.share * ($1.demand ?? .standard).meanUtilization }
    }

    /// Critical IT capacity of the given halls (without a build option) in service in `quarter` (usable after each
    /// hall's redundancy rule), MW.
    public func criticalITCapacityMW(in quarter: Quarter) -> Double {
        halls.filter { $0.build == nil && $0.availableFrom <= quarter }.reduce(0) { $0 + Double($1.count) * $1.usableITCapacityMW }
    }

    /// Annualized facility capex of the given halls (without a build option) in service in `quarter`, USD per year;
    /// 0 without a facility capex.
    public func givenFacilityCapitalUSDPerYear(in quarter: Quarter) -> Double {
        guard let capex = economics.facilityCapexUSDPerMW, let life = economics.facilityLifeYears else { return 0 }
        return criticalITCapacityMW(in: quarter) * capex * economics.capitalRecoveryFactor(years: life)
    }

    /// Annual cost of the facility in service in `quarter`, of a design and site as built (``asBuilt``: halls and
    /// feeds with a build option stand from the quarter the plan built them): the given halls per MW, and each built
    /// hall and feed, each of the `plantModules` and `chillerModules` in service on each loop (by loop index) and each power block in service (`powerBlocks`:
    /// in service in a single hall by its name), and the battery energy and power added to what was in place (`batteryAdded`),
    /// at its own annualized capex and fixed opex, USD per year.
    public func facilityCapitalUSDPerYear(in quarter: Quarter, site: Site, plantModules: [Int] = [], chillerModules: [Int] = [],
                                          batteryAdded: (energyMWh: Double, powerMW: Double) = (0, 0),
                                          powerBlocks: (String) -> Int = { _ in 0 }) -> Double {
        let halls = self.halls.filter { $0.availableFrom <= quarter }.reduce(0.0) { sum, hall in
            sum + (hall.build.map { Double(hall.count) * economics.annualCostUSD($0) } ?? 0)
        }
        let feeds = site.grid.feedsInService(in: quarter).reduce(0.0) { $0 + ($1.build.map(economics.annualCostUSD) ?? 0) }
        let modules = zip(0..<loopCount, plantModules).reduce(0.0) { sum, entry in
            sum + Double(entry.1) * (onLoop(entry.0).heatRejection.modules.map { economics.annualCostUSD($0.build) } ?? 0)
        } + zip(0..<loopCount, chillerModules).reduce(0.0) { sum, entry in
            sum + Double(entry.1) * (onLoop(entry.0).heatRejection.chillerModules.map { economics.annualCostUSD($0.build) } ?? 0)
        }
        let blocks = self.halls.reduce(0.0) { sum, group in
            guard let option = group.powerBlocks?.build else { return sum }
            return sum + Double((0..<group.count).reduce(0) { $0 + powerBlocks(group.hallName($1)) }) * economics.annualCostUSD(option)
        }
        let battery = powerChain.battery?.build.map {
            economics.annualCostUSD($0, energyMWh: batteryAdded.energyMWh, powerMW: batteryAdded.powerMW)
        } ?? 0
        return givenFacilityCapitalUSDPerYear(in: quarter) + halls + feeds + modules + blocks + battery
    }

    /// Facility capex spent in `quarter`, of a design and site as built: the given halls that enter service in it (those
    /// in service before the horizon's first quarter stood before it, their capex spent), and each built hall, feed, plant module (entering
    /// in `plantModulesEntering`, by loop index), chiller module (entering in `chillerModulesEntering`, by loop index) and power block (entering the named hall in `powerBlocksEntering`) with its capex spread
    /// evenly over the lead-time quarters before it enters service (all of it in that quarter without a lead time; what
    /// falls before the horizon is booked in its first quarter), and so the battery energy and power entering service in
    /// `batteryEntering`, USD.
    public func facilityCapexUSD(spentIn quarter: Quarter, site: Site, plantModulesEntering: [[Quarter]] = [],
                                 chillerModulesEntering: [[Quarter]] = [], powerBlocksEntering: [(hall: String, quarter: Quarter)] = [],
                                 batteryEntering: [(quarter: Quarter, energyMWh: Double, powerMW: Double)] = []) -> Double {
        var total = 0.0
        if let capex = economics.facilityCapexUSDPerMW {
            let entering = halls.filter { $0.build == nil && $0.availableFrom == quarter }
            total += entering.reduce(0) { $0 + Double($1.count) * $1.usableITCapacityMW } * capex
        }
        typealias Item = (option: BuildOption, from: Quarter, count: Double)
        var built: [Item] = halls.compactMap { hall in hall.build.map { (option: $0, from: hall.availableFrom, count: Double(hall.count)) } }
        built += site.grid.feeds.compactMap { feed in feed.build.map { (option: $0, from: feed.availableFrom, count: 1.0) } }
        for (l, entering) in zip(0..<loopCount, plantModulesEntering) {
            if let option = onLoop(l).heatRejection.modules?.build { built += entering.map { (option: option, from: $0, count: 1.0) } }
        }
        for (l, entering) in zip(0..<loopCount, chillerModulesEntering) {
            if let option = onLoop(l).heatRejection.chillerModules?.build { built += entering.map { (option: option, from: $0, count: 1.0) } }
        }
        built += powerBlocksEntering.compactMap { entry in
            group(ofHall: entry.hall)?.powerBlocks.map { (option: $0.build, from: entry.quarter, count: 1.0) }
        }
        for item in built { total += item.count * item.option.capexUSD * spentShare(of: item.option, enteringService: item.from, in: quarter) }
        if let build = powerChain.battery?.build {
            for entry in batteryEntering {
                total += build.capexUSD(energyMWh: entry.energyMWh, powerMW: entry.powerMW)
                    * spentShare(leadTimeQuarters: build.leadTimeQuarters, enteringService: entry.quarter, in: quarter)
            }
        }
        return total
    }

    /// Share of a built item's capex spent in `quarter` when it enters service in `from`.
    func spentShare(of option: BuildOption, enteringService from: Quarter, in quarter: Quarter) -> Double {
        spentShare(leadTimeQuarters: option.leadTimeQuarters, enteringService: from, in: quarter)
    }

    /// Share of capex spent in `quarter` on an item with `lead` quarters of lead time entering service in `from`.
    func spentShare(leadTimeQuarters lead: Int, enteringService from: Quarter, in quarter: Quarter) -> Double {
        guard lead > 0 else { return quarter == from ? 1 : 0 }
        let start = from.advanced(by: -lead)
        let quarters = (0..<lead).map { start.advanced(by: $0) }
        let mine = quarters.filter { quarter == horizon.first ? $0 <= quarter : $0 == quarter }.count
        return Double(mine) / Double(lead)
    }
}

extension Economics {
    /// Annual cost of one built item: its capex annualized over its life (else `facilityLifeYears`) at the discount
    /// rate, plus its fixed opex, USD per year. Validation makes sure one of the lives is given.
    public func annualCostUSD(_ option: BuildOption) -> Double {
        let life = option.lifeYears ?? facilityLifeYears ?? 1
        return option.capexUSD * capitalRecoveryFactor(years: life) + (option.fixedOpexUSDPerYear ?? 0)
    }
}

import PlantModel

/// A design and site as a plan built them (README "Facility decisions"): each hall and feed with a build option
/// stands from the quarter the plan put it in service, and those the plan did not build are gone. Given halls and
/// feeds are as the files give them. Plant modules change each water loop's plant from quarter to quarter:
/// ``loopPlantModules(in:_:)`` counts them and ``ReferenceDesign/withPlantModules(_:)`` of the loop
/// (``ReferenceDesign/onLoop(_:)``) makes the plant they stand in, as ``loopChillerModules(in:_:)`` and
/// ``ReferenceDesign/withChillerModules(_:)`` do for chiller modules; power blocks change each hall's
/// power path: ``withPowerBlocks(in:_:)`` gives each hall its installed MW in a quarter; the battery grows from quarter to
/// quarter: ``battery(in:_:)`` gives it as it stands. The twin, the bill of quantities and
/// the cash flow read these.
extension ReferenceDesign {
    /// Plant modules in service on each loop in `quarter` by `builds`, by loop index (README "Water loops").
    public func loopPlantModules(in quarter: Quarter, _ builds: [FacilityBuild]?) -> [Int] {
        (0..<loopCount).map { FacilityBuild.inService(.plantModule, plantModuleLineName($0), in: quarter, builds) }
    }

    /// Chiller modules in service on each loop in `quarter` by `builds`, by loop index.
    public func loopChillerModules(in quarter: Quarter, _ builds: [FacilityBuild]?) -> [Int] {
        (0..<loopCount).map { FacilityBuild.inService(.chillerModule, chillerModuleLineName($0), in: quarter, builds) }
    }

    /// The quarter each module of `kind` (plant or chiller modules) enters service on each loop, by `builds`, one entry per
    /// module, by loop index.
    public func loopModuleEntries(_ kind: FacilityBuild.Kind, _ builds: [FacilityBuild]?) -> [[Quarter]] {
        (0..<loopCount).map { l in
            let name = kind == .plantModule ? plantModuleLineName(l) : chillerModuleLineName(l)
            return (builds ?? []).filter { $0.kind == kind && $0.name == name }.flatMap { Array(repeating: $0.quarter, count: max(0, $0.new)) }
        }
    }

    /// Power blocks in service in the hall named `hall` (a single hall's name) in `quarter` by `builds` (0 before the first).
    public static func powerBlocks(inHall hall: String, in quarter: Quarter, _ builds: [FacilityBuild]?) -> Int {
        FacilityBuild.inService(.powerBlock, hall, in: quarter, builds)
    }

    /// The hall each power block enters service in and its quarter, by `builds`, one entry per block.
    public static func powerBlockEntries(_ builds: [FacilityBuild]?) -> [(hall: String, quarter: Quarter)] {
        (builds ?? []).filter { $0.kind == .powerBlock }.flatMap { Array(repeating: ($0.name, $0.quarter), count: max(0, $0.new)) }
    }

    /// The design as it stands in `quarter`: every hall group with power blocks split into its single halls, each with the
    /// blocks `builds` put in service in it by then added to its installed capacity (and none left to add). Apply it to the
    /// design ``asBuilt(_:)`` gives.
    public func withPowerBlocks(in quarter: Quarter, _ builds: [FacilityBuild]?) -> ReferenceDesign {
        var design = self
        design.halls = halls.flatMap { group -> [HallGroup] in
            guard group.powerBlocks != nil else { return [group] }
            return group.singles.map { hall in
                var built = hall
                built.installedCapacityMW = hall.installedCapacityMW(blocks: Self.powerBlocks(inHall: hall.name, in: quarter, builds))
                built.powerBlocks = nil
                return built
            }
        }
        return design
    }

    /// The battery in service in `quarter`: what is in place, grown to the energy and power of the last battery line of `builds`
    /// by then (``Battery/inService(energyMWh:powerMW:)``); the battery as given before the first line; `nil` without one.
    public func battery(in quarter: Quarter, _ builds: [FacilityBuild]?) -> Battery? {
        guard let battery = powerChain.battery else { return nil }
        guard let line = (builds ?? []).filter({ $0.kind == .battery && $0.quarter <= quarter }).max(by: { $0.quarter < $1.quarter }) else {
            return battery
        }
        return battery.inService(energyMWh: max(battery.energyMWh, line.energyMWh ?? 0), powerMW: max(battery.powerMW, line.powerMW ?? 0))
    }

    /// Battery energy and power in service in `quarter` beyond what was in place (``battery(in:_:)`` less `powerChain.battery`).
    public func batteryAdded(in quarter: Quarter, _ builds: [FacilityBuild]?) -> (energyMWh: Double, powerMW: Double) {
        guard let given = powerChain.battery, let now = battery(in: quarter, builds) else { return (0, 0) }
        return (now.energyMWh - given.energyMWh, now.powerMW - given.powerMW)
    }

    /// Battery energy and power each battery line of `builds` puts into service, with its quarter.
    public static func batteryEntries(_ builds: [FacilityBuild]?) -> [(quarter: Quarter, energyMWh: Double, powerMW: Double)] {
        (builds ?? []).filter { $0.kind == .battery }.map { ($0.quarter, max(0, $0.newEnergyMWh ?? 0), max(0, $0.newPowerMW ?? 0)) }
    }

    /// The design with every hall group that carries a build option replaced by the halls `builds` put in service,
    /// one single hall each (named as in the group, `name-i` in build order), from its quarter.
    public func asBuilt(_ builds: [FacilityBuild]?) -> ReferenceDesign {
        var design = self
        design.halls = halls.flatMap { group -> [HallGroup] in
            guard group.build != nil else { return [group] }
            let quarters = (builds ?? []).filter { $0.kind == .hall && $0.name == group.name }
                .sorted { $0.quarter < $1.quarter }
                .flatMap { Array(repeating: $0.quarter, count: max(0, $0.new)) }
            return zip(group.singles, quarters).map { hall, quarter in
                var built = hall
                built.availableFrom = quarter
                return built
            }
        }
        return design
    }
}

extension Site {
    /// The site with every feed that carries a build option energized from the quarter `builds` connected it, and
    /// those not connected removed.
    public func asBuilt(_ builds: [FacilityBuild]?) -> Site {
        var site = self
        site.grid.feeds = grid.feeds.compactMap { feed in
            guard feed.build != nil else { return feed }
            guard let first = (builds ?? []).filter({ $0.kind == .feed && $0.name == feed.name && $0.new > 0 }).map(\.quarter).min() else {
                return nil
            }
            var built = feed
            built.availableFrom = first
            return built
        }
        return site
    }
}

import PlantModel
import PlantPhysics
import Plans

/// The resolved inputs of one planning run: which profile may go into which hall from which quarter,
/// and what each rack costs every limit at the design condition.
public struct PlanningProblem: Sendable {
    public let design: ReferenceDesign
    public let site: Site
    public let catalog: Catalog
    public let quarters: [Quarter]
    /// Hall groups as planned (identical halls aggregated, or expanded to single halls).
    public let halls: [HallGroup]
    /// Allowed profiles, in the design's order.
    public let profiles: [RackProfile]
    /// What one rack of each profile costs every limit at the design condition on the site fabric, by profile id.
    public let coefficients: [String: RackCoefficients]
    /// The same in each planned hall, in the order of `halls`: a group with its own fabric charges its racks that fabric's
    /// power, on the hall's power path and in its air (``coefficients(_:)``).
    public let hallCoefficients: [[String: RackCoefficients]]
    /// The main water loop's design condition: the site's air side and the report's design condition.
    public let condition: DesignCondition
    /// Each water loop's plant, by loop index (the main loop first; README "Water loops").
    public let loops: [LoopPlant]
    /// The water loop of each planned hall, in the order of `halls`.
    public let hallLoops: [Int]
    /// (profile index, hall index, first quarter index) for every combination that may hold racks.
    public let eligible: [Eligibility]
    /// Why each allowed profile is kept out of a hall, and inputs the plan cannot use (``unusedInputs(design:site:)``), in words.
    public let exclusions: [String]
    /// Racks installed before the horizon, per eligibility: (quarter installed, racks), in the design's order.
    public let existing: [Int: [(installed: Quarter, racks: Int)]]
    /// Existing racks the problem cannot hold (hall or profile not eligible from the first quarter): the design field and why.
    public let unplaceableExisting: [(path: String, message: String)]
    /// The hall groups with a build option, by hall index: what the plan decides for them.
    public let hallBuilds: [Int: HallBuild]
    /// The site's feeds with a build option, in the site's order.
    public let feedBuilds: [FeedBuild]
    /// The hall groups with power blocks, by hall index: the first quarter index a block can be in service (`nil`: not
    /// within the horizon).
    public let powerBlockBuilds: [Int: PowerBlockBuild]
    /// The battery's ride-through, when the design asks for one (`powerChain.battery.rideThroughMinutes`).
    public let batteryRideThrough: BatteryRideThrough?

    /// The ride-through the battery must hold in every quarter (README "Facility decisions", "Battery"): its minutes at the
    /// facility's design MW, what is in place, and how the plan may add to it from the first quarter index `firstQuarter`
    /// (`nil`: no build option, or not within the horizon).
    public struct BatteryRideThrough: Sendable, Equatable {
        public var minutes: Double
        public var energyInPlaceMWh: Double
        public var powerInPlaceMW: Double
        public var build: BatteryBuild?
        public var firstQuarter: Int?
    }

    /// One water loop's plant (README "Water loops"): the design as the loop sees it (``ReferenceDesign/onLoop(_:)``), its
    /// design condition, and the plant and chiller modules the plan may add to it.
    public struct LoopPlant: Sendable {
        /// The loop's name (``ReferenceDesign/mainLoopName`` for the design's own plant).
        public let name: String
        /// The design with the loop's liquid cooling and plant.
        public let design: ReferenceDesign
        public let condition: DesignCondition
        /// The loop's heat-rejection modules, when it has them.
        public let plantModuleBuild: PlantModuleBuild?
        /// The loop's chiller modules, when it has them.
        public let chillerModuleBuild: ChillerModuleBuild?

        /// Capacity of the chiller row: installed chillers plus the credit (``DesignCondition/chillerCreditMW``; the chillers
        /// carry s × stream − credit), MW.
        public var chillerRowCapacityMW: Double { design.heatRejection.chillerCapacityMW + (condition.chillerCreditMW ?? 0) }

        /// Capacity of the chiller row with `plantModules` and `chillerModules` in service, MW.
        public func chillerRowCapacityMW(plantModules: Int, chillerModules: Int) -> Double {
            chillerRowCapacityMW + Double(plantModules) * (plantModuleBuild?.chillerRowMWPerModule ?? 0)
                + Double(chillerModules) * (chillerModuleBuild?.chillerRowMWPerModule ?? 0)
        }

        /// Chillers in service with `chillerModules` built (the `chiller_air` row's capacity), MW.
        public func chillerCapacityMW(chillerModules: Int) -> Double {
            design.heatRejection.chillerCapacityMW + Double(chillerModules) * (chillerModuleBuild?.capacityMW ?? 0)
        }

        /// The credit with `plantModules` and `chillerModules` in service: the chillers carry s × stream less it, MW (negative
        /// where chiller condensers take tower cells).
        public func chillerCreditMW(plantModules: Int, chillerModules: Int) -> Double {
            chillerRowCapacityMW(plantModules: plantModules, chillerModules: chillerModules) - chillerCapacityMW(chillerModules: chillerModules)
        }

        /// Heat the chillers carry at the design condition, MW: the racks' chiller load `loadMW` (s × stream and chilled air)
        /// less the credit with the modules in service, but never less than the chilled air `chilledAirMW`, which no credit
        /// cools, nor 0 (README "Chiller power"). A credit below 0 (tower cells all taken by condensers, where the linear
        /// credit runs on past the plant's) is taken as 0, as the plant's physics has it; the `chiller_heat` row keeps the
        /// linear credit, which only charges more.
        public func chillerHeatMW(loadMW: Double, chilledAirMW: Double, plantModules: Int, chillerModules: Int) -> Double {
            max(0, chilledAirMW, loadMW - max(0, chillerCreditMW(plantModules: plantModules, chillerModules: chillerModules)))
        }

        /// Grid power of the loop's chillers carrying ``chillerHeatMW(loadMW:chilledAirMW:plantModules:chillerModules:)`` at
        /// ``chillerFacilityMWPerMW``, MW.
        public func chillerPowerMW(loadMW: Double, chilledAirMW: Double, plantModules: Int, chillerModules: Int) -> Double {
            chillerFacilityMWPerMW * chillerHeatMW(loadMW: loadMW, chilledAirMW: chilledAirMW, plantModules: plantModules, chillerModules: chillerModules)
        }

        /// Whether the heat the loop's chillers carry is other than the racks' chiller load: the plant has a credit, or plant
        /// or chiller modules that change it. The planner then charges the chillers' power on a column of the loop's
        /// (`chiller_heat`) rather than per rack.
        public var chillerHeatVaries: Bool {
            design.heatRejection.hasChillers && ((condition.chillerCreditMW ?? 0) != 0 || plantModuleBuild.map { $0.chillerRowMWPerModule != 0 } == true
                                                  || chillerModuleBuild != nil)
        }

        /// Grid MW per MW of heat the loop's chillers carry (``RackCoefficients/chillerFacilityMWPerMW(design:)``).
        public var chillerFacilityMWPerMW: Double { RackCoefficients.chillerFacilityMWPerMW(design: design) }

        /// Heat the plant rejects at the design condition with `plantModules` in service (no chillers), MW.
        public func rejectionCapacityMW(plantModules: Int) -> Double {
            condition.rejectionCapacityMW + Double(plantModules) * (plantModuleBuild?.rejectionMWPerModule ?? 0)
        }

        /// Row and column name piece of the loop: `nil` on the main loop, whose rows keep their one-loop names.
        public var rowID: String? { isMain ? nil : Formulation.id(name) }

        /// What the loop's plant rows are about in reports: `nil` on the main loop, else the loop's name.
        public var subject: String? { isMain ? nil : name }

        /// What the loop's chilled-air row is about in reports (``chilledAirSubject(onLoop:)``).
        public var chilledAirSubject: String { Self.chilledAirSubject(onLoop: subject) }

        /// `chilled air` for the main loop's chilled-air row (`loop` nil), `chilled air on LOOP` for another loop's.
        public static func chilledAirSubject(onLoop loop: String?) -> String { loop.map { "chilled air on \($0)" } ?? "chilled air" }

        private var isMain: Bool { name == ReferenceDesign.mainLoopName }
    }

    /// Power blocks the plan may add to a planned hall group's halls: the first quarter index one can be in service
    /// (`nil`: not within the horizon), the most the group takes (`perHall` × its halls) and the IT MW one lets a hall carry.
    public struct PowerBlockBuild: Sendable, Equatable {
        public var firstQuarter: Int?
        public var most: Int
        public var usableMWPerBlock: Double
    }

    /// Plant modules the plan may add: the first quarter index one can be in service (`nil`: not within the horizon) and
    /// the heat one module takes at the design condition (the plant's `rejectionCapacityMW` × the module's share of the
    /// plant's rating: identical exchangers at the same temperatures reject in proportion to their size), MW.
    public struct PlantModuleBuild: Sendable, Equatable {
        public var firstQuarter: Int?
        public var rejectionMWPerModule: Double
        /// What one module adds to the chiller row on a plant with chillers (``DesignCondition/chillerCreditMWPerPlantModule``), MW.
        public var chillerRowMWPerModule: Double
    }

    /// Chiller modules the plan may add: the first quarter index one can be in service (`nil`: not within the horizon),
    /// the cooling one adds (the `chiller_air` row's gain) and what it adds to the `chiller` row: its cooling and its
    /// change of the plant's credit (``DesignCondition/chillerCreditMWPerChillerModule``, ≤ 0 on a tower), MW.
    public struct ChillerModuleBuild: Sendable, Equatable {
        public var firstQuarter: Int?
        public var capacityMW: Double
        public var chillerRowMWPerModule: Double
    }

    /// A hall group the plan may build: its design group, its place in it when the problem plans the group's halls
    /// one by one, and the first quarter index it can be in service (`nil`: not within the horizon).
    public struct HallBuild: Sendable, Equatable {
        public var designGroup: Int
        /// Index of the hall within its design group when the problem holds it as a single hall; `nil` for the group.
        public var member: Int?
        public var firstQuarter: Int?
    }

    /// A grid feed the plan may connect: its index in `site.grid.feeds` and the first quarter index it can be
    /// energized (`nil`: not within the horizon).
    public struct FeedBuild: Sendable, Equatable {
        public var feed: Int
        public var firstQuarter: Int?
    }

    /// A profile/hall pair that may hold racks from `firstQuarter` on.
    public struct Eligibility: Sendable, Equatable {
        public var profile: Int
        public var hall: Int
        public var firstQuarter: Int
    }

    public init(design: ReferenceDesign, site: Site, catalog: Catalog, halls: [HallGroup]? = nil) {
        self.design = design
        self.site = site
        self.catalog = catalog
        quarters = design.horizon.quarters
        self.halls = halls ?? Self.expandingExisting(design)
        profiles = design.profiles.compactMap(catalog.profile)
        let quarters = self.quarters
        func index(_ q: Quarter) -> Int? { quarters.firstIndex { $0 >= q } }
        let loops = (0..<design.loopCount).map { l in Self.loopPlant(design.onLoop(l), name: design.loopName(l), site: site, index: index) }
        self.loops = loops
        let condition = loops[0].condition
        self.condition = condition
        hallLoops = self.halls.map(design.loopIndex)
        let profiles = self.profiles
        func racks(on fabric: Fabric, inHall: Bool, loop l: Int) -> [String: RackCoefficients] {
            var design = loops[l].design
            design.fabric = fabric
            return Dictionary(uniqueKeysWithValues: profiles.map {
                ($0.id, RackCoefficients(profile: $0, design: design, condition: loops[l].condition, fabricInHall: inHall))
            })
        }
        let onSiteFabric = racks(on: design.fabric, inHall: false, loop: 0)
        let onLoop = loops.indices.map { $0 == 0 ? onSiteFabric : racks(on: design.fabric, inHall: false, loop: $0) }
        coefficients = onSiteFabric
        hallCoefficients = zip(self.halls, hallLoops).map { hall, l in hall.fabric.map { racks(on: $0, inHall: true, loop: l) } ?? onLoop[l] }
        var eligible: [Eligibility] = []
        var exclusions: [String] = []
        for (h, hall) in self.halls.enumerated() {
            for (p, profile) in profiles.enumerated() {
                // With one loop, validation refuses a design too warm for a profile; with several, the profile goes where it can.
                var reasons = hall.refusals(of: profile, loop: design.coolantLoop(of: hall))
                if profile.liquidShare < 1, let air = condition.economizerAirC, air > profile.maxAirInletC {
                    reasons.append("economizer air \((air * 10).rounded() / 10) °C at the design condition > rack inlet limit "
                        + "\(profile.maxAirInletC) °C (chill the air: airCooling.chilled)")
                }
                let from = max(profile.availableFrom, hall.earliestService(horizonFirst: design.horizon.first))
                guard let first = quarters.firstIndex(where: { $0 >= from }) else {
                    reasons.append("could stand there only from \(from), after the horizon ends (\(design.horizon.last))")
                    exclusions.append("\(profile.id) not in \(hall.name): " + reasons.joined(separator: "; "))
                    continue
                }
                if reasons.isEmpty {
                    eligible.append(Eligibility(profile: p, hall: h, firstQuarter: first))
                } else {
                    exclusions.append("\(profile.id) not in \(hall.name): " + reasons.joined(separator: "; "))
                }
            }
        }
        self.eligible = eligible
        var existing: [Int: [(installed: Quarter, racks: Int)]] = [:]
        var unplaceable: [(path: String, message: String)] = []
        let halls = self.halls
        for (i, entry) in (design.existingRacks ?? []).enumerated() {
            let e = eligible.firstIndex { halls[$0.hall].count == 1 && halls[$0.hall].name == entry.hall
                && profiles[$0.profile].id == entry.profile }
            if let e, eligible[e].firstQuarter == 0 {
                existing[e, default: []].append((entry.installedQuarter, entry.racks))
            } else {
                // The eligibility rules' own words where they keep the profile out; else it may enter only later.
                let why = e.map { ": it may stand there only from \(quarters[eligible[$0].firstQuarter])" }
                    ?? exclusions.last { $0.hasPrefix("\(entry.profile) not in \(entry.hall): ") }
                    .map { ": " + $0.dropFirst("\(entry.profile) not in \(entry.hall): ".count) } ?? ""
                unplaceable.append(("existingRacks[\(i)].profile", "\(entry.racks) existing \(entry.profile) racks cannot stand in "
                    + "\(entry.hall) from \(quarters.first.map(\.description) ?? "the first quarter")\(why); name a hall that takes them, or "
                    + "leave them out of existingRacks"))
            }
        }
        self.existing = existing
        unplaceableExisting = unplaceable
        self.exclusions = exclusions + Self.unusedInputs(design: design, site: site)
        var hallBuilds: [Int: HallBuild] = [:]
        for (h, hall) in halls.enumerated() {
            guard let (g, member) = Self.origin(of: hall, in: design), design.halls[g].build != nil else { continue }
            hallBuilds[h] = HallBuild(designGroup: g, member: member,
                                      firstQuarter: index(hall.earliestService(horizonFirst: design.horizon.first)))
        }
        self.hallBuilds = hallBuilds
        feedBuilds = site.grid.feeds.enumerated().compactMap { f, feed in
            feed.build == nil ? nil : FeedBuild(feed: f, firstQuarter: index(feed.earliestService(horizonFirst: design.horizon.first)))
        }
        var powerBlockBuilds: [Int: PowerBlockBuild] = [:]
        for (h, hall) in halls.enumerated() {
            guard let blocks = hall.powerBlocks, let first = hall.powerBlockEarliestService(horizonFirst: design.horizon.first) else { continue }
            powerBlockBuilds[h] = PowerBlockBuild(firstQuarter: index(first), most: blocks.perHall * hall.count,
                                                  usableMWPerBlock: hall.usableMWPerBlock)
        }
        self.powerBlockBuilds = powerBlockBuilds
        batteryRideThrough = design.powerChain.battery.flatMap { battery in
            battery.rideThroughMinutes.map { minutes in
                BatteryRideThrough(minutes: minutes, energyInPlaceMWh: battery.energyMWh, powerInPlaceMW: battery.powerMW, build: battery.build,
                                   firstQuarter: battery.build.flatMap { index($0.earliestService(horizonFirst: design.horizon.first)) })
            }
        }
    }

    /// Loop `design`'s plant (``ReferenceDesign/onLoop(_:)``) at its design condition, with its modules' first quarter index
    /// by `index`.
    static func loopPlant(_ design: ReferenceDesign, name: String, site: Site, index: (Quarter) -> Int?) -> LoopPlant {
        let condition = DesignCondition(design: design, site: site), hr = design.heatRejection
        let plant = hr.modules.map { modules in
            PlantModuleBuild(firstQuarter: index(modules.earliestService(horizonFirst: design.horizon.first)),
                             rejectionMWPerModule: hr.moduleRejectionMW(plantRejectionMW: condition.rejectionCapacityMW)!,
                             chillerRowMWPerModule: condition.chillerCreditMWPerPlantModule ?? 0)
        }
        let chillers = hr.chillerModules.map { modules in
            ChillerModuleBuild(firstQuarter: index(modules.earliestService(horizonFirst: design.horizon.first)), capacityMW: modules.capacityMW,
                               chillerRowMWPerModule: modules.capacityMW + (condition.chillerCreditMWPerChillerModule ?? 0))
        }
        return LoopPlant(name: name, design: design, condition: condition, plantModuleBuild: plant, chillerModuleBuild: chillers)
    }

    /// Inputs the plan cannot use, in words: existing racks past `rackLifeYears` before the horizon begins (retired in its first
    /// quarter) and feeds to connect whose earliest service is after it ends; both are most often a mistyped quarter or life.
    static func unusedInputs(design: ReferenceDesign, site: Site) -> [String] {
        var notes: [String] = []
        let horizon = design.horizon
        if let life = design.economics.rackLifeQuarters, let years = design.economics.rackLifeYears {
            for (i, entry) in (design.existingRacks ?? []).enumerated() where entry.installedQuarter.advanced(by: life) <= horizon.first {
                notes.append("existingRacks[\(i)]: \(entry.racks) × \(entry.profile) in \(entry.hall) are out of life from "
                    + "\(entry.installedQuarter.advanced(by: life)) (installed \(entry.installedQuarter), economics.rackLifeYears \(format(years))), "
                    + "by the horizon's first quarter: retired in \(horizon.first) without serving")
            }
        }
        for feed in site.grid.feeds where feed.build != nil {
            let from = feed.earliestService(horizonFirst: horizon.first)
            if from > horizon.last {
                notes.append("feed \(feed.name) not connected: its earliest service (\(from)) is after the horizon ends (\(horizon.last))")
            }
        }
        return notes
    }

    /// The design group a planned hall comes from, and its index in the group when it is one of the group's single
    /// halls (`nil` when it is the group).
    static func origin(of hall: HallGroup, in design: ReferenceDesign) -> (group: Int, member: Int?)? {
        for (g, group) in design.halls.enumerated() {
            if group.name == hall.name, group.count == hall.count { return (g, nil) }
            if hall.count == 1, group.count > 1, let i = (0..<group.count).first(where: { group.hallName($0) == hall.name }) { return (g, i) }
        }
        return nil
    }

    /// Feeds given (without a build option) in service in quarter t.
    func givenFeeds(in t: Int) -> [Feed] { site.grid.feedsInService(in: quarters[t]).filter { $0.build == nil } }

    /// Annual cost of a built item: its capex annualized over its life (else the facility's) at the design's discount
    /// rate, plus its fixed opex, USD per year.
    func annualCostUSD(_ option: BuildOption) -> Double {
        design.economics.annualCostUSD(option)
    }

    /// The design's halls, with every group that holds existing racks split into single halls (existing racks
    /// name the hall they stand in).
    static func expandingExisting(_ design: ReferenceDesign) -> [HallGroup] {
        let named = Set((design.existingRacks ?? []).map(\.hall))
        return design.halls.flatMap { hall in
            (0..<hall.count).contains { named.contains(hall.hallName($0)) } ? hall.singles : [hall]
        }
    }

    /// Whether the plan decides retirements: only when the design speaks of them (existing racks, a rack life, a
    /// residual share or a decommissioning cost). The `retire` columns double the integer columns, and GLPK then
    /// finds no plan for the 24-hall test campus within 60 s; designs that say nothing of retirement plan as before.
    public var allowsRetirement: Bool { design.decidesRetirement }

    /// Racks of eligibility e installed before the horizon.
    func existingRacks(_ e: Int) -> Int { existing[e]?.reduce(0) { $0 + $1.racks } ?? 0 }

    /// Existing racks of eligibility e still within their asset life in quarter t (all of them without one).
    func existingInLife(_ e: Int, quarter t: Int) -> Int {
        guard let life = design.economics.rackLifeQuarters else { return existingRacks(e) }
        return existing[e]?.filter { quarters[t].ordinal - $0.installed.ordinal < life }.reduce(0) { $0 + $1.racks } ?? 0
    }

    /// Net capex of retiring one rack of a profile: decommissioning less the residual share of its capex, USD.
    func retirementCapexUSD(_ profile: RackProfile) -> Double {
        decommissioningUSDPerRack - (design.economics.rackResidualShare ?? 0) * design.rackCapexUSD(profile)
    }

    /// Cost of taking one rack out, USD.
    var decommissioningUSDPerRack: Double { design.economics.decommissioningUSDPerRack ?? 0 }

    /// Tokens/s one rack of a profile serves on a workload, if it can.
    func rackTokensPerSecond(_ profile: RackProfile, _ workload: String) -> Double? {
        profile.tokensPerSecondPerGPU(workload).map { $0 * Double(profile.gpusPerRack) }
    }

    /// Tokens/s one rack of a profile serves on the workload of the mix it serves best (0 for none).
    func bestRackTokensPerSecond(_ profile: RackProfile) -> Double {
        design.workloadMix.compactMap { rackTokensPerSecond(profile, $0.workload) }.max() ?? 0
    }

    /// A rack's annuity for one quarter: its capex × the capital recovery factor over ``ReferenceDesign/rackRecoveryYears``
    /// / 4, USD, charged in each of ``chargedQuarters(boughtIn:)``.
    func quarterlyCapitalCostUSD(_ profile: RackProfile) -> Double {
        design.rackCapexUSD(profile) * design.economics.capitalRecoveryFactor(years: design.rackRecoveryYears) / TimeBase.quartersPerYear
    }

    /// Quarters of annuity a rack bought in quarter t is charged: its recovery period (``ReferenceDesign/rackRecoveryQuarters``)
    /// from t, cut at the horizon's end, whether or not it is retired before.
    func chargedQuarters(boughtIn t: Int) -> Int { min(quarters.count - t, design.rackRecoveryQuarters) }

    /// The demanded share of token capacity that costs are counted at (``ReferenceDesign/meanUtilization``).
    public var utilization: Double { design.meanUtilization }

    /// Grid power one rack of `profile` draws on average at ``utilization``, MW (``RackCoefficients/averageFacilityMW(profile:utilization:powerChain:)``
    /// of `c`, its coefficients in its hall).
    func averageFacilityMW(_ profile: RackProfile, _ c: RackCoefficients) -> Double {
        c.averageFacilityMW(profile: profile, utilization: utilization, powerChain: design.powerChain)
    }

    /// What one rack of eligibility e costs every limit: its profile's coefficients in its hall.
    func coefficients(_ e: Int) -> RackCoefficients { hallCoefficients[eligible[e].hall][profiles[eligible[e].profile].id]! }

    /// The part of the facility MW of one rack of eligibility e that its stock carries: its ``RackCoefficients/facilityMW``,
    /// less its chillers' power on a loop whose chillers' heat varies (``LoopPlant/chillerHeatVaries``), where the loop's
    /// `chiller_heat` carries that (``chillerPowerMW(racks:plantModules:chillerModules:atMeanLoad:)``), MW.
    func stockFacilityMW(_ e: Int) -> Double {
        let c = coefficients(e), loop = loops[hallLoops[eligible[e].hall]]
        return loop.chillerHeatVaries ? c.facilityMW - loop.chillerFacilityMWPerMW * c.chillerLoadMW : c.facilityMW
    }

    /// Grid power of the chillers on loops whose chillers' heat varies, with `racks(e)` racks of each eligibility and
    /// `plantModules(l)` and `chillerModules(l)` in service on each loop: the heat they carry
    /// (``LoopPlant/chillerHeatMW(loadMW:chilledAirMW:plantModules:chillerModules:)``) at
    /// ``LoopPlant/chillerFacilityMWPerMW``, MW; 0 on other designs, whose racks carry it. With `atMeanLoad`, each rack's
    /// chiller load is taken at its ``averageHeatShare(_:)`` (the energy figures'), else at full load.
    func chillerPowerMW(racks: (Int) -> Double, plantModules: (Int) -> Int, chillerModules: (Int) -> Int, atMeanLoad: Bool = false) -> Double {
        var power = 0.0
        for (l, loop) in loops.enumerated() where loop.chillerHeatVaries {
            var load = 0.0, chilledAir = 0.0
            for e in eligible.indices where hallLoops[eligible[e].hall] == l {
                let share = atMeanLoad ? averageHeatShare(e) : 1
                load += racks(e) * share * coefficients(e).chillerLoadMW
                chilledAir += racks(e) * share * coefficients(e).chilledAirMW
            }
            power += loop.chillerPowerMW(loadMW: load, chilledAirMW: chilledAir, plantModules: plantModules(l), chillerModules: chillerModules(l))
        }
        return power
    }

    /// Facility power at full load and design ambient (the `site_power` rows' left side) of `racks(e)` racks of each
    /// eligibility, MW: what the racks' stock carries (``stockFacilityMW(_:)``) and `chillerPowerMW`, the chillers' power
    /// where the loops carry it (``chillerPowerMW(racks:plantModules:chillerModules:atMeanLoad:)`` of the same racks).
    func facilityMW(racks: (Int) -> Double, chillerPowerMW: Double) -> Double {
        eligible.indices.reduce(0.0) { $0 + racks($1) * stockFacilityMW($1) } + chillerPowerMW
    }

    /// What one rack of `profile` costs every limit in the single hall or group `name` of the plan (its group's fabric); on
    /// the site fabric for a name no planned hall has; `nil` for a profile the design does not allow.
    public func coefficients(_ profile: RackProfile, inHall name: String) -> RackCoefficients? {
        (hallIndex(named: name).map { hallCoefficients[$0] } ?? coefficients)[profile.id]
    }

    /// The water loop of the single hall or group `name` of the plan (the main loop for a name no planned hall has).
    public func loop(ofHall name: String) -> Int { hallIndex(named: name).map { hallLoops[$0] } ?? 0 }

    /// The planned hall (group) that holds the single hall `name`.
    func hallIndex(named name: String) -> Int? {
        halls.indices.first { h in (0..<halls[h].count).contains { halls[h].hallName($0) == name } }
    }

    /// Running cost of one rack of eligibility e for one quarter: energy at ``utilization`` on the average grid power its
    /// stock carries (``stockAverageFacilityMW(_:_:loop:)``) plus facility opex on the full-load facility MW its stock
    /// carries (``stockFacilityMW(_:)``), USD.
    func quarterlyRunningCostUSD(_ e: Int) -> Double {
        let l = hallLoops[eligible[e].hall]
        return quarterlyEnergyUSD(averageMW: stockAverageFacilityMW(profiles[eligible[e].profile], coefficients(e), loop: l))
            + stockFacilityMW(e) * quarterlyFacilityOpexUSDPerMW
    }

    /// Facility opex of one MW of full-load facility power for one quarter, USD.
    var quarterlyFacilityOpexUSDPerMW: Double { design.economics.facilityOpexUSDPerMWYear / TimeBase.quartersPerYear }

    /// Energy of `averageMW` drawn for one quarter at the site's price, USD.
    func quarterlyEnergyUSD(averageMW: Double) -> Double { averageMW * site.energyPriceUSDPerMWh * TimeBase.hoursPerQuarter }

    /// The share of its full-load heat a rack of eligibility e gives off on average at ``utilization``
    /// (``RackCoefficients/averageHeatShare(profile:utilization:)``).
    func averageHeatShare(_ e: Int) -> Double {
        coefficients(e).averageHeatShare(profile: profiles[eligible[e].profile], utilization: utilization)
    }

    /// The part of the average grid power of one rack of `profile` (coefficients `c`) on water loop `l` that its stock
    /// carries: ``averageFacilityMW(_:_:)``, less its chillers' power at its average load on a loop whose chillers' heat
    /// varies, where the loop's chillers at the fleet's mean load carry that
    /// (``chillerPowerMW(racks:plantModules:chillerModules:atMeanLoad:)``), MW.
    func stockAverageFacilityMW(_ profile: RackProfile, _ c: RackCoefficients, loop l: Int) -> Double {
        let average = averageFacilityMW(profile, c), loop = loops[l]
        guard loop.chillerHeatVaries else { return average }
        return average - loop.chillerFacilityMWPerMW * c.averageHeatShare(profile: profile, utilization: utilization) * c.chillerLoadMW
    }

    /// Annualized facility capex of the given halls (those without a build option) in service in quarter t, for one
    /// quarter, USD: the halls the plan builds carry their own cost on their columns.
    func quarterlyFacilityCapitalUSD(_ t: Int) -> Double {
        design.givenFacilityCapitalUSDPerYear(in: quarters[t]) / TimeBase.quartersPerYear
    }
}

import LinearProgramming
import PlantModel
import Plans

/// Works out why the best plan has no rack: the limits that one purchase unit of each allowed profile
/// already exceeds on its own, where it could first be installed (a unit that fits nowhere cannot be
/// bought), the profiles no hall admits, and workloads no allowed profile serves.
enum NoRackAnalysis {
    /// Need above capacity by more than this share counts as blocking (rounding of the coefficients).
    static let tolerance = 1e-9

    static func diagnose(_ f: Formulation) -> NoRackDiagnosis {
        let problem = f.problem
        // Which capacity rows each column appears in, with its coefficient.
        var rowsOf: [VariableID: [(row: Int, coefficient: Double)]] = [:]
        for (i, info) in f.rows.enumerated() where info.family.isCapacity && f.model.constraints[i].upperBound != nil {
            for term in f.model.constraints[i].terms { rowsOf[term.variable, default: []].append((i, term.coefficient)) }
        }
        var blockers: [NoRackDiagnosis.Blocker] = []
        var seen = Set<String>()
        // What the plan may build on a row (halls, feeds, modules, power blocks at their most; a battery without bound) is
        // capacity too: a row that building can relieve enough blocks nothing.
        let built = Set(f.facilityBuildColumns + f.batteryColumns)
        func buildable(_ row: Int) -> Double {
            Formulation.builtCapacity(f.model.constraints[row].terms, among: built) { f.model.variables[$0.index].upperBound ?? .infinity }
        }
        /// Whether a unit's need exceeds a capacity beyond the coefficients' rounding.
        func exceeds(_ needed: Double, _ capacity: Double) -> Bool { needed > capacity + tolerance * max(1, abs(capacity)) }
        /// Each profile's budget blocker at the least capex one unit needs, with what must be built for it.
        var budgetNeeds: [String: NoRackDiagnosis.Blocker] = [:]
        for (e, el) in problem.eligible.enumerated() {
            let t = el.firstQuarter
            guard let n = f.stock[e]?[t], let b = f.build[e]?[t] else { continue }
            let profile = problem.profiles[el.profile]
            let unit = problem.design.unitRacks(profile.id)
            // On a loop whose `chiller_heat` carries the chillers' power, a unit alone loads the chillers with what its chiller
            // load leaves beyond the credit (with every plant module the loop may build).
            let l = problem.hallLoops[el.hall], loop = problem.loops[l], c = problem.coefficients(e)
            let heatColumn = f.chillerHeat[l]?[t]
            let unitHeat = heatColumn == nil ? 0
                : loop.chillerHeatMW(loadMW: Double(unit) * c.chillerLoadMW, chilledAirMW: Double(unit) * c.chilledAirMW,
                                     plantModules: loop.plantModuleBuild == nil ? 0 : loop.design.heatRejection.modules?.count ?? 0,
                                     chillerModules: 0)
            let uses = (rowsOf[n] ?? []).map { use in
                (use.row, use.coefficient * Double(unit)
                    + unitHeat * (f.model.constraints[use.row].terms.first { $0.variable == heatColumn }?.coefficient ?? 0))
            } + (rowsOf[b] ?? []).map { ($0.row, $0.coefficient) }
            for (i, needed) in uses {
                let row = f.model.constraints[i], info = f.rows[i]
                guard let limit = row.upperBound else { continue }
                var capacity = limit + buildable(i)
                // A group of identical halls planned as one pools their capacity in its rows, but a unit stands in one hall.
                var halls: Int?
                if let k = Formulation.perHallFamilies.firstIndex(of: info.family),
                   let g = problem.halls.firstIndex(where: { $0.name == info.subject }), problem.halls[g].count > 1 {
                    // With every power block a hall may have by then (none where none can be in service yet).
                    let group = problem.halls[g], blocks = f.powerBlocks[g]?[t] == nil ? 0 : group.powerBlocks?.perHall ?? 0
                    capacity = group.perHallLimits(blocks: blocks)[k]
                    halls = group.count
                }
                if info.family == .budget {
                    // A hall with a build option holds the unit only once built, and a hall with power blocks to build only with
                    // the blocks its power needs beyond the hall's own: their capex counts too.
                    let hall = problem.halls[el.hall], shell = hall.build?.capexUSD ?? 0
                    var blocks = 0
                    if problem.powerBlockBuilds[el.hall] != nil, let option = hall.powerBlocks {
                        blocks = hall.powerBlocksNeeded(forMW: Double(unit) * problem.coefficients(e).hallPowerMW, tolerance: tolerance)
                        guard blocks <= option.perHall else { continue }
                    }
                    // A battery sized to a ride-through at the facility's design MW grows with the unit beyond what is in place.
                    var battery: (build: BatteryBuild, mwh: Double, mw: Double)?
                    if let ride = problem.batteryRideThrough, let build = ride.build, let first = ride.firstQuarter, first <= t {
                        let mw = Double(unit) * problem.stockFacilityMW(e) + unitHeat * loop.chillerFacilityMWPerMW
                        let added = (mwh: max(0, mw * ride.minutes / 60 - ride.energyInPlaceMWh), mw: max(0, mw - ride.powerInPlaceMW))
                        if added.mwh > 0 || added.mw > 0 { battery = (build, added.mwh, added.mw) }
                    }
                    let total = needed + shell + Double(blocks) * (hall.powerBlocks?.build.capexUSD ?? 0)
                        + (battery.map { $0.build.capexUSD(energyMWh: $0.mwh, powerMW: $0.mw) } ?? 0)
                    if budgetNeeds[profile.id].map({ total < $0.needed }) ?? true {
                        budgetNeeds[profile.id] = .init(profile: profile.id, unitRacks: unit, family: .budget, quarter: info.quarter, hall: nil,
                                                        hallToBuild: hall.build == nil ? nil : hall.name, powerBlocksToBuild: blocks > 0 ? blocks : nil,
                                                        batteryToBuild: battery.map { .init(energyMWh: $0.mwh, powerMW: $0.mw) },
                                                        needed: total, capacity: capacity, unit: info.family.unit)
                    }
                    continue
                }
                guard exceeds(needed, capacity) else { continue }
                guard seen.insert("\(profile.id)|\(row.name)").inserted else { continue }
                let hall = [ConstraintFamily.floor, .hallPower, .liquid, .air, .network].contains(info.family) ? info.subject : nil
                let loopName = [ConstraintFamily.heatRejection, .chiller].contains(info.family)
                    ? problem.loops.first { $0.subject != nil && (info.subject == $0.subject || info.subject == $0.chilledAirSubject) }?.name : nil
                blockers.append(.init(profile: profile.id, unitRacks: unit, family: info.family, quarter: info.quarter, hall: hall, loop: loopName,
                                      hallsInGroup: halls, needed: needed, capacity: capacity, unit: info.family.unit))
            }
        }
        blockers += budgetNeeds.sorted { $0.key < $1.key }.map(\.value)
            .filter { exceeds($0.needed, $0.capacity) }
        let eligibleProfiles = Set(problem.eligible.map(\.profile))
        let unserved = problem.design.workloadMix.filter { share in
            share.share > 0 && !eligibleProfiles.contains { problem.rackTokensPerSecond(problem.profiles[$0], share.workload) != nil }
        }.map(\.workload)
        return NoRackDiagnosis(blockers: blockers, exclusions: problem.exclusions, unservedWorkloads: unserved,
                               condition: problem.condition, supplySetPointC: problem.design.liquidCooling?.facilitySupplyTempC)
    }
}

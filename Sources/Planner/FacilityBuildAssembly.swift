import PlantModel
import Plans

/// The facility decisions of a solved plan (`plan.json` `facilityBuilds`): halls per design group, feeds, plant and chiller modules,
/// each hall's power blocks, and the battery's energy and power, by quarter.
enum FacilityBuildAssembly {
    /// One line per hall group, feed, each water loop's plant modules and chiller modules (`plantModules`, `chillerModules`: by
    /// loop and quarter) with a build option, and per hall with power blocks (as the
    /// placement gives them, `powerBlocks`: per planned hall, quarter and hall of the group), and quarter from the first
    /// one in service, in the design's and site's order; `nil` when nothing has a build option.
    static func builds(problem: PlanningProblem, halls: [Int: [Int]], feeds: [Int: [Int]], plantModules: [[Int]], chillerModules: [[Int]],
                       powerBlocks: [Int: [[Int]]], battery: [(energyMWh: Double, powerMW: Double)]) -> [FacilityBuild]? {
        guard !problem.hallBuilds.isEmpty || !problem.feedBuilds.isEmpty
                || problem.loops.contains(where: { $0.plantModuleBuild != nil || $0.chillerModuleBuild != nil })
                || !problem.powerBlockBuilds.isEmpty || !battery.isEmpty
        else { return nil }
        var lines: [FacilityBuild] = []
        func add(_ kind: FacilityBuild.Kind, _ name: String, _ inService: [Int]) {
            for (t, n) in inService.enumerated() where n > 0 {
                lines.append(FacilityBuild(quarter: problem.quarters[t], kind: kind, name: name, new: n - (t > 0 ? inService[t - 1] : 0), inService: n))
            }
        }
        for (g, group) in problem.design.halls.enumerated() where group.build != nil {
            // The group's halls in service: summed over the problem's halls that come from it (the group, or its singles).
            var total = [Int](repeating: 0, count: problem.quarters.count)
            for h in problem.hallBuilds.keys.sorted() where problem.hallBuilds[h]!.designGroup == g {
                for (t, n) in (halls[h] ?? []).enumerated() { total[t] += n }
            }
            add(.hall, group.name, total)
        }
        for build in problem.feedBuilds { add(.feed, problem.site.grid.feeds[build.feed].name, feeds[build.feed] ?? []) }
        for (l, loop) in problem.loops.enumerated() {
            if loop.plantModuleBuild != nil { add(.plantModule, problem.design.plantModuleLineName(l), plantModules[l]) }
            if loop.chillerModuleBuild != nil { add(.chillerModule, problem.design.chillerModuleLineName(l), chillerModules[l]) }
        }
        for g in powerBlocks.keys.sorted() {
            let hall = problem.halls[g]
            for i in 0..<hall.count { add(.powerBlock, hall.hallName(i), powerBlocks[g]!.map { $0[i] }) }
        }
        // The battery: a line in every quarter from the first added battery can be in service.
        if let ride = problem.batteryRideThrough, let first = ride.firstQuarter {
            for t in first..<min(battery.count, problem.quarters.count) {
                let before = t > 0 ? battery[t - 1] : (ride.energyInPlaceMWh, ride.powerInPlaceMW)
                lines.append(.battery(quarter: problem.quarters[t], energyMWh: battery[t].energyMWh, powerMW: battery[t].powerMW,
                                      newEnergyMWh: PlanAssembly.rounded(battery[t].energyMWh - before.0),
                                      newPowerMW: PlanAssembly.rounded(battery[t].powerMW - before.1)))
            }
        }
        return lines
    }
}

import LinearProgramming
import PlantModel
import PlantPhysics
import Plans

extension Formulation {
    /// `halls_built(hall,t)`: halls of a group with a build option in service in quarter t (integer, 0 to the group's
    /// count), from the first quarter it can be in service on; `feed_built(feed,t)`: 1 when a feed with a build option
    /// is energized in t; `plant_modules(heat_rejection,t)`: plant modules in service (0 to their count);
    /// `chiller_modules(chillers,t)`: chiller modules in service (0 to their count) (on another water loop
    /// `plant_modules(loop,t)` and `chiller_modules(loop,t)`); `power_blocks(hall,t)`
    /// (``definePowerBlockColumns()``). Each is non-decreasing (`build_order` rows: what is built stays), costs its annual cost for each
    /// quarter in service, and its capex once (on the last quarter's column, which counts everything built). Single halls
    /// of one design group are built in order (`build_order` rows between them), so the halls built are always the
    /// group's first ones and identical halls are not told apart by the solver.
    mutating func defineFacilityBuildColumns() {
        for h in problem.hallBuilds.keys.sorted() {
            let build = problem.hallBuilds[h]!, hall = problem.halls[h]
            guard let first = build.firstQuarter else { continue }
            let option = problem.design.halls[build.designGroup].build!
            hallBuilt[h] = defineBuildSeries("halls_built", Self.id(hall.name), subject: hall.name, from: first, upTo: Double(hall.count),
                                             option: option)
        }
        // Single halls of the same design group: hall i+1 is not built before hall i.
        let singles = problem.hallBuilds.keys.sorted().filter { problem.hallBuilds[$0]!.member != nil && hallBuilt[$0] != nil }
        for (a, b) in zip(singles, singles.dropFirst()) where problem.hallBuilds[a]!.designGroup == problem.hallBuilds[b]!.designGroup {
            for t in hallBuilt[b]!.keys.sorted() {
                guard let earlier = hallBuilt[a]![t] else { continue }
                addRow("\(ConstraintFamily.buildOrder.rawValue)(halls_built,\(Self.id(problem.halls[a].name)),\(Self.id(problem.halls[b].name)),\(q(t)))",
                       [Term(earlier, 1), Term(hallBuilt[b]![t]!, -1)], lower: 0, .buildOrder, problem.quarters[t], problem.halls[b].name)
            }
        }
        definePowerBlockColumns()
        for (l, loop) in problem.loops.enumerated() {
            let hr = loop.design.heatRejection, onLoop = loop.rowID.map { _ in " of water loop \(loop.name)" } ?? ""
            if let first = loop.plantModuleBuild?.firstQuarter, let modules = hr.modules {
                plantBuilt[l] = defineBuildSeries("plant_modules", loop.rowID ?? "heat_rejection", subject: "heat-rejection modules" + onLoop,
                                                  from: first, upTo: Double(modules.count), option: modules.build)
            }
            if let first = loop.chillerModuleBuild?.firstQuarter, let modules = hr.chillerModules {
                chillerBuilt[l] = defineBuildSeries("chiller_modules", loop.rowID ?? "chillers", subject: "chiller modules" + onLoop,
                                                    from: first, upTo: Double(modules.count), option: modules.build)
            }
        }
        for build in problem.feedBuilds {
            guard let first = build.firstQuarter else { continue }
            let feed = problem.site.grid.feeds[build.feed]
            feedBuilt[build.feed] = defineBuildSeries("feed_built", Self.id(feed.name), subject: feed.name, from: first, upTo: 1,
                                                      option: feed.build!)
        }
    }

    /// `power_blocks(hall,t)`: power blocks in service in a hall group's halls (integer, 0 to `perHall` × count), from the
    /// first quarter one can be in service, non-decreasing; of a group the plan builds, at most `perHall` per hall built:
    /// `power_blocks_per_hall(hall,t)`: power_blocks − perHall × halls_built ≤ 0.
    private mutating func definePowerBlockColumns() {
        for h in problem.powerBlockBuilds.keys.sorted() {
            let build = problem.powerBlockBuilds[h]!, hall = problem.halls[h], id = Self.id(hall.name)
            guard let first = build.firstQuarter, let blocks = hall.powerBlocks else { continue }
            let columns = defineBuildSeries("power_blocks", id, subject: hall.name, from: first,
                                            upTo: Double(build.most), option: blocks.build)
            powerBlocks[h] = columns
            guard problem.hallBuilds[h] != nil else { continue }
            for t in columns.keys.sorted() {
                guard let halls = hallBuilt[h]?[t] else { continue }
                addRow("power_blocks_per_hall(\(id),\(q(t)))", [Term(columns[t]!, 1), Term(halls, -Double(blocks.perHall))], upper: 0,
                       .buildOrder, problem.quarters[t], hall.name)
            }
        }
    }

    /// One build column `prefix(id,t)` per quarter from `first` on, non-decreasing (`build_order(prefix,id,t)` rows: the
    /// column's family first, so no hall, feed or other item can share a row's name), with the option's annual cost, capex
    /// and its spending over the lead time (``spendingSeries``); returns the columns by quarter.
    private mutating func defineBuildSeries(_ prefix: String, _ id: String, subject: String, from first: Int,
                                            upTo count: Double, option: BuildOption) -> [Int: VariableID] {
        let annualUSD = problem.annualCostUSD(option), capexUSD = option.capexUSD
        var columns: [Int: VariableID] = [:]
        var previous: VariableID?
        for t in first..<problem.quarters.count {
            let y = model.addVariable("\(prefix)(\(id),\(q(t)))", kind: .integer, lowerBound: 0, upperBound: count)
            columns[t] = y
            if annualUSD > 0 { costTerms.append(Term(y, annualUSD / TimeBase.quartersPerYear)) }
            if let previous {
                addRow("\(ConstraintFamily.buildOrder.rawValue)(\(prefix),\(id),\(q(t)))", [Term(y, 1), Term(previous, -1)], lower: 0,
                       .buildOrder, problem.quarters[t], subject)
            }
            previous = y
        }
        if let previous, capexUSD > 0 { capexTerms.append(Term(previous, capexUSD)) }
        if capexUSD > 0 { spendingSeries.append(SpendingSeries(columns: columns, capexUSD: capexUSD, leadQuarters: option.leadTimeQuarters)) }
        return columns
    }

    /// The terms of a row by which it gains capacity from what the plan builds: build columns standing on the left with
    /// −capacity each (hall, hall-power with its power blocks, site-power, heat-rejection and chiller rows). In the budget and capex rows the same columns carry their
    /// capex, a positive coefficient: spending, not capacity. `built` is ``facilityBuildColumns`` as a set.
    static func builtCapacityTerms(_ terms: [Term], among built: Set<VariableID>) -> [Term] {
        terms.filter { built.contains($0.variable) && $0.coefficient < 0 }
    }

    /// Capacity `terms` gain from what is built at `value` of each column: −Σ coefficient × value over
    /// ``builtCapacityTerms(_:among:)``.
    static func builtCapacity(_ terms: [Term], among built: Set<VariableID>, value: (VariableID) -> Double) -> Double {
        builtCapacityTerms(terms, among: built).reduce(0) { $0 - $1.coefficient * value($1.variable) }
    }

    /// Every integer build column (halls, feeds, plant and chiller modules, power blocks), for the objective's nudge against
    /// building what holds nothing and to be fixed at the plan's values for the shadow prices. The battery's continuous columns
    /// are not among them (``batteryColumns``).
    var facilityBuildColumns: [VariableID] {
        facilityBuildSeries.flatMap { $0.sorted { $0.key < $1.key }.map(\.value) }
    }

    /// Each built item's columns by quarter (a group's halls, a feed, a loop's plant modules, a loop's chiller modules, a group's
    /// power blocks).
    var facilityBuildSeries: [[Int: VariableID]] {
        hallBuilt.keys.sorted().map { hallBuilt[$0]! } + feedBuilt.keys.sorted().map { feedBuilt[$0]! }
            + plantBuilt.keys.sorted().map { plantBuilt[$0]! } + chillerBuilt.keys.sorted().map { chillerBuilt[$0]! }
            + powerBlocks.keys.sorted().map { powerBlocks[$0]! }
    }
}

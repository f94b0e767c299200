import Planner
import PlantModel
import Plans

/// The plan's build-out by quarter: IT power by GPU generation (rack lines × rack and in-rack network power,
/// plus the scale-out fabric) and, as the IT power each would allow at that quarter's rack mix at the design
/// condition, the site's grid, the halls' power paths and the outdoor plant.
public struct BuildOut: Sendable {
    /// The plan's quarters, in order.
    public var quarters: [String]
    /// IT MW of each generation present in the plan, in catalog order, then the fabric's when it has any.
    public var areas: [StackedAreaChart.Area]
    /// The grid, hall-power and plant limits in IT MW; `nil` in quarters without racks (no mix to scale by).
    public var gridLimitMW: [Double?], hallPowerLimitMW: [Double?], plantLimitMW: [Double?]
    /// Whether the plant limit is the chillers' (with the credit of the plant at full fan) rather than the
    /// heat rejection's (on the main water loop; with several loops the limit is the loop that allows the least IT).
    public var plantHasChillers: Bool

    /// The build-out of `plan` for `design` on `site` with `catalog` (the files it was planned from).
    public init(plan: BuildPlan, design: ReferenceDesign, site: Site, catalog: Catalog) {
        let problem = PlanningProblem(design: design, site: site, catalog: catalog)
        // Hall power in service: the halls as the plan built them, with the power blocks in service in each quarter.
        let built = design.asBuilt(plan.facilityBuilds)
        quarters = plan.quarters.map(\.quarter.description)
        var generations: [String] = []
        for p in catalog.profiles where plan.racks.contains(where: { $0.profile == p.id && $0.racksTotal > 0 }) {
            if !generations.contains(p.generation) { generations.append(p.generation) }
        }
        var byGeneration = Array(repeating: Array(repeating: 0.0, count: plan.quarters.count), count: generations.count)
        var fabric = Array(repeating: 0.0, count: plan.quarters.count)
        plantHasChillers = design.heatRejection.hasChillers
        (gridLimitMW, hallPowerLimitMW, plantLimitMW) = ([], [], [])
        for (t, q) in plan.quarters.enumerated() {
            let lines = plan.racks.filter { $0.quarter == q.quarter && $0.racksTotal > 0 }
            var rackMW = 0.0, plantUsed = [Double](repeating: 0, count: problem.loops.count)
            for line in lines {
                guard let p = catalog.profile(line.profile), let g = generations.firstIndex(of: p.generation) else { continue }
                byGeneration[g][t] += line.itMW
                rackMW += line.itMW
                if let k = problem.coefficients(p, inHall: line.hall) {
                    let l = problem.loop(ofHall: line.hall), chillers = problem.loops[l].design.heatRejection.hasChillers
                    plantUsed[l] += Double(line.racksTotal) * (chillers ? k.chillerLoadMW : k.rejectedMW)
                }
            }
            fabric[t] = max(0, q.itMW - rackMW)
            guard rackMW > 0 else {
                gridLimitMW.append(nil); hallPowerLimitMW.append(nil); plantLimitMW.append(nil)
                continue
            }
            let hallCapacity = built.withPowerBlocks(in: q.quarter, plan.facilityBuilds).halls.filter { $0.availableFrom <= q.quarter }
                .reduce(0.0) { $0 + Double($1.count) * $1.usableITCapacityMW }
            // Each loop's plant and chillers with the modules then in service, as the IT they allow; the least of them.
            let plant = design.loopPlantModules(in: q.quarter, plan.facilityBuilds), chillers = design.loopChillerModules(in: q.quarter, plan.facilityBuilds)
            var allowed: [Double] = []
            for (l, loop) in problem.loops.enumerated() where plantUsed[l] > 0 {
                // The main loop's plant at the plan's own design condition.
                let rejection = (l == 0 ? plan.designCondition.rejectionCapacityMW : loop.condition.rejectionCapacityMW)
                    + Double(plant[l]) * (loop.plantModuleBuild?.rejectionMWPerModule ?? 0)
                let capacity = loop.design.heatRejection.hasChillers
                    ? loop.chillerRowCapacityMW(plantModules: plant[l], chillerModules: chillers[l]) : rejection
                allowed.append(capacity * q.itMW / plantUsed[l])
            }
            gridLimitMW.append(q.facilityMW > 0 ? q.usableGridMW * q.itMW / q.facilityMW : nil)
            hallPowerLimitMW.append(hallCapacity * q.itMW / rackMW)
            plantLimitMW.append(allowed.min())
        }
        areas = generations.enumerated().map { StackedAreaChart.Area(name: $0.element, values: byGeneration[$0.offset]) }
        if fabric.contains(where: { $0 > 1e-9 }) {
            areas.append(StackedAreaChart.Area(name: "scale-out fabric (switches, optics)", values: fabric))
        }
    }

    /// The stacked-area chart with the three limits as lines.
    public var chart: StackedAreaChart {
        StackedAreaChart(
            title: "Build-out: IT power by GPU generation, with the limits as the IT power they allow",
            categories: quarters, xLabel: "quarter", yLabel: "IT power at full load (MW)", areas: areas,
            lines: [StackedAreaChart.Line(name: "grid: usable capacity after redundancy", values: gridLimitMW),
                    StackedAreaChart.Line(name: "hall power paths after redundancy", values: hallPowerLimitMW),
                    StackedAreaChart.Line(name: plantHasChillers ? "plant: chillers + heat rejection at design ambient"
                                                                 : "plant: heat rejection at design ambient", values: plantLimitMW)])
    }
}

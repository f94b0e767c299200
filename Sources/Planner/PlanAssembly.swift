import LinearProgramming
import PlantModel
import PlantPhysics
import Plans

/// Turns a solved formulation and its hall placement into a ``BuildPlan``.
enum PlanAssembly {
    static func plan(problem: PlanningProblem, outcome: Planner.Outcome, assignment: HallAssignment,
                     binding: [BindingLimit], inputs: PlanInputs, options: PlanOptions) -> BuildPlan {
        let f = outcome.formulation
        let x = outcome.solution.values
        let stock = outcome.stockValues
        let retiredRacks = outcome.retiredValues
        let quarters = problem.quarters
        let modules = outcome.plantModulesValues, chillerModules = outcome.chillerModulesValues
        let builds = FacilityBuildAssembly.builds(problem: problem, halls: outcome.hallsBuiltValues, feeds: outcome.feedsBuiltValues,
                                                  plantModules: modules, chillerModules: chillerModules, powerBlocks: assignment.powerBlocks,
                                                  battery: outcome.batteryValues)
        // The design and site as the plan built them: its halls and feeds from the quarters it built them.
        let design = problem.design.asBuilt(builds), site = problem.site.asBuilt(builds)

        // Tokens/s per profile and workload in each quarter, from the serve columns. Summed in column
        // order: a dictionary's order changes from process to process, and so would the last bits.
        var tokensByProfile = [[Double]](repeating: [Double](repeating: 0, count: quarters.count), count: problem.profiles.count)
        var tokensByWorkload = [[String: Double]](repeating: [:], count: quarters.count)
        var gpusByWorkload = [[String: Double]](repeating: [:], count: quarters.count)
        for (key, y) in f.serve.sorted(by: { $0.value < $1.value }) {
            let profile = problem.profiles[key.p]
            let workload = problem.design.workloadMix[key.w].workload
            let rate = (problem.rackTokensPerSecond(profile, workload) ?? 0) * x[y.index]
            tokensByProfile[key.p][key.t] += rate
            tokensByWorkload[key.t][workload, default: 0] += rate
            gpusByWorkload[key.t][workload, default: 0] += x[y.index] * Double(profile.gpusPerRack)
        }
        func racks(_ e: Int, _ t: Int) -> Int { stock[e]?[t] ?? 0 }
        func profileRacks(_ p: Int, _ t: Int) -> Int {
            problem.eligible.indices.filter { problem.eligible[$0].profile == p }.reduce(0) { $0 + racks($1, t) }
        }

        var lines: [RackLine] = []
        for t in quarters.indices {
            for (g, hall) in problem.halls.enumerated() {
                for i in 0..<hall.count {
                    for (e, el) in problem.eligible.enumerated() where el.hall == g {
                        let total = assignment.racks[e]?[t][i] ?? 0
                        let retired = assignment.retired[e]?[t][i] ?? 0
                        // Existing racks stand in their own single hall (index 0) before the first quarter.
                        let before = t > 0 ? (assignment.racks[e]?[t - 1][i] ?? 0) : (i == 0 ? problem.existingRacks(e) : 0)
                        guard total > 0 || retired > 0 else { continue }
                        let profile = problem.profiles[el.profile]
                        let c = problem.coefficients(e)
                        let all = profileRacks(el.profile, t)
                        lines.append(RackLine(
                            quarter: quarters[t], hall: hall.hallName(i), profile: profile.id,
                            racksNew: total - before + retired, racksTotal: total, gpus: total * profile.gpusPerRack,
                            itMW: rounded(Double(total) * c.rackMW), liquidMW: rounded(Double(total) * c.liquidMW),
                            positions: total * profile.positionsPerRack,
                            tokensPerSecond: rounded(all > 0 ? tokensByProfile[el.profile][t] * Double(total) / Double(all) : 0),
                            racksRetired: retired))
                    }
                }
            }
        }

        var metrics: [QuarterMetrics] = []
        var bom: [BillOfMaterials] = []
        var capexCumulative = 0.0
        // Capex of the racks bought, by eligibility and quarter: their annuity is charged from the purchase on (see below).
        var bought = problem.eligible.indices.map { _ in [Double]() }
        // Capex of the ports priced fabrics add, by quarter (none without priced fabrics): an annuity like the racks'.
        let pricedFabrics = !problem.pricedFabrics.isEmpty
        let fabricBought = problem.fabricCapexUSD { e, t in racks(e, t) }
        for t in quarters.indices {
            var rackCount = 0, gpus = 0
            var it = 0.0, capexNew = 0.0, capitalCost = 0.0
            for (e, el) in problem.eligible.enumerated() {
                let n = racks(e, t)
                let profile = problem.profiles[el.profile]
                let c = problem.coefficients(e)
                rackCount += n
                gpus += n * profile.gpusPerRack
                it += Double(n) * c.itMW
                // Racks bought: the change in stock plus those retired (existing racks cost no new capex).
                let retired = retiredRacks[e]?[t] ?? 0
                bought[e].append(Double(n - (t > 0 ? racks(e, t - 1) : problem.existingRacks(e)) + retired) * c.capexUSD)
                capexNew += bought[e][t]
                // The cost objectives' reading of the racks (``Formulation/defineRackColumns()``): each rack bought pays its
                // annuity over its recovery period, retired or not (``ReferenceDesign/rackCapitalUSDPerYear(capexNewUSD:quarter:)``,
                // the twin's reading too), and each retired rack its decommissioning.
                capitalCost += problem.design.rackCapitalUSDPerYear(capexNewUSD: bought[e], quarter: t) / TimeBase.quartersPerYear
                    + Double(n) * problem.quarterlyRunningCostUSD(e) + Double(retired) * problem.decommissioningUSDPerRack
            }
            capexCumulative += capexNew
            if pricedFabrics { capitalCost += problem.design.fabricCapitalUSDPerYear(capexNewUSD: fabricBought, quarter: t) / TimeBase.quartersPerYear }
            let chillerPower = problem.chillerPowerMW(racks: { Double(racks($0, t)) }, plantModules: { modules[$0][t] },
                                                      chillerModules: { chillerModules[$0][t] })
            let facility = problem.facilityMW(racks: { Double(racks($0, t)) }, chillerPowerMW: chillerPower)
            // The chillers' power a loop carries pays facility opex as the racks' does, and its energy at the racks' average heat.
            capitalCost += chillerPower * problem.quarterlyFacilityOpexUSDPerMW
                + problem.quarterlyEnergyUSD(averageMW: problem.chillerPowerMW(racks: { Double(racks($0, t)) }, plantModules: { modules[$0][t] },
                                                                               chillerModules: { chillerModules[$0][t] }, atMeanLoad: true))
            // Summed in the mix's order: a dictionary's order changes from process to process, and so would the last bits.
            let tokens = problem.design.workloadMix.reduce(0.0) { $0 + (tokensByWorkload[t][$1.workload] ?? 0) }
            // Racks' capital and running costs at the demanded utilization, and the facility's capital, over the tokens served.
            let facilityCost = design.facilityCapitalUSDPerYear(in: quarters[t], site: site, plantModules: modules.map { $0[t] },
                                                                   chillerModules: chillerModules.map { $0[t] },
                                                                   batteryAdded: design.batteryAdded(in: quarters[t], builds)) {
                ReferenceDesign.powerBlocks(inHall: $0, in: quarters[t], builds)
            }
            let quarterCost = capitalCost + facilityCost / TimeBase.quartersPerYear
            let served = tokens * problem.utilization
            metrics.append(QuarterMetrics(
                quarter: quarters[t], racks: rackCount, gpus: gpus, itMW: rounded(it), facilityMW: rounded(facility),
                usableGridMW: rounded(site.grid.usableCapacityMW(in: quarters[t])),
                designPUE: it > 0 ? rounded(facility / it) : nil, tokensPerSecond: rounded(tokens),
                tokensPerSecondByWorkload: tokensByWorkload[t].mapValues(rounded),
                gpuShareByWorkload: Self.shares(gpusByWorkload[t], workloads: problem.design.workloadMix.map(\.workload)),
                tokensPerSecondPerMW: facility > 0 ? rounded(tokens / facility) : nil,
                capexNewUSD: rounded(capexNew), capexCumulativeUSD: rounded(capexCumulative),
                fabricCapexNewUSD: pricedFabrics ? rounded(fabricBought[t]) : nil,
                costPerMillionTokensUSD: served > 0 ? rounded(quarterCost / (served * TimeBase.secondsPerQuarter) * 1e6) : nil,
                utilization: problem.utilization))

            let equipment = HallEquipment(problem) { e, i in assignment.racks[e]?[t][i] ?? 0 }
            bom.append(BillOfMaterials(
                quarter: quarters[t], racks: rackCount, gpus: gpus, cdus: equipment.cdus, switches: equipment.switches,
                transceivers: equipment.transceivers,
                feedsInService: site.grid.feedsInService(in: quarters[t]).map(\.name),
                itMW: rounded(it), facilityMW: rounded(facility)))
        }

        let integers = f.model.variables.filter { $0.kind != .continuous }.count
        let solution = outcome.solution
        var plan = BuildPlan(
            inputs: inputs, objective: options.objective, objectiveValue: rounded(outcome.objectiveValue),
            objectiveUnit: options.objective.unit,
            solver: SolverFacts(
                status: status(solution.status, relativeGap: outcome.relativeGap, requestedGap: options.relativeGap), bestBound: outcome.objectiveBound.map(rounded),
                relativeGap: outcome.relativeGap.map { ($0 * Self.gapResolution).rounded() / Self.gapResolution },
                branchAndBoundNodes: outcome.nodes, simplexIterations: outcome.iterations, solves: outcome.solves,
                integerVariables: integers, continuousVariables: f.model.variables.count - integers,
                constraints: f.model.constraints.count, requestedGap: options.relativeGap, timeLimitSeconds: options.timeLimitSeconds,
                reachedTimeLimit: outcome.reachedTimeLimit, timeBudgetSeconds: options.timeBudgetSeconds,
                reachedTimeBudget: outcome.reachedTimeBudget),
            designCondition: problem.condition, quarters: metrics, racks: lines, billOfMaterials: bom,
            binding: binding, exclusions: problem.exclusions)
        plan.facilityBuilds = builds
        plan.purchases = PurchaseAssembly.purchases(problem: problem, plan: plan, design: design, site: site)
        plan.cashflow = PurchaseAssembly.cashflow(problem: problem, plan: plan, design: design, site: site)
        return plan
    }

    /// Each workload's share of `gpus` (GPU-equivalents serving it), summed in `workloads` order; `nil` without GPUs.
    static func shares(_ gpus: [String: Double], workloads: [String]) -> [String: Double]? {
        let total = workloads.reduce(0) { $0 + (gpus[$1] ?? 0) }
        guard total > 0 else { return nil }
        return Dictionary(uniqueKeysWithValues: workloads.map { ($0, rounded((gpus[$0] ?? 0) / total)) })
    }

    /// Six decimals: keeps files stable against last-bit solver noise.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
    /// The plan's status: optimal only where the final solve was and the objective's gap is within the one asked. A ratio
    /// objective's final solve may be optimal while its bound, from Dinkelbach's steps, is not (a step stopped by its time
    /// limit): that plan is feasible, short of the gap.
    static func status(_ final: SolutionStatus, relativeGap: Double?, requestedGap: Double?) -> SolverFacts.Status {
        final == .optimal && (relativeGap ?? 0) <= (requestedGap ?? 0) + 1 / gapResolution ? .optimal : .feasible
    }

    /// Gaps are written to nine decimals, for the same reason.
    static let gapResolution = 1e9
    /// A CDU count rounds up only past this share of a CDU: 30 MW on 1.5 MW CDUs is 20, not 21, whatever
    /// the last bit of the sum.
    static let countTolerance = 1e-9
}

/// Switch counts of a non-blocking fat tree of radix k.
struct FatTree {
    var radix: Int
    var tiers: Int

    init(_ fabric: Fabric) {
        radix = fabric.switchRadix
        tiers = fabric.tiers
    }

    /// Two tiers: leaves = ⌈P/(k/2)⌉, spines = ⌈leaves/2⌉. Three tiers: edge = aggregation = ⌈P/(k/2)⌉,
    /// core = ⌈P/k⌉.
    func switches(hostPorts p: Int) -> Int {
        guard p > 0 else { return 0 }
        let half = radix / 2
        let edge = (p + half - 1) / half
        if tiers == 2 { return edge + (edge + 1) / 2 }
        return 2 * edge + (p + radix - 1) / radix
    }
}

import PlantModel
import Plans

/// Re-checks every capacity limit at the rounded, hall-by-hall plan, from the racks and the per-rack
/// coefficients alone (not from the solver's row activities): a plan that breaks a limit is never
/// reported, whatever the solver said. With an asset life, no rack may be in service past it: the racks of a
/// profile in a hall are at most those built in the last L quarters plus the existing racks still in life.
enum PlanCheck {
    /// Use above capacity by more than this share (or 1e-6 absolute) is a break, not rounding.
    static let tolerance = 1e-6

    static func check(problem: PlanningProblem, stock: [Int: [Int: Int]], retired: [Int: [Int: Int]] = [:],
                      assignment: HallAssignment, hallsBuilt: [Int: [Int]] = [:], feedsBuilt: [Int: [Int]] = [:],
                      plantModules: [[Int]] = [], chillerModules: [[Int]] = [], battery: [(energyMWh: Double, powerMW: Double)] = []) throws {
        func verify(_ family: ConstraintFamily, _ t: Int?, _ subject: String?, _ used: Double, _ capacity: Double) throws {
            guard used > capacity + tolerance * max(1, abs(capacity)) else { return }
            throw PlanError.limitBroken(BrokenLimit(family: family, quarter: t.map { problem.quarters[$0] }, subject: subject,
                                                    used: used, capacity: capacity, unit: family.unit))
        }
        func racks(_ e: Int, _ t: Int) -> Int { t < 0 ? problem.existingRacks(e) : stock[e]?[t] ?? 0 }
        func out(_ e: Int, _ t: Int) -> Int { retired[e]?[t] ?? 0 }
        /// Racks commissioned: the change in stock plus those retired.
        func built(_ e: Int, _ t: Int) -> Int { racks(e, t) - racks(e, t - 1) + out(e, t) }
        func coefficients(_ e: Int) -> RackCoefficients { problem.coefficients(e) }
        /// Modules in service on loop l in quarter t (0 where the caller gives none).
        func modules(_ values: [[Int]], _ l: Int, _ t: Int) -> Int { l < values.count && t < values[l].count ? values[l][t] : 0 }
        let loops = problem.loops.count
        /// What the plan builds, spent by the end of quarter t as cashflow.csv books it (and the `budget(t)` rows count it):
        /// each item's capex evenly over the `lead` quarters before it enters service, in its quarter without a lead time;
        /// `inService(q)` is how many are in service in quarter q. At the last quarter, everything built at its capex.
        let last = problem.quarters.count - 1
        func spent(_ capex: Double, lead: Int, by t: Int, _ inService: (Int) -> Double) -> Double {
            lead == 0 ? capex * inService(t) : capex * (1...lead).reduce(0.0) { $0 + inService(min(t + $1, last)) } / Double(lead)
        }
        func builtCapex(_ t: Int) -> Double {
            var capex = 0.0
            for h in problem.hallBuilds.keys.sorted() {
                let option = problem.design.halls[problem.hallBuilds[h]!.designGroup].build!
                capex += spent(option.capexUSD, lead: option.leadTimeQuarters, by: t) { Double(hallsBuilt[h]?[$0] ?? 0) }
            }
            for build in problem.feedBuilds {
                let option = problem.site.grid.feeds[build.feed].build!
                capex += spent(option.capexUSD, lead: option.leadTimeQuarters, by: t) { Double(feedsBuilt[build.feed]?[$0] ?? 0) }
            }
            for (l, loop) in problem.loops.enumerated() {
                if let option = loop.design.heatRejection.modules?.build {
                    capex += spent(option.capexUSD, lead: option.leadTimeQuarters, by: t) { Double(modules(plantModules, l, $0)) }
                }
                if let option = loop.design.heatRejection.chillerModules?.build {
                    capex += spent(option.capexUSD, lead: option.leadTimeQuarters, by: t) { Double(modules(chillerModules, l, $0)) }
                }
            }
            for g in assignment.powerBlocks.keys.sorted() {
                let option = problem.halls[g].powerBlocks!.build
                capex += spent(option.capexUSD, lead: option.leadTimeQuarters, by: t) { Double(assignment.powerBlocks[g]![$0].reduce(0, +)) }
            }
            if let ride = problem.batteryRideThrough, let build = ride.build, battery.count == problem.quarters.count {
                capex += spent(build.capexUSDPerMWh, lead: build.leadTimeQuarters, by: t) { battery[$0].energyMWh - ride.energyInPlaceMWh }
                capex += spent(build.capexUSDPerMW, lead: build.leadTimeQuarters, by: t) { battery[$0].powerMW - ride.powerInPlaceMW }
            }
            return capex
        }
        /// Racks bought and retired, and the ports priced fabrics add, by the end of the quarter the loop below is at, at their capex.
        var capex = 0.0
        let fabric = problem.fabricCapexUSD { racks($0, $1) }
        for t in problem.quarters.indices {
            capex += fabric[t]
            for (g, hall) in problem.halls.enumerated() {
                for i in 0..<hall.count {
                    var positions = 0.0, power = 0.0, liquid = 0.0, air = 0.0, hallPorts = 0.0
                    for e in problem.eligible.indices where problem.eligible[e].hall == g {
                        let n = Double(assignment.racks[e]?[t][i] ?? 0), c = coefficients(e)
                        positions += n * c.positions
                        power += n * c.hallPowerMW
                        liquid += n * c.liquidMW
                        air += n * c.airMW
                        hallPorts += n * c.scaleOutPorts
                    }
                    let name = hall.hallName(i)
                    // A hall the plan has not built (yet) has no capacity.
                    let built = problem.hallBuilds[g] == nil || i < (hallsBuilt[g]?[t] ?? 0) ? 1.0 : 0
                    try verify(.floor, t, name, positions, built * Double(hall.positions))
                    // With power blocks: those the placement put in the hall, in a built hall only.
                    try verify(.hallPower, t, name, power, built * hall.usableITCapacityMW(blocks: assignment.powerBlocks[g]?[t][i] ?? 0))
                    try verify(.liquid, t, name, liquid, built * hall.liquidCapacityMW)
                    try verify(.air, t, name, air, built * hall.airCapacityMW)
                    if let fabric = hall.fabric { try verify(.network, t, name, hallPorts, built * fabric.hostPortCapacity) }
                }
            }
            var ports = 0.0
            var rejected = [Double](repeating: 0, count: loops), chiller = rejected, chilledAir = rejected
            var newByProfile = [Int](repeating: 0, count: problem.profiles.count)
            for e in problem.eligible.indices {
                let n = Double(racks(e, t)), c = coefficients(e), new = built(e, t), l = problem.hallLoops[problem.eligible[e].hall]
                rejected[l] += n * c.rejectedMW
                chiller[l] += n * c.chillerLoadMW
                chilledAir[l] += n * c.chilledAirMW
                if problem.halls[problem.eligible[e].hall].fabric == nil { ports += n * c.scaleOutPorts }
                newByProfile[problem.eligible[e].profile] += new
                capex += Double(new) * c.capexUSD + Double(out(e, t)) * problem.retirementCapexUSD(problem.profiles[problem.eligible[e].profile])
                if let life = problem.design.economics.rackLifeQuarters {
                    let recent = (max(0, t - life + 1)...t).reduce(0) { $0 + built(e, $1) }
                    try verify(.rackLife, t, problem.profiles[problem.eligible[e].profile].id, n,
                               Double(recent + problem.existingInLife(e, quarter: t)))
                }
            }
            let facility = problem.facilityMW(racks: { Double(racks($0, t)) }, chillerPowerMW: problem.chillerPowerMW(
                racks: { Double(racks($0, t)) }, plantModules: { modules(plantModules, $0, t) }, chillerModules: { modules(chillerModules, $0, t) }))
            let feeds = problem.givenFeeds(in: t).map(\.capacityMW)
                + problem.feedBuilds.filter { (feedsBuilt[$0.feed]?[t] ?? 0) > 0 }.map { problem.site.grid.feeds[$0.feed].capacityMW }
            try verify(.sitePower, t, nil, facility, problem.site.grid.redundancy.usableCapacity(of: feeds))
            for (l, loop) in problem.loops.enumerated() where !loop.design.heatRejection.hasChillers {
                try verify(.heatRejection, t, loop.subject, rejected[l],
                           loop.rejectionCapacityMW(plantModules: modules(plantModules, l, t)))
            }
            if let ride = problem.batteryRideThrough {
                let inService = t < battery.count ? battery[t] : (energyMWh: ride.energyInPlaceMWh, powerMW: ride.powerInPlaceMW)
                try verify(.batteryEnergy, t, nil, ride.minutes / 60 * facility, inService.energyMWh)
                try verify(.batteryPower, t, nil, facility, inService.powerMW)
            }
            for (l, loop) in problem.loops.enumerated() {
                let plant = modules(plantModules, l, t), chillers = modules(chillerModules, l, t)
                try verify(.chiller, t, loop.subject, chiller[l], loop.chillerRowCapacityMW(plantModules: plant, chillerModules: chillers))
                try verify(.chiller, t, loop.chilledAirSubject, chilledAir[l],
                           loop.chillerCapacityMW(chillerModules: chillers))
            }
            try verify(.network, t, nil, ports, problem.design.fabric.hostPortCapacity)
            for (p, profile) in problem.profiles.enumerated() {
                if let cap = problem.design.supplyCapRacksPerQuarter?[profile.id] {
                    try verify(.supply, t, profile.id, Double(newByProfile[p]), Double(cap))
                }
            }
            // The capex spent by the end of each quarter before the last, as the `budget(t)` rows count it (the last: below).
            if let budget = problem.design.budgetUSD, t < last { try verify(.budget, t, Formulation.spentByQuarter, capex + builtCapex(t), budget) }
        }
        if let budget = problem.design.budgetUSD { try verify(.budget, nil, nil, capex + builtCapex(last), budget) }
    }
}

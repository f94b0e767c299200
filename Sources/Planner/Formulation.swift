import LinearProgramming
import PlantModel

/// The mixed-integer program of one planning problem, with what every row and column means.
///
/// Columns: `build(p,h,t)` integer units commissioned, `stock(p,h,t)` racks installed, `serve(p,w,t)`
/// racks serving a workload. Rows are the constraint families of ``ConstraintFamily``; their names
/// (e.g. `site_power(2027Q3)`, `floor(nvl_hall,2028Q1)`) appear in exported models and reports.
struct Formulation {
    var model: Model
    var rows: [RowInfo]
    /// `build` column of eligibility e in quarter t.
    var build: [Int: [Int: VariableID]]
    /// `stock` column of eligibility e in quarter t.
    var stock: [Int: [Int: VariableID]]
    /// `serve` column of profile p, workload w, quarter t.
    var serve: [Key3: VariableID]
    /// Tokens/s in quarter t.
    var tokenTerms: [[Term]]
    /// Facility MW in quarter t.
    var facilityTerms: [[Term]]
    /// Cost over the horizon (annualized capex + energy + facility opex), USD.
    var costTerms: [Term]
    /// Capex over the horizon, USD.
    var capexTerms: [Term]

    struct Key3: Hashable { var p: Int, w: Int, t: Int }

    /// Row-name piece for an identifier.
    static func id(_ text: String) -> String { NameRules.sanitized(text) }

    init(_ problem: PlanningProblem, tokenTarget: Double? = nil, limit: ParetoLimit? = nil) {
        model = Model(name: Self.id("plan_" + problem.design.name).prefix(60).description, sense: .maximize)
        rows = []
        build = [:]
        stock = [:]
        serve = [:]
        let quarters = problem.quarters
        tokenTerms = Array(repeating: [], count: quarters.count)
        facilityTerms = Array(repeating: [], count: quarters.count)
        costTerms = []
        capexTerms = []
        let q = quarters.map { $0.description }

        // Columns: build units and stock per eligible (profile, hall), from its first quarter on.
        for (e, el) in problem.eligible.enumerated() {
            let profile = problem.profiles[el.profile]
            let hall = problem.halls[el.hall]
            let unit = Double(problem.design.unitRacks(profile.id))
            let maxUnits = (Double(hall.count * hall.positions) / (unit * Double(profile.positionsPerRack))).rounded(.down)
            let c = problem.coefficients[profile.id]!
            let names = "\(Self.id(profile.id)),\(Self.id(hall.name))"
            var previous: VariableID?
            for t in el.firstQuarter..<quarters.count {
                let b = model.addVariable("build(\(names),\(q[t]))", kind: .integer, lowerBound: 0, upperBound: maxUnits)
                let n = model.addVariable("stock(\(names),\(q[t]))", lowerBound: 0)
                build[e, default: [:]][t] = b
                stock[e, default: [:]][t] = n
                var terms = [Term(n, 1), Term(b, -unit)]
                if let previous { terms.append(Term(previous, -1)) }
                addRow("stock(\(names),\(q[t]))", terms, lower: 0, upper: 0, .stock, quarters[t], profile.id)
                previous = n
                facilityTerms[t].append(Term(n, c.facilityMW))
                costTerms.append(Term(n, problem.quarterlyCapitalCostUSD(profile) + c.facilityMW * problem.quarterlyCostPerFacilityMWUSD))
                capexTerms.append(Term(b, unit * c.capexUSD))
            }
        }

        // Columns: racks of each profile serving each workload it can serve.
        let workloads = problem.design.workloadMix
        for (p, profile) in problem.profiles.enumerated() {
            let first = problem.eligible.filter { $0.profile == p }.map(\.firstQuarter).min()
            guard let first else { continue }
            for (w, share) in workloads.enumerated() {
                guard let rate = problem.rackTokensPerSecond(profile, share.workload) else { continue }
                for t in first..<quarters.count {
                    let y = model.addVariable("serve(\(Self.id(profile.id)),\(Self.id(share.workload)),\(q[t]))", lowerBound: 0)
                    serve[Key3(p: p, w: w, t: t)] = y
                    tokenTerms[t].append(Term(y, rate))
                }
            }
        }

        for t in quarters.indices {
            let quarter = quarters[t]
            // Per hall: floor, power after redundancy, liquid and air capacity.
            for (h, hall) in problem.halls.enumerated() {
                var floor: [Term] = [], power: [Term] = [], liquid: [Term] = [], air: [Term] = []
                for (e, el) in problem.eligible.enumerated() where el.hall == h {
                    guard let n = stock[e]?[t] else { continue }
                    let c = problem.coefficients[problem.profiles[el.profile].id]!
                    floor.append(Term(n, c.positions))
                    power.append(Term(n, c.hallPowerMW))
                    if c.liquidMW > 0 { liquid.append(Term(n, c.liquidMW)) }
                    if c.airMW > 0 { air.append(Term(n, c.airMW)) }
                }
                let k = Double(hall.count)
                let subject = "\(Self.id(hall.name)),\(q[t])"
                addRow("floor(\(subject))", floor, upper: k * Double(hall.positions), .floor, quarter, hall.name)
                addRow("hall_power(\(subject))", power, upper: k * hall.usableITCapacityMW, .hallPower, quarter, hall.name)
                addRow("liquid(\(subject))", liquid, upper: k * hall.liquidCapacityMW, .liquid, quarter, hall.name)
                addRow("air(\(subject))", air, upper: k * hall.airCapacityMW, .air, quarter, hall.name)
            }
            // Site-wide: grid, heat rejection, chillers, fabric.
            var site: [Term] = [], heat: [Term] = [], chiller: [Term] = [], ports: [Term] = []
            for (e, el) in problem.eligible.enumerated() {
                guard let n = stock[e]?[t] else { continue }
                let c = problem.coefficients[problem.profiles[el.profile].id]!
                site.append(Term(n, c.facilityMW))
                heat.append(Term(n, c.rejectedMW))
                if c.chillerLoadMW > 0 { chiller.append(Term(n, c.chillerLoadMW)) }
                ports.append(Term(n, c.scaleOutPorts))
            }
            addRow("site_power(\(q[t]))", site, upper: problem.site.grid.usableCapacityMW(in: quarter), .sitePower, quarter, nil)
            addRow("heat_rejection(\(q[t]))", heat, upper: problem.condition.rejectionCapacityMW, .heatRejection, quarter, nil)
            addRow("chiller(\(q[t]))", chiller, upper: problem.design.heatRejection.chillerCapacityMW, .chiller, quarter, nil)
            addRow("network(\(q[t]))", ports, upper: problem.design.fabric.hostPortCapacity, .network, quarter, nil)

            // Supply allocation per profile and quarter.
            for (p, profile) in problem.profiles.enumerated() {
                guard let cap = problem.design.supplyCapRacksPerQuarter?[profile.id] else { continue }
                let unit = Double(problem.design.unitRacks(profile.id))
                let terms = problem.eligible.enumerated().compactMap { e, el in
                    el.profile == p ? build[e]?[t].map { Term($0, unit) } : nil
                }
                addRow("supply(\(Self.id(profile.id)),\(q[t]))", terms, upper: Double(cap), .supply, quarter, profile.id)
            }
            // Workloads: racks serving ≤ racks installed; each workload's tokens ≥ its share of all tokens.
            for (p, profile) in problem.profiles.enumerated() {
                var terms = workloads.indices.compactMap { w in serve[Key3(p: p, w: w, t: t)].map { Term($0, 1) } }
                guard !terms.isEmpty else { continue }
                for (e, el) in problem.eligible.enumerated() where el.profile == p {
                    if let n = stock[e]?[t] { terms.append(Term(n, -1)) }
                }
                addRow("serve(\(Self.id(profile.id)),\(q[t]))", terms, upper: 0, .serve, quarter, profile.id)
            }
            if workloads.count > 1 {
                for (w, share) in workloads.enumerated() {
                    var coefficients: [VariableID: Double] = [:]
                    for (p, profile) in problem.profiles.enumerated() {
                        for (v, mix) in workloads.enumerated() {
                            guard let y = serve[Key3(p: p, w: v, t: t)],
                                  let rate = problem.rackTokensPerSecond(profile, mix.workload) else { continue }
                            coefficients[y, default: 0] += (v == w ? rate : 0) - share.share * rate
                        }
                    }
                    let terms = coefficients.sorted { $0.key < $1.key }.map { Term($0.key, $0.value) }
                    addRow("share(\(Self.id(share.workload)),\(q[t]))", terms, lower: 0, .share, quarter, share.workload)
                }
            }
        }
        if let budget = problem.design.budgetUSD {
            addRow("budget", capexTerms, upper: budget, .budget, nil, nil)
        }
        switch limit {
        case .capexUSD(let cap)?:
            addRow("capex_limit", capexTerms, upper: cap, .capexLimit, nil, nil)
        case .facilityMW(let cap)?:
            for t in quarters.indices {
                addRow("facility_limit(\(q[t]))", facilityTerms[t], upper: cap, .facilityLimit, quarters[t], nil)
            }
        case nil:
            break
        }
        if let target = tokenTarget, let last = tokenTerms.indices.last {
            addRow("token_target(\(q[last]))", tokenTerms[last], lower: target, .tokenTarget, quarters[last], nil)
        }
    }

    /// Adds a row unless it has no terms (an empty limit constrains nothing).
    mutating func addRow(_ name: String, _ terms: [Term], lower: Double? = nil, upper: Double? = nil,
                         _ family: ConstraintFamily, _ quarter: Quarter?, _ subject: String?) {
        guard !terms.isEmpty else { return }
        model.addConstraint(name, terms, lowerBound: lower, upperBound: upper)
        rows.append(RowInfo(family: family, quarter: quarter, subject: subject))
    }

    /// Σ over all quarters of a per-quarter expression.
    static func sum(_ perQuarter: [[Term]]) -> [Term] {
        var total: [VariableID: Double] = [:]
        for terms in perQuarter { for term in terms { total[term.variable, default: 0] += term.coefficient } }
        return total.sorted { $0.key < $1.key }.map { Term($0.key, $0.value) }
    }

    /// `a − λ·b`, merged by variable.
    static func combine(_ a: [Term], minus lambda: Double, _ b: [Term]) -> [Term] {
        var total: [VariableID: Double] = [:]
        for term in a { total[term.variable, default: 0] += term.coefficient }
        for term in b { total[term.variable, default: 0] -= lambda * term.coefficient }
        return total.sorted { $0.key < $1.key }.map { Term($0.key, $0.value) }
    }

    /// Value of an expression in a solution.
    static func value(_ terms: [Term], _ x: [Double]) -> Double {
        terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] }
    }
}

extension Formulation {
    /// The `build` columns grouped by quarter, earliest first.
    var buildColumnsByQuarter: [[VariableID]] {
        var groups = Array(repeating: [VariableID](), count: tokenTerms.count)
        for e in build.keys.sorted() { for (t, b) in build[e]!.sorted(by: { $0.key < $1.key }) { groups[t].append(b) } }
        return groups
    }
}

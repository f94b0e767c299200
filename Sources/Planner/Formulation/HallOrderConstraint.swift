import LinearProgramming
import Plans

extension Formulation {
    /// `hall_order(a,b)`: the single halls of one design group that hold no existing racks are copies of each other, so
    /// every plan can be relabelled to put them in order: by the quarter they enter service (earlier first, as the
    /// `build_order` rows between built halls already ask), and among halls entering service together by the tokens they hold
    /// over the horizon (more first). For each such hall a and the next b:
    /// `W(a) − W(b) + M · Σ_t (halls_built(a,t) − halls_built(b,t)) ≥ 0`, where W(h) = Σ_t Σ_p ŵ_p · stock(p,h,t) with ŵ_p
    /// from ``hallOrderWeights`` (at most 1) and M the most W may be (the quarters times the racks the hall's positions
    /// take); the last term, the quarters a is in service before b, leaves halls entering service at different quarters free.
    ///
    /// Symmetry breaking: without it branch-and-bound meets every plan of a re-plan hall by hall once for each order of
    /// the group's halls (24 orders for four halls). A start for the model must order its halls so (``inHallOrder(_:)``,
    /// ``SplitStart``), and the duals that price the limits come from the model without these rows (``modelWithoutHallOrder``).
    mutating func defineHallOrder() {
        let weights = problem.hallOrderWeights
        guard !weights.isEmpty else { return }
        for members in problem.interchangeableHalls {
            for (a, b) in zip(members, members.dropFirst()) {
                var terms: [Term] = []
                for (e, el) in problem.eligible.enumerated() where el.hall == a || el.hall == b {
                    let w = (el.hall == a ? 1 : -1) * (weights[el.profile] ?? 0)
                    guard w != 0 else { continue }
                    for t in problem.quarters.indices { if let n = stock[e]?[t] { terms.append(Term(n, w)) } }
                }
                let hall = problem.halls[a]
                let leastPositions = problem.eligible.filter { $0.hall == a }.map { problem.profiles[$0.profile].positionsPerRack }.min() ?? 1
                let most = Double(problem.quarters.count * (hall.positions / max(1, leastPositions)))
                if let builtA = hallBuilt[a], let builtB = hallBuilt[b] {
                    for t in builtA.keys.sorted() {
                        terms.append(Term(builtA[t]!, most))
                        if let y = builtB[t] { terms.append(Term(y, -most)) }
                    }
                }
                addRow("\(ConstraintFamily.hallOrder.rawValue)(\(Self.id(hall.name)),\(Self.id(problem.halls[b].name)))", terms, lower: 0,
                       .hallOrder, nil, problem.halls[b].name)
            }
        }
    }
}

extension Formulation {
    /// `point` (whole values in every per-hall column) with the halls of each set of ``PlanningProblem/interchangeableHalls``
    /// relabelled into the order the `hall_order` rows ask: by the first quarter each is in service, then by the tokens it
    /// holds over the horizon (more first), then by index. Every row but those treats the halls alike and the per-hall
    /// columns (purchases, retirements, stock, halls built, power blocks) are all whole, so a plan stays a plan.
    func inHallOrder(_ point: [Double]) -> [Double] {
        let sets = problem.interchangeableHalls
        guard !sets.isEmpty, point.count == model.variables.count else { return point }
        let weights = problem.hallOrderWeights
        var byHall: [Int: [Int: Int]] = [:]   // hall → profile → eligibility
        for (e, el) in problem.eligible.enumerated() { byHall[el.hall, default: [:]][el.profile] = e }
        /// The per-hall columns of hall h, keyed alike in every hall of its set.
        func columns(_ h: Int) -> [String: VariableID] {
            var out: [String: VariableID] = [:]
            for (p, e) in byHall[h] ?? [:] {
                for (kind, series) in [("build", build[e]), ("retire", retire[e]), ("stock", stock[e])] {
                    for (t, v) in series ?? [:] { out["\(kind),\(p),\(t)"] = v }
                }
            }
            for (t, v) in hallBuilt[h] ?? [:] { out["halls_built,\(t)"] = v }
            for (t, v) in powerBlocks[h] ?? [:] { out["power_blocks,\(t)"] = v }
            return out
        }
        func service(_ h: Int) -> Int {
            guard let built = hallBuilt[h] else { return 0 }
            return built.keys.sorted().first { point[built[$0]!.index] > 0.5 } ?? Int.max
        }
        func tokens(_ h: Int) -> Double {
            (byHall[h] ?? [:]).reduce(0.0) { sum, pe in
                sum + (weights[pe.key] ?? 0) * (stock[pe.value] ?? [:]).values.reduce(0.0) { $0 + point[$1.index] }
            }
        }
        var out = point
        for members in sets {
            let order = members.sorted { (service($0), -tokens($0), $0) < (service($1), -tokens($1), $1) }
            guard order != members else { continue }
            for (target, source) in zip(members, order) where target != source {
                let from = columns(source)
                for (key, column) in columns(target) { if let v = from[key] { out[column.index] = point[v.index] } }
            }
        }
        return out
    }

    /// The model with the `hall_order` rows left free: its relaxation prices the limits (the rows hold only while the halls
    /// are copies, and one more MW in one hall breaks that: kept, a hall's price could move onto the hall before it), and the
    /// re-plan's refill solves it (``SplitStart``).
    var modelWithoutHallOrder: Model {
        var free = model
        for (i, row) in rows.enumerated() where row.family == .hallOrder {
            free.constraints[i].lowerBound = nil
            free.constraints[i].upperBound = nil
        }
        return free
    }

    /// Whether the model holds `hall_order` rows.
    var ordersHalls: Bool { rows.contains { $0.family == .hallOrder } }
}

extension PlanningProblem {
    /// The single halls that are copies of each other, in index order: per design group, its halls held one by one that
    /// hold no existing racks (``Formulation/defineHallOrder()``).
    var interchangeableHalls: [[Int]] {
        var byGroup: [Int: [Int]] = [:]
        for (h, hall) in halls.enumerated() where hall.count == 1 {
            guard let (g, member) = Self.origin(of: hall, in: design), member != nil,
                  !eligible.indices.contains(where: { eligible[$0].hall == h && existingRacks($0) > 0 }) else { continue }
            byGroup[g, default: []].append(h)
        }
        return byGroup.keys.sorted().map { byGroup[$0]! }.filter { $0.count > 1 }
    }

    /// Each profile's weight in ``Formulation/defineHallOrder()``: its best tokens/s per rack over the most of any profile
    /// (empty when no profile serves a token).
    var hallOrderWeights: [Int: Double] {
        let best = profiles.indices.map { bestRackTokensPerSecond(profiles[$0]) }
        guard let most = best.max(), most > 0 else { return [:] }
        return Dictionary(uniqueKeysWithValues: best.enumerated().map { ($0, $1 / most) })
    }
}

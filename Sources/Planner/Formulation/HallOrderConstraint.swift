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
    /// the group's halls (24 orders for four halls). A start for the model must order its halls so (``SplitStart``).
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

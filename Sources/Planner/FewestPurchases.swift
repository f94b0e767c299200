import LinearProgramming

/// Among the plans with the same racks in service every quarter, the one that buys fewest, each as late as it can.
///
/// Where money is not in the objective (`max-tokens`, `tokens-per-mw`), retiring racks and buying the same again costs
/// nothing the objective sees, so a plan within the gap may swap racks for new ones of the same profile years before
/// their life ends: the fleet-refresh example under max-tokens swapped 8 Rubin racks for 8 new ones in six quarters of
/// 2028–2033. Such swaps chain (each keeps a later quarter within the asset life), so ``Planner/Outcome/retiredValues``,
/// which cancels a quarter's pair only where the life still holds, keeps them.
///
/// With the racks in stock fixed, each profile and hall group's purchases b(t), in units of u racks, only have to
/// (1) bring the rises, u·b(t) ≥ stock(t) − stock(t−1); (2) retire only racks that stood, u·b(t) ≤ stock(t); and
/// (3) keep the racks within their life, u·Σ b over the last L quarters ≥ stock(t) − existing racks in life. Taking
/// (1) at its least and then each quarter's shortfall in (3), in quarter order, from the latest quarters of its window
/// is the fewest purchases for the group (windows of one length, each met at the points that also serve the most
/// windows after it), given the allocation the groups before it left.
/// A quarter buys at most what the plan bought there and what its supply allocation has left (profile by profile, the
/// groups in turn), and fewer purchases cost less capex over the horizon (each retires a rack fewer, whose resale is a
/// share of its price), so no supply allocation, budget or capex limit over the horizon is exceeded; no limit, token or MW
/// moves. A purchase moved later could still leave a quarter's spending (the `budget(t)` rows, README "Spending by the
/// quarter") above the budget where a resale it no longer has came before: a re-choice that breaks one is not taken.
/// Hand-written: a greedy over one column per quarter, where a MIP over the whole model with everything else fixed ran
/// 10 s on the example without reaching the plan it started from.
enum FewestPurchases {
    /// `outcome` with its purchases and retirements re-chosen as the fewest, or `nil` where it has no retirements, its
    /// objective counts money (purchases then already cost it), or nothing changes.
    static func fewer(_ outcome: Planner.Outcome) -> Planner.Outcome? {
        let f = outcome.formulation, problem = f.problem
        guard !f.retire.isEmpty, outcome.objective == .maxTokens || outcome.objective == .tokensPerMW else { return nil }
        let stock = outcome.stockValues
        var values = outcome.solution.values, changed = false
        // Racks each capped profile may still take in each quarter, as the groups' purchases are re-chosen in turn.
        var left: [Int: [Int: Int]] = [:]
        for (p, profile) in problem.profiles.enumerated() {
            guard let cap = problem.design.supplyCapRacksPerQuarter?[profile.id] else { continue }
            let unit = problem.design.unitRacks(profile.id)
            for t in problem.quarters.indices {
                left[p, default: [:]][t] = cap - problem.eligible.indices.filter { problem.eligible[$0].profile == p }
                    .reduce(0) { $0 + unit * Int((f.build[$1]?[t]).map { values[$0.index] }?.rounded() ?? 0) }
            }
        }
        for e in f.build.keys.sorted() {
            guard let builds = f.build[e], let retires = f.retire[e] else { continue }
            let p = problem.eligible[e].profile, unit = problem.design.unitRacks(problem.profiles[p].id)
            let quarters = builds.keys.sorted()
            func racks(_ t: Int) -> Int { t < problem.eligible[e].firstQuarter ? problem.existingRacks(e) : stock[e]?[t] ?? 0 }
            let planned = quarters.map { Int(values[builds[$0]!.index].rounded()) }
            let most = quarters.indices.map { i in
                planned[i] + (left[p].flatMap { $0[quarters[i]] }.map { max(0, $0) / unit } ?? Int.max / 2)
            }
            guard let fewest = fewest(quarters: quarters, racks: racks, most: most, unit: unit,
                                      life: problem.design.economics.rackLifeQuarters,
                                      inLife: { problem.existingInLife(e, quarter: $0) }),
                  fewest != planned else { continue }
            for (i, t) in quarters.enumerated() {
                left[p]?[t]? += unit * (planned[i] - fewest[i])
                values[builds[t]!.index] = Double(fewest[i])
                values[retires[t]!.index] = Double(racks(t - 1) - racks(t) + unit * fewest[i])
            }
            changed = true
        }
        guard changed else { return nil }
        var cleaned = outcome
        cleaned.solution.values = values
        cleaned.solution.rowActivities = f.model.constraints.map { Formulation.value($0.terms, values) }
        for (i, row) in f.model.constraints.enumerated() where f.rows[i].family.limitsSpending {
            if let upper = row.upperBound, cleaned.solution.rowActivities[i] > upper + PlanCheck.tolerance * max(1, abs(upper)) { return nil }
        }
        return cleaned
    }

    /// The fewest purchase units per quarter of `quarters` (consecutive, ascending) for one profile and hall group whose
    /// racks in service are `racks(t)` (`racks(first − 1)` those standing before), each at most `most`'s, in units of
    /// `unit` racks, with an asset life of `life` quarters and `inLife(t)` existing racks still within it; `nil` if none
    /// fits (not for a plan's, which fit).
    static func fewest(quarters: [Int], racks: (Int) -> Int, most: [Int], unit: Int, life: Int?,
                       inLife: (Int) -> Int) -> [Int]? {
        func units(_ n: Int) -> Int { n <= 0 ? 0 : (n + unit - 1) / unit }
        var bought = quarters.map { units(racks($0) - racks($0 - 1)) }
        let most = quarters.indices.map { min(most[$0], racks(quarters[$0]) / unit) }
        guard zip(bought, most).allSatisfy({ $0 <= $1 }) else { return nil }
        guard let life else { return bought }
        for i in quarters.indices {
            let window = max(0, i - life + 1)...i
            var short = units(racks(quarters[i]) - inLife(quarters[i])) - window.reduce(0) { $0 + bought[$1] }
            for j in window.reversed() where short > 0 {
                let add = min(short, most[j] - bought[j])
                bought[j] += add
                short -= add
            }
            if short > 0 { return nil }
        }
        return bought
    }
}

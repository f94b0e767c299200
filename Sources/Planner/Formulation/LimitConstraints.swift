import LinearProgramming
import Plans

extension Formulation {
    /// The ε-constraint of a Pareto point: `capex_limit` on cumulative capex (and `capex_limit(t)` on the capex spent by
    /// each quarter, ``defineSpendingRows(_:upper:)``), or `facility_limit(t)` on facility power in every quarter.
    mutating func defineParetoLimit(_ limit: ParetoLimit?) {
        switch limit {
        case .capexUSD(let cap)?:
            defineSpendingRows(.capexLimit, upper: cap)
        case .facilityMW(let cap)?:
            for t in problem.quarters.indices {
                addRow("\(ConstraintFamily.facilityLimit.rawValue)(\(q(t)))", facilityTerms[t], upper: cap, .facilityLimit,
                       problem.quarters[t], nil)
            }
        case nil:
            break
        }
    }

    /// `token_target(last quarter)`: tokens/s in the last quarter ≥ the target (min-capex).
    mutating func defineTokenTarget(_ target: Double?) {
        guard let target, let last = tokenTerms.indices.last else { return }
        addRow("\(ConstraintFamily.tokenTarget.rawValue)(\(q(last)))", tokenTerms[last], lower: target, .tokenTarget,
               problem.quarters[last], nil)
        defineTargetUnits(target, quarter: last)
    }

    /// `token_target_units(last quarter)`: the purchase units bought by the last quarter are at least
    /// ⌈target · Σ_w share_w / r_w⌉, r_w the most tokens/s one unit of any allowed profile serves of workload w. Each
    /// workload's tokens are at least its share of the target (the share rows; a single workload's are all of it), and
    /// serving them takes at least that many units' worth of racks: the target row rounded up to whole units (a
    /// Chvátal–Gomory cut), which GLPK's cuts do not find. Without it the bundled example to 5e8 tokens/s kept its bound at
    /// 711 of the optimum's 712 GB300 racks (89 units of 8) for 60 s and 30,000 nodes, 0.14 % open. Not with retirement
    /// (which existing racks always bring), where racks leave one by one and stock is no longer whole units bought.
    mutating func defineTargetUnits(_ target: Double, quarter last: Int) {
        guard !problem.allowsRetirement else { return }
        let profiles = Set(problem.eligible.map(\.profile)).sorted()
        let mix = problem.design.workloadMix.filter { $0.share > 0 }
        var unitsPerToken = 0.0
        for share in mix {
            let most = profiles.compactMap { p in
                problem.rackTokensPerSecond(problem.profiles[p], share.workload).map { $0 * Double(problem.design.unitRacks(problem.profiles[p].id)) }
            }.max() ?? 0
            guard most > 0 else { return }
            // Without share rows (one workload) its tokens are all the target's, whatever its share reads (1 ± round-off).
            unitsPerToken += (mix.count == 1 ? 1 : share.share) / most
        }
        var terms: [Term] = []
        for e in problem.eligible.indices {
            for (t, b) in build[e] ?? [:] where t <= last { terms.append(Term(b, 1)) }
        }
        let units = (target * unitsPerToken - Self.unitsRoundingTolerance).rounded(.up)
        guard units >= 1, !terms.isEmpty else { return }
        addRow("\(ConstraintFamily.tokenTarget.rawValue)_units(\(q(last)))", terms.sorted { $0.variable < $1.variable }, lower: units,
               .tokenTarget, problem.quarters[last], nil)
    }

    /// A target within this many units of a whole number of the best unit's tokens/s takes that whole number (round-off in
    /// the per-rack rates).
    static let unitsRoundingTolerance = 1e-9
}

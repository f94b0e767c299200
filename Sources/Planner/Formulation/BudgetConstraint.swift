import LinearProgramming
import Plans

extension Formulation {
    /// `budget`: cumulative capex over the horizon (racks, retirements, the ports priced fabrics add, and the halls, feeds,
    /// modules, power blocks and battery built) ≤ the design's budget, where it sets one; and `budget(t)` where a resale can bring money back
    /// (``defineSpendingRows(_:upper:)``).
    mutating func defineBudget() {
        guard let budget = problem.design.budgetUSD else { return }
        defineSpendingRows(.budget, upper: budget)
    }

    /// A limit on spending: `family` on the capex of the whole horizon and, where a retired rack's resale is worth more than
    /// taking it out (a retirement then brings money back), `family(t)` on the capex spent by the end of each quarter t before
    /// the last, as cashflow.csv books it: the racks bought and retired by then, and what is built spent evenly over the
    /// lead time before it enters service (capex / L × Σ_{j=1…L} built(min(t + j, last)), built in its quarter without a lead
    /// time). Money a resale brings in a later quarter cannot pay for an earlier purchase. Without them a plan under
    /// max-tokens sold its whole fleet in the horizon's last quarter to buy more racks before (README "Spending by the
    /// quarter"). Without a resale credit no capex term is negative, so each quarter's spending is at most the horizon's and
    /// the rows would add nothing.
    mutating func defineSpendingRows(_ family: ConstraintFamily, upper: Double) {
        if problem.allowsRetirement, problem.profiles.contains(where: { problem.retirementCapexUSD($0) < 0 }) {
            let last = problem.quarters.count - 1
            var racks: [VariableID: Double] = [:]
            for t in problem.quarters.indices.dropLast() {
                for term in itCapexByQuarter[t] { racks[term.variable, default: 0] += term.coefficient }
                var spent = racks
                for series in spendingSeries {
                    let lead = series.leadQuarters, share = lead == 0 ? 1 : 1 / Double(lead)
                    for q in lead == 0 ? [t] : (1...lead).map({ min(t + $0, last) }) {
                        guard let column = series.columns[q] else { continue }
                        spent[column, default: 0] += share * series.capexUSD
                        if let inPlace = series.inPlace { spent[inPlace.variable, default: 0] += share * inPlace.coefficient }
                    }
                }
                let terms = spent.filter { $0.value != 0 }.map { Term($0.key, $0.value) }.sorted { $0.variable < $1.variable }
                guard !terms.isEmpty else { continue }
                addRow("\(family.rawValue)(\(q(t)))", terms, upper: upper, family, problem.quarters[t], Self.spentByQuarter)
            }
        }
        addRow(family.rawValue, capexTerms, upper: upper, family, nil, nil)
    }

    /// The subject of a `budget(t)` or `capex_limit(t)` row: "capex budget (all capex up to the quarter's end) in 2027Q3".
    static let spentByQuarter = "all capex up to the quarter's end"
}

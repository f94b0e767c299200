import LinearProgramming

/// What relax-and-fix does with a quarter whose step finds no integer point within its time, and with the quarters left
/// once the starting plan's share of the solve is spent: it first rounds the relaxation (purchases down, retirements and
/// facility counts up, so what stands still fits and what is built still holds it), and where that leaves no feasible
/// LP it holds (no purchase or retirement, each facility count at its value the quarter before).
///
/// Before, such a step ended relax-and-fix with no starting plan, and GLPK searched alone: in a debug build under load one
/// step of the 24-hall reliability campus took 26 s, used all of the start's share, and the solve found no plan in 60 s.
struct StepFallback: Sendable {
    /// `build` columns (purchase units).
    let purchases: Set<VariableID>
    /// `retire` columns.
    let retirements: Set<VariableID>
    /// Build columns of halls, feeds, plant and chiller modules and power blocks (counts in service, non-decreasing).
    let facility: Set<VariableID>
    /// Each facility column after its item's first, with its item's column of the quarter before.
    let previous: [VariableID: VariableID]

    /// The two rules, in the order they are tried.
    enum Rule: CaseIterable { case rounding, holding }

    /// Whether each step may take only an even share of the time left (with retirement, where one step found no point in
    /// 2.3 s on the mixed retrofit split into 24 halls, and holding it let the later steps find theirs); without, a step
    /// may take all that is left.
    var sharesTime: Bool { !retirements.isEmpty }

    /// Slack on a relaxed value before it is rounded past a whole number: GLPK's primal feasibility tolerance is about
    /// 10⁻⁷, so a basic value of count + 2 × 10⁻⁹ is the count, not one more hall.
    static let tolerance = 1e-6

    /// The values `rule` fixes `columns` at, from `point` (the relaxation with every earlier quarter fixed), taking
    /// `columns` in quarter order, each within its `bounds`. Columns neither rule fixes (a stock with retirement, which the
    /// stock balance sets) are absent.
    func values(_ rule: Rule, of columns: [VariableID], at point: [Double],
                bounds: (VariableID) -> (lower: Double, upper: Double)) -> [VariableID: Double] {
        var fixed: [VariableID: Double] = [:]
        for column in columns {
            let x = point[column.index], (lower, upper) = bounds(column)
            var value: Double?
            switch rule {
            case .rounding:
                if purchases.contains(column) {
                    value = (x + Self.tolerance).rounded(.down)
                } else if retirements.contains(column) || facility.contains(column) {
                    value = (x - Self.tolerance).rounded(.up)
                }
            case .holding:
                if purchases.contains(column) || retirements.contains(column) {
                    value = 0
                } else if facility.contains(column) {
                    value = previous[column].map { fixed[$0] ?? point[$0.index].rounded() } ?? lower
                }
            }
            if let value { fixed[column] = min(upper, max(lower, value)) }
        }
        return fixed
    }
}

import LinearProgramming
import PlantModel
import Plans

/// What a whole option is worth to the plan: the final model's relaxation with what the plan built fixed (the LP whose
/// duals price "What binds"), solved again with the option added over a span of quarters.
///
/// A shadow price holds for the first unit of a limit only; options come in blocks (a 146 MW plant module, a 350 MW
/// feed), and past the first few MW another limit binds or the racks run out, so the first unit's price times the block
/// overstates it. Here the block itself is added: one more hall (with its power blocks where asked), feed, plant or
/// chiller module or power block, its column fixed one higher in each quarter of the span, or a limit's rows raised by an
/// amount. The option comes with its own money: its capex is added to the budget (and a Pareto sweep's capex limit) it
/// would take from, its cost to the ratio row of a cost-per-token solve at `--gap 0`, and its own cost in the objective is
/// left out of the gain, so the gain is what the option adds, set against its capex by the caller (README "What to build
/// next").
public struct ReliefValuation: Sendable {
    /// What is added.
    public enum Change: Sendable, Equatable {
        /// One more hall of the design group named `group` (where its halls are planned one by one, in each quarter the first
        /// the plan has not built by then), with `blocks` of its power blocks (only for a group planned as one).
        case hall(group: String, blocks: Int)
        /// One more feed, plant module or chiller module, named as plan.json's `facilityBuilds` name them.
        case item(FacilityBuild.Kind, name: String)
        /// One more power block in the hall, or hall group planned as one, named `hall` (a limit's subject).
        case powerBlock(hall: String)
        /// The rows of a limit raised by `amount` of its unit (whole units per hall: units of `profile`).
        case limit(ConstraintFamily, subject: String?, profile: String?, amount: Double)
    }

    /// A change held from one quarter through another.
    public struct Query: Sendable, Equatable {
        public var change: Change
        public var from: Quarter
        public var through: Quarter

        public init(_ change: Change, from: Quarter, through: Quarter) {
            self.change = change
            self.from = from
            self.through = through
        }
    }

    /// The relaxation: every column continuous, the plan's build columns fixed at its values.
    let model: Model
    /// The plan's values of every column (the build columns rounded).
    let point: [Double]
    /// The most of each build column (by index) the model allows: its upper bound before the plan's value fixed it.
    let most: [Int: Double]
    let rows: [RowInfo]
    let quarters: [Quarter]
    /// Each planned hall's name, design group's name, place in the group (`nil`: the group planned as one), and its build
    /// and power-block columns by quarter.
    let halls: [(name: String, group: String?, member: Int?, built: [Int: VariableID]?, blocks: [Int: VariableID]?)]
    /// Feeds, plant modules and chiller modules by kind and name: their columns by quarter.
    let items: [String: [Int: VariableID]]

    /// Longest the valuation of one plan may take, all its LPs together, seconds, within what is left of the run's
    /// `--time-budget`.
    public static let seconds = 30.0

    /// When the run's time budget ends: the valuation stops there too.
    let budgetEnd: ContinuousClock.Instant
    /// From the model objective's unit to the shadow prices' (``RatioPricing/scale`` under a ratio objective, else 1).
    let scale: Double

    /// A gain below this share of the objective's terms (the sum of their magnitudes at the plan's relaxation) is the
    /// simplex's round-off (its tolerances are 10⁻⁷ of the values it compares), not a gain.
    static let noise = 1e-8

    init(_ f: Formulation, solution: [Double], budgetEnd: ContinuousClock.Instant, scale: Double = 1) {
        self.budgetEnd = budgetEnd
        self.scale = scale
        let built = f.facilityBuildColumns
        var point = solution
        for column in built { point[column.index] = point[column.index].rounded() }
        // The model whose relaxation prices the limits (``Formulation/modelWithoutHallOrder``: without `hall_order` rows it is
        // the model itself), as ``SolveSession`` and ``PinnedPlacement`` price them.
        let source = f.modelWithoutHallOrder
        model = Relaxation.relaxed(source, fixing: Dictionary(built.map { ($0, point[$0.index]) }) { first, _ in first })
        most = Dictionary(built.map { ($0.index, source.variables[$0.index].upperBound ?? .infinity) }) { first, _ in first }
        self.point = point
        rows = f.rows
        let problem = f.problem
        quarters = problem.quarters
        halls = problem.halls.indices.map { h in
            let build = problem.hallBuilds[h]
            return (problem.halls[h].name, build.map { problem.design.halls[$0.designGroup].name }, build?.member,
                    f.hallBuilt[h], f.powerBlocks[h])
        }
        var items: [String: [Int: VariableID]] = [:]
        for (l, columns) in f.plantBuilt { items[Self.key(.plantModule, problem.design.plantModuleLineName(l))] = columns }
        for (l, columns) in f.chillerBuilt { items[Self.key(.chillerModule, problem.design.chillerModuleLineName(l))] = columns }
        for (feed, columns) in f.feedBuilt { items[Self.key(.feed, problem.site.grid.feeds[feed].name)] = columns }
        self.items = items
    }

    static func key(_ kind: FacilityBuild.Kind, _ name: String) -> String { "\(kind.rawValue)|\(name)" }

    /// The objective gained with each query's change, in the unit of the plan's shadow prices (the final model's
    /// objective's, or under a ratio objective the ratio's: ``RatioPricing``; a minimized objective gains a negative
    /// amount); `nil` where the change does not fit the model (nothing left to build, a hall without room for the block)
    /// or the LPs run out of ``seconds``.
    public func gains(_ queries: [Query]) -> [Double?] {
        guard !queries.isEmpty, let solver = try? IncrementalSolver(model) else { return queries.map { _ in nil } }
        let clock = ContinuousClock(), end = min(clock.now + .seconds(Self.seconds), budgetEnd)
        func left() -> Double { (end - clock.now) / .seconds(1) }
        guard left() > 0.01, let base = try? solver.solve(options: SolverOptions(timeLimitSeconds: left())), base.status == .optimal,
              let baseValue = base.objectiveValue else { return queries.map { _ in nil } }
        // The simplex's round-off scales with the objective's terms, which may be far larger than its value (cost − λ × tokens).
        let magnitude = model.objective.reduce(0.0) { $0 + abs($1.coefficient * base.values[$1.variable.index]) }
        let basis = solver.basis
        // Rows the option's money stands in, each an upper limit: the budget, a Pareto sweep's capex limit (by the quarter
        // too, each row with the option's part in it), and the ratio row
        // (cost − λ × tokens ≤ 0) of a cost-per-token solve at a zero gap (tokens-per-mw's, tokens − λ × MW ≥ 0, has no
        // upper bound and is left as it is).
        let money = rows.indices.filter { rows[$0].family.limitsSpending || rows[$0].family == .ratio }
        return queries.map { query in
            guard left() > 0, let change = changes(query) else { return nil }
            // Each query starts from the plan's relaxation and its basis, so that no answer depends on the one before. Upper
            // bounds raised: a money row's by the option's own part in it, a limit's rows by the amount asked.
            var raise: [Int: Double] = [:], ownCost = 0.0
            var values = point
            for (column, added) in change.columns {
                values[column.index] += added
                if values[column.index] > (most[column.index] ?? .infinity) + 1e-9 { return nil }
                ownCost += added * (model.objective.first { $0.variable == column }?.coefficient ?? 0)
                for i in money {
                    guard let term = model.constraints[i].terms.first(where: { $0.variable == column }) else { continue }
                    raise[i, default: 0] += term.coefficient * added
                }
            }
            for (i, added) in change.rows { raise[i, default: 0] += added }
            let columns = change.columns.map(\.column)
            solver.fix(columns, at: values)
            for (i, added) in raise {
                solver.setRowBounds(i, lower: model.constraints[i].lowerBound, upper: model.constraints[i].upperBound.map { $0 + added })
            }
            solver.basis = basis
            let solved = try? solver.solve(options: SolverOptions(timeLimitSeconds: max(0.01, left())))
            solver.fix(columns, at: point)
            for i in raise.keys { solver.setRowBounds(i, lower: model.constraints[i].lowerBound, upper: model.constraints[i].upperBound) }
            guard let solved, solved.status == .optimal, let value = solved.objectiveValue else { return nil }
            // Differences within the simplex's round-off of the objective are no gain.
            let gain = value - baseValue - ownCost
            return abs(gain) <= Self.noise * max(1, magnitude) ? 0 : gain * scale
        }
    }

    /// The columns moved (by how much) and the rows raised (by how much, in the row's own unit) for `query`; `nil` where the
    /// model has no such option or nothing left of it in the span's first quarter.
    func changes(_ query: Query) -> (columns: [(column: VariableID, added: Double)], rows: [(Int, Double)])? {
        let span = quarters.indices.filter { quarters[$0] >= query.from && quarters[$0] <= query.through }
        guard !span.isEmpty else { return nil }
        func raised(_ series: [Int: VariableID]?, by added: Double) -> [(column: VariableID, added: Double)]? {
            guard let series else { return nil }
            let moved = span.compactMap { t in series[t].map { (column: $0, added: added) } }
            return moved.isEmpty ? nil : moved
        }
        switch query.change {
        case let .hall(group, blocks):
            let members = halls.filter { $0.group == group && $0.built != nil }
            if let pooled = members.first(where: { $0.member == nil }) {
                guard var columns = raised(pooled.built, by: 1) else { return nil }
                if blocks > 0 {
                    guard let moved = raised(pooled.blocks, by: Double(blocks)) else { return nil }
                    columns += moved
                }
                return (columns, [])
            }
            // Halls planned one by one are built in order: in each quarter the one added is the first the plan has not
            // built by then, so every hall's column still never falls and no hall stands before the one ahead of it.
            let singles = members.sorted { ($0.member ?? 0) < ($1.member ?? 0) }
            var columns: [(column: VariableID, added: Double)] = []
            // Blocks with a hall planned alone are not asked for (whole units per hall, which asks them, has rows only in groups
            // planned as one): the plan might build that hall later with fewer blocks, which its non-decreasing column forbids.
            guard blocks == 0 else { return nil }
            for t in span {
                guard let next = singles.first(where: { h in (h.built![t].map { point[$0.index] } ?? 0) < 0.5 }),
                      let column = next.built![t] else { return nil }
                columns.append((column, 1))
            }
            return (columns, [])
        case let .item(kind, name):
            return raised(items[Self.key(kind, name)], by: 1).map { ($0, []) }
        case let .powerBlock(name):
            return raised(halls.first { $0.name == name }?.blocks, by: 1).map { ($0, []) }
        case let .limit(family, subject, profile, amount):
            let raised = rows.indices.compactMap { i -> (Int, Double)? in
                let info = rows[i]
                guard info.family == family, info.subject == subject, info.wholeUnits?.profile == profile,
                      let q = info.quarter, q >= query.from, q <= query.through, model.constraints[i].upperBound != nil else { return nil }
                return (i, amount * (info.wholeUnits?.perUnit ?? 1))
            }
            return raised.isEmpty ? nil : ([], raised)
        }
    }
}

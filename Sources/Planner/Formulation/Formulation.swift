import LinearProgramming
import PlantModel
import Plans

/// The mixed-integer program of one planning problem, with what every row and column means.
///
/// Built as PyPSA builds its models: the columns first (``defineRackColumns()``, ``defineServeColumns()``),
/// then one `define…` function per constraint family, each in its own file, adding its rows under stable
/// names (`site_power(2027Q3)`, `floor(nvl_hall,2028Q1)`) that appear in exported models and reports.
/// Rows are added quarter by quarter, hall by hall, in a fixed order, so the same inputs give the same
/// model and the same plan.
///
/// Columns: `build(p,h,t)` integer units commissioned, `retire(p,h,t)` integer racks taken out,
/// `stock(p,h,t)` racks installed, `serve(p,w,t)` racks serving a workload, `halls_built(h,t)`, `feed_built(f,t)`,
/// `plant_modules(heat_rejection,t)`, `chiller_modules(chillers,t)` (on another water loop: `plant_modules(loop,t)`,
/// `chiller_modules(loop,t)`) and `power_blocks(h,t)` halls, feeds, plant modules,
/// chiller modules and halls' power blocks in service that the plan builds, `battery_energy(t)` and `battery_power(t)` the
/// battery in service (continuous), `chiller_heat(t)` (`chiller_heat(loop,t)`) the heat a loop's chillers carry (continuous),
/// `fabric_ports_new(FABRIC,t)` the host ports a priced fabric adds (continuous).
struct Formulation {
    let problem: PlanningProblem
    var model: Model
    var rows: [RowInfo]
    /// `build` column of eligibility e in quarter t.
    var build: [Int: [Int: VariableID]]
    /// `retire` column of eligibility e in quarter t.
    var retire: [Int: [Int: VariableID]]
    /// `stock` column of eligibility e in quarter t.
    var stock: [Int: [Int: VariableID]]
    /// `serve` column of profile p, workload w, quarter t.
    var serve: [Key3: VariableID]
    /// `halls_built` column of hall group h in quarter t (groups with a build option, from their first quarter).
    var hallBuilt: [Int: [Int: VariableID]]
    /// `feed_built` column of the site's feed f in quarter t (feeds with a build option, from their first quarter).
    var feedBuilt: [Int: [Int: VariableID]]
    /// `plant_modules` column of water loop l in quarter t (loops with plant modules, from their first quarter).
    var plantBuilt: [Int: [Int: VariableID]]
    /// `chiller_modules` column of water loop l in quarter t (loops with chiller modules, from their first quarter).
    var chillerBuilt: [Int: [Int: VariableID]]
    /// `power_blocks` column of hall group h in quarter t (groups with power blocks, from their first quarter).
    var powerBlocks: [Int: [Int: VariableID]]
    /// `battery_energy` and `battery_power` columns in quarter t (with a battery to build to a ride-through, from its first quarter).
    var batteryEnergy: [Int: VariableID]
    var batteryPower: [Int: VariableID]
    /// `chiller_heat` column of water loop l in quarter t (loops whose chillers' heat varies, ``defineChillerHeatColumns()``).
    var chillerHeat: [Int: [Int: VariableID]]
    /// `chiller_heat_mean` column of water loop l in quarter t (with ``countsEnergy``, ``defineChillerHeatColumns()``).
    var meanChillerHeat: [Int: [Int: VariableID]]
    /// Whether the model counts energy on the chillers' heat at the racks' average load (the cost objective's): only
    /// ``costTerms`` read it.
    let countsEnergy: Bool
    /// Tokens/s in quarter t.
    var tokenTerms: [[Term]]
    /// Facility MW in quarter t (``facilityPowerTerms(quarter:omitZero:)``).
    var facilityTerms: [[Term]]
    /// Cost over the horizon (annualized capex + energy + facility opex), USD; the chillers' energy on loops whose chillers'
    /// heat varies only with ``countsEnergy`` (the racks' terms leave it out).
    var costTerms: [Term]
    /// Capex over the horizon, USD.
    var capexTerms: [Term]
    /// The IT capex of quarter t, USD: racks bought and retired, and the ports priced fabrics add (cashflow.csv's
    /// rackCapexUSD, retirementUSD and fabricCapexUSD).
    var itCapexByQuarter: [[Term]]
    /// `fabric_ports_new` columns of the priced fabrics (``defineFabricPorts()``).
    var fabricPortColumns: [VariableID]
    /// What the plan builds, each series spent over its lead time (``defineSpendingRows(_:upper:)``).
    var spendingSeries: [SpendingSeries]

    /// A build series (columns in service by quarter, from the first quarter one can be) whose capex per unit in service is
    /// spent evenly over the `leadQuarters` before it enters service, as cashflow.csv books it; `inPlace` (on the
    /// `battery_in_place` column) takes off what stood before the plan, per quarter of spending.
    struct SpendingSeries {
        var columns: [Int: VariableID]
        var capexUSD: Double
        var leadQuarters: Int
        var inPlace: Term?
    }

    struct Key3: Hashable { var p: Int, w: Int, t: Int }

    /// Longest model name GLPK's files carry comfortably (names are cut, not rejected).
    static let modelNameLength = 60

    /// Row-name piece for an identifier.
    static func id(_ text: String) -> String { NameRules.sanitized(text) }

    /// The model of `problem`, with a token target on the last quarter (min-capex), the ε-limit of a Pareto
    /// point and the site's water limit where given; with `countsEnergy`, the chillers' heat at the racks' average load
    /// (the cost objective's energy).
    init(_ problem: PlanningProblem, tokenTarget: Double? = nil, limit: ParetoLimit? = nil, water: WaterLimit? = nil, countsEnergy: Bool = false) {
        self.problem = problem
        model = Model(name: Self.id("plan_" + problem.design.name).prefix(Self.modelNameLength).description, sense: .maximize)
        rows = []
        build = [:]
        retire = [:]
        stock = [:]
        serve = [:]
        hallBuilt = [:]
        feedBuilt = [:]
        plantBuilt = [:]
        chillerBuilt = [:]
        powerBlocks = [:]
        batteryEnergy = [:]
        batteryPower = [:]
        chillerHeat = [:]
        meanChillerHeat = [:]
        self.countsEnergy = countsEnergy
        tokenTerms = Array(repeating: [], count: problem.quarters.count)
        facilityTerms = Array(repeating: [], count: problem.quarters.count)
        costTerms = []
        capexTerms = []
        itCapexByQuarter = Array(repeating: [], count: problem.quarters.count)
        fabricPortColumns = []
        spendingSeries = []

        defineRackColumns()
        defineServeColumns()
        defineFabricPorts()
        defineFacilityCostColumns()
        defineFacilityBuildColumns()
        defineBatteryColumns()
        defineChillerHeatColumns()
        facilityTerms = problem.quarters.indices.map { facilityPowerTerms(quarter: $0, omitZero: false) }
        for t in problem.quarters.indices {
            for h in problem.halls.indices {
                defineFloor(hall: h, quarter: t)
                defineHallPower(hall: h, quarter: t)
                defineLiquid(hall: h, quarter: t)
                defineAir(hall: h, quarter: t)
                defineHallNetwork(hall: h, quarter: t)
                defineUnitsPerHall(hall: h, quarter: t)
            }
            defineSitePower(quarter: t)
            defineBatteryRideThrough(quarter: t)
            for l in problem.loops.indices {
                defineHeatRejection(loop: l, quarter: t)
                defineChillers(loop: l, quarter: t)
                defineChillerHeat(loop: l, quarter: t)
            }
            defineNetwork(quarter: t)
            defineWater(quarter: t, limit: water)
            defineSupply(quarter: t)
            defineServe(quarter: t)
            defineShare(quarter: t)
        }
        defineRackLife()
        defineHallOrder()
        defineBudget()
        defineParetoLimit(limit)
        defineTokenTarget(tokenTarget)
    }

    /// Quarter label of quarter index t, as row names carry it.
    func q(_ t: Int) -> String { problem.quarters[t].description }

    /// The terms Σ coefficient(rack) · stock(e,t) over the eligibilities that `include` admits, in
    /// eligibility order; racks whose coefficient is 0 are left out where `omitZero`.
    func stockTerms(quarter t: Int, where include: (PlanningProblem.Eligibility) -> Bool = { _ in true }, omitZero: Bool,
                    coefficient: (RackCoefficients) -> Double) -> [Term] {
        problem.eligible.enumerated().compactMap { e, el in
            guard include(el), let n = stock[e]?[t] else { return nil }
            let a = coefficient(problem.coefficients(e))
            return omitZero && a <= 0 ? nil : Term(n, a)
        }
    }

    /// Adds a row unless it has no terms (an empty limit constrains nothing).
    mutating func addRow(_ name: String, _ terms: [Term], lower: Double? = nil, upper: Double? = nil,
                         _ family: ConstraintFamily, _ quarter: Quarter?, _ subject: String?, wholeUnits: WholeUnits? = nil) {
        guard !terms.isEmpty else { return }
        model.addConstraint(name, terms, lowerBound: lower, upperBound: upper)
        rows.append(RowInfo(family: family, quarter: quarter, subject: subject, wholeUnits: wholeUnits))
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

    /// `model`'s objective at `point`, its constant included (the value GLPK reports and compares with a target).
    static func objectiveValue(_ point: [Double], on model: Model) -> Double {
        value(model.objective, point) + model.objectiveConstant
    }

    /// Whether point `a` is strictly better than `b` by `model`'s objective, in its sense.
    static func isBetter(_ a: [Double], than b: [Double], on model: Model) -> Bool {
        let sign = model.sense.sign
        return sign * value(model.objective, a) > sign * value(model.objective, b)
    }

    /// Objective weight that keeps a plan from retiring racks or building halls and feeds for nothing (retiring and
    /// rebuilding the same profile gains no token and, without a decommissioning cost, costs nothing; under max-tokens
    /// an empty hall costs nothing): one unit of the model's objective per retired rack and per quarter a hall or feed is
    /// in service, against ≈ 10⁵ tokens/s, 10⁶ USD or 10⁶ million tokens a rack is worth, far below any real gain and
    /// far above the solver's tolerances.
    static let idleDecisionPenalty = 1.0

    /// `objective` with ``idleDecisionPenalty`` per retired rack, per built hall and feed in each quarter, per MWh and MW of
    /// battery in each quarter and per fabric port bought, against its `sense`.
    func discouragingIdleDecisions(_ objective: [Term], sense: ObjectiveSense) -> [Term] {
        let columns = retire.keys.sorted().flatMap { e in retire[e]!.sorted { $0.key < $1.key }.map(\.value) } + facilityBuildColumns
            + batteryColumns + fabricPortColumns
        guard !columns.isEmpty else { return objective }
        let penalty = sense == .maximize ? -Self.idleDecisionPenalty : Self.idleDecisionPenalty
        return Self.combine(objective, minus: -1, columns.map { Term($0, penalty) })
    }

    /// What relax-and-fix does with a quarter whose step finds no integer point (``StepFallback``).
    var stepFallback: StepFallback {
        var previous: [VariableID: VariableID] = [:]
        for series in facilityBuildSeries {
            let columns = series.sorted { $0.key < $1.key }.map(\.value)
            for (earlier, later) in zip(columns, columns.dropFirst()) { previous[later] = earlier }
        }
        return StepFallback(purchases: Set(build.values.flatMap(\.values)), retirements: Set(retire.values.flatMap(\.values)),
                            facility: Set(facilityBuildColumns), previous: previous)
    }

    /// The integer columns (`halls_built`, `feed_built`, `plant_modules`, `chiller_modules` and `power_blocks`, `build`, then `retire` and `stock`
    /// where retirement makes them integer) grouped by quarter, earliest first.
    var buildColumnsByQuarter: [[VariableID]] {
        var groups = Array(repeating: [VariableID](), count: tokenTerms.count)
        for columns in [hallBuilt, feedBuilt, plantBuilt, chillerBuilt, powerBlocks, build, retire, stock] {
            for e in columns.keys.sorted() {
                for (t, b) in columns[e]!.sorted(by: { $0.key < $1.key }) where model.variables[b.index].kind != .continuous {
                    groups[t].append(b)
                }
            }
        }
        return groups
    }
}

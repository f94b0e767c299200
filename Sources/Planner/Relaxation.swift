import Foundation
import LinearProgramming

/// The LP relaxation of a model (every integer made continuous); its duals price the binding limits and
/// it seeds the relax-and-fix starting plan.
struct Relaxation {
    let model: Model
    /// The relaxation's optimum; `nil` when it did not solve to optimality.
    let solution: Solution?
    /// The model kept loaded in GLPK for relax-and-fix and the pricing LP.
    private let kept: KeptProblem
    /// Where the solves made here count their nodes and iterations: the relaxations, relax-and-fix's steps, the
    /// neighbourhood searches and the pricing LP.
    let work: SearchWork

    /// Relative gap of each relax-and-fix step: a step only has to be good, the final search proves the plan. A step's
    /// shortfall is never made up (its integers are fixed), so the steps' gaps add up. Tighter steps cost time without
    /// always buying a better plan: on benchmarks/campus-48-distinct (32 quarters, 31 needing a step's MIP) 10⁻⁴ and 10⁻⁵
    /// gave the same starting plan, 0.23 % below the relaxation, in 17 s and 28 s (idle 2-core machine; before the steps
    /// ran in the kept problem and branched on the most fractional column), and the facility co-design example's plan is the
    /// same; at `--gap 0.05` that example found no starting plan within 20 s with steps at 10⁻⁵, and one in 8 s at 10⁻⁴.
    /// So a step's gap is a tenth of the search's, between these two.
    static func stepGap(forSearchGap gap: Double) -> Double { min(1e-4, max(1e-5, gap / 10)) }
    /// A relaxed value this close to a whole number is taken as integral.
    static let integralityTolerance = 1e-9

    /// Relaxes `model` and solves the relaxation within `deadline`, with the dual simplex: on
    /// benchmarks/campus-48-distinct.yaml (10,889 rows) about 1.5 s where the primal took 10 s on a loaded 2-core
    /// machine; on the mixed retrofit the two take the same time.
    ///
    /// With `loadingKept` (relax-and-fix will run), the kept problem is loaded and its own relaxation solved within the
    /// same deadline at the same time, on this thread, while the fresh solve runs on a thread of its own
    /// (``BackgroundWork``). The two LPs are independent and each reaches the vertex it reaches alone, so, unless a time
    /// limit stops one of them, the plan is the one they give solved one after the other, on one core or several; on
    /// benchmarks/campus-48-distinct.yaml the start is ready up to the shorter LP's time (2–2.7 s) sooner where a second
    /// core is free. The solves count their work in `work`.
    init(_ model: Model, deadline: SolveDeadline, loadingKept: Bool = false, counting work: SearchWork = SearchWork()) {
        self.model = model
        self.work = work
        let relaxed = Self.relaxed(model, fixing: [:])
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, dualSimplex: true)
        let solve: @Sendable () -> Solution? = { try? relaxed.solve(options: options) }
        kept = KeptProblem(model, work: work)
        let solved: Solution?
        if loadingKept {
            let fresh = BackgroundWork(solve)
            _ = kept.restored(within: deadline.remainingSeconds)
            solved = fresh.wait()
        } else {
            solved = solve()
        }
        work.add(solved)
        solution = solved.flatMap { $0.status == .optimal ? $0 : nil }
    }

    /// The model loaded in GLPK once, for relax-and-fix, and its relaxation solved there; each later use starts from that
    /// relaxation's optimal basis. Relax-and-fix's steps and the pricing LP after them thus re-solve from a basis near
    /// their optimum, where each LP built afresh took about 2 s on benchmarks/campus-48-distinct.yaml (11,141 rows).
    ///
    /// The relaxation's own optimum (``Relaxation/solution``) still comes from a fresh solve with GLPK's presolver: the
    /// kept problem solves without it, and on this degenerate LP the two end at different optimal vertices. Starting the
    /// plan from the kept one's values and duals instead took the facility co-design example from 16 s to a 66 s stop at
    /// its limit with a 0.126 % gap; starting the kept problem at the fresh solve's basis (one LP instead of two) took it
    /// to a 70 s stop at 0.200 %, the steps then starting from the other vertex.
    private final class KeptProblem {
        let model: Model
        /// The model loaded in GLPK on first use; `nil` for good when it does not load.
        private lazy var solver: IncrementalSolver? = try? IncrementalSolver(model)
        /// The relaxation's optimal basis in `solver`, once a solve there has reached it.
        private var basis: IncrementalSolver.Basis?
        let work: SearchWork

        init(_ model: Model, work: SearchWork) {
            self.model = model
            self.work = work
        }

        /// Whether the relaxation has been solved in the kept problem, so that ``restored(within:)`` only sets its basis.
        var isReady: Bool { basis != nil }

        /// The kept problem back at the relaxation (every column continuous within its bounds, at the relaxation's
        /// optimal basis); on first use loaded, and its relaxation solved within `seconds`. `nil` when it does not load,
        /// or its relaxation is not solved to optimality within `seconds`: the next use tries again from where that solve
        /// stopped.
        func restored(within seconds: Double) -> IncrementalSolver? {
            guard let solver else { return nil }
            solver.relax(model.variables.indices.map(VariableID.init))
            if let basis {
                solver.basis = basis
                return solver
            }
            let solved = work.add(try? solver.solve(options: SolverOptions(timeLimitSeconds: seconds)))
            guard solved?.status == .optimal else { return nil }
            basis = solver.basis
            return solver
        }
    }

    /// Longest a pricing LP (``fixing(_:at:)``) may take, seconds: an LP of the size the planner builds solves in well
    /// under a second.
    static let pricingSeconds = 10.0

    /// The relaxation with `columns` fixed at their values in `point` (rounded), every other column continuous: with the
    /// halls, feeds, plant and chiller modules and power blocks the plan built fixed, its duals price one more MW of what stands, not of a fractional
    /// hall the relaxation would build for exactly what it needs. Solved in the kept problem from the relaxation's basis
    /// where it was loaded for relax-and-fix and the relaxation solved, afresh with GLPK's presolver otherwise (loading it
    /// for this alone would solve the relaxation first); `nil` when it does not solve to optimality within ``pricingSeconds``.
    func fixing(_ columns: [VariableID], at point: [Double]) -> Solution? {
        guard solution != nil, kept.isReady, let solver = kept.restored(within: Self.pricingSeconds) else {
            return Self.fixing(model, columns, at: point, counting: work)
        }
        solver.fix(columns, at: point.map { $0.rounded() })
        return work.add(try? solver.solve(options: SolverOptions(timeLimitSeconds: Self.pricingSeconds)))
            .flatMap { $0.status == .optimal ? $0 : nil }
    }

    /// `model`'s relaxation with `columns` fixed at their values in `point` (rounded), solved afresh with GLPK's presolver;
    /// `nil` when it does not solve to optimality within `seconds` (``pricingSeconds`` unless given). The solve counts its
    /// work in `work`.
    static func fixing(_ model: Model, _ columns: [VariableID], at point: [Double], within seconds: Double = pricingSeconds,
                       counting work: SearchWork) -> Solution? {
        let fixed = relaxed(model, fixing: Dictionary(columns.map { ($0, point[$0.index].rounded()) }) { first, _ in first })
        return work.add(try? fixed.solve(options: SolverOptions(timeLimitSeconds: seconds))).flatMap { $0.status == .optimal ? $0 : nil }
    }

    /// `model` with every column continuous and each column of `fixed` fixed at its value.
    static func relaxed(_ model: Model, fixing fixed: [VariableID: Double]) -> Model {
        var relaxed = model
        for j in relaxed.variables.indices { relaxed.variables[j].kind = .continuous }
        for (column, value) in fixed {
            relaxed.variables[column.index].lowerBound = value
            relaxed.variables[column.index].upperBound = value
        }
        return relaxed
    }

    /// A starting plan for `model` with the columns of `fixed` at their values and every other column at the relaxation's
    /// optimum with those fixed (the continuous columns that follow from the integers), if GLPK may take it; `nil` when
    /// that relaxation has no optimum within `deadline`.
    static func completing(_ model: Model, fixed: [VariableID: Double], deadline: SolveDeadline) -> [Double]? {
        let completed = relaxed(model, fixing: fixed)
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, dualSimplex: true)
        guard let solution = try? completed.solve(options: options), solution.status == .optimal else { return nil }
        return usableStart(solution.values, for: model)
    }

    /// A feasible integer point by relax-and-fix: group by group (quarter by quarter), the integer columns
    /// of the earliest unfixed group are made integer while later groups stay relaxed, that small MIP is
    /// solved and its integers fixed. Later quarters thus make up for what rounding took from earlier
    /// ones. On a model of `roundingFirstRows` rows or more, a step first tries its quarter rounded down, one LP, and takes
    /// that where it loses no more than its share of the search's gap (``roundingShare(ofSearchGap:steps:)``), so that such
    /// steps together lose no more than the gap. A step that finds no point within its time, and every quarter left once
    /// `deadline` has passed, is settled by `fallback`; `nil` when that leaves no feasible point either (e.g. a token
    /// target needs more racks than the fixed quarters allow), and GLPK then searches on its own.
    ///
    /// - Parameters:
    ///   - fixingOrder: the integer columns in the groups they are fixed in.
    ///   - searchGap: the relative gap of the whole search (``stepGap(forSearchGap:)``).
    ///   - absoluteGap: the absolute gap of the whole search, shared out among the steps.
    ///   - deadline: the end of the steps' share of the solve.
    ///   - fallback: how a quarter without a step's point is settled; with retirement each step also gets at most an
    ///     even share of the time left, so one hard step cannot starve the later ones.
    ///   - solveEnd: the end of the whole solve, which the fallback's LP may run into.
    ///   - roundingFirstRows: rows from which steps try rounding down first.
    func relaxAndFix(_ fixingOrder: [[VariableID]], searchGap: Double, absoluteGap: Double?, deadline: SolveDeadline,
                     fallback: StepFallback, solveEnd: SolveDeadline, roundingFirstRows: Int = Self.roundingFirstRows) -> [Double]? {
        // The kept problem's LP, solved beside the fresh one within the starting plan's share, is tried again here where that
        // share did not suffice; like the fallback's LP, it may then use the solve's time.
        guard var current = solution?.values, let solver = kept.restored(within: solveEnd.remainingSeconds) else { return nil }
        // Each step's branch-and-bound re-solves the whole model's LP at every node; GLPK's default Driebeck–Tomlin rule adds
        // ratio tests over it at every branching, which cost more than they save: on benchmarks/campus-48-distinct.yaml
        // the whole plan took 13.4–16.4 s with it and 11.6–12.4 s branching on the most fractional column (the same plan).
        var options = SolverOptions(relativeGap: Self.stepGap(forSearchGap: searchGap),
                                    absoluteGap: absoluteGap.map { $0 / Double(max(1, fixingOrder.count)) },
                                    branching: .mostFractional)
        let roundsFirst = model.constraints.count >= roundingFirstRows
        let share = (relative: Self.roundingShare(ofSearchGap: searchGap, steps: fixingOrder.count), absolute: options.absoluteGap)
        for (g, group) in fixingOrder.enumerated() {
            if deadline.isPast {
                return settling(Array(fixingOrder[g...].joined()), from: current, in: solver, by: fallback, until: solveEnd,
                                accepting: usableStart)
            }
            if !group.allSatisfy({ abs(current[$0.index] - current[$0.index].rounded()) <= Self.integralityTolerance }) {
                let stepSeconds = { deadline.remainingSeconds / (fallback.sharesTime ? Double(fixingOrder.count - g) : 1) }
                if roundsFirst, let rounded = roundedDown(group, from: current, in: solver, share: share, seconds: stepSeconds() / 2) {
                    current = rounded
                    continue
                }
                // Where rounding was tried, from the basis its LP left: setting back the one from before took
                // benchmarks/campus-48-distinct.yaml from 8.7–9.1 s to 10.2 s (another path, to a plan at the same gap).
                solver.restoreKinds(group)
                options.timeLimitSeconds = stepSeconds()
                guard let step = work.add(try? solver.solve(options: options)) else { return nil }
                if step.status == .optimal || step.status == .feasible {
                    current = step.values
                } else {
                    guard let settled = settling(group, from: current, in: solver, by: fallback, until: solveEnd, accepting: { $0 }) else {
                        return nil
                    }
                    current = settled
                }
            }
            solver.fix(group, at: current.map { $0.rounded() })
        }
        return usableStart(current)
    }

    /// Rows from which a relax-and-fix step first tries its quarter rounded down (``roundedDown(_:from:in:share:seconds:)``)
    /// before its branch-and-bound. On benchmarks/campus-48-distinct.yaml (11,141 rows) each node's LP costs 10–20 ms, and
    /// rounding down reaches steps 7 to 31 within 9,000 of what their branch-and-bound reached, of the objective's
    /// 5.79 × 10⁹ (from step 10 on both lose 179,400 a quarter): the starting plan takes about 6 s instead of 18 s. On small
    /// models a step's branch-and-bound takes milliseconds and lands where later quarters fare better: with rounding first,
    /// the facility co-design example (927 rows) took 6.5 s instead of 2.5 s, and the 24-hall test campus's start
    /// (3,002 rows) left its second step 725 nodes (6 s) where it had needed 9.
    static let roundingFirstRows = 5_000

    /// Values this close above a whole number are rounded down to it, not below: LP noise, as GLPK's own integrality
    /// tolerance (10⁻⁵) would take them.
    static let roundingTolerance = 1e-6

    /// The relative loss a step may take by rounding down: r with (1 + r)ⁿ = 1 + `gap` for n `steps`, so that n steps each
    /// within r of their own bound end within `gap` of the first one's (maximizing; minimizing, r is less than the
    /// 1 − (1 − gap)^(1/n) that would do). Wider than a step's own gap (``stepGap(forSearchGap:)``) where `gap` is over n
    /// times it (`--gap 0.05` over 32 quarters: 1.5 × 10⁻³ against 10⁻⁴): the steps' branch-and-bound aims closer than
    /// the search needs, rounding only as close as it needs.
    static func roundingShare(ofSearchGap gap: Double, steps: Int) -> Double {
        pow(1 + max(0, gap), 1 / Double(max(1, steps))) - 1
    }

    /// `point` re-solved with `group` fixed at its values rounded down (not below its lower bounds), one LP in `solver`,
    /// when that loses no more than `share` (``roundingShare(ofSearchGap:steps:)``, relative, or the step's share of an
    /// absolute gap) of `point`'s value (the previous step's plan, later quarters relaxed). `nil` otherwise, with `group`
    /// left fixed there.
    private func roundedDown(_ group: [VariableID], from point: [Double], in solver: IncrementalSolver,
                             share: (relative: Double, absolute: Double?), seconds: Double?) -> [Double]? {
        var floors = point
        for column in group {
            let lowest = (model.variables[column.index].lowerBound ?? -.infinity).rounded(.up)
            floors[column.index] = max(lowest, (point[column.index] + Self.roundingTolerance).rounded(.down))
        }
        solver.fix(group, at: floors)
        guard let lp = work.add(try? solver.solve(options: SolverOptions(timeLimitSeconds: seconds))), lp.status == .optimal
        else { return nil }
        let sign = model.sense.sign
        let closes = SolveSession.closes(bound: Formulation.objectiveValue(point, on: model),
                                         value: Formulation.objectiveValue(lp.values, on: model), sign: sign,
                                         relativeGap: share.relative, absoluteGap: share.absolute)
        return closes ? lp.values : nil
    }

    /// `point` with `columns` settled by `fallback`'s first rule that leaves a feasible LP (the columns it does not fix
    /// continuous) whose point `accept` takes, the later quarters re-solved from there, within `deadline`; `nil` when
    /// neither rule does.
    private func settling(_ columns: [VariableID], from point: [Double], in solver: IncrementalSolver, by fallback: StepFallback,
                          until deadline: SolveDeadline, accepting accept: ([Double]) -> [Double]?) -> [Double]? {
        for rule in StepFallback.Rule.allCases {
            let fixed = fallback.values(rule, of: columns, at: point) {
                (model.variables[$0.index].lowerBound ?? 0, model.variables[$0.index].upperBound ?? .infinity)
            }
            var values = point
            for (column, value) in fixed { values[column.index] = value }
            solver.relax(columns)
            solver.fix(columns.filter { fixed[$0] != nil }, at: values)
            let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds)
            if let step = work.add(try? solver.solve(options: options)), step.status == .optimal,
               let accepted = accept(step.values) {
                return accepted
            }
        }
        return nil
    }

    /// Most neighbourhoods searched from one starting plan: each starts from the plan the one before found.
    static let neighbourhoodRounds = 5

    /// A neighbourhood's relative gap: a tenth of the search's, at least 10⁻⁶ (its bound is its own, not the model's).
    static func neighbourhoodGap(forSearchGap gap: Double) -> Double { max(1e-6, gap / 10) }

    /// `incumbent`, improved by searching its neighbourhood (``neighbourhood(of:gap:absoluteGap:target:deadline:)``) and
    /// then the better plan's, until one finds nothing better, one reaches `target` (a value that closes the search's gap),
    /// ``neighbourhoodRounds`` searches have run or `deadline` has passed.
    func improving(_ incumbent: [Double], gap: Double, absoluteGap: Double? = nil, target: Double? = nil,
                   deadline: SolveDeadline) -> [Double] {
        let sign = model.sense.sign
        var current = incumbent
        for _ in 0..<Self.neighbourhoodRounds where !deadline.isPast {
            guard let better = neighbourhood(of: current, gap: gap, absoluteGap: absoluteGap, target: target, deadline: deadline)
            else { break }
            current = better
            if let target, sign * Formulation.objectiveValue(current, on: model) >= sign * target { break }
        }
        return current
    }

    /// A better plan near `incumbent` (relaxation-induced neighbourhood search, RINS: Danna, Rothberg and Le Pape,
    /// Mathematical Programming 102, 2005): every integer column on which the incumbent and the relaxation agree (rounded)
    /// is fixed there, and the MIP of the columns left is solved from the incumbent within `deadline`, to `gap` (or
    /// `absoluteGap`, for a Dinkelbach step whose optimum is near zero) or until a plan reaches `target`; `nil` when it finds
    /// nothing better.
    func neighbourhood(of incumbent: [Double], gap: Double, absoluteGap: Double? = nil, target: Double? = nil,
                       deadline: SolveDeadline) -> [Double]? {
        guard let relaxed = solution?.values else { return nil }
        var sub = model
        for j in model.variables.indices where model.variables[j].kind != .continuous && abs(incumbent[j] - relaxed[j]) < 0.5 {
            sub.variables[j].lowerBound = incumbent[j]
            sub.variables[j].upperBound = incumbent[j]
        }
        let options = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, relativeGap: gap, absoluteGap: absoluteGap, presolve: false,
                                    cuts: true, branching: .pseudocost, initialSolution: incumbent, objectiveTarget: target)
        guard let found = work.add(try? sub.solve(options: options)), found.status == .optimal || found.status == .feasible,
              let point = usableStart(found.values) else { return nil }
        return Formulation.isBetter(point, than: incumbent, on: model) ? point : nil
    }

    /// `point` with its integer columns rounded, if GLPK may take it as a starting solution of the model.
    func usableStart(_ point: [Double]) -> [Double]? { Self.usableStart(point, for: model) }

    /// `point` with its integer columns rounded, if GLPK may take it as a starting solution of `model`.
    static func usableStart(_ point: [Double], for model: Model) -> [Double]? {
        let start = zip(model.variables, point).map { $0.kind == .continuous ? $1 : $1.rounded() }
        return model.issues(options: SolverOptions(initialSolution: start)).isEmpty ? start : nil
    }
}

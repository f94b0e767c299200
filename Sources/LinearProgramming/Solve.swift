import CGLPK

extension Model {
    /// Validates the model, solves it with GLPK (simplex for LPs, branch-and-cut for MIPs) and returns
    /// the result. Synchronous and self-contained: GLPK's problem is created and freed inside this call.
    ///
    /// - Throws: ``ModelError`` for invalid input (GLPK is never called), ``SolverError`` when GLPK fails
    ///   numerically.
    public func solve(options: SolverOptions = SolverOptions()) throws -> Solution {
        try validate(options: options)
        return try withTerminalOutput(options.verbose) {
            let problem = GLPKProblem(self)
            var session = SolveSession(problem: problem, options: options)
            return try isMixedInteger ? session.solveMIP() : session.solveLP()
        }
    }
}

/// State of one solve: the deadline and the GLPK problem.
struct SolveSession {
    let problem: GLPKProblem
    let options: SolverOptions
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    /// GLPK's iteration count of the problem when the solve began: it counts from the problem's creation, and a problem
    /// kept across solves (``IncrementalSolver``) has counted earlier ones.
    let iterationsBefore: Int

    init(problem: GLPKProblem, options: SolverOptions) {
        self.problem = problem
        self.options = options
        self.start = clock.now
        iterationsBefore = Int(glp_get_it_cnt(problem.pointer))
    }

    /// Simplex iterations of this solve.
    var iterations: Int { Int(glp_get_it_cnt(p)) - iterationsBefore }

    var p: OpaquePointer { problem.pointer }
    var model: Model { problem.model }
    var messageLevel: Int32 { options.verbose ? GLP_MSG_ON : GLP_MSG_OFF }

    /// Milliseconds left before the time limit (at least 1), or `Int32.max` without a limit.
    func remainingMilliseconds() -> Int32 {
        guard let limit = options.timeLimitSeconds else { return Int32.max }
        let elapsedSeconds = (clock.now - start) / .seconds(1)
        return Int32(max(1, ((limit - elapsedSeconds) * 1000).rounded()))
    }

    /// Runs the simplex (primal, or dual with ``SolverOptions/dualSimplex``); returns GLPK's return code.
    func simplex(presolve: Bool) -> GLPKReturnCode {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.meth = options.dualSimplex ? GLP_DUALP : GLP_PRIMAL
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.tm_lim = remainingMilliseconds()
        return GLPKReturnCode(rawValue: glp_simplex(p, &parameters))
    }

    /// The LP status after a simplex run, distinguishing what presolve alone cannot.
    func lpOutcome(_ code: GLPKReturnCode) throws -> SolutionStatus {
        switch code {
        case .success:
            switch glp_get_status(p) {
            case GLP_OPT: return .optimal
            case GLP_NOFEAS: return .infeasible
            case GLP_UNBND: return .unbounded
            case GLP_FEAS: return .feasible
            default:
                throw SolverError(routine: "glp_simplex", code: .solverFailed)
            }
        case .noPrimalFeasible:
            return .infeasible
        case .noDualFeasible:
            // Presolve says "no dual feasible solution": primal unbounded or infeasible. Ask the simplex.
            return try lpOutcome(simplex(presolve: false))
        case .timeLimit, .iterationLimit:
            return glp_get_status(p) == GLP_FEAS ? .feasible : .limitReachedWithoutSolution
        default:
            throw SolverError(routine: "glp_simplex", code: code)
        }
    }

    mutating func solveLP() throws -> Solution {
        let status = try lpOutcome(simplex(presolve: options.presolve))
        var solution = emptySolution(status)
        guard solution.hasValues else { return solution }
        readBasicSolution(into: &solution)
        return solution
    }

    mutating func solveMIP() throws -> Solution {
        if !options.presolve {
            // Without the MIP presolver glp_intopt needs an optimal LP relaxation first.
            let status = try lpOutcome(simplex(presolve: false))
            if status != .optimal {
                return emptySolution(status == .feasible ? .limitReachedWithoutSolution : status)
            }
        }
        // GLPK rejects a heuristic point whose integer columns are not exactly integral.
        let incumbent = options.presolve ? nil : options.initialSolution.map { start in
            zip(model.variables, start).map { $0.kind == .continuous ? $1 : $1.rounded() }
        }
        let monitor = BranchAndBoundMonitor(columnCount: model.variables.count, incumbent: incumbent,
                                            absoluteGap: options.absoluteGap,
                                            target: options.objectiveTarget.map { (model.sense.sign, $0) },
                                            abandonsUnreachableTarget: options.abandonsUnreachableTarget)
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = messageLevel
        parameters.presolve = options.presolve ? GLP_ON : GLP_OFF
        parameters.tm_lim = remainingMilliseconds()
        if let gap = options.relativeGap { parameters.mip_gap = gap }
        switch options.branching {
        case .driebeckTomlin: parameters.br_tech = GLP_BR_DTH
        case .mostFractional: parameters.br_tech = GLP_BR_MFV
        case .pseudocost: parameters.br_tech = GLP_BR_PCH
        }
        if options.cuts {
            parameters.gmi_cuts = GLP_ON
            parameters.mir_cuts = GLP_ON
            parameters.cov_cuts = GLP_ON
            parameters.clq_cuts = GLP_ON
        }
        parameters.cb_func = branchAndBoundCallback
        let code = withExtendedLifetime(monitor) {
            parameters.cb_info = Unmanaged.passUnretained(monitor).toOpaque()
            return GLPKReturnCode(rawValue: glp_intopt(p, &parameters))
        }

        let mipStatus = glp_mip_status(p)
        let status: SolutionStatus
        switch code {
        case .success:
            switch mipStatus {
            case GLP_OPT: status = .optimal
            case GLP_FEAS: status = .feasible
            case GLP_NOFEAS: status = .infeasible
            default: status = .limitReachedWithoutSolution
            }
        case .gapReached, .stoppedByApplication:
            status = mipStatus == GLP_OPT || mipStatus == GLP_FEAS ? .feasible : .limitReachedWithoutSolution
        case .timeLimit:
            status = mipStatus == GLP_FEAS || mipStatus == GLP_OPT ? .feasible : .limitReachedWithoutSolution
        case .noPrimalFeasible:
            status = .infeasible
        case .noDualFeasible:
            // The relaxation has no dual feasible solution: ask the simplex what the relaxation is.
            let relaxation = try lpOutcome(simplex(presolve: false))
            status = relaxation == .infeasible ? .infeasible : .unbounded
        default:
            throw SolverError(routine: "glp_intopt", code: code)
        }

        var solution = emptySolution(status)
        solution.branchAndBoundNodes = monitor.nodes
        guard solution.hasValues else { return solution }

        let objective = glp_mip_obj_val(p)
        solution.objectiveValue = objective
        solution.values = (0..<model.variables.count).map { glp_mip_col_val(p, Int32($0 + 1)) }
        solution.rowActivities = (0..<model.constraints.count).map { glp_mip_row_val(p, Int32($0 + 1)) }
        let reached = code == .gapReached ? options.relativeGap.map { Self.gapBound(objective: objective, gap: $0, sense: model.sense) } : nil
        let bound = status == .optimal ? objective : model.sense.tightest(monitor.bestBound, reached) ?? objective
        solution.bestBound = bound
        solution.relativeGap = abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
        if options.dualsWithIntegersFixed { try readFixedIntegerDuals(values: solution.values, into: &solution) }
        return solution
    }

    /// The bound GLPK's gap stop proves: it stops once |objective − its best bound| ≤ mip_gap · (|objective| + DBL_EPSILON),
    /// a bound the callback may not have seen.
    static func gapBound(objective: Double, gap: Double, sense: ObjectiveSense) -> Double {
        objective + sense.sign * gap * (abs(objective) + .ulpOfOne)
    }

    /// A solution of `status` without values yet, with the simplex iterations of this solve so far.
    func emptySolution(_ status: SolutionStatus) -> Solution {
        Solution(status: status, objectiveValue: nil, values: [], rowActivities: [], rowDuals: nil,
                 reducedCosts: nil, bestBound: nil, relativeGap: nil, simplexIterations: iterations,
                 branchAndBoundNodes: 0)
    }

    func readBasicSolution(into solution: inout Solution) {
        solution.objectiveValue = glp_get_obj_val(p)
        let rows = 0..<model.constraints.count
        let columns = 0..<model.variables.count
        solution.values = columns.map { glp_get_col_prim(p, Int32($0 + 1)) }
        solution.rowActivities = rows.map { glp_get_row_prim(p, Int32($0 + 1)) }
        solution.rowDuals = rows.map { glp_get_row_dual(p, Int32($0 + 1)) }
        solution.reducedCosts = columns.map { glp_get_col_dual(p, Int32($0 + 1)) }
    }

    /// Fixes every integer column at its MIP value, re-solves the LP and reads its duals.
    func readFixedIntegerDuals(values: [Double], into solution: inout Solution) throws {
        for (j, variable) in model.variables.enumerated() where variable.kind != .continuous {
            let column = Int32(j + 1)
            let value = values[j].rounded()
            glp_set_col_kind(p, column, GLP_CV)
            glp_set_col_bnds(p, column, GLP_FX, value, value)
        }
        let code = simplex(presolve: false)
        guard code == .success, glp_get_status(p) == GLP_OPT else {
            throw SolverError(routine: "glp_simplex (integers fixed)", code: code)
        }
        let rows = 0..<model.constraints.count
        solution.rowDuals = rows.map { glp_get_row_dual(p, Int32($0 + 1)) }
        solution.reducedCosts = (0..<model.variables.count).map { glp_get_col_dual(p, Int32($0 + 1)) }
    }
}

/// What the branch-and-bound callback records; reached through `cb_info` on the solving thread only.
final class BranchAndBoundMonitor {
    let columnCount: Int
    /// A feasible point to offer once as a heuristic solution (only without presolve, where the tree's
    /// columns are the model's columns).
    var incumbent: [Double]?
    /// Stop once bound and incumbent are this close (objective units); 0 leaves the search to GLPK.
    let absoluteGap: Double?
    /// Stop once the incumbent's objective times `sign` (1 maximizing, −1 minimizing) reaches `value` times `sign`.
    let target: (sign: Double, value: Double)?
    /// Stop once the best bound times `sign` falls below the target's value times `sign` by more than
    /// ``unreachableTolerance`` of its size: no point reaches it.
    let abandonsUnreachableTarget: Bool
    var bestBound: Double?
    var nodes = 0
    /// How far below a target (relative to its size) the bound must fall for the target to be unreachable: a target aimed a
    /// hair (10⁻⁹) inside a bound proven elsewhere, at a zero gap, stays within reach of a search whose bound is that bound.
    static let unreachableTolerance = 2e-9

    init(columnCount: Int, incumbent: [Double]?, absoluteGap: Double?, target: (sign: Double, value: Double)?,
         abandonsUnreachableTarget: Bool = false) {
        self.columnCount = columnCount
        self.incumbent = incumbent
        self.absoluteGap = absoluteGap
        self.target = target
        self.abandonsUnreachableTarget = abandonsUnreachableTarget
    }
}

/// GLPK's branch-and-cut callback: tracks the best bound and node count, offers the initial solution and
/// stops the search once the absolute gap or the objective target is reached, or the target is out of the bound's reach.
private func branchAndBoundCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    let monitor = Unmanaged<BranchAndBoundMonitor>.fromOpaque(info).takeUnretainedValue()
    let best = glp_ios_best_node(tree)
    if best != 0 { monitor.bestBound = glp_ios_node_bound(tree, best) }
    let problem = glp_ios_get_prob(tree)
    if let limit = monitor.absoluteGap, limit > 0, let bound = monitor.bestBound, glp_mip_status(problem) == GLP_FEAS,
       abs(bound - glp_mip_obj_val(problem)) <= limit {
        glp_ios_terminate(tree)
        return
    }
    if let (sign, value) = monitor.target, glp_mip_status(problem) == GLP_FEAS, sign * glp_mip_obj_val(problem) >= sign * value {
        glp_ios_terminate(tree)
        return
    }
    if monitor.abandonsUnreachableTarget, let (sign, value) = monitor.target, let bound = monitor.bestBound,
       sign * (value - bound) > BranchAndBoundMonitor.unreachableTolerance * max(1, abs(value)) {
        glp_ios_terminate(tree)
        return
    }
    var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
    glp_ios_tree_size(tree, &active, &current, &total)
    monitor.nodes = Int(total)
    if glp_ios_reason(tree) == GLP_IHEUR, let start = monitor.incumbent,
       glp_get_num_cols(problem) == Int32(monitor.columnCount) {
        monitor.incumbent = nil
        var x = [0.0] + start
        _ = glp_ios_heur_sol(tree, &x)
    }
}

import LinearProgramming
import PlantModel

/// What a planning run returns: the plan, the final model (for export), and how long it took.
public struct PlanResult: Sendable {
    public var plan: BuildPlan
    /// The model of the final solve, as exported by `--export-model`.
    public var model: Model
    /// Wall-clock time of the whole run, seconds (kept out of the plan so plans stay byte-identical).
    public var elapsedSeconds: Double
}

/// Chooses the hardware mix hall by hall and quarter by quarter.
///
/// Pipeline: resolve the inputs (eligibility, design condition, per-rack coefficients) → build the MIP →
/// solve for the objective → place racks into individual halls (re-planning hall by hall where an
/// aggregated group does not split) → read the binding limits and their shadow prices → assemble the plan.
public enum Planner {
    public static func plan(design: ReferenceDesign, site: Site, catalog: Catalog, inputs: PlanInputs,
                            options: PlanOptions = PlanOptions()) throws -> PlanResult {
        let clock = ContinuousClock()
        let start = clock.now
        if options.objective == .minCapex, options.tokenTargetPerSecond == nil {
            throw PlanError.invalidOptions("min-capex needs a token target (--token-target tokens/s)")
        }
        if let target = options.tokenTargetPerSecond, !(target.isFinite && target > 0) {
            throw PlanError.invalidOptions("the token target must be a positive number of tokens/s, got \(target)")
        }
        var problem = PlanningProblem(design: design, site: site, catalog: catalog)
        var outcome = try solve(problem, options: options)
        var assignment = HallAssignment(problem: problem, stock: outcome.stockValues)
        if !assignment.overfull.isEmpty {
            problem = problem.expanding(assignment.overfull)
            outcome = try solve(problem, options: options)
            assignment = HallAssignment(problem: problem, stock: outcome.stockValues)
        }
        let binding = BindingAnalysis.limits(problem: problem, outcome: outcome)
        let plan = PlanAssembly.plan(problem: problem, outcome: outcome, assignment: assignment,
                                     binding: binding, inputs: inputs, options: options)
        return PlanResult(plan: plan, model: outcome.formulation.model, elapsedSeconds: (clock.now - start) / .seconds(1))
    }

    /// The solved final model and what the objective strategy found.
    struct Outcome {
        var objective: Objective
        var formulation: Formulation
        var solution: Solution
        /// The LP relaxation of the final model (racks continuous), when it solved to optimality.
        var relaxation: Solution?
        var objectiveValue: Double
        /// Proven bound on `objectiveValue`, same unit (see ``SolverFacts/bestBound``).
        var objectiveBound: Double?
        var solves: Int
        var nodes: Int
        var iterations: Int

        /// |bound − value| / |value| of the objective.
        var relativeGap: Double? {
            objectiveBound.map { abs($0 - objectiveValue) / max(abs(objectiveValue), .leastNonzeroMagnitude) }
        }

        /// Installed racks per eligibility and quarter, rounded from the solution.
        var stockValues: [Int: [Int: Int]] {
            formulation.stock.mapValues { byQuarter in byQuarter.mapValues { Int(solution[$0].rounded()) } }
        }
    }

    static func solve(_ problem: PlanningProblem, options: PlanOptions) throws -> Outcome {
        var f = Formulation(problem, tokenTarget: options.objective == .minCapex ? options.tokenTargetPerSecond : nil,
                            limit: options.limit)
        let solverOptions = SolverOptions(timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.relativeGap, cuts: true)
        var solves = 0, nodes = 0, iterations = 0
        var relaxation: Relaxation?

        // The ratio objectives spend half the gap on the Dinkelbach tolerance, half on the final plan's size.
        let halfGap = (options.relativeGap ?? 0) / 2
        /// Solves the current model from `start` (else a relax-and-fix plan); `absoluteGap` stops a
        /// Dinkelbach step whose optimum is near zero.
        func run(_ model: Model, absoluteGap: Double? = nil, start: [Double]? = nil) throws -> Solution {
            var options = solverOptions
            options.absoluteGap = absoluteGap
            let lp = Relaxation(model)
            relaxation = lp
            let found = lp.relaxAndFix(f.buildColumnsByQuarter, absoluteGap: absoluteGap, timeLimitSeconds: options.timeLimitSeconds)
            let candidates = [start.flatMap(lp.usableStart), found].compactMap { $0 }
            let sign = model.sense == .maximize ? 1.0 : -1.0
            let initial = candidates.max { sign * Formulation.value(model.objective, $0) < sign * Formulation.value(model.objective, $1) }
            if let initial {
                options.presolve = false
                options.initialSolution = initial
            }
            let solution = try model.solve(options: options)
            solves += 1
            nodes += solution.branchAndBoundNodes
            iterations += solution.simplexIterations
            switch solution.status {
            case .optimal, .feasible:
                return solution
            case .infeasible:
                throw PlanError.infeasible(ElasticDiagnosis.diagnose(f, options: solverOptions))
            case .limitReachedWithoutSolution:
                throw PlanError.noPlanWithinLimit(seconds: options.timeLimitSeconds)
            case .unbounded:
                // Every column is bounded by floor space; an unbounded plan is a formulation bug.
                throw PlanError.invalidOptions("internal error: the plan is unbounded")
            }
        }

        let tokens = Formulation.sum(f.tokenTerms)
        let facility = Formulation.sum(f.facilityTerms)
        var objectiveValue: Double
        var objectiveBound: Double?
        var solution: Solution
        switch options.objective {
        case .maxTokens:
            f.model.sense = .maximize
            f.model.objective = tokens
            solution = try run(f.model)
            objectiveValue = Formulation.value(tokens, solution.values) * secondsPerQuarter
            objectiveBound = solution.bestBound.map { $0 * secondsPerQuarter }
        case .minCapex:
            f.model.sense = .minimize
            f.model.objective = f.capexTerms
            solution = try run(f.model)
            objectiveValue = Formulation.value(f.capexTerms, solution.values)
            objectiveBound = solution.bestBound
        case .tokensPerMW:
            // Dinkelbach from the max-token plan: maximize N − λD, set λ = N/D, until no plan beats λ by
            // more than the tolerance gap/2 × N₀ on N − λD (N₀: tokens of the max-token plan).
            f.model.sense = .maximize
            f.model.objective = tokens
            solution = try run(f.model)
            var best = solution.values
            let n0 = Formulation.value(tokens, best)
            let absoluteGap = halfGap * n0
            var lambda = n0 / max(Formulation.value(facility, best), .leastNonzeroMagnitude)
            // Every plan y has N_y − λ_k·D_y ≤ U_k after step k, so N_y/D_y ≤ λ_k + U_k/D_y.
            var lastStep: (lambda: Double, bound: Double)?
            while n0 > 0, solves < 50 {
                f.model.objective = Formulation.combine(tokens, minus: lambda, facility)
                solution = try run(f.model, absoluteGap: absoluteGap, start: best)
                let n = Formulation.value(tokens, solution.values), d = Formulation.value(facility, solution.values)
                lastStep = solution.bestBound.map { (lambda, $0) }
                let done = (solution.bestBound ?? .infinity) <= max(absoluteGap, 1e-9 * n)
                if d > 0, n / d > lambda { lambda = n / d; best = solution.values }
                if done || n - lambda * d <= 1e-9 * n0 { break }
            }
            // Every plan scales, so the best ratio has many plans: take the largest. With a gap, maximize
            // N − λ(1 − gap/2)·D, which rewards size only in plans whose ratio is within gap/2 of λ;
            // without one, maximize N subject to N − λD ≥ 0.
            if halfGap > 0 {
                f.model.objective = Formulation.combine(tokens, minus: lambda * (1 - halfGap), facility)
            } else {
                f.addRow("ratio", Formulation.combine(tokens, minus: lambda, facility), lower: 0, .ratio, nil, nil)
                f.model.objective = tokens
            }
            solution = try run(f.model, absoluteGap: halfGap > 0 ? absoluteGap : nil, start: best)
            let d = Formulation.value(facility, solution.values)
            objectiveValue = d > 0 ? Formulation.value(tokens, solution.values) / d : 0
            // Bound over plans at least as large (facility MW) as the chosen one.
            objectiveBound = d > 0 ? lastStep.map { max(objectiveValue, $0.lambda + max(0, $0.bound) / d) } : nil
        case .costPerToken:
            // Dinkelbach from the max-token plan: minimize C − λT, set λ = C/T, until no plan beats λ by
            // more than the tolerance gap/2 × C₀ on C − λT (C₀: cost of the max-token plan).
            let totalTokens = tokens.map { Term($0.variable, $0.coefficient * secondsPerQuarter) }
            f.model.sense = .maximize
            f.model.objective = totalTokens
            solution = try run(f.model)
            var best = solution.values
            let t0 = Formulation.value(totalTokens, best), c0 = Formulation.value(f.costTerms, best)
            let absoluteGap = halfGap * c0
            var lambda = c0 / max(t0, .leastNonzeroMagnitude)
            // Every plan y has C_y − λ_k·T_y ≥ L_k after step k, so C_y/T_y ≥ λ_k + L_k/T_y.
            var lastStep: (lambda: Double, bound: Double)?
            if t0 > 0 {
                f.model.sense = .minimize
                while solves < 50 {
                    f.model.objective = Formulation.combine(f.costTerms, minus: lambda, totalTokens)
                    solution = try run(f.model, absoluteGap: absoluteGap, start: best)
                    let c = Formulation.value(f.costTerms, solution.values), t = Formulation.value(totalTokens, solution.values)
                    lastStep = solution.bestBound.map { (lambda, $0) }
                    let done = (solution.bestBound ?? -.infinity) >= -max(absoluteGap, 1e-9 * c)
                    if t > 0, c / t < lambda { lambda = c / t; best = solution.values }
                    if done || c - lambda * t >= -1e-9 * c0 { break }
                }
                // The largest plan whose cost per token is within gap/2 of λ: minimize C − λ(1 + gap/2)·T
                // (without a gap: maximize T subject to C − λT ≤ 0).
                if halfGap > 0 {
                    f.model.objective = Formulation.combine(f.costTerms, minus: lambda * (1 + halfGap), totalTokens)
                } else {
                    f.addRow("ratio", Formulation.combine(f.costTerms, minus: lambda, totalTokens), upper: 0, .ratio, nil, nil)
                    f.model.sense = .maximize
                    f.model.objective = totalTokens
                }
                solution = try run(f.model, absoluteGap: halfGap > 0 ? absoluteGap : nil, start: best)
            }
            let t = Formulation.value(totalTokens, solution.values)
            objectiveValue = t > 0 ? Formulation.value(f.costTerms, solution.values) / t * 1e6 : 0
            // Bound over plans at least as large (tokens) as the chosen one.
            objectiveBound = lastStep.flatMap { step in
                t > 0 ? min(objectiveValue, (step.lambda + min(0, step.bound) / t) * 1e6) : nil
            }
        }
        return Outcome(objective: options.objective, formulation: f, solution: solution,
                       relaxation: relaxation?.solution, objectiveValue: objectiveValue, objectiveBound: objectiveBound,
                       solves: solves, nodes: nodes, iterations: iterations)
    }
}

extension Objective {
    /// The unit of ``BuildPlan/objectiveValue``.
    var unit: String {
        switch self {
        case .maxTokens: "tokens over the horizon"
        case .tokensPerMW: "tokens/s per facility MW (horizon total)"
        case .costPerToken: "USD per million tokens"
        case .minCapex: "USD capex"
        }
    }

    /// The unit of the final solve's objective, in which shadow prices are given.
    var shadowPriceUnit: String {
        switch self {
        case .maxTokens, .tokensPerMW: "tokens/s (summed over quarters)"
        case .costPerToken: "tokens over the horizon"
        case .minCapex: "USD of capex"
        }
    }
}

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

        /// Dinkelbach's method for the best ratio num/den (highest for `.maximize`, lowest for `.minimize`),
        /// from the max-token plan `first`: optimize num − λ·den, set λ = num/den, until no plan beats λ by
        /// more than gap/2 × num₀ on num − λ·den (num₀: the max-token plan's). Every plan scales, so the
        /// best ratio has many plans; then the largest (most `size`) within gap/2 of λ is taken by
        /// optimizing num − λ(1 ∓ gap/2)·den, or, without a gap, by maximizing `size` with the ratio kept.
        /// Returns the ratio and its bound over plans at least as large (den) as the chosen one: after a
        /// step with bound U, every plan y has num_y/den_y within U/den_y of that step's λ.
        func bestRatio(_ num: [Term], over den: [Term], _ sense: ObjectiveSense, size: [Term],
                       from first: Solution) throws -> (solution: Solution, ratio: Double, bound: Double?) {
            let s = sense == .maximize ? 1.0 : -1.0
            var best = first.values
            let num0 = Formulation.value(num, best), den0 = Formulation.value(den, best)
            guard Formulation.value(size, best) > 0, den0 > 0 else { return (first, 0, nil) }
            let absoluteGap = halfGap * num0
            var lambda = num0 / den0
            var lastStep: (lambda: Double, bound: Double)?
            var solution = first
            f.model.sense = sense
            while solves < 50 {
                f.model.objective = Formulation.combine(num, minus: lambda, den)
                solution = try run(f.model, absoluteGap: absoluteGap, start: best)
                let n = Formulation.value(num, solution.values), d = Formulation.value(den, solution.values)
                lastStep = solution.bestBound.map { (lambda, $0) }
                let done = solution.bestBound.map { s * $0 <= max(absoluteGap, 1e-9 * n) } ?? false
                if d > 0, s * (n / d - lambda) > 0 { lambda = n / d; best = solution.values }
                if done || s * (n - lambda * d) <= 1e-9 * num0 { break }
            }
            if halfGap > 0 {
                f.model.objective = Formulation.combine(num, minus: lambda * (1 - s * halfGap), den)
            } else {
                let row = Formulation.combine(num, minus: lambda, den)
                f.addRow("ratio", row, lower: s > 0 ? 0 : nil, upper: s > 0 ? nil : 0, .ratio, nil, nil)
                f.model.sense = .maximize
                f.model.objective = size
            }
            solution = try run(f.model, absoluteGap: halfGap > 0 ? absoluteGap : nil, start: best)
            let d = Formulation.value(den, solution.values)
            guard d > 0 else { return (solution, 0, nil) }
            let ratio = Formulation.value(num, solution.values) / d
            let bound = lastStep.map { s > 0 ? max(ratio, $0.lambda + max(0, $0.bound) / d) : min(ratio, $0.lambda + min(0, $0.bound) / d) }
            return (solution, ratio, bound)
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
            f.model.sense = .maximize
            f.model.objective = tokens
            let result = try bestRatio(tokens, over: facility, .maximize, size: tokens, from: try run(f.model))
            (solution, objectiveValue, objectiveBound) = (result.solution, result.ratio, result.bound)
        case .costPerToken:
            // Cost over the horizon per token over the horizon, in USD per million tokens.
            let totalTokens = tokens.map { Term($0.variable, $0.coefficient * secondsPerQuarter) }
            f.model.sense = .maximize
            f.model.objective = totalTokens
            let result = try bestRatio(f.costTerms, over: totalTokens, .minimize, size: totalTokens, from: try run(f.model))
            (solution, objectiveValue, objectiveBound) = (result.solution, result.ratio * 1e6, result.bound.map { $0 * 1e6 })
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

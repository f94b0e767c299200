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
        var solves: Int
        var nodes: Int
        var iterations: Int

        /// Installed racks per eligibility and quarter, rounded from the solution.
        var stockValues: [Int: [Int: Int]] {
            formulation.stock.mapValues { byQuarter in byQuarter.mapValues { Int(solution[$0].rounded()) } }
        }
    }

    static func solve(_ problem: PlanningProblem, options: PlanOptions) throws -> Outcome {
        var f = Formulation(problem, tokenTarget: options.objective == .minCapex ? options.tokenTargetPerSecond : nil)
        let solverOptions = SolverOptions(timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.relativeGap, cuts: true)
        var solves = 0, nodes = 0, iterations = 0
        var relaxation: Relaxation?

        func run(_ model: Model) throws -> Solution {
            var options = solverOptions
            relaxation = Relaxation(model)
            if let start = relaxation?.roundedStart {
                options.presolve = false
                options.initialSolution = start
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
        var solution: Solution
        switch options.objective {
        case .maxTokens:
            f.model.sense = .maximize
            f.model.objective = tokens
            solution = try run(f.model)
            objectiveValue = Formulation.value(tokens, solution.values) * secondsPerQuarter
        case .minCapex:
            f.model.sense = .minimize
            f.model.objective = f.capexTerms
            solution = try run(f.model)
            objectiveValue = Formulation.value(f.capexTerms, solution.values)
        case .tokensPerMW:
            // Dinkelbach: maximize N − λD, set λ = N/D, until max N − λD reaches 0.
            f.model.sense = .maximize
            var lambda = 0.0
            repeat {
                f.model.objective = Formulation.combine(tokens, minus: lambda, facility)
                solution = try run(f.model)
                let n = Formulation.value(tokens, solution.values), d = Formulation.value(facility, solution.values)
                guard d > 0 else { break }
                let gap = n - lambda * d
                lambda = n / d
                if gap <= 1e-9 * max(1, n) { break }
            } while solves < 50
            // Keep the optimal ratio and build the largest plan that has it.
            f.addRow("ratio", Formulation.combine(tokens, minus: lambda, facility), lower: 0, .ratio, nil, nil)
            f.model.objective = tokens
            solution = try run(f.model)
            objectiveValue = lambda
        case .costPerToken:
            // Dinkelbach on cost / tokens, starting from the max-token plan's ratio.
            let totalTokens = tokens.map { Term($0.variable, $0.coefficient * secondsPerQuarter) }
            f.model.sense = .maximize
            f.model.objective = totalTokens
            solution = try run(f.model)
            var lambda = 0.0
            let t0 = Formulation.value(totalTokens, solution.values)
            if t0 > 0 {
                lambda = Formulation.value(f.costTerms, solution.values) / t0
                f.model.sense = .minimize
                repeat {
                    f.model.objective = Formulation.combine(f.costTerms, minus: lambda, totalTokens)
                    solution = try run(f.model)
                    let c = Formulation.value(f.costTerms, solution.values), t = Formulation.value(totalTokens, solution.values)
                    guard t > 0 else { break }
                    let gap = c - lambda * t
                    lambda = c / t
                    if gap >= -1e-9 * max(1, c) { break }
                } while solves < 50
                f.addRow("ratio", Formulation.combine(f.costTerms, minus: lambda, totalTokens), upper: 0, .ratio, nil, nil)
                f.model.sense = .maximize
                f.model.objective = totalTokens
                solution = try run(f.model)
            }
            objectiveValue = lambda * 1e6
        }
        return Outcome(objective: options.objective, formulation: f, solution: solution,
                       relaxation: relaxation?.solution, objectiveValue: objectiveValue,
                       solves: solves, nodes: nodes, iterations: iterations)
    }
}

/// The LP relaxation of a model (every integer made continuous) and the starting plan it gives
/// branch-and-bound; its duals also price the binding limits.
struct Relaxation {
    /// The relaxation's optimum; `nil` when it did not solve to optimality.
    var solution: Solution?
    /// The relaxation with every integer rounded down, then the continuous columns re-optimized with the
    /// integers fixed. Rounding builds down only frees capacity, so the point is feasible unless a
    /// lower-bounded row (a token target) needs the lost racks; then there is no start and GLPK searches
    /// on its own.
    var roundedStart: [Double]?

    init(_ model: Model) {
        var relaxed = model
        for j in relaxed.variables.indices { relaxed.variables[j].kind = .continuous }
        guard let lp = try? relaxed.solve(), lp.status == .optimal else { return }
        solution = lp
        var fixed = relaxed
        for (j, variable) in model.variables.enumerated() where variable.kind != .continuous {
            let value = (lp.values[j] + 1e-9).rounded(.down)
            fixed.variables[j].lowerBound = value
            fixed.variables[j].upperBound = value
        }
        guard let point = try? fixed.solve(), point.status == .optimal else { return }
        let start = zip(model.variables, point.values).map { $0.kind == .continuous ? $1 : $1.rounded() }
        if model.issues(options: SolverOptions(initialSolution: start)).isEmpty { roundedStart = start }
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

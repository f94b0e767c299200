extension Model {
    /// Largest magnitude of a coefficient or finite bound handed to GLPK. Beyond it GLPK's scaling and cut
    /// generators lose the small numbers (its cover-cut set-up aborts the process on such rows).
    public static let maximumMagnitude = 1e15
    /// Smallest magnitude of a non-zero coefficient handed to GLPK: below it a coefficient is noise to the
    /// simplex's tolerances (1e-9 feasibility) and scaling amplifies it.
    public static let minimumMagnitude = 1e-12

    /// Every reason GLPK could abort on, or silently misread, this model and these options.
    /// An empty result means the model is safe to hand to GLPK.
    public func issues(options: SolverOptions = SolverOptions()) -> [ModelIssue] {
        var issues: [ModelIssue] = []
        if variables.isEmpty { issues.append(.init(.emptyModel, "variables", "model has no variables")) }
        if constraints.isEmpty { issues.append(.init(.noConstraints, "constraints", "model has no constraints")) }
        let limit = Int(Int32.max) - 1
        if variables.count > limit || constraints.count > limit {
            issues.append(.init(.tooLarge, "model", "more rows or columns than GLPK can index"))
        }
        if let problem = NameRules.problem(with: name) { issues.append(.init(.invalidName, "name", problem)) }
        if !objectiveConstant.isFinite {
            issues.append(.init(.nonFiniteNumber, "objectiveConstant", "must be finite, got \(objectiveConstant)"))
        }

        var variableNames: [String: Int] = [:]
        for (j, variable) in variables.enumerated() {
            let path = "variables[\(j)](\(variable.name))"
            if let problem = NameRules.problem(with: variable.name) {
                issues.append(.init(.invalidName, path, problem))
            } else if let first = variableNames[variable.name] {
                issues.append(.init(.duplicateName, path, "name also used by variables[\(first)]"))
            } else {
                variableNames[variable.name] = j
            }
            issues += boundIssues(variable.lowerBound, variable.upperBound, path: path)
            switch variable.kind {
            case .continuous: break
            case .integer, .binary:
                for (side, bound) in [("lowerBound", variable.lowerBound), ("upperBound", variable.upperBound)] {
                    if let bound, bound.isFinite, bound.rounded() != bound {
                        issues.append(.init(.fractionalIntegerBound, "\(path).\(side)",
                                            "integer variable needs an integral bound, got \(bound)"))
                    }
                }
                if variable.kind == .binary {
                    for (side, bound) in [("lowerBound", variable.lowerBound), ("upperBound", variable.upperBound)] {
                        if let bound, bound < 0 || bound > 1 {
                            issues.append(.init(.binaryBoundOutsideUnit, "\(path).\(side)",
                                                "binary variable bound must lie in [0, 1], got \(bound)"))
                        }
                    }
                }
            }
        }

        issues += termIssues(objective, path: "objective")
        var constraintNames: [String: Int] = [:]
        for (i, constraint) in constraints.enumerated() {
            let path = "constraints[\(i)](\(constraint.name))"
            let issuesBefore = issues.count
            defer { for k in issuesBefore..<issues.count { issues[k].constraint = i } }
            if let problem = NameRules.problem(with: constraint.name) {
                issues.append(.init(.invalidName, path, problem))
            } else if let first = constraintNames[constraint.name] {
                issues.append(.init(.duplicateName, path, "name also used by constraints[\(first)]"))
            } else {
                constraintNames[constraint.name] = i
            }
            issues += boundIssues(constraint.lowerBound, constraint.upperBound, path: path)
            issues += termIssues(constraint.terms, path: "\(path).terms")
        }

        issues += optionIssues(options)
        if issues.isEmpty, let start = options.initialSolution {
            issues += initialSolutionIssues(start)
        }
        return issues
    }

    /// Throws ``ModelError`` with every issue, if there is any.
    public func validate(options: SolverOptions = SolverOptions()) throws(ModelError) {
        let found = issues(options: options)
        if !found.isEmpty { throw ModelError(issues: found) }
    }

    private func boundIssues(_ lower: Double?, _ upper: Double?, path: String) -> [ModelIssue] {
        var issues: [ModelIssue] = []
        if let lower, !lower.isFinite {
            issues.append(.init(.nonFiniteNumber, "\(path).lowerBound", "must be finite (use nil for none), got \(lower)"))
        }
        if let upper, !upper.isFinite {
            issues.append(.init(.nonFiniteNumber, "\(path).upperBound", "must be finite (use nil for none), got \(upper)"))
        }
        for (side, bound) in [("lowerBound", lower), ("upperBound", upper)] {
            if let bound, bound.isFinite, abs(bound) > Self.maximumMagnitude {
                issues.append(.init(.magnitudeOutOfRange, "\(path).\(side)",
                                    "\(bound) is beyond the ±\(Self.maximumMagnitude) the solver takes"))
            }
        }
        if let lower, let upper, lower.isFinite, upper.isFinite, lower > upper {
            issues.append(.init(.invertedBounds, path, "lower bound \(lower) exceeds upper bound \(upper)"))
        }
        return issues
    }

    private func termIssues(_ terms: [Term], path: String) -> [ModelIssue] {
        var issues: [ModelIssue] = []
        var seen: [Int: Int] = [:]
        for (k, term) in terms.enumerated() {
            let termPath = "\(path)[\(k)]"
            if term.variable.index < 0 || term.variable.index >= variables.count {
                issues.append(.init(.unknownVariable, termPath,
                                    "variable index \(term.variable.index) outside 0..<\(variables.count)"))
            } else if let first = seen[term.variable.index] {
                issues.append(.init(.duplicateTerm, termPath,
                                    "\(variables[term.variable.index].name) already appears at [\(first)]"))
            } else {
                seen[term.variable.index] = k
            }
            let size = abs(term.coefficient)
            if !term.coefficient.isFinite {
                issues.append(.init(.nonFiniteNumber, "\(termPath).coefficient", "must be finite, got \(term.coefficient)"))
            } else if size > Self.maximumMagnitude || (size > 0 && size < Self.minimumMagnitude) {
                issues.append(.init(.magnitudeOutOfRange, "\(termPath).coefficient",
                                    "\(term.coefficient) is outside the magnitudes the solver takes, [\(Self.minimumMagnitude), \(Self.maximumMagnitude)]"))
            }
        }
        return issues
    }

    /// The problems of `options` for this model alone (the model itself is not checked).
    func optionIssues(_ options: SolverOptions) -> [ModelIssue] {
        var issues: [ModelIssue] = []
        if let t = options.timeLimitSeconds, !(t.isFinite && t > 0 && t < Double(Int32.max) / 1000) {
            issues.append(.init(.invalidOption, "options.timeLimitSeconds", "must be a positive number of seconds, got \(t)"))
        }
        if let g = options.relativeGap, !(g.isFinite && g >= 0) {
            issues.append(.init(.invalidOption, "options.relativeGap", "must be a fraction ≥ 0, got \(g)"))
        }
        if let g = options.absoluteGap, !(g.isFinite && g >= 0) {
            issues.append(.init(.invalidOption, "options.absoluteGap", "must be a number ≥ 0, got \(g)"))
        }
        if let target = options.objectiveTarget, !target.isFinite {
            issues.append(.init(.invalidOption, "options.objectiveTarget", "must be finite, got \(target)"))
        }
        if let start = options.initialSolution, start.count != variables.count {
            issues.append(.init(.invalidOption, "options.initialSolution",
                                "has \(start.count) values for \(variables.count) variables"))
        }
        return issues
    }

    /// GLPK accepts a heuristic solution without checking it against the rows, so check it here.
    private func initialSolutionIssues(_ x: [Double], tolerance: Double = 1e-6) -> [ModelIssue] {
        var issues: [ModelIssue] = []
        for (j, variable) in variables.enumerated() {
            let v = x[j]
            let path = "options.initialSolution[\(j)](\(variable.name))"
            if !v.isFinite {
                issues.append(.init(.infeasibleInitialSolution, path, "must be finite, got \(v)"))
                continue
            }
            if let l = variable.lowerBound, v < l - tolerance {
                issues.append(.init(.infeasibleInitialSolution, path, "\(v) below lower bound \(l)"))
            }
            if let u = variable.upperBound, v > u + tolerance {
                issues.append(.init(.infeasibleInitialSolution, path, "\(v) above upper bound \(u)"))
            }
            if variable.kind != .continuous, abs(v - v.rounded()) > tolerance {
                issues.append(.init(.infeasibleInitialSolution, path, "integer variable has fractional value \(v)"))
            }
        }
        for (i, constraint) in constraints.enumerated() {
            let activity = constraint.terms.reduce(0) { $0 + $1.coefficient * x[$1.variable.index] }
            // A row whose terms cancel (a workload's share, a stock balance) carries the rounding of its largest terms:
            // 10⁻⁹ of their magnitude is allowed on top of the tolerance relative to the activity.
            let magnitude = constraint.terms.reduce(0) { $0 + abs($1.coefficient * x[$1.variable.index]) }
            let scale = max(tolerance * max(1, abs(activity)), 1e-9 * magnitude)
            if let l = constraint.lowerBound, activity < l - scale {
                issues.append(.init(.infeasibleInitialSolution, "constraints[\(i)](\(constraint.name))",
                                    "initial solution gives \(activity), below \(l)"))
            }
            if let u = constraint.upperBound, activity > u + scale {
                issues.append(.init(.infeasibleInitialSolution, "constraints[\(i)](\(constraint.name))",
                                    "initial solution gives \(activity), above \(u)"))
            }
        }
        return issues
    }
}

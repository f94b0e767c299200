import LinearProgramming

/// The aggregated plan solved again with the hall groups that did not place pinned where their placement searches put
/// them (the plan ``PlacementWithinGap`` cut to), every other decision free: the site power, plant and supply the racks left
/// out held go to groups that still place, instead of re-planning the pinned groups hall by hall.
///
/// The pinned model is a restriction of the model solved, so the bound proven on that holds for it; the plan is taken only
/// where it is within the gap asked of that bound. The pinned groups keep the placement their searches found
/// (``HallAssignment/taking(_:from:problem:)``); a group not pinned before that does not place after the solve is cut and
/// pinned in turn, so each round pins at least one more group.
///
/// On the facility co-design example sized at Dulles' hottest hour of the year (T_eff 28.7 °C, `plan --hold-every-hour`'s
/// second pass), the hybrid group's plan had no placement (the plan cut to its search's placement was 0.33 % from the
/// bound). Re-planning it hall by hall took 31 s (and the air group's, which then failed to place, 56 s more) to 0.097 %;
/// pinned, the plan is taken after a 0.3 s solve, 0.096 % from the bound.
struct PinnedPlacement {
    /// The plan solved with the groups pinned, with the bound of the plan it was cut from.
    var outcome: Planner.Outcome
    /// The columns pinned: those pinned before and the cut groups'.
    var pinned: [VariableID: Double]

    /// Share of a solve's time limit the pinned solve (its LP and branch-and-bound) may take: it only has to finish a plan
    /// that is nearly there.
    static let solveShare = 0.1

    /// `cut`'s plan solved again with `cut`'s groups and those of `pinnedBefore` pinned, within `deadline`; `nil` for a ratio
    /// objective (its final solve holds one Dinkelbach step's λ), without a bound proven or with a gap of 1 or more, where
    /// the pinned model's relaxation does not solve in time or cannot reach the gap asked of the bound proven, or where
    /// branch-and-bound finds no plan within it by `deadline` or before its own bound shows that none is left.
    init?(_ cut: PlacementWithinGap, pinnedBefore: [VariableID: Double], options: PlanOptions, deadline: SolveDeadline) {
        let outcome = cut.outcome, f = outcome.formulation
        guard outcome.final.ratioSteps.isEmpty, let bound = outcome.solution.bestBound else { return nil }
        let pinned = pinnedBefore.merging(cut.pinned) { _, new in new }
        var model = f.model
        for (column, value) in pinned {
            model.variables[column.index].lowerBound = value
            model.variables[column.index].upperBound = value
        }
        let sign = model.sense.sign, absoluteGap = outcome.final.absoluteGap
        guard let closing = SolveSession.closingValue(bound: bound, sign: sign, relativeGap: options.relativeGap, absoluteGap: absoluteGap)
        else { return nil }
        let work = SearchWork()
        // The pinned model's relaxation bounds its plans: short of the closing value, no plan of it is taken.
        let lp = Relaxation(model, deadline: deadline, counting: work)
        guard let relaxed = lp.solution?.objectiveValue, sign * relaxed >= sign * closing,
              var point = Relaxation.usableStart(outcome.solution.values, for: model) else { return nil }
        // A cut plan within the gap was taken before (``PlacementWithinGap/closesGap``): this holds only to rounding.
        if sign * Formulation.objectiveValue(point, on: model) < sign * closing {
            // Branch-and-bound from the cut plan, stopping at the first plan within the gap of the bound proven, once its own
            // bound shows there is none, or at `deadline`: not at a gap of its own, since its bound on the pinned model may be
            // tighter than the one proven.
            let solverOptions = SolverOptions(timeLimitSeconds: deadline.remainingSeconds, relativeGap: nil,
                                              absoluteGap: nil, presolve: false, cuts: true, branching: .pseudocost,
                                              initialSolution: point,
                                              objectiveTarget: SolveSession.aimedInside(closing, sign: sign),
                                              abandonsUnreachableTarget: true)
            guard let found = work.add(try? model.solve(options: solverOptions)), found.status == .optimal || found.status == .feasible,
                  let usable = Relaxation.usableStart(found.values, for: model) else { return nil }
            point = usable
        }
        // The duals price the model solved, not the pinned one: its relaxation (with what the plan built fixed, as a solve's
        // final step prices it).
        let built = f.facilityBuildColumns
        let step = SolveStep(solution: f.model.solution(at: point, bestBound: bound),
                             relaxation: built.isEmpty ? outcome.relaxation : Relaxation.fixing(f.modelWithoutHallOrder, built, at: point, counting: work))
        let result = ObjectiveResult(step: step, final: outcome.final, in: f)
        guard let proven = result.bound,
              SolveSession.closes(bound: proven, value: result.value, sign: options.objective.isMinimized ? -1 : 1,
                                  relativeGap: options.relativeGap, absoluteGap: nil) else { return nil }
        var taken = outcome
        taken.solution = step.solution
        taken.relaxation = step.relaxation
        taken.objectiveValue = result.value
        taken.objectiveBound = proven
        taken.solves += 1
        taken.nodes += work.nodes
        taken.iterations += work.iterations
        self.outcome = taken
        self.pinned = pinned
    }
}

import LinearProgramming
import Plans

extension Formulation {
    /// `chiller_heat(t)` (on another water loop `chiller_heat(loop,t)`): the heat the loop's chillers carry at the design
    /// condition, MW, on loops where it is other than the racks' chiller load (``PlanningProblem/LoopPlant/chillerHeatVaries``:
    /// a credit, or modules that change it). Continuous, from 0 to the most chillers the loop can have (the `chiller` rows
    /// keep the heat the plan needs below that). ``facilityPowerTerms(quarter:omitZero:)`` charges the chillers' power on it,
    /// and facility opex as a rack's. With ``countsEnergy``, also `chiller_heat_mean(t)`: the same heat with every rack at its
    /// average heat (``PlanningProblem/averageHeatShare(_:)``), on which the chillers' energy is charged in ``costTerms``, as
    /// the racks' (``PlanningProblem/stockAverageFacilityMW(_:_:loop:)``) leaves it out. Its average is at most its full
    /// load, so it too stays within the `chiller` rows' capacity.
    mutating func defineChillerHeatColumns() {
        for (l, loop) in problem.loops.enumerated() where loop.chillerHeatVaries {
            for t in problem.quarters.indices {
                let heat = addChillerHeatColumn("chiller_heat", loop, t, costPerMW: loop.chillerFacilityMWPerMW * problem.quarterlyFacilityOpexUSDPerMW)
                chillerHeat[l, default: [:]][t] = heat
            }
        }
        guard countsEnergy else { return }
        for (l, loop) in problem.loops.enumerated() where loop.chillerHeatVaries {
            for t in problem.quarters.indices {
                let heat = addChillerHeatColumn("chiller_heat_mean", loop, t, costPerMW: problem.quarterlyEnergyUSD(averageMW: loop.chillerFacilityMWPerMW))
                meanChillerHeat[l, default: [:]][t] = heat
            }
        }
    }

    /// A chiller-heat column `name(t)` (`name(loop,t)` on another loop) of `loop`, charged `costPerMW` USD per MW in ``costTerms``.
    private mutating func addChillerHeatColumn(_ name: String, _ loop: PlanningProblem.LoopPlant, _ t: Int, costPerMW: Double) -> VariableID {
        let heat = model.addVariable(name + "(" + (loop.rowID.map { "\($0)," } ?? "") + "\(q(t)))",
                                     lowerBound: 0, upperBound: loop.design.heatRejection.mostChillerCapacityMW)
        if costPerMW > 0 { costTerms.append(Term(heat, costPerMW)) }
        return heat
    }

    /// `chiller_heat(t)`: the racks' chiller load − the credit the modules in service add − chiller_heat(t) ≤ the credit
    /// without modules; `chiller_heat_air(t)`: the chilled air − chiller_heat(t) ≤ 0. So chiller_heat is at least
    /// max(load − credit, chilled air, 0), what ``PlanningProblem/LoopPlant/chillerHeatMW(loadMW:chilledAirMW:plantModules:chillerModules:)``
    /// gives (where the linear credit stays at or above 0), and a plan short of grid power takes it there. No rows where
    /// no rack of the loop loads the chillers. Then `chiller_heat_mean(t)` and `chiller_heat_mean_air(t)`, the same on
    /// `chiller_heat_mean` with each rack at its average heat share, where the model has it.
    mutating func defineChillerHeat(loop l: Int, quarter t: Int) {
        defineChillerHeatRows(chillerHeat[l]?[t], loop: l, quarter: t, suffix: "") { _ in 1 }
        let problem = problem
        defineChillerHeatRows(meanChillerHeat[l]?[t], loop: l, quarter: t, suffix: "_mean") { problem.averageHeatShare($0) }
    }

    /// The rows of ``defineChillerHeat(loop:quarter:)`` on column `heat` (none without it), each rack of eligibility e taken
    /// at `share(e)` of its chiller load and chilled air, named `chiller_heat` + `suffix`.
    private mutating func defineChillerHeatRows(_ heat: VariableID?, loop l: Int, quarter t: Int, suffix: String, share: (Int) -> Double) {
        guard let heat else { return }
        let loop = problem.loops[l]
        func terms(_ coefficient: (RackCoefficients) -> Double) -> [Term] {
            problem.eligible.indices.compactMap { e in
                guard problem.hallLoops[problem.eligible[e].hall] == l, let n = stock[e]?[t] else { return nil }
                let a = share(e) * coefficient(problem.coefficients(e))
                return a > 0 ? Term(n, a) : nil
            }
        }
        let load = terms { $0.chillerLoadMW }
        // Without racks that load the chillers, they carry nothing: the column is held at 0.
        guard !load.isEmpty else {
            model.variables[heat.index].upperBound = 0
            return
        }
        addRow(loopRowName(.chillerHeat, loop, t, suffix: suffix), load + plantModuleAndChillerCreditTerms(loop: l, quarter: t) + [Term(heat, -1)],
               upper: loop.chillerCreditMW(plantModules: 0, chillerModules: 0), .chillerHeat, problem.quarters[t], loop.subject)
        let air = terms { $0.chilledAirMW }
        guard !air.isEmpty else { return }
        addRow(loopRowName(.chillerHeat, loop, t, suffix: suffix + "_air"), air + [Term(heat, -1)], upper: 0, .chillerHeat,
               problem.quarters[t], loop.chilledAirSubject)
    }

    /// The credit the plant and chiller modules in service on loop l in quarter t add to the chillers' credit, negated (a
    /// `chiller_heat` row's terms).
    func plantModuleAndChillerCreditTerms(loop l: Int, quarter t: Int) -> [Term] {
        let chillerModules = chillerBuilt[l]?[t].flatMap { column in
            problem.loops[l].chillerModuleBuild.flatMap { m in
                let credit = m.chillerRowMWPerModule - m.capacityMW
                return credit != 0 ? Term(column, -credit) : nil
            }
        }
        return [plantModuleCreditTerm(loop: l, quarter: t), chillerModules].compactMap { $0 }
    }

    /// Facility power in quarter t (the `site_power` rows' left side), MW: Σ ``PlanningProblem/stockFacilityMW(_:)`` × stock,
    /// and each `chiller_heat` column at ``PlanningProblem/LoopPlant/chillerFacilityMWPerMW``, in eligibility then loop
    /// order; racks whose coefficient is 0 are left out where `omitZero`.
    /// ``PlanningProblem/facilityMW(racks:chillerPowerMW:)`` gives its value at a plan.
    func facilityPowerTerms(quarter t: Int, omitZero: Bool) -> [Term] {
        var terms: [Term] = []
        for e in problem.eligible.indices {
            guard let n = stock[e]?[t] else { continue }
            let a = problem.stockFacilityMW(e)
            if !omitZero || a > 0 { terms.append(Term(n, a)) }
        }
        for l in chillerHeat.keys.sorted() {
            if let heat = chillerHeat[l]?[t] { terms.append(Term(heat, problem.loops[l].chillerFacilityMWPerMW)) }
        }
        return terms
    }
}

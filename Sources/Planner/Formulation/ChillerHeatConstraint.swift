import LinearProgramming
import Plans

extension Formulation {
    /// `chiller_heat(t)` (on another water loop `chiller_heat(loop,t)`): the heat the loop's chillers carry at the design
    /// condition, MW, on loops where it is other than the racks' chiller load (``PlanningProblem/LoopPlant/chillerHeatVaries``:
    /// a credit, or modules that change it). Continuous, from 0 to the most chillers the loop can have (the `chiller` rows
    /// keep the heat the plan needs below that). ``facilityPowerTerms(quarter:omitZero:)`` charges the chillers' power on it.
    mutating func defineChillerHeatColumns() {
        for (l, loop) in problem.loops.enumerated() where loop.chillerHeatVaries {
            for t in problem.quarters.indices {
                let heat = model.addVariable("chiller_heat(" + (loop.rowID.map { "\($0)," } ?? "") + "\(q(t)))",
                                             lowerBound: 0, upperBound: loop.design.heatRejection.mostChillerCapacityMW)
                chillerHeat[l, default: [:]][t] = heat
                // Its chillers' power pays facility opex as a rack's does.
                let opex = loop.chillerFacilityMWPerMW * problem.quarterlyFacilityOpexUSDPerMW
                if opex > 0 { costTerms.append(Term(heat, opex)) }
            }
        }
    }

    /// `chiller_heat(t)`: the racks' chiller load − the credit the modules in service add − chiller_heat(t) ≤ the credit
    /// without modules; `chiller_heat_air(t)`: the chilled air − chiller_heat(t) ≤ 0. So chiller_heat is at least
    /// max(load − credit, chilled air, 0), what ``PlanningProblem/LoopPlant/chillerHeatMW(loadMW:chilledAirMW:plantModules:chillerModules:)``
    /// gives (where the linear credit stays at or above 0), and a plan short of grid power takes it there. No rows where
    /// no rack of the loop loads the chillers.
    mutating func defineChillerHeat(loop l: Int, quarter t: Int) {
        guard let heat = chillerHeat[l]?[t] else { return }
        let loop = problem.loops[l]
        let load = loopStockTerms(loop: l, quarter: t, omitZero: true) { $0.chillerLoadMW }
        // Without racks that load the chillers, they carry nothing: the column is held at 0.
        guard !load.isEmpty else {
            model.variables[heat.index].upperBound = 0
            return
        }
        let plantModules = plantModuleCreditTerm(loop: l, quarter: t)
        let chillerModules = chillerBuilt[l]?[t].flatMap { column in
            loop.chillerModuleBuild.flatMap { m in
                let credit = m.chillerRowMWPerModule - m.capacityMW
                return credit != 0 ? Term(column, -credit) : nil
            }
        }
        addRow(loopRowName(.chillerHeat, loop, t), load + [plantModules, chillerModules].compactMap { $0 } + [Term(heat, -1)],
               upper: loop.chillerCreditMW(plantModules: 0, chillerModules: 0), .chillerHeat, problem.quarters[t], loop.subject)
        let air = loopStockTerms(loop: l, quarter: t, omitZero: true) { $0.chilledAirMW }
        guard !air.isEmpty else { return }
        addRow(loopRowName(.chillerHeat, loop, t, suffix: "_air"), air + [Term(heat, -1)], upper: 0, .chillerHeat,
               problem.quarters[t], loop.chilledAirSubject)
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

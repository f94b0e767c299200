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

    /// With ``countsEnergy``, `chiller_heat_mean(t)` (on another water loop `chiller_heat_mean(loop,t)`): the heat the
    /// loop's chillers carry at the design condition with every rack at its average heat
    /// (``PlanningProblem/averageHeatShare(_:)``), MW, on the loops that have `chiller_heat`. Its chillers' energy is
    /// charged on it in ``costTerms``, as the racks' (``PlanningProblem/stockAverageFacilityMW(_:_:loop:)``) leaves it out.
    mutating func defineMeanChillerHeatColumns() {
        guard countsEnergy else { return }
        for (l, loop) in problem.loops.enumerated() where loop.chillerHeatVaries {
            for t in problem.quarters.indices {
                let heat = model.addVariable("chiller_heat_mean(" + (loop.rowID.map { "\($0)," } ?? "") + "\(q(t)))",
                                             lowerBound: 0, upperBound: loop.design.heatRejection.mostChillerCapacityMW)
                meanChillerHeat[l, default: [:]][t] = heat
                let energy = problem.quarterlyEnergyUSD(averageMW: loop.chillerFacilityMWPerMW)
                if energy > 0 { costTerms.append(Term(heat, energy)) }
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
        addRow(loopRowName(.chillerHeat, loop, t), load + plantModuleAndChillerCreditTerms(loop: l, quarter: t) + [Term(heat, -1)],
               upper: loop.chillerCreditMW(plantModules: 0, chillerModules: 0), .chillerHeat, problem.quarters[t], loop.subject)
        let air = loopStockTerms(loop: l, quarter: t, omitZero: true) { $0.chilledAirMW }
        guard !air.isEmpty else { return }
        addRow(loopRowName(.chillerHeat, loop, t, suffix: "_air"), air + [Term(heat, -1)], upper: 0, .chillerHeat,
               problem.quarters[t], loop.chilledAirSubject)
    }

    /// `chiller_heat_mean(t)` and `chiller_heat_mean_air(t)`: the rows of ``defineChillerHeat(loop:quarter:)`` with each
    /// rack's chiller load and chilled air at its average heat share, on `chiller_heat_mean`. Its average is at most its
    /// full load, so the column stays within the `chiller` rows' capacity.
    mutating func defineMeanChillerHeat(loop l: Int, quarter t: Int) {
        guard let heat = meanChillerHeat[l]?[t] else { return }
        let loop = problem.loops[l]
        func terms(_ coefficient: (RackCoefficients) -> Double) -> [Term] {
            problem.eligible.indices.compactMap { e in
                guard problem.hallLoops[problem.eligible[e].hall] == l, let n = stock[e]?[t] else { return nil }
                let a = problem.averageHeatShare(e) * coefficient(problem.coefficients(e))
                return a > 0 ? Term(n, a) : nil
            }
        }
        let load = terms { $0.chillerLoadMW }
        guard !load.isEmpty else {
            model.variables[heat.index].upperBound = 0
            return
        }
        addRow(loopRowName(.chillerHeat, loop, t, suffix: "_mean"), load + plantModuleAndChillerCreditTerms(loop: l, quarter: t) + [Term(heat, -1)],
               upper: loop.chillerCreditMW(plantModules: 0, chillerModules: 0), .chillerHeat, problem.quarters[t], loop.subject)
        let air = terms { $0.chilledAirMW }
        guard !air.isEmpty else { return }
        addRow(loopRowName(.chillerHeat, loop, t, suffix: "_mean_air"), air + [Term(heat, -1)], upper: 0, .chillerHeat,
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

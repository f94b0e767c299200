import LinearProgramming
import Plans

extension Formulation {
    /// `chiller(t)`: heat the chillers must carry at the design condition (s per MW of the plant's stream less the credit,
    /// so none up to credit / s, and all chilled air) ≤ the installed chiller
    /// capacity; and `chiller_air(t)`: chilled air alone ≤ the capacity, since the plant's credit cannot cool
    /// air. Racks that need no chiller are left out of the rows. Modules in service add to both (README "Facility
    /// decisions"): each plant module its credit (`plant_modules(heat_rejection,t)` × ``PlanningProblem/PlantModuleBuild/chillerRowMWPerModule``)
    /// and each chiller module its cooling and its change of the credit (`chiller_modules(chillers,t)` ×
    /// ``PlanningProblem/ChillerModuleBuild/chillerRowMWPerModule``) to `chiller`, its cooling to `chiller_air`. On a water loop
    /// other than the main one the rows are `chiller(loop,t)` and `chiller_air(loop,t)`, over the loop's halls and chillers.
    mutating func defineChillers(loop l: Int, quarter t: Int) {
        let loop = problem.loops[l], hr = loop.design.heatRejection
        let terms = loopStockTerms(loop: l, quarter: t, omitZero: true) { $0.chillerLoadMW }
        guard !terms.isEmpty else { return }
        let plantModules = plantModuleCreditTerm(loop: l, quarter: t)
        let chillerModules = chillerBuilt[l]?[t]
        let built = [plantModules, chillerModules.map { Term($0, -(loop.chillerModuleBuild?.chillerRowMWPerModule ?? 0)) }].compactMap { $0 }
        addRow(loopRowName(.chiller, loop, t), terms + built, upper: loop.chillerRowCapacityMW, .chiller, problem.quarters[t], loop.subject)
        // Without credit now or from modules, chilled air is within the chiller row already.
        guard problem.design.airCooling.chilled,
              loop.chillerRowCapacityMW > hr.chillerCapacityMW || !built.isEmpty else { return }
        let air = loopStockTerms(loop: l, quarter: t, omitZero: true) { $0.chilledAirMW }
        addRow(loopRowName(.chiller, loop, t, suffix: "_air"), air + (chillerModules.map { [Term($0, -(loop.chillerModuleBuild?.capacityMW ?? 0))] } ?? []),
               upper: hr.chillerCapacityMW, .chiller, problem.quarters[t], loop.chilledAirSubject)
    }

    /// − credit × `plant_modules(loop,t)`: what the plant modules in service add to the credit of loop l's `chiller` and
    /// `chiller_heat` rows; `nil` without plant modules in t or where they add none (the set-point below the design ambient).
    func plantModuleCreditTerm(loop l: Int, quarter t: Int) -> Term? {
        plantBuilt[l]?[t].flatMap { column in
            problem.loops[l].plantModuleBuild.flatMap { $0.chillerRowMWPerModule != 0 ? Term(column, -$0.chillerRowMWPerModule) : nil }
        }
    }
}

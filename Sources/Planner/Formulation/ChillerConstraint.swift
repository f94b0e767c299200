import LinearProgramming
import Plans

extension Formulation {
    /// `chiller(t)`: heat the chillers must carry at the design condition (s per MW of the plant's stream, less
    /// what the plant at full fan takes before they start, and all chilled air) ≤ the installed chiller
    /// capacity; and `chiller_air(t)`: chilled air alone ≤ the capacity, since the plant's credit cannot cool
    /// air. Racks that need no chiller are left out of the rows. Modules in service add to both (README "Facility
    /// decisions"): each plant module its credit (`plant_modules(heat_rejection,t)` × ``PlanningProblem/PlantModuleBuild/chillerRowMWPerModule``)
    /// and each chiller module its cooling and its change of the credit (`chiller_modules(chillers,t)` ×
    /// ``PlanningProblem/ChillerModuleBuild/chillerRowMWPerModule``) to `chiller`, its cooling to `chiller_air`.
    mutating func defineChillers(quarter t: Int) {
        let hr = problem.design.heatRejection
        let terms = stockTerms(quarter: t, omitZero: true) { $0.chillerLoadMW }
        guard !terms.isEmpty else { return }
        // Plant modules where they add credit (none where the set-point is below the design ambient).
        let plantModules = plantBuilt[t].flatMap { column in
            problem.plantModuleBuild.flatMap { $0.chillerRowMWPerModule != 0 ? Term(column, -$0.chillerRowMWPerModule) : nil }
        }
        let chillerModules = chillerBuilt[t]
        let built = [plantModules, chillerModules.map { Term($0, -(problem.chillerModuleBuild?.chillerRowMWPerModule ?? 0)) }].compactMap { $0 }
        addRow("\(ConstraintFamily.chiller.rawValue)(\(q(t)))", terms + built, upper: problem.chillerRowCapacityMW, .chiller, problem.quarters[t], nil)
        // Without credit now or from modules, chilled air is within the chiller row already.
        guard problem.design.airCooling.chilled,
              problem.chillerRowCapacityMW > hr.chillerCapacityMW || !built.isEmpty else { return }
        let air = stockTerms(quarter: t, omitZero: true) { $0.chilledAirMW }
        addRow("chiller_air(\(q(t)))", air + (chillerModules.map { [Term($0, -(problem.chillerModuleBuild?.capacityMW ?? 0))] } ?? []),
               upper: hr.chillerCapacityMW, .chiller, problem.quarters[t], "chilled air")
    }
}

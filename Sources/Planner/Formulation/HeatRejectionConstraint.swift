import LinearProgramming
import Plans

extension Formulation {
    /// `heat_rejection(t)`: the plant's water stream (liquid loop and pump work) ≤ what the plant rejects at
    /// full fan with the stream at its set-point at the design condition, and what the plant modules in service add
    /// (`plant_modules(heat_rejection,t)` × each module's share). With chillers the limit is the chiller row's instead:
    /// they carry what the plant cannot.
    mutating func defineHeatRejection(quarter t: Int) {
        guard problem.design.heatRejection.chillerCapacityMW <= 0 else { return }
        guard let modules = plantBuilt[t], let perModule = problem.plantModuleBuild?.rejectionMWPerModule else {
            addSiteRow(.heatRejection, quarter: t, capacity: problem.condition.rejectionCapacityMW) { $0.rejectedMW }
            return
        }
        let terms = stockTerms(quarter: t, omitZero: false) { $0.rejectedMW }
        guard !terms.isEmpty else { return }
        addRow("\(ConstraintFamily.heatRejection.rawValue)(\(q(t)))", terms + [Term(modules, -perModule)],
               upper: problem.condition.rejectionCapacityMW, .heatRejection, problem.quarters[t], nil)
    }
}

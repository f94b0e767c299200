import LinearProgramming
import Plans

extension Formulation {
    /// `heat_rejection(t)`: the plant's water stream (liquid loop and pump work) ≤ what the plant rejects at
    /// full fan with the stream at its set-point at the design condition, and what the plant modules in service add
    /// (`plant_modules(heat_rejection,t)` × each module's share). With chillers the limit is the chiller row's instead:
    /// they carry what the plant cannot. On a water loop other than the main one the row is `heat_rejection(loop,t)`, over the
    /// racks in the loop's halls, against the loop's plant (README "Water loops").
    mutating func defineHeatRejection(loop l: Int, quarter t: Int) {
        let loop = problem.loops[l]
        guard !loop.design.heatRejection.hasChillers else { return }
        let terms = loopStockTerms(loop: l, quarter: t, omitZero: false) { $0.rejectedMW }
        guard !terms.isEmpty else { return }
        let built = plantBuilt[l]?[t].flatMap { column in loop.plantModuleBuild.map { Term(column, -$0.rejectionMWPerModule) } }
        addRow(loopRowName(.heatRejection, loop, t), terms + (built.map { [$0] } ?? []), upper: loop.condition.rejectionCapacityMW,
               .heatRejection, problem.quarters[t], loop.subject)
    }

    /// Σ coefficient × stock over the racks in the halls of water loop `l` (every rack with one loop).
    func loopStockTerms(loop l: Int, quarter t: Int, omitZero: Bool, coefficient: (RackCoefficients) -> Double) -> [Term] {
        guard problem.loops.count > 1 else { return stockTerms(quarter: t, omitZero: omitZero, coefficient: coefficient) }
        return stockTerms(quarter: t, where: { problem.hallLoops[$0.hall] == l }, omitZero: omitZero, coefficient: coefficient)
    }

    /// A loop row's name: `family(t)` on the main loop, `family(loop,t)` on another; `suffix` ends the family's name
    /// (`chiller_air`).
    func loopRowName(_ family: ConstraintFamily, _ loop: PlanningProblem.LoopPlant, _ t: Int, suffix: String = "") -> String {
        "\(family.rawValue)\(suffix)(" + (loop.rowID.map { "\($0)," } ?? "") + "\(q(t)))"
    }
}

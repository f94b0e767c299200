extension Formulation {
    /// `heat_rejection(t)`: the plant's water stream (liquid loop and pump work) ≤ what the plant rejects at
    /// full fan with the stream at its set-point at the design condition. With chillers the limit is the
    /// chiller row's instead: they carry what the plant cannot.
    mutating func defineHeatRejection(quarter t: Int) {
        guard problem.design.heatRejection.chillerCapacityMW <= 0 else { return }
        addSiteRow(.heatRejection, quarter: t, capacity: problem.condition.rejectionCapacityMW) { $0.rejectedMW }
    }
}

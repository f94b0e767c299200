extension Formulation {
    /// `heat_rejection(t)`: heat to the outdoor plant (IT heat, pump, fan and compressor work) ≤ the
    /// plant's capacity at the design condition.
    mutating func defineHeatRejection(quarter t: Int) {
        addSiteRow(.heatRejection, quarter: t, capacity: problem.condition.rejectionCapacityMW) { $0.rejectedMW }
    }
}

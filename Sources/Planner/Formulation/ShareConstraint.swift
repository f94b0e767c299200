import LinearProgramming
import Plans

extension Formulation {
    /// `share(w,t)`: each workload's tokens ≥ its share of all tokens, Σ_p rate·serve(p,w) ≥
    /// share_w · Σ_{p,v} rate·serve(p,v) (only with more than one workload).
    mutating func defineShare(quarter t: Int) {
        let workloads = problem.design.workloadMix
        guard workloads.count > 1 else { return }
        for (w, share) in workloads.enumerated() {
            var coefficients: [VariableID: Double] = [:]
            for (p, profile) in problem.profiles.enumerated() {
                for (v, mix) in workloads.enumerated() {
                    guard let y = serve[Key3(p: p, w: v, t: t)],
                          let rate = problem.rackTokensPerSecond(profile, mix.workload) else { continue }
                    coefficients[y, default: 0] += (v == w ? rate : 0) - share.share * rate
                }
            }
            let terms = coefficients.sorted { $0.key < $1.key }.map { Term($0.key, $0.value) }
            addRow("\(ConstraintFamily.share.rawValue)(\(Self.id(share.workload)),\(q(t)))", terms, lower: 0, .share,
                   problem.quarters[t], share.workload)
        }
    }
}

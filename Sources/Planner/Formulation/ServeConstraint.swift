import LinearProgramming
import Plans

extension Formulation {
    /// `serve(p,t)`: racks of a profile serving workloads ≤ racks of it installed, over all halls.
    mutating func defineServe(quarter t: Int) {
        for (p, profile) in problem.profiles.enumerated() {
            var terms = problem.design.workloadMix.indices.compactMap { w in serve[Key3(p: p, w: w, t: t)].map { Term($0, 1) } }
            guard !terms.isEmpty else { continue }
            for (e, el) in problem.eligible.enumerated() where el.profile == p {
                if let n = stock[e]?[t] { terms.append(Term(n, -1)) }
            }
            addRow("\(ConstraintFamily.serve.rawValue)(\(Self.id(profile.id)),\(q(t)))", terms, upper: 0, .serve,
                   problem.quarters[t], profile.id)
        }
    }
}

import LinearProgramming
import Plans

extension Formulation {
    /// `network(t)`: the site fabric's host ports (racks in halls without a fabric of their own) ≤ what the non-blocking
    /// fat tree carries (k²/2 hosts for two tiers, k³/4 for three).
    mutating func defineNetwork(quarter t: Int) {
        let terms = stockTerms(quarter: t, where: { problem.halls[$0.hall].fabric == nil }, omitZero: false) { $0.scaleOutPorts }
        addRow("\(ConstraintFamily.network.rawValue)(\(q(t)))", terms, upper: problem.design.fabric.hostPortCapacity, .network,
               problem.quarters[t], nil)
    }

    /// `network(GROUP,t)`: in a hall group with its own fabric (one in each hall), the group's host ports ≤ each hall's fat
    /// tree × the halls (in service).
    mutating func defineHallNetwork(hall h: Int, quarter t: Int) {
        guard let fabric = problem.halls[h].fabric else { return }
        addHallRow(.network, hall: h, quarter: t, capacityPerHall: fabric.hostPortCapacity, omitZero: true) { $0.scaleOutPorts }
    }
}

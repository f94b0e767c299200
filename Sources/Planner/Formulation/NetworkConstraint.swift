extension Formulation {
    /// `network(t)`: scale-out host ports ≤ what the non-blocking fat tree carries (k²/2 hosts for two
    /// tiers, k³/4 for three).
    mutating func defineNetwork(quarter t: Int) {
        addSiteRow(.network, quarter: t, capacity: problem.design.fabric.hostPortCapacity) { $0.scaleOutPorts }
    }
}

import PlantModel

/// The equipment racks standing in the halls need: the duty CDUs of each hall's water loop (each hall's liquid heat over
/// the CDU capacity, rounded up), and the switches and transceivers of the site's fabric (racks in halls without a
/// fabric of their own) and of each hall's own.
struct HallEquipment: Equatable {
    var cdus = 0, switches = 0, transceivers = 0
    /// Halls holding racks with liquid heat: bom.csv adds one spare CDU in each (N+1).
    var liquidHalls = 0

    /// The equipment for `racks(e, i)` racks of eligibility e in hall i of its group.
    init(_ problem: PlanningProblem, racks: (_ e: Int, _ i: Int) -> Int) {
        var sitePorts = 0
        var ownFabrics: [(fabric: Fabric, ports: Int)] = []
        for (g, hall) in problem.halls.enumerated() {
            let members = problem.eligible.indices.filter { problem.eligible[$0].hall == g }
            let lc = problem.loops[problem.hallLoops[g]].design.liquidCooling
            for i in 0..<hall.count {
                let liquid = members.reduce(0.0) { $0 + Double(racks($1, i)) * problem.coefficients($1).liquidMW }
                if let lc { cdus += Int((liquid / lc.cduCapacityMW - PlanAssembly.countTolerance).rounded(.up)) }
                if liquid > 0 { liquidHalls += 1 }
                let ports = members.reduce(0) { $0 + racks($1, i) * problem.profiles[problem.eligible[$1].profile].scaleOutPorts }
                if let own = hall.fabric { ownFabrics.append((own, ports)) } else { sitePorts += ports }
            }
        }
        let fabrics = [(fabric: problem.design.fabric, ports: sitePorts)] + ownFabrics
        switches = fabrics.reduce(0) { $0 + FatTree($1.fabric).switches(hostPorts: $1.ports) }
        transceivers = fabrics.reduce(0) { $0 + $1.ports * $1.fabric.transceiversPerHostPort }
    }
}

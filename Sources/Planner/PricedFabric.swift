import PlantModel
import PlantPhysics

/// A fabric with prices of its own (README "Fabric capex") and the racks it serves: the site's (the racks in halls without
/// a fabric of their own) or one hall group's own, in each of its halls.
struct PricedFabric {
    /// `site_fabric`, or the hall group's name: the `fabric_ports` rows' subject and name piece.
    var name: String
    /// The planned halls (``PlanningProblem/halls``) whose racks it serves.
    var halls: Set<Int>
    var capexUSDPerHostPort: Double
    /// The host ports it holds: its fat tree's, in each hall of a group with its own.
    var hostPortCapacity: Double
    /// The ports of the racks standing on it before the horizon, paid before the plan.
    var portsBeforeHorizon: Double

    func serves(hall h: Int) -> Bool { halls.contains(h) }
}

extension PlanningProblem {
    /// The priced fabrics: the site's, then each hall group's own, in the order of ``halls``; none without prices.
    var pricedFabrics: [PricedFabric] {
        func existingPorts(_ halls: Set<Int>) -> Double {
            eligible.indices.filter { halls.contains(eligible[$0].hall) }
                .reduce(0.0) { $0 + Double(existingRacks($1)) * coefficients($1).scaleOutPorts }
        }
        var fabrics: [PricedFabric] = []
        if let price = design.fabric.capexUSDPerHostPort {
            let halls = Set(self.halls.indices.filter { self.halls[$0].fabric == nil })
            fabrics.append(PricedFabric(name: PricedFabricName.site, halls: halls, capexUSDPerHostPort: price,
                                        hostPortCapacity: design.fabric.hostPortCapacity, portsBeforeHorizon: existingPorts(halls)))
        }
        for (h, hall) in halls.enumerated() {
            guard let fabric = hall.fabric, let price = fabric.capexUSDPerHostPort else { continue }
            fabrics.append(PricedFabric(name: hall.name, halls: [h], capexUSDPerHostPort: price,
                                        hostPortCapacity: fabric.hostPortCapacity * Double(hall.count), portsBeforeHorizon: existingPorts([h])))
        }
        return fabrics
    }

    /// What one dollar of fabric capex bought in quarter t costs over the horizon: its annuity over
    /// ``ReferenceDesign/fabricRecoveryQuarters`` / 4 a quarter, for each quarter of that period within the horizon.
    func quarterlyFabricCapitalShare(boughtIn t: Int) -> Double {
        let recovery = design.fabricRecoveryQuarters
        return design.economics.capitalRecoveryFactor(years: Double(recovery) / 4) / TimeBase.quartersPerYear
            * Double(min(quarters.count - t, recovery))
    }

    /// The capex of the fabric ports bought in each quarter, with `racks(e, t)` racks of eligibility e in service in quarter
    /// t, USD: on each priced fabric, the ports above the most in service before (those of the racks standing before the
    /// horizon first) at its price per host port, as `fabric_ports` rows count them.
    func fabricCapexUSD(racks: (_ e: Int, _ t: Int) -> Int) -> [Double] {
        var capex = [Double](repeating: 0, count: quarters.count)
        for fabric in pricedFabrics {
            var most = fabric.portsBeforeHorizon
            for t in quarters.indices {
                let ports = eligible.indices.filter { fabric.serves(hall: eligible[$0].hall) }
                    .reduce(0.0) { $0 + Double(racks($1, t)) * coefficients($1).scaleOutPorts }
                capex[t] += max(0, ports - most) * fabric.capexUSDPerHostPort
                most = max(most, ports)
            }
        }
        return capex
    }
}

import LinearProgramming
import Plans

extension Formulation {
    /// `fabric_ports_new(FABRIC,t)`: the host ports a priced fabric (the site's, `site_fabric`, or a hall group's own, by the group's
    /// name) adds in quarter t, continuous, at the fabric's capex per host port (``Fabric/capexUSDPerHostPort``) in the
    /// quarter's IT capex, the horizon's capex and, as an annuity over ``ReferenceDesign/fabricRecoveryQuarters``, the cost;
    /// `fabric_ports(FABRIC,t)`: Σ_{τ≤t} fabric_ports_new(τ) − the ports of the racks on it in t ≥ − the ports of the racks
    /// standing on it before the horizon. The fabric bought covers the most ports ever in service: ports freed by retired
    /// racks serve the racks after them (bom.csv's reading). Only for priced fabrics (README "Fabric capex").
    mutating func defineFabricPorts() {
        for fabric in problem.pricedFabrics {
            var bought: [Term] = []
            for t in problem.quarters.indices {
                let ports = stockTerms(quarter: t, where: { fabric.serves(hall: $0.hall) }, omitZero: true) { $0.scaleOutPorts }
                guard !ports.isEmpty else { continue }
                let column = model.addVariable("fabric_ports_new(\(Self.id(fabric.name)),\(q(t)))", lowerBound: 0,
                                               upperBound: fabric.hostPortCapacity)
                fabricPortColumns.append(column)
                bought.append(Term(column, 1))
                capexTerms.append(Term(column, fabric.capexUSDPerHostPort))
                itCapexByQuarter[t].append(Term(column, fabric.capexUSDPerHostPort))
                costTerms.append(Term(column, fabric.capexUSDPerHostPort * problem.quarterlyFabricCapitalShare(boughtIn: t)))
                addRow("\(ConstraintFamily.fabricPorts.rawValue)(\(Self.id(fabric.name)),\(q(t)))",
                       bought + ports.map { Term($0.variable, -$0.coefficient) }, lower: -fabric.portsBeforeHorizon, .fabricPorts,
                       problem.quarters[t], fabric.name)
            }
        }
    }
}

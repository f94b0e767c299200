import LinearProgramming
import PlantModel
import Plans

extension Formulation {
    /// `build(p,h,t)` (integer purchase units), `retire(p,h,t)` (integer racks) and `stock(p,h,t)` (racks)
    /// for every eligible profile and hall from its first quarter on, tied by the stock balance
    /// `stock(t) = stock(t−1) + unit · build(t) − retire(t)`, with the existing racks as stock(first − 1), and
    /// `retire(t) ≤ stock(t−1)` (row `stock_stood(p,h,t)`; in the first quarter a bound at the existing racks);
    /// adds each rack's facility MW, cost and capex to the objective expressions, and each retired rack's
    /// decommissioning cost (cost) and decommissioning less residual value (capex). The cost objectives charge a rack's
    /// annuity on its purchase for its recovery period, existing racks' capital being sunk (README "A rack's capital is
    /// sunk once bought").
    ///
    /// `retire` columns exist only where ``PlanningProblem/allowsRetirement``. Racks are retired one by one, not
    /// by purchase unit: existing fleets and asset lives count racks, and a scalable unit's racks may leave one at
    /// a time.
    mutating func defineRackColumns() {
        for (e, el) in problem.eligible.enumerated() {
            let profile = problem.profiles[el.profile]
            let hall = problem.halls[el.hall]
            let unit = Double(problem.design.unitRacks(profile.id))
            let maxRacks = (Double(hall.count * hall.positions) / Double(profile.positionsPerRack)).rounded(.down)
            let maxUnits = (maxRacks / unit).rounded(.down)
            let existing = Double(problem.existingRacks(e))
            let c = problem.coefficients(e)
            let names = "\(Self.id(profile.id)),\(Self.id(hall.name))"
            var previous: VariableID?
            for t in el.firstQuarter..<problem.quarters.count {
                let b = model.addVariable("build(\(names),\(q(t)))", kind: .integer, lowerBound: 0, upperBound: maxUnits)
                // Only racks that stood at the end of the quarter before can be retired (in the first quarter, the existing
                // ones): a purchase unit is not bought to be scrapped in part in the quarter it comes, which would buy around
                // its size (README "Refresh and retirement").
                let r = problem.allowsRetirement
                    ? model.addVariable("retire(\(names),\(q(t)))", kind: .integer, lowerBound: 0,
                                        upperBound: previous == nil ? min(maxRacks, existing) : maxRacks) : nil
                // With retirement, stock is declared integer (it is integral anyway): GLPK then branches on racks in
                // service instead of on build/retire pairs, whose combinations leave the bound of the refresh test
                // case 0.6 % open after 300,000 nodes; with integer stock it is proven at the root.
                let n = model.addVariable("stock(\(names),\(q(t)))", kind: r == nil ? .continuous : .integer, lowerBound: 0)
                build[e, default: [:]][t] = b
                stock[e, default: [:]][t] = n
                var terms = [Term(n, 1), Term(b, -unit)]
                if let r {
                    retire[e, default: [:]][t] = r
                    terms.append(Term(r, 1))
                    if problem.decommissioningUSDPerRack > 0 { costTerms.append(Term(r, problem.decommissioningUSDPerRack)) }
                    if problem.retirementCapexUSD(profile) != 0 {
                        capexTerms.append(Term(r, problem.retirementCapexUSD(profile)))
                        itCapexByQuarter[t].append(Term(r, problem.retirementCapexUSD(profile)))
                    }
                }
                if let previous {
                    terms.append(Term(previous, -1))
                    if let r {
                        addRow("\(ConstraintFamily.stock.rawValue)_stood(\(names),\(q(t)))", [Term(r, 1), Term(previous, -1)], upper: 0,
                               .stock, problem.quarters[t], profile.id)
                    }
                }
                let start = previous == nil ? existing : 0
                addRow("\(ConstraintFamily.stock.rawValue)(\(names),\(q(t)))", terms, lower: start, upper: start, .stock,
                       problem.quarters[t], profile.id)
                previous = n
                // A rack's capital is sunk once bought: charged on the purchase for its recovery period within the horizon
                // (``PlanningProblem/chargedQuarters(boughtIn:)``), so retiring it early saves only its running cost.
                costTerms.append(Term(n, problem.quarterlyRunningCostUSD(e)))
                costTerms.append(Term(b, unit * problem.quarterlyCapitalCostUSD(profile) * Double(problem.chargedQuarters(boughtIn: t))))
                capexTerms.append(Term(b, unit * c.capexUSD))
                itCapexByQuarter[t].append(Term(b, unit * c.capexUSD))
            }
        }
    }

    /// `serve(p,w,t)`: racks of each profile serving each workload it has a throughput for, from the
    /// profile's first eligible quarter on; their tokens/s make up ``tokenTerms``.
    mutating func defineServeColumns() {
        for (p, profile) in problem.profiles.enumerated() {
            let first = problem.eligible.filter { $0.profile == p }.map(\.firstQuarter).min()
            guard let first else { continue }
            for (w, share) in problem.design.workloadMix.enumerated() {
                guard let rate = problem.rackTokensPerSecond(profile, share.workload) else { continue }
                for t in first..<problem.quarters.count {
                    let y = model.addVariable("serve(\(Self.id(profile.id)),\(Self.id(share.workload)),\(q(t)))", lowerBound: 0)
                    serve[Key3(p: p, w: w, t: t)] = y
                    tokenTerms[t].append(Term(y, rate))
                }
            }
        }
    }
}

import LinearProgramming
import PlantPhysics
import Plans

extension Formulation {
    /// `battery_energy(t)` and `battery_power(t)`: the battery energy (MWh) and power (MW) in service in quarter t, what is in
    /// place included: continuous, at least what is in place, from the first quarter added battery can be in service (before
    /// it the battery is what is in place), non-decreasing (`build_order(battery_energy,t)`, `build_order(battery_power,t)`).
    /// What they add to what is in place costs its capex once (on the last quarter's columns) and its annual cost in each
    /// quarter; the constant that takes what is in place off both stands on the column `battery_in_place`, fixed at 1.
    /// Without a build option, or without a ride-through to size it to, there are no columns.
    mutating func defineBatteryColumns() {
        guard let ride = problem.batteryRideThrough, let build = ride.build, let first = ride.firstQuarter else { return }
        let economics = problem.design.economics
        let annualPerMWh = economics.annualCostUSD(build, energyMWh: 1, powerMW: 0) / TimeBase.quartersPerYear
        let annualPerMW = economics.annualCostUSD(build, energyMWh: 0, powerMW: 1) / TimeBase.quartersPerYear
        var previous: (energy: VariableID, power: VariableID)?
        for t in first..<problem.quarters.count {
            let energy = model.addVariable("battery_energy(\(q(t)))", lowerBound: ride.energyInPlaceMWh)
            let power = model.addVariable("battery_power(\(q(t)))", lowerBound: ride.powerInPlaceMW)
            (batteryEnergy[t], batteryPower[t]) = (energy, power)
            if annualPerMWh > 0 { costTerms.append(Term(energy, annualPerMWh)) }
            if annualPerMW > 0 { costTerms.append(Term(power, annualPerMW)) }
            if let previous {
                addRow("\(ConstraintFamily.buildOrder.rawValue)(battery_energy,\(q(t)))", [Term(energy, 1), Term(previous.energy, -1)], lower: 0,
                       .buildOrder, problem.quarters[t], "battery energy")
                addRow("\(ConstraintFamily.buildOrder.rawValue)(battery_power,\(q(t)))", [Term(power, 1), Term(previous.power, -1)], lower: 0,
                       .buildOrder, problem.quarters[t], "battery power")
            }
            previous = (energy, power)
        }
        guard let last = previous else { return }
        if build.capexUSDPerMWh > 0 { capexTerms.append(Term(last.energy, build.capexUSDPerMWh)) }
        if build.capexUSDPerMW > 0 { capexTerms.append(Term(last.power, build.capexUSDPerMW)) }
        // What is in place was bought before the plan: its capex and annual cost come off again.
        let quartersBuilt = Double(problem.quarters.count - first)
        let inPlaceCapex = build.capexUSD(energyMWh: ride.energyInPlaceMWh, powerMW: ride.powerInPlaceMW)
        let inPlaceCost = quartersBuilt * (annualPerMWh * ride.energyInPlaceMWh + annualPerMW * ride.powerInPlaceMW)
        let inPlace = inPlaceCapex > 0 || inPlaceCost > 0 ? model.addVariable("battery_in_place", lowerBound: 1, upperBound: 1) : nil
        if let inPlace, inPlaceCapex > 0 { capexTerms.append(Term(inPlace, -inPlaceCapex)) }
        if let inPlace, inPlaceCost > 0 { costTerms.append(Term(inPlace, -inPlaceCost)) }
        // What the plan adds, spent over the lead time as cashflow.csv books it: energy and power less what is in place.
        for (columns, capex, inPlaceAmount) in [(batteryEnergy, build.capexUSDPerMWh, ride.energyInPlaceMWh),
                                                (batteryPower, build.capexUSDPerMW, ride.powerInPlaceMW)] where capex > 0 {
            spendingSeries.append(SpendingSeries(columns: columns, capexUSD: capex, leadQuarters: build.leadTimeQuarters,
                                                 inPlace: inPlace.flatMap { inPlaceAmount > 0 ? Term($0, -capex * inPlaceAmount) : nil }))
        }
    }

    /// `battery_ride_through(t)`: `rideThroughMinutes` / 60 × the facility's design MW (the `site_power` row's left side)
    /// − battery_energy(t) ≤ 0; `battery_ride_through_power(t)`: facility MW − battery_power(t) ≤ 0: the battery carries the
    /// site's full design load for the ride-through. Before added battery can be in service (or without a build option) the
    /// right-hand sides are the energy and power in place. Only where the design gives `rideThroughMinutes`.
    mutating func defineBatteryRideThrough(quarter t: Int) {
        guard let ride = problem.batteryRideThrough else { return }
        let facility = facilityPowerTerms(quarter: t, omitZero: true)
        guard !facility.isEmpty else { return }
        let hours = ride.minutes / 60
        let energy = facility.map { Term($0.variable, hours * $0.coefficient) }
        if let column = batteryEnergy[t] {
            addRow("\(ConstraintFamily.batteryEnergy.rawValue)(\(q(t)))", energy + [Term(column, -1)], upper: 0, .batteryEnergy, problem.quarters[t], nil)
        } else {
            addRow("\(ConstraintFamily.batteryEnergy.rawValue)(\(q(t)))", energy, upper: ride.energyInPlaceMWh, .batteryEnergy, problem.quarters[t], nil)
        }
        if let column = batteryPower[t] {
            addRow("\(ConstraintFamily.batteryPower.rawValue)(\(q(t)))", facility + [Term(column, -1)], upper: 0, .batteryPower, problem.quarters[t], nil)
        } else {
            addRow("\(ConstraintFamily.batteryPower.rawValue)(\(q(t)))", facility, upper: ride.powerInPlaceMW, .batteryPower, problem.quarters[t], nil)
        }
    }

    /// The battery columns, energy then power, by quarter. The objective nudges against them as against the halls' (so that
    /// max-tokens adds no battery beyond the ride-through), and they stand on the capacity side of the ride-through rows in
    /// "What binds". Unlike the integer build columns they stay free in the relaxation the shadow prices come from: the plan
    /// sizes the battery exactly to its rows, so with the battery fixed a ride-through row would price one more MWh as the
    /// racks it lets in, not as what the requirement costs (the battery's capex, through the budget or the cost objective).
    var batteryColumns: [VariableID] {
        batteryEnergy.keys.sorted().flatMap { [batteryEnergy[$0]!, batteryPower[$0]!] }
    }
}

import PlantModel

extension BuildPlan {
    /// Problems of a plan's battery lines (`facilityBuilds` of kind `battery`) against the design, as (field path, message):
    /// each names the design's battery with a build option, has new and inService 0 and gives its energy and power; they are
    /// at least what is in place, never fall, are the lines before plus what is new, and grow no earlier than the lead time
    /// allows; and, where the design asks for a ride-through, the battery in service in every quarter of the plan carries the
    /// quarter's facility MW for `rideThroughMinutes` (within rounding), whether or not the plan has battery lines.
    static func batteryBuildIssues(_ plan: BuildPlan, design: ReferenceDesign) -> [(path: String, message: String)] {
        var issues: [(path: String, message: String)] = []
        let given = design.powerChain.battery
        var previous = (energyMWh: given?.energyMWh ?? 0, powerMW: given?.powerMW ?? 0)
        for (i, line) in (plan.facilityBuilds ?? []).enumerated() where line.kind == .battery {
            let path = "facilityBuilds[\(i)]"
            guard let given, let build = given.build, line.name == FacilityBuild.batteryName else {
                issues.append(("\(path).name", "'\(line.name)' is no battery with a build option in the design (powerChain.battery.build; "
                    + "a battery line is named '\(FacilityBuild.batteryName)')"))
                continue
            }
            guard let energy = line.energyMWh, let power = line.powerMW, let newEnergy = line.newEnergyMWh, let newPower = line.newPowerMW else {
                issues.append((path, "a battery line needs energyMWh, powerMW, newEnergyMWh and newPowerMW"))
                continue
            }
            // A battery line counts MWh and MW, not units: its new and inService are 0 (README "Facility decisions", "Battery").
            for (field, value) in [("new", line.new), ("inService", line.inService)] where value != 0 {
                issues.append(("\(path).\(field)", "a battery line's new and inService are 0 (it gives energyMWh, powerMW, "
                    + "newEnergyMWh and newPowerMW instead); set \(field) to 0"))
            }
            for (field, value, inPlace, before, new, unit) in [("energyMWh", energy, given.energyMWh, previous.energyMWh, newEnergy, "MWh"),
                                                               ("powerMW", power, given.powerMW, previous.powerMW, newPower, "MW")] {
                if value < inPlace - tolerance(inPlace) {
                    issues.append(("\(path).\(field)", "\(written(value)) \(unit) is less than the \(written(inPlace)) \(unit) in place (powerChain.battery)"))
                } else if value < before - tolerance(before) {
                    issues.append(("\(path).\(field)", "\(written(value)) \(unit) is less than the \(written(before)) \(unit) in service before: "
                        + "battery built stays built"))
                } else if abs(value - before - new) > tolerance(value) {
                    issues.append(("\(path).\(field)", "\(written(value)) \(unit) is not the \(written(before)) \(unit) in service before and "
                        + "\(written(new)) \(unit) new"))
                }
            }
            let earliest = build.earliestService(horizonFirst: design.horizon.first)
            if newEnergy > tolerance(energy) || newPower > tolerance(power), line.quarter < earliest {
                issues.append(("\(path).quarter", "\(line.quarter) is before the earliest quarter added battery can be in service (\(earliest))"))
            }
            previous = (max(previous.energyMWh, energy), max(previous.powerMW, power))
        }
        guard let minutes = given?.rideThroughMinutes else { return issues }
        for (i, q) in plan.quarters.enumerated() {
            guard let battery = design.battery(in: q.quarter, plan.facilityBuilds), let needed = battery.rideThroughMWh(loadMW: q.facilityMW) else { continue }
            if battery.energyMWh < needed - tolerance(needed) {
                issues.append(("quarters[\(i)].facilityMW", "\(written(q.facilityMW)) MW for \(format(minutes)) minutes needs \(written(needed)) MWh "
                    + "of battery; \(written(battery.energyMWh)) MWh is in service in \(q.quarter) (powerChain.battery.rideThroughMinutes)"))
            } else if battery.powerMW < q.facilityMW - tolerance(q.facilityMW) {
                issues.append(("quarters[\(i)].facilityMW", "\(written(q.facilityMW)) MW needs as much battery power through a ride-through; "
                    + "\(written(battery.powerMW)) MW is in service in \(q.quarter) (powerChain.battery.rideThroughMinutes)"))
            }
        }
        return issues
    }

    /// A figure as plan.json writes it: to six decimals, without a trailing `.0`.
    private static func written(_ value: Double) -> String { format((value * 1e6).rounded() / 1e6) }

    /// Rounding allowed on a battery figure of size `value`: plan.json writes figures to six decimals.
    private static func tolerance(_ value: Double) -> Double { 1e-6 * max(1, abs(value)) + 1e-5 }
}

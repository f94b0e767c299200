extension HallGroup {
    /// Why racks of `profile` may not stand in this group's halls by the design's own figures: the rack's kW, its weight,
    /// CDUs for a liquid rack, and a water loop (`loop`: its name and rack supply, ``ReferenceDesign/coolantLoop(of:)``)
    /// warmer than its coolant limit; empty if none. The planner adds the economizer's air at the site's design condition
    /// and availability; validation adds availability by the first quarter.
    public func refusals(of profile: RackProfile, loop: (name: String, rackSupplyTempC: Double)?) -> [String] {
        var reasons: [String] = []
        if profile.rackMaxKW > maxRackKW {
            reasons.append("rack \(format(profile.rackMaxKW)) kW > the hall's maxRackKW \(format(maxRackKW)) kW")
        }
        if let limit = maxRackWeightKg, profile.weightKg > limit {
            reasons.append("rack \(format(profile.weightKg)) kg > the hall's maxRackWeightKg \(format(limit)) kg")
        }
        if profile.liquidShare > 0, liquidCapacityMW <= 0 {
            reasons.append("liquid-cooled rack in a hall without CDUs (liquidCapacityMW 0)")
        }
        if let loop, profile.liquidShare > 0, let limit = profile.maxCoolantSupplyC, loop.rackSupplyTempC > limit {
            reasons.append("rack supply \(format(loop.rackSupplyTempC)) °C on water loop \(loop.name) > the rack's "
                + "\(format(limit)) °C coolant limit")
        }
        return reasons
    }
}

extension ReferenceDesign {
    /// The water loop a hall's liquid racks take their coolant from, where the design has several loops: its name and the
    /// rack supply it gives (`nil` with one loop, whose supply validation checks against every profile).
    public func coolantLoop(of hall: HallGroup) -> (name: String, rackSupplyTempC: Double)? {
        guard loopCount > 1 else { return nil }
        let l = loopIndex(of: hall)
        let cooling = l == 0 ? liquidCooling : waterLoops?[l - 1].liquidCooling
        return cooling.map { (loopName(l), $0.rackSupplyTempC) }
    }
}

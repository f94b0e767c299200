import Plans

extension InstalledFleet.HallLoad {
    /// The smallest share of the hall's dynamic rack power to cap at utilization `u` so that its IT power stays
    /// within the power path's usable capacity, its liquid heat within its CDUs and its air heat (rack air share
    /// and in-rack network) within its air handlers, with the limit that needs the most; (0, nil) when the hall
    /// is within all three. A limit that idle racks already exceed caps everything (1).
    func throttle(utilization u: Double) -> (fraction: Double, limit: ThrottleLimit?) {
        var fraction = 0.0, limit: ThrottleLimit?
        func check(_ family: ThrottleLimit, fixedMW: Double, dynamicMW: Double, capacityMW: Double) {
            let load = dynamicMW * u
            guard fixedMW + load > capacityMW * (1 + Self.limitTolerance) else { return }
            let f = load > 0 ? min(1, max(0, 1 - (capacityMW - fixedMW) / load)) : 1
            if f > fraction { (fraction, limit) = (f, family) }
        }
        check(.hallPower, fixedMW: liquidIdleMW + airIdleMW + hallNetworkMW, dynamicMW: liquidDynamicMW + airDynamicMW,
              capacityMW: powerCapacityMW)
        check(.cdu, fixedMW: liquidIdleMW, dynamicMW: liquidDynamicMW, capacityMW: liquidCapacityMW)
        check(.air, fixedMW: airIdleMW + hallNetworkMW, dynamicMW: airDynamicMW, capacityMW: airCapacityMW)
        return (fraction, limit)
    }
}

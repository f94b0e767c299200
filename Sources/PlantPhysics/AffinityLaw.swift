/// Fan and pump power by the affinity law at constant temperature difference: flow scales with heat and
/// power with flow cubed, so P = P_rated · max(load / capacity, s_min)³ with P_rated = fraction × capacity and
/// s_min the lowest speed the drives run at.
public enum AffinityLaw {
    /// Lowest speed of CDU pumps, fraction of rated: estimate, not a sourced figure. Variable-speed drives on
    /// centrifugal pumps are commonly set to a 20–30 % floor (motor cooling, minimum flow through the CDU heat
    /// exchanger and the racks' cold plates); 30 % is taken.
    public static let cduPumpMinimumSpeed = 0.3

    /// Power, MW, of fans or pumps rated at `fraction` × `capacityMW` moving `loadMW` of heat, running at no
    /// less than `minimumSpeed` of rated speed; where no capacity is in service the load is moved at the
    /// rated fraction.
    public static func powerMW(loadMW: Double, capacityMW: Double, fraction: Double, minimumSpeed: Double = 0) -> Double {
        guard capacityMW > 0 else { return fraction * loadMW }
        let x = max(loadMW / capacityMW, minimumSpeed)
        return fraction * capacityMW * x * x * x
    }
}

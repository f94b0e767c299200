/// Fan and pump power by the affinity law at constant temperature difference: flow scales with heat and
/// power with flow cubed, so P = P_rated · (load / capacity)³ with P_rated = fraction × capacity.
public enum AffinityLaw {
    /// Power, MW, of fans or pumps rated at `fraction` × `capacityMW` moving `loadMW` of heat; where no
    /// capacity is in service the load is moved at the rated fraction.
    public static func powerMW(loadMW: Double, capacityMW: Double, fraction: Double) -> Double {
        guard capacityMW > 0 else { return fraction * loadMW }
        let x = loadMW / capacityMW
        return fraction * capacityMW * x * x * x
    }
}

import PlantPhysics
import Plans

/// The facility's plant in one quarter: one ``HourlyPlant`` per water loop of the design (README "Water loops"), each
/// cooling its own halls, and one power chain for them all. With one loop it is that loop's ``HourlyPlant``.
public struct FacilityPlant: Sendable {
    /// The plant of each water loop, by loop index (the main loop first).
    public let loops: [HourlyPlant]

    public init(loops: [HourlyPlant]) {
        precondition(!loops.isEmpty)
        self.loops = loops
    }

    /// The hour's state with rack loads `liquidMW` and `rackAirMW` on each loop (by loop index) and `fleets`, the fleet
    /// on each loop (``InstalledFleet/onLoop(_:of:)``) of the quarter's `fleet`: each loop's cooling, summed, with the
    /// power chain's losses and house loads on the whole. A loop's headroom is its own: the hour's is the smallest.
    public func state(liquidMW: [Double], rackAirMW: [Double], fleets: [InstalledFleet], fleet: InstalledFleet,
                      dryBulbC: Double, wetBulbC: Double) -> PlantState {
        guard loops.count > 1 else {
            return loops[0].state(liquidMW: liquidMW[0], rackAirMW: rackAirMW[0], fleet: fleet, dryBulbC: dryBulbC, wetBulbC: wetBulbC)
        }
        var total = loops[0].cooling(liquidMW: liquidMW[0], rackAirMW: rackAirMW[0], fleet: fleets[0], dryBulbC: dryBulbC, wetBulbC: wetBulbC)
        // Air handling is site-wide: every loop's halls take the economizer air the main loop's pads trim, as the planner does.
        let pads = loops[0].curve.economizerPads(dryBulbC: dryBulbC, wetBulbC: wetBulbC)
        for l in 1..<loops.count {
            total.add(loops[l].cooling(liquidMW: liquidMW[l], rackAirMW: rackAirMW[l], fleet: fleets[l], dryBulbC: dryBulbC, wetBulbC: wetBulbC,
                                       economizerPads: pads))
        }
        return loops[0].withPowerChain(total, fleet: fleet)
    }
}

extension PlantState {
    /// Adds another loop's cooling to this one: loads, power, heat, capacity and water summed; the warmer supply and
    /// economizer air; free cooling only if both are; the smaller headrooms.
    mutating func add(_ other: PlantState) {
        itMW += other.itMW
        liquidLoopMW += other.liquidLoopMW
        airLoopMW += other.airLoopMW
        pumpMW += other.pumpMW
        airFanMW += other.airFanMW
        compressorMW += other.compressorMW
        plantFanMW += other.plantFanMW
        rejectedMW += other.rejectedMW
        rejectionCapacityMW += other.rejectionCapacityMW
        chillerLoadMW += other.chillerLoadMW
        chillerUnmetMW += other.chillerUnmetMW
        supplyTempC = max(supplyTempC, other.supplyTempC)
        if let air = other.economizerAirC { economizerAirC = max(economizerAirC ?? air, air) }
        waterM3 += other.waterM3
        freeCooling = freeCooling && other.freeCooling
        rejectionHeadroomMW = min(rejectionHeadroomMW, other.rejectionHeadroomMW)
        trimHeadroomMW = min(trimHeadroomMW, other.trimHeadroomMW)
    }
}

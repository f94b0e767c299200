import Climate

/// The share of a cooling tower's heat that leaves as latent heat (evaporation) at this hour's air.
///
/// Air enters at the hour's dry-bulb and wet-bulb and leaves saturated at the mean of the water's entering and
/// leaving temperatures (an estimate: Merkel's method takes the leaving air as saturated; its temperature
/// lies between the water temperatures). The latent share is h_g·ΔW / Δh of that air, with moist-air
/// enthalpy h = 1.006·T + W·(2,501 + 1.86·T) kJ/kg (ASHRAE Fundamentals 2017 ch. 1, eq. 32). In hot air
/// nearly all the heat is latent; in cold dry air the air also warms, so less water evaporates per kWh.
struct TowerEvaporation: Sendable {
    /// The largest latent share counted: in hot dry air the air also gives sensible heat to the water, so more
    /// evaporates than the heat rejected (Phoenix at 43.4 °C / 21.1 °C: 1.12); 1.5 bounds a formula error.
    static let maximumShare = 1.5
    /// Atmospheric pressure at the site, Pa.
    let pressurePa: Double

    /// Latent share of the heat, in [0, ``maximumShare``], for entering air at `dryBulbC`/`wetBulbC` and water between
    /// `waterInC` and `waterOutC`.
    func latentShare(dryBulbC: Double, wetBulbC: Double, waterInC: Double, waterOutC: Double) -> Double {
        let wIn = Psychrometrics.humidityRatio(dryBulbC: dryBulbC, wetBulbC: min(wetBulbC, dryBulbC), pressurePa: pressurePa)
        let tOut = max((waterInC + waterOutC) / 2, wetBulbC)
        let wOut = Psychrometrics.humidityRatio(vaporPressurePa: Psychrometrics.saturationVaporPressurePa(tOut), pressurePa: pressurePa)
        func enthalpy(_ t: Double, _ w: Double) -> Double { 1.006 * t + w * (2501 + 1.86 * t) }
        let total = enthalpy(tOut, wOut) - enthalpy(dryBulbC, wIn)
        guard total > 0 else { return Self.maximumShare }
        return min(Self.maximumShare, max(0, (wOut - wIn) * (2501 + 1.86 * tOut) / total))
    }
}

/// Adiabatic pads trimming an air-side economizer's outdoor air, and the water they evaporate doing it.
///
/// The economizer brings in outdoor air at the halls' air heat and the racks' air temperature rise: a capacity rate of
/// air MW / ``rackAirRiseK`` per K (physics.md B1, Q = ṁ·c_p·ΔT). Cooling that air by `coolingK` is
/// air MW · coolingK / rise of sensible heat taken by evaporation, at `waterLPerKWh` (≈ 1.5 L per kWh, Q / h_fg).
public struct EconomizerPads: Sendable, Equatable {
    /// How far the pads cool the outdoor air this hour, K (ε_pad · (T_db − T_wb); 0 without pads).
    public var coolingK: Double
    /// Water evaporated per kWh of sensible cooling, L (the plant's `heatRejection.waterLPerKWh`).
    public var waterLPerKWh: Double

    public init(coolingK: Double, waterLPerKWh: Double) {
        self.coolingK = coolingK
        self.waterLPerKWh = waterLPerKWh
    }

    /// Air temperature rise across the racks, K: 20 °F, the common design rise of air-cooled IT (18–22 °F recommended,
    /// CalcSpec's rack ΔT check after ASHRAE TC 9.9; 158 CFM per kW by physics.md B1's 1,760 / ΔT). An estimate: designs give
    /// no air-side rise, and a larger one moves less air and evaporates less.
    public static let rackAirRiseK = 20.0 * 5 / 9

    /// Water the pads evaporate in one hour cooling the outdoor air that carries `airMW`, m³ (L/kWh × MW = m³ per hour).
    public func waterM3(airMW: Double) -> Double {
        guard airMW > 0, coolingK > 0 else { return 0 }
        return waterLPerKWh * airMW * coolingK / Self.rackAirRiseK
    }
}

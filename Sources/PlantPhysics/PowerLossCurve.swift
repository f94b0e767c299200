/// Losses of a transformer or UPS bank as a function of the power it delivers:
/// loss(P) = L_d · (a + b·r + c·r²), r = P / P_d, where P_d is the bank's design loading (rated capacity ×
/// the share its redundancy rule lets it carry) and L_d = P_d · (1/η − 1) the loss at that loading with the
/// design file's efficiency η. At the design loading this is the planner's constant efficiency; below it
/// the fixed part makes efficiency fall, as measured UPS curves do (LBNL/EPRI 2005 UPS study).
public struct PowerLossCurve: Sendable, Equatable {
    /// Shares of the design-load loss that are fixed (a), proportional (b) and square-law (c); a + b + c = 1.
    public var noLoad: Double, proportional: Double, squareLaw: Double

    /// UPS: no-load losses "can represent over 40 % of all UPS losses" (Schneider Electric White Paper 108,
    /// "Making Large UPS Systems More Efficient"); the rest split evenly between proportional and
    /// square-law losses (estimate: WP 108 names both without a split).
    public static let ups = PowerLossCurve(noLoad: 0.4, proportional: 0.3, squareLaw: 0.3)
    /// Transformer: core (no-load) and winding (square-law) losses. The 40/60 split is an estimate with no
    /// figure in the project references.
    public static let transformer = PowerLossCurve(noLoad: 0.4, proportional: 0, squareLaw: 0.6)

    /// Loss, MW, when delivering `powerMW` from a bank whose design loading is `designLoadMW` at efficiency
    /// `efficiency`; 0 when nothing is in service.
    public func lossMW(deliveringMW powerMW: Double, designLoadMW: Double, efficiency: Double) -> Double {
        guard designLoadMW > 0 else { return 0 }
        let r = powerMW / designLoadMW
        return designLoadMW * (1 / efficiency - 1) * (noLoad + proportional * r + squareLaw * r * r)
    }
}

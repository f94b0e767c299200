import Foundation
import Climate
import PlantModel

/// Hourly demand as a share of the fleet's token capacity: the sum over the design's workloads of their
/// token share × their ``DemandShape`` u(t) = U·m(t), capped at full load.
struct DemandModel: Sendable {
    let shapes: [(share: Double, shape: DemandShape)]

    init(design: ReferenceDesign) {
        shapes = design.workloadMix.map { ($0.share, $0.demand ?? .standard) }
    }

    /// Utilization of the racks for the hour that starts at local `hourOfDay` (its middle is used for the
    /// cosine), 0–1: the racks' power runs from idle to max and their tokens from none to full load with it.
    func utilization(hourOfDay: Int, _ g: inout SeededGenerator) -> Double {
        var u = 0.0
        for (share, s) in shapes {
            let phase = 2 * Double.pi * (Double(hourOfDay) + 0.5 - s.peakHourLocal) / 24
            let noise = s.hourlyNoise > 0 ? s.hourlyNoise / Double(s.tenants).squareRoot() * g.normal() : 0
            u += share * s.meanUtilization * (1 + s.diurnalAmplitude * cos(phase) + noise)
        }
        return min(1, max(0, u))
    }
}

import Foundation
import Climate
import PlantModel

/// Hourly demand relative to its mean, mixed over the design's workloads by token share (``DemandShape``).
struct DemandModel: Sendable {
    let shapes: [(share: Double, shape: DemandShape)]

    init(design: ReferenceDesign) {
        shapes = design.workloadMix.map { ($0.share, $0.demand ?? .standard) }
    }

    /// Demand multiplier for the hour that starts at local `hourOfDay` (its middle is used for the cosine).
    func multiplier(hourOfDay: Int, _ g: inout SeededGenerator) -> Double {
        var m = 0.0
        for (share, s) in shapes {
            let phase = 2 * Double.pi * (Double(hourOfDay) + 0.5 - s.peakHourLocal) / 24
            let noise = s.hourlyNoise > 0 ? s.hourlyNoise / Double(s.tenants).squareRoot() * g.normal() : 0
            m += share * (1 + s.diurnalAmplitude * cos(phase) + noise)
        }
        return max(0, m)
    }
}

/// Heat-rejection modules the plan may add to the plant (README "Facility decisions"): identical modules, each rated as
/// the plant is rated (same ambient, fluid temperatures and approach) at `ratedCapacityMW`, up to `count`, each at its
/// build option's capex and lead time.
public struct PlantModules: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Heat one module rejects at the plant's rating point, MW.
    public var ratedCapacityMW: Double
    /// Most modules the plan may add.
    public var count: Int
    /// Capex, lead time, fixed opex and life of one module.
    public var build: BuildOption

    public init(ratedCapacityMW: Double, count: Int, build: BuildOption) {
        self.ratedCapacityMW = ratedCapacityMW
        self.count = count
        self.build = build
    }

    public static var placeholder: PlantModules { PlantModules(ratedCapacityMW: 0, count: 1, build: .placeholder) }

    /// The first quarter a module can be in service: its lead time after the horizon's first quarter.
    public func earliestService(horizonFirst: Quarter) -> Quarter { horizonFirst.advanced(by: build.leadTimeQuarters) }
}

extension HeatRejection {
    /// Heat one plant module rejects at the design condition, given what the plant as given rejects there: identical
    /// exchangers at the same temperatures reject in proportion to their rating. `nil` without modules.
    public func moduleRejectionMW(plantRejectionMW: Double) -> Double? {
        modules.map { plantRejectionMW * $0.ratedCapacityMW / ratedCapacityMW }
    }
}

extension ReferenceDesign {
    /// The design with `n` of its plant modules added to the plant's rated capacity (and none left to add): the plant as
    /// it stands once the plan has built them.
    public func withPlantModules(_ n: Int) -> ReferenceDesign {
        var design = self
        if let modules = heatRejection.modules {
            design.heatRejection.ratedCapacityMW += Double(n) * modules.ratedCapacityMW
            design.heatRejection.modules = nil
        }
        return design
    }
}

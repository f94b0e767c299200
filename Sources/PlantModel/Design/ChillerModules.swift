/// Chillers the plan may add to the plant (README "Facility decisions"): identical chillers of `capacityMW` cooling each,
/// up to `count`, each at its build option's capex and lead time, beside the `chillerCapacityMW` given.
public struct ChillerModules: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Cooling one chiller module gives at the design condition, MW.
    public var capacityMW: Double
    /// Most chiller modules the plan may add.
    public var count: Int
    /// Capex, lead time, fixed opex and life of one chiller module.
    public var build: BuildOption

    public init(capacityMW: Double, count: Int, build: BuildOption) {
        self.capacityMW = capacityMW
        self.count = count
        self.build = build
    }

    public static var placeholder: ChillerModules { ChillerModules(capacityMW: 0, count: 1, build: .placeholder) }

    /// The first quarter a chiller module can be in service: its lead time after the horizon's first quarter.
    public func earliestService(horizonFirst: Quarter) -> Quarter { horizonFirst.advanced(by: build.leadTimeQuarters) }
}

extension HeatRejection {
    /// Chiller capacity with every chiller module built, MW: the most chillers the plant can have.
    public var mostChillerCapacityMW: Double {
        chillerCapacityMW + (chillerModules.map { Double($0.count) * $0.capacityMW } ?? 0)
    }

    /// Whether the plant has chillers, given or to build: the planner, its rack coefficients and the design condition then
    /// limit it by its chiller row rather than its heat-rejection row (README "Chiller modules").
    public var hasChillers: Bool { mostChillerCapacityMW > 0 }
}

extension ReferenceDesign {
    /// The design with `n` of its chiller modules added to the chiller capacity (and none left to add): the chillers as
    /// they stand once the plan has built them.
    public func withChillerModules(_ n: Int) -> ReferenceDesign {
        var design = self
        if let modules = heatRejection.chillerModules {
            design.heatRejection.chillerCapacityMW += Double(n) * modules.capacityMW
            design.heatRejection.chillerModules = nil
        }
        return design
    }
}

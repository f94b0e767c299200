/// A facility water loop of its own (README "Water loops"): its water class and CDUs, and the outdoor plant and chillers
/// that serve only the halls naming it (`halls[].waterLoop`), their chilled air included. The design's own `liquidCooling`
/// and `heatRejection` form the main loop, which serves every other hall (and, in the twin, the site fabric's air).
public struct WaterLoop: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// The loop's name, as halls name it.
    public var name: String
    /// The loop's facility water: class, supply temperature, CDUs and pumps.
    public var liquidCooling: LiquidCooling
    /// The loop's outdoor plant, chillers and the modules the plan may add to them.
    public var heatRejection: HeatRejection

    public init(name: String, liquidCooling: LiquidCooling, heatRejection: HeatRejection) {
        self.name = name
        self.liquidCooling = liquidCooling
        self.heatRejection = heatRejection
    }

    public static var placeholder: WaterLoop { WaterLoop(name: "", liquidCooling: .placeholder, heatRejection: .placeholder) }
}

extension ReferenceDesign {
    /// The main loop's name: the loop of the design's own `liquidCooling` and `heatRejection`.
    public static let mainLoopName = "main"

    /// Loops of the design: the main loop (index 0), then each of `waterLoops`.
    public var loopCount: Int { 1 + (waterLoops?.count ?? 0) }

    /// The name of loop `l`.
    public func loopName(_ l: Int) -> String { l == 0 ? Self.mainLoopName : waterLoops![l - 1].name }

    /// The loop a hall group stands on: the `waterLoops` entry its `waterLoop` names, else the main loop (0).
    public func loopIndex(of hall: HallGroup) -> Int {
        guard let name = hall.waterLoop, let i = waterLoops?.firstIndex(where: { $0.name == name }) else { return 0 }
        return i + 1
    }

    /// The design as loop `l` sees it: its liquid cooling and plant in place of the design's own, and no other loop. The
    /// plant physics, the design condition and the racks' coefficients of a hall on the loop are those of this design.
    public func onLoop(_ l: Int) -> ReferenceDesign {
        var design = self
        if l > 0, let loop = waterLoops?[l - 1] {
            design.liquidCooling = loop.liquidCooling
            design.heatRejection = loop.heatRejection
        }
        design.waterLoops = nil
        return design
    }

    /// The name plant-module lines of loop `l` carry in plan.json: `heatRejection` on the main loop, else the loop's name.
    public func plantModuleLineName(_ l: Int) -> String { l == 0 ? "heatRejection" : loopName(l) }

    /// The name chiller-module lines of loop `l` carry in plan.json: `chillers` on the main loop, else the loop's name.
    public func chillerModuleLineName(_ l: Int) -> String { l == 0 ? "chillers" : loopName(l) }

}

import PlantModel

/// One facility decision of a plan in one quarter (`plan.json` `facilityBuilds`): halls of a group, a grid feed, the
/// plant's heat-rejection modules, chiller modules or a hall's power blocks that carry a build option, with how many enter service in the
/// quarter and how many are in service at its end; or the site battery's energy and power in service and new (kind `battery`).
public struct FacilityBuild: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// What is built.
    public enum Kind: String, FileEnum { case hall, feed, plantModule, chillerModule, powerBlock, battery }

    public var quarter: Quarter
    public var kind: Kind
    /// The hall group's name (its halls are `name-1`, `name-2`, … in build order, or `name` for a group of one),
    /// the feed's name, `heatRejection` for plant modules, `chillers` for chiller modules, or the single hall's name (`name-i`, or
    /// `name` for a group of one) for power blocks, `battery` for the battery.
    public var name: String
    /// Entering service in the quarter (0 on a battery line).
    public var new: Int
    /// In service at the end of the quarter (0 on a battery line).
    public var inService: Int
    /// Battery energy in service at the end of the quarter, what was in place included, MWh (battery lines only).
    public var energyMWh: Double?
    /// Battery power in service at the end of the quarter, what was in place included, MW (battery lines only).
    public var powerMW: Double?
    /// Battery energy entering service in the quarter, MWh (battery lines only).
    public var newEnergyMWh: Double?
    /// Battery power entering service in the quarter, MW (battery lines only).
    public var newPowerMW: Double?

    public init(quarter: Quarter, kind: Kind, name: String, new: Int, inService: Int) {
        self.quarter = quarter
        self.kind = kind
        self.name = name
        self.new = new
        self.inService = inService
    }

    /// A battery line: `energyMWh` and `powerMW` in service at the end of `quarter`, of which `newEnergyMWh` and `newPowerMW`
    /// entered service in it.
    public static func battery(quarter: Quarter, energyMWh: Double, powerMW: Double, newEnergyMWh: Double, newPowerMW: Double) -> FacilityBuild {
        var line = FacilityBuild(quarter: quarter, kind: .battery, name: batteryName, new: 0, inService: 0)
        (line.energyMWh, line.powerMW, line.newEnergyMWh, line.newPowerMW) = (energyMWh, powerMW, newEnergyMWh, newPowerMW)
        return line
    }

    /// The name every battery line carries.
    public static let batteryName = "battery"

    /// In service at the end of `quarter` by `builds` (0 before the first line of `kind` and `name`).
    public static func inService(_ kind: Kind, _ name: String, in quarter: Quarter, _ builds: [FacilityBuild]?) -> Int {
        (builds ?? []).filter { $0.kind == kind && $0.name == name && $0.quarter <= quarter }.max { $0.quarter < $1.quarter }?.inService ?? 0
    }

    public static var placeholder: FacilityBuild { FacilityBuild(quarter: .placeholder, kind: .hall, name: "", new: 0, inService: 0) }
}

/// Racks already installed in one hall when the horizon begins: they hold positions, power and cooling from
/// the first quarter, cost no new capex, and may be retired like any other rack.
public struct ExistingRacks: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// The hall they stand in, as the planner names it (`name`, or `name-i` in a group of identical halls).
    public var hall: String
    /// Catalog profile, one of the design's `profiles`.
    public var profile: String
    public var racks: Int
    /// Quarter they were installed (at or before the horizon's first quarter): the asset life counts from it.
    public var installedQuarter: Quarter

    public init(hall: String, profile: String, racks: Int, installedQuarter: Quarter) {
        self.hall = hall
        self.profile = profile
        self.racks = racks
        self.installedQuarter = installedQuarter
    }

    public static var placeholder: ExistingRacks { ExistingRacks(hall: "", profile: "", racks: 0, installedQuarter: .placeholder) }
}

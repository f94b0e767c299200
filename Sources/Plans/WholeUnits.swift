/// What a whole-units-per-hall limit (`units_per_hall`) counts: a profile bought in units of several racks, at most
/// `unitsPerHall` whole units in each hall of a group, as the hall limit `setBy` allows.
public struct WholeUnits: Codable, Equatable, Sendable {
    /// The catalog profile bought in units.
    public var profile: String
    /// Racks in one purchase unit.
    public var racksPerUnit: Int
    /// Whole units one hall takes.
    public var unitsPerHall: Int
    /// The hall limit that sets `unitsPerHall`: the fewest whole units fit under it.
    public var setBy: ConstraintFamily
    /// One unit's use of that limit, in its unit.
    public var perUnit: Double
    /// One hall's capacity of that limit (with all its power blocks), in its unit.
    public var perHall: Double
    /// The hall's other limits that have no room for one more unit either (empty where `setBy` alone stands in the way).
    public var alsoShort: [Shortfall]

    /// Another hall limit one more unit needs more of: how much, in its unit.
    public struct Shortfall: Codable, Equatable, Sendable {
        public var family: ConstraintFamily
        public var amount: Double

        public init(family: ConstraintFamily, amount: Double) {
            self.family = family
            self.amount = amount
        }
    }

    public init(profile: String, racksPerUnit: Int, unitsPerHall: Int, setBy: ConstraintFamily, perUnit: Double, perHall: Double,
                alsoShort: [Shortfall] = []) {
        self.profile = profile
        self.racksPerUnit = racksPerUnit
        self.unitsPerHall = unitsPerHall
        self.setBy = setBy
        self.perUnit = perUnit
        self.perHall = perHall
        self.alsoShort = alsoShort
    }

    /// How much more of `setBy` one hall needs to take one more whole unit.
    public var shortfallForOneMore: Double { Double(unitsPerHall + 1) * perUnit - perHall }
}

import PlantModel
import Plans

/// What one row of the model means.
struct RowInfo: Sendable, Equatable {
    var family: ConstraintFamily
    var quarter: Quarter?
    /// The hall, profile or workload the row is about, if any.
    var subject: String?
    /// For a whole-units-per-hall row: the profile and the hall limit that set it (the row is in that limit's unit).
    var wholeUnits: WholeUnits?
}

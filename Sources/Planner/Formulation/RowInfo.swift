import PlantModel
import Plans

/// What one row of the model means.
struct RowInfo: Sendable, Equatable {
    var family: ConstraintFamily
    var quarter: Quarter?
    /// The hall, profile or workload the row is about, if any.
    var subject: String?
}

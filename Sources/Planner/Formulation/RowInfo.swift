import PlantModel
import Plans

/// What one row of the model means.
public struct RowInfo: Sendable, Equatable {
    public var family: ConstraintFamily
    public var quarter: Quarter?
    /// The hall, profile or workload the row is about, if any.
    public var subject: String?
}

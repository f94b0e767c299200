/// A site's annual water limit as a planning row: the water a quarter's fleet would use in a year, estimated as
/// its IT power at full load × `m3PerYearPerITMW`, ≤ `m3PerYear` (README "Water limit in plans").
///
/// The intensity is not a planner figure: `plan --respect-water-limit` takes it from the digital twin (the water
/// of a plan's final fleet over a weather year ÷ that fleet's IT MW) and re-plans until the twin agrees.
public struct WaterLimit: Sendable, Equatable {
    /// The site's `waterLimitM3PerYear`.
    public var m3PerYear: Double
    /// Water per year per MW of IT power at full load, m³/(MW·yr).
    public var m3PerYearPerITMW: Double

    public init(m3PerYear: Double, m3PerYearPerITMW: Double) {
        self.m3PerYear = m3PerYear
        self.m3PerYearPerITMW = m3PerYearPerITMW
    }
}

/// The lengths of time every figure is counted in, in one place.
///
/// The planner works in average quarters of a 365.25-day year (leap years included), so that a quarter's
/// tokens and energy do not depend on which quarter it is. The twin steps through the hours of a weather
/// year (8,760, or 8,784 in a leap year) and charges annualized costs per hour as 1/8,760 of a year, so a
/// common (non-leap) weather year carries exactly one year of capital and opex.
public enum TimeBase {
    /// Days in an average year (365.25, leap years included).
    public static let daysPerAverageYear = 365.25
    /// Quarters in a year: annual costs are charged a quarter at a time.
    public static let quartersPerYear = 4.0
    /// Seconds in an average quarter (365.25 / 4 days).
    public static let secondsPerQuarter = daysPerAverageYear / 4 * 86_400.0
    /// Hours in an average quarter (365.25 / 4 days).
    public static let hoursPerQuarter = daysPerAverageYear / 4 * 24.0
    /// Hours in a common weather year: the twin charges 1/8,760 of an annual cost per simulated hour.
    public static let hoursPerCommonYear = 8760.0
    /// Seconds in one simulated hour.
    public static let secondsPerHour = 3600.0
}

/// How `plan --hold-every-hour` held the plan, as plan.json keeps it (README "Holding every hour"): the hours allowed, the
/// weather the twin ran on, and every plan → simulate pass as the table lists it.
public struct HoldRecord: Codable, Equatable, Sendable {
    /// Hours that may still count (`--allow-throttled-hours`).
    public var allowedThrottledHours: Int
    /// The weather the twin ran on: the EPW file's name, or the synthetic years' seed.
    public var weather: String
    /// Every pass, the last one the plan's.
    public var passes: [HoldPass]

    public init(allowedThrottledHours: Int, weather: String, passes: [HoldPass]) {
        self.allowedThrottledHours = allowedThrottledHours
        self.weather = weather
        self.passes = passes
    }
}

/// One plan → simulate pass of `plan --hold-every-hour`: the basis planned at, the plan's last quarter and the hours the
/// twin counted over every quarter's fleet.
public struct HoldPass: Codable, Equatable, Sendable {
    /// What was raised before this pass, in words; `nil` for the first.
    public var raised: String?
    /// The design basis planned at, in words.
    public var designBasis: String
    /// IT power of the plan's last quarter, MW.
    public var lastQuarterITMW: Double
    /// Tokens/s of the plan's last quarter.
    public var lastQuarterTokensPerSecond: Double
    /// Hours that count against the hold: thermal, hall, or power with every feed in service.
    public var countedHours: Int
    public var thermalHours: Int
    public var powerHoursAtFullGrid: Int
    public var hallHours: Int
    /// Counted hours where even idle GPUs leave a headroom negative.
    public var unservedHours: Int
    /// Hours capped on power while a feed was out: not counted.
    public var outageHoursNotCounted: Int
    /// The first counted hour (timestamp) and its limit.
    public var firstCountedHour: String?
    public var firstCountedLimit: String?
    /// Whether the pass held (at most the allowed hours counted): true for the last pass of a plan that was written.
    public var held: Bool

    public init(raised: String?, designBasis: String, lastQuarterITMW: Double, lastQuarterTokensPerSecond: Double, countedHours: Int,
                thermalHours: Int, powerHoursAtFullGrid: Int, hallHours: Int, unservedHours: Int, outageHoursNotCounted: Int,
                firstCountedHour: String?, firstCountedLimit: String?, held: Bool) {
        self.raised = raised
        self.designBasis = designBasis
        self.lastQuarterITMW = lastQuarterITMW
        self.lastQuarterTokensPerSecond = lastQuarterTokensPerSecond
        self.countedHours = countedHours
        self.thermalHours = thermalHours
        self.powerHoursAtFullGrid = powerHoursAtFullGrid
        self.hallHours = hallHours
        self.unservedHours = unservedHours
        self.outageHoursNotCounted = outageHoursNotCounted
        self.firstCountedHour = firstCountedHour
        self.firstCountedLimit = firstCountedLimit
        self.held = held
    }
}

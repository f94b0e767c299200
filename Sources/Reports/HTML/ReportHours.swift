import PlantModel
import Plans
import Twin

/// What the report keeps of a simulated run, fed hour by hour as the twin's sink: over the whole span the
/// tokens demanded and the fleet's full-load capacity (for the utilization served); for one calendar year the
/// power and thermal headroom of every hour (day × hour), the monthly energy and water, and the hours each
/// limit capped the GPUs.
public final class ReportHours {
    /// The calendar year kept hour by hour.
    public let year: Int
    /// Tokens/s of the plan's fleet at full load, by quarter ordinal; after the last quarter the last fleet stays.
    private let capacityByQuarter: [Int: Double]
    private let firstOrdinal: Int, lastOrdinal: Int

    /// Tokens the fleet installed could have served at full load over the span, and tokens served.
    public private(set) var capacityTokens = 0.0, servedTokens = 0.0
    /// `powerHeadroomMW[day][hour]` and `thermalHeadroomMW[day][hour]` of `year`, days in calendar order.
    public private(set) var powerHeadroomMW: [[Double]] = [], thermalHeadroomMW: [[Double]] = []
    /// Month of each day of `year` (1–12).
    public private(set) var dayMonths: [Int] = []
    /// IT and grid energy, MWh, and water, m³, of each month of `year` (index 0 is January).
    public private(set) var itMWh = Array(repeating: 0.0, count: 12), gridMWh = Array(repeating: 0.0, count: 12),
                            waterM3 = Array(repeating: 0.0, count: 12)
    /// Hours of `year` each limit capped the GPUs, in ``limitOrder``.
    public private(set) var limitHours = Array(repeating: 0, count: ReportHours.limitOrder.count)

    /// The limits in the order the report lists them.
    public static let limitOrder: [ThrottleLimit] = [.power, .thermal, .hallPower, .cdu, .air]

    /// Keeps `year` of a run of `plan`.
    public init(plan: BuildPlan, year: Int) {
        self.year = year
        var capacity: [Int: Double] = [:]
        for q in plan.quarters { capacity[q.quarter.ordinal] = q.tokensPerSecond }
        capacityByQuarter = capacity
        firstOrdinal = plan.quarters.first?.quarter.ordinal ?? 0
        lastOrdinal = plan.quarters.last?.quarter.ordinal ?? 0
    }

    /// Adds one simulated hour.
    public func add(_ r: HourRecord) {
        let ordinal = Quarter(year: r.year, quarter: (r.month - 1) / 3 + 1).ordinal
        if ordinal >= firstOrdinal { capacityTokens += (capacityByQuarter[min(ordinal, lastOrdinal)] ?? 0) * 3600 }
        servedTokens += r.tokens
        guard r.year == year else { return }
        if r.hour == 0 || powerHeadroomMW.isEmpty {
            powerHeadroomMW.append([])
            thermalHeadroomMW.append([])
            dayMonths.append(r.month)
        }
        powerHeadroomMW[powerHeadroomMW.count - 1].append(r.powerHeadroomMW)
        thermalHeadroomMW[thermalHeadroomMW.count - 1].append(r.state.thermalHeadroomMW)
        let m = r.month - 1
        itMWh[m] += r.state.itMW
        gridMWh[m] += r.gridMW
        waterM3[m] += r.state.waterM3
        if let limit = r.limit, let i = ReportHours.limitOrder.firstIndex(of: limit) { limitHours[i] += 1 }
    }

    /// Hours kept of `year` (8,760, or 8,784 in a leap weather year).
    public var hours: Int { powerHeadroomMW.reduce(0) { $0 + $1.count } }

    /// Tokens served over the fleet's full-load capacity over the span; nil before any rack is installed.
    public var utilizationServed: Double? { capacityTokens > 0 ? servedTokens / capacityTokens : nil }

    /// Monthly PUE (grid energy over IT energy, ISO/IEC 30134-2); nil for a month without IT energy.
    public var monthlyPUE: [Double?] { (0..<12).map { itMWh[$0] > 0 ? gridMWh[$0] / itMWh[$0] : nil } }
    /// Monthly WUE, L of site water per kWh of IT energy (ISO/IEC 30134-9: m³/MWh = L/kWh).
    public var monthlyWUE: [Double?] { (0..<12).map { itMWh[$0] > 0 ? waterM3[$0] / itMWh[$0] : nil } }
}

import Climate
import Foundation
import Planner
import PlantModel
import PlantPhysics
import Plans
import Reports
import Twin

/// `plan --hold-every-hour`: plans, simulates the whole plan (every quarter's fleet) hour by hour over the weather,
/// and re-plans at a hotter design basis until the twin counts at most the allowed throttled hours (README
/// "Holding every hour").
///
/// The planner sizes the plant at one outdoor condition at full load; the twin is the judge of every hour. An hour
/// counts against the hold when its GPUs are capped by the outdoor plant (`thermal`), by a hall's limits, or by the
/// grid with every feed in service (`power` with no feed out); hours capped on power while a feed is out are random
/// outages, not a design flaw, and are reported apart. Each pass raises the design basis (never lowers it), so the
/// plans shrink monotonically, and the loop ends within ``Settings/maxPasses``.
public enum HoldEveryHour {
    /// Default most plan → simulate passes.
    public static let defaultMaxPasses = 8
    /// Most passes a run may ask for.
    public static let maxPassesLimit = 50
    /// The margin added to the design's effective temperature when the hours counted are no hotter than the basis,
    /// K. An estimate: a step of the order of the gap between the ASHRAE 0.4 % and 2 % conditions (about 1–2 K).
    static let marginStepK = 1.0

    /// What to hold and how long to try.
    public struct Settings: Sendable, Equatable {
        /// Hours that may still count (throttled or unserved, by the rule of ``HourTally``).
        public var allowedHours: Int
        /// Calendar years the twin simulates from the plan's first year; `nil` or fewer than the plan's horizon
        /// takes the horizon.
        public var years: Int?
        /// Most plan → simulate passes.
        public var maxPasses: Int

        public init(allowedHours: Int = 0, years: Int? = nil, maxPasses: Int = HoldEveryHour.defaultMaxPasses) {
            self.allowedHours = allowedHours
            self.years = years
            self.maxPasses = maxPasses
        }
    }

    /// The hours of one twin run that count against the hold, by what bound in them.
    struct HourTally: Sendable, Equatable {
        /// Hours that count: thermal, hall, or power with every feed in service.
        var counted = 0
        var thermal = 0, power = 0, hall = 0
        /// Counted hours where even idle GPUs leave a headroom negative.
        var unserved = 0
        /// Hours capped on power while a feed was out: not counted.
        var outageHours = 0
        /// The first counted hour and its limit.
        var firstAt: String?, firstLimit: ThrottleLimit?
        /// The thermal hours' timestamps, dry-bulbs and wet-bulbs, in time order.
        var thermalAt: [String] = [], thermalDryBulbC: [Double] = [], thermalWetBulbC: [Double] = []
        /// The hall and limit named first among the hall hours.
        var firstHall: String?

        /// Adds one simulated hour.
        mutating func add(_ r: HourRecord) {
            guard let limit = r.limit, r.state.itMW > 0 else { return }
            if limit == .power && r.feedsOut > 0 {
                outageHours += 1
                return
            }
            counted += 1
            if firstAt == nil { (firstAt, firstLimit) = (r.timestamp, limit) }
            switch limit {
            case .thermal:
                thermal += 1
                thermalAt.append(r.timestamp)
                thermalDryBulbC.append(r.dryBulbC)
                thermalWetBulbC.append(r.wetBulbC)
            case .power: power += 1
            case .hallPower, .cdu, .air:
                hall += 1
                if firstHall == nil { firstHall = "\(r.limitingHall ?? "?") (\(limit.rawValue))" }
            }
            if r.powerHeadroomMW < -1e-9 || r.state.thermalHeadroomMW < -1e-9 { unserved += 1 }
        }

        /// The counts in words.
        var text: String {
            var out = "\(counted) h counted (\(thermal) thermal, \(power) power at full grid, \(hall) hall; \(unserved) unserved)"
            if let firstAt, let firstLimit { out += ", first \(firstAt) (\(firstLimit.rawValue))" }
            if outageHours > 0 { out += "; \(outageHours) h capped during feed outages not counted" }
            return out
        }
    }

    /// The design basis of the next pass and what was raised, in words.
    struct Raise: Sendable, Equatable {
        var basis: DesignBasis
        var text: String
    }

    /// The basis the next pass plans at, from the hours `tally` counted at `basis`, leaving `allowedHours` of them
    /// to throttle; `nil` when no basis moves them (only hall limits bound).
    ///
    /// - Thermal hours: sorted by the plant's effective temperature (equals in time order, DesignAmbient's
    ///   nearest-rank order), the hottest `s` are left to throttle, s = allowedHours less the counted hours of
    ///   other kinds (at least 0). If the next hottest is hotter than the basis, the basis becomes that hour: a
    ///   `fromHours` basis at percentile 100 over the thermal hours less the `s` hottest, so the planner sizes the
    ///   plant, the chillers and the economizer at that hour's dry-bulb and wet-bulb (no margin).
    /// - Otherwise, thermal hours no hotter than the basis (the planner's linear bound missed them) or power hours
    ///   at full grid: ``marginStepK`` more margin on the effective temperature, which lowers the plant's capacity
    ///   per rack and raises the planner's fan and chiller power per rack.
    static func raise(_ basis: DesignBasis, climate: PlantModel.Climate, plant: HeatRejectionCurve, tally: HourTally,
                      allowedHours: Int, pass: Int, sourceName: String) -> Raise? {
        let current = DesignAmbient(basis: basis, climate: climate, plant: plant)
        let spare = max(0, allowedHours - (tally.counted - tally.thermal))
        if tally.thermal > spare {
            let t = tally.thermalAt.indices.map { plant.effectiveAmbientC(dryBulbC: tally.thermalDryBulbC[$0], wetBulbC: tally.thermalWetBulbC[$0]) }
            let order = t.indices.sorted { (t[$0], $0) < (t[$1], $1) }
            let kept = order.prefix(tally.thermal - spare).sorted(), chosen = order[tally.thermal - spare - 1]
            if t[chosen] > current.effectiveAmbientC + 1e-9 {
                let less = spare > 0 ? " less the \(spare) hottest (allowed)" : ""
                let hours = DesignHours(source: "the thermal hours of pass \(pass)\(less) (plan --hold-every-hour, \(sourceName))",
                                        dryBulbC: kept.map { tally.thermalDryBulbC[$0] }, wetBulbC: kept.map { tally.thermalWetBulbC[$0] })
                let which = tally.thermal == 1 ? "the one thermal hour"
                    : spare > 0 ? "the hottest of the \(tally.thermal) thermal hours but \(spare) allowed"
                    : "the hottest of the \(tally.thermal) thermal hours"
                let text = "design basis → \(which), \(tally.thermalAt[chosen]) "
                    + "(DB \(degrees(tally.thermalDryBulbC[chosen])) °C, WB \(degrees(tally.thermalWetBulbC[chosen])) °C): "
                    + "T_eff \(degrees(current.effectiveAmbientC)) → \(degrees(t[chosen])) °C"
                return Raise(basis: DesignBasis(condition: .fromHours, percentile: 100, hours: hours), text: text)
            }
        }
        guard tally.thermal > spare || tally.power > 0 else { return nil }
        var next = basis
        next.marginK = (basis.marginK ?? 0) + marginStepK
        let raised = DesignAmbient(basis: next, climate: climate, plant: plant)
        let why = tally.thermal > spare ? "the thermal hours beyond those allowed are no hotter than the basis"
            : "\(tally.power) h capped on power at full grid"
        return Raise(basis: next, text: "design margin +\(degrees(marginStepK)) K (\(why)): T_eff "
            + "\(degrees(current.effectiveAmbientC)) → \(degrees(raised.effectiveAmbientC)) °C")
    }

    /// A temperature or step rounded to 0.01, as the design basis writes it.
    static func degrees(_ x: Double) -> String { NumberText.amount((x * 100).rounded() / 100) }

    /// One pass: what was raised for it, the plan it made and what the twin counted.
    struct Pass: Sendable, Equatable {
        /// What was raised before this pass; `nil` for the first.
        var raised: String?
        /// The design basis planned at, in words.
        var basis: String
        var finalITMW: Double
        var finalTokensPerSecond: Double
        var tally: HourTally
    }

    /// Plans `inputs` until the twin, over `source`'s weather, counts at most `settings.allowedHours` hours; the
    /// passes come back with the plan. Exit 3 at the pass cap, or when only hall limits bind.
    static func plan(_ inputs: PlanningInputs, options: PlanOptions, settings: Settings, source: WeatherSource,
                     seed: UInt64) throws(CommandFailure) -> (result: PlanResult, passes: [Pass]) {
        let plant = HeatRejectionCurve(design: inputs.design)
        let sourceName = name(source, seed: seed)
        var basis = inputs.design.designBasisUsed
        var raised: String?
        var passes: [Pass] = []
        func passLines() -> [String] {
            text(passes, settings: settings, source: source, seed: seed).split(separator: "\n").map(String.init)
        }
        var weather: [WeatherYear]?
        for pass in 1...settings.maxPasses {
            var design = inputs.design
            design.designBasis = basis
            let result: PlanResult
            do {
                result = try failing {
                    try Planner.plan(design: design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance, options: options)
                }
            } catch {
                throw CommandFailure(error.lines + passLines(), status: error.status)
            }
            // The user's design, not the raised basis: the twin checks the plan as `simulate --plan` would.
            let years = max(settings.years ?? 0, TwinScenario.horizonYears(of: result.plan))
            if weather == nil { weather = try failing { try source.load(site: inputs.site, years: years, seed: seed) } }
            let scenario = TwinScenario(design: inputs.design, site: inputs.site, catalog: inputs.catalog, plan: result.plan,
                                        weather: weather!, years: years)
            var tally = HourTally()
            _ = Twin.run(scenario, seed: seed, sink: { tally.add($0) })
            let last = result.plan.quarters.last!
            passes.append(Pass(raised: raised, basis: result.plan.designCondition.designBasis ?? "", finalITMW: last.itMW,
                               finalTokensPerSecond: last.tokensPerSecond, tally: tally))
            if tally.counted <= settings.allowedHours { return (result, passes) }
            guard pass < settings.maxPasses else { break }
            guard let next = raise(basis, climate: inputs.site.climate, plant: plant, tally: tally, allowedHours: settings.allowedHours,
                                   pass: pass, sourceName: sourceName) else {
                throw CommandFailure(["plan: --hold-every-hour: the \(tally.hall) hours counted are capped by hall limits (first "
                    + "\(tally.firstHall ?? "?")), which no design basis moves: the planner fits every hall at full load, so the "
                    + "twin's hall figures differ from the planner's; check the hall's installedCapacityMW, liquidCapacityMW and "
                    + "airCapacityMW, or allow these hours with --allow-throttled-hours \(tally.counted)"]
                    + passLines(),
                                     status: .infeasible)
            }
            (basis, raised) = (next.basis, next.text)
        }
        let last = passes.last!
        throw CommandFailure(["plan: --hold-every-hour: the twin still counts \(last.tally.counted) throttled hours (at most "
            + "\(settings.allowedHours) allowed) after \(passes.count) plan → simulate passes (last: "
            + "\(NumberText.fixed(last.finalITMW, 1)) MW IT, \(last.tally.text)); to hold them raise "
            + "heatRejection.ratedCapacityMW or chillerCapacityMW (thermal hours), add grid feeds or a battery (power hours), "
            + "allow more hours with --allow-throttled-hours, or give more passes with --hold-passes"]
            + passLines(),
                             status: .infeasible)
    }

    /// The weather in words: the file's name, or the synthetic years' seed.
    static func name(_ source: WeatherSource, seed: UInt64) -> String {
        switch source {
        case .file(let path): URL(fileURLWithPath: path).lastPathComponent
        case .synthetic: "synthetic weather (seed \(seed))"
        }
    }

    /// The passes as plan.json keeps them.
    static func record(_ passes: [Pass], settings: Settings, source: WeatherSource, seed: UInt64) -> HoldRecord {
        HoldRecord(allowedThrottledHours: settings.allowedHours, weather: name(source, seed: seed), passes: passes.map { pass in
            let t = pass.tally
            return HoldPass(raised: pass.raised, designBasis: pass.basis, lastQuarterITMW: pass.finalITMW,
                            lastQuarterTokensPerSecond: pass.finalTokensPerSecond, countedHours: t.counted, thermalHours: t.thermal,
                            powerHoursAtFullGrid: t.power, hallHours: t.hall, unservedHours: t.unserved,
                            outageHoursNotCounted: t.outageHours, firstCountedHour: t.firstAt, firstCountedLimit: t.firstLimit?.rawValue,
                            held: t.counted <= settings.allowedHours)
        })
    }

    /// The passes in words, for the plan's table.
    static func text(_ passes: [Pass], settings: Settings, source: WeatherSource, seed: UInt64) -> String {
        guard !passes.isEmpty else { return "" }
        var out = "\nHold every hour (at most \(settings.allowedHours) throttled hours; power caps during feed outages not "
            + "counted), checked by the twin on every quarter's fleet over \(name(source, seed: seed)):\n"
        for (i, pass) in passes.enumerated() {
            out += "  pass \(i + 1): " + (pass.raised ?? "planned at \(pass.basis)") + " → "
                + "\(NumberText.fixed(pass.finalITMW, 1)) MW IT, \(NumberText.grouped(pass.finalTokensPerSecond)) tokens/s "
                + "in the last quarter; twin: \(pass.tally.text)"
                + (pass.tally.counted <= settings.allowedHours ? " (held)\n" : " (re-planned)\n")
        }
        return out
    }
}

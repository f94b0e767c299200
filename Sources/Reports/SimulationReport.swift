import Foundation
import Twin

/// `timeseries.csv` and `summary.json` of `tokenplant simulate`.
public enum SimulationReport {
    public static let timeseriesHeader = [
        "timestamp", "dryBulbC", "wetBulbC", "itMW", "coolingMW", "lossesMW", "facilityMW", "usableCapacityMW",
        "powerHeadroomMW", "rejectionCapacityMW", "thermalHeadroomMW", "supplyTempC", "pue", "waterM3",
        "throttleFraction", "tokens", "limit", "feedsOut", "batteryMW", "batteryStoredMWh",
    ]

    /// One CSV line for an hour (every field is a number or a bare word, so no quoting is needed).
    public static func timeseriesLine(_ r: HourRecord) -> String {
        let s = r.state
        let fields = [
            r.timestamp, fixed(r.dryBulbC, 1), fixed(r.wetBulbC, 2), fixed(s.itMW, 3), fixed(s.coolingMW, 3), fixed(s.lossesMW, 3),
            fixed(s.facilityMW, 3), fixed(r.usableCapacityMW, 3), fixed(r.powerHeadroomMW, 3), fixed(s.rejectionCapacityMW, 3),
            fixed(s.thermalHeadroomMW, 3), fixed(s.supplyTempC, 2), r.pue.map { fixed($0, 4) } ?? "", fixed(s.waterM3, 3),
            fixed(r.throttleFraction, 6), fixed(r.tokens, 0), r.limit?.rawValue ?? "", String(r.feedsOut),
            fixed(r.batteryMW, 3), fixed(r.batteryStoredMWh, 3),
        ]
        return fields.joined(separator: ",") + "\n"
    }

    /// The figures of one run, derived ones included.
    public struct RunFigures: Codable, Sendable, Equatable {
        public var hours: Int
        public var pue: Double?
        public var wueLPerKWh: Double?
        public var itEnergyMWh: Double
        public var coolingEnergyMWh: Double
        public var lossesEnergyMWh: Double
        public var facilityEnergyMWh: Double
        public var waterM3: Double
        public var tokens: Double
        public var lostTokens: Double
        public var servedShare: Double?
        public var tokensPerMWh: Double?
        public var throttledHours: Int
        public var powerLimitedHours: Int
        public var thermalLimitedHours: Int
        public var firstThrottleAt: String?
        public var firstThrottleLimit: ThrottleLimit?
        public var freeCoolingHours: Int
        public var feedOutageHours: Int
        public var batteryDischargedMWh: Double
        public var batteryHours: Int
        public var largestShortfallMW: Double
        public var largestShortfallAt: String?
        public var largestShortfallEventMWh: Double
        public var unservedHours: Int
        public var unservedPowerMWh: Double
        public var unservedHeatMWh: Double
        public var minPowerHeadroomMW: Double?
        public var minPowerHeadroomAt: String?
        public var minThermalHeadroomMW: Double?
        public var minThermalHeadroomAt: String?
        public var energyCostUSD: Double
        public var costPerMillionTokensUSD: Double?

        public init(_ s: RunSummary) {
            hours = s.hours
            pue = s.pue
            wueLPerKWh = s.wueLPerKWh
            itEnergyMWh = s.itEnergyMWh
            coolingEnergyMWh = s.coolingEnergyMWh
            lossesEnergyMWh = s.lossesEnergyMWh
            facilityEnergyMWh = s.facilityEnergyMWh
            waterM3 = s.waterM3
            tokens = s.tokens
            lostTokens = s.lostTokens
            servedShare = s.servedShare
            tokensPerMWh = s.tokensPerMWh
            throttledHours = s.throttledHours
            powerLimitedHours = s.powerLimitedHours
            thermalLimitedHours = s.thermalLimitedHours
            firstThrottleAt = s.firstThrottleAt
            firstThrottleLimit = s.firstThrottleLimit
            freeCoolingHours = s.freeCoolingHours
            feedOutageHours = s.feedOutageHours
            batteryDischargedMWh = s.batteryDischargedMWh
            batteryHours = s.batteryHours
            largestShortfallMW = s.largestShortfallMW
            largestShortfallAt = s.largestShortfallAt
            largestShortfallEventMWh = s.largestShortfallEventMWh
            unservedHours = s.unservedHours
            unservedPowerMWh = s.unservedPowerMWh
            unservedHeatMWh = s.unservedHeatMWh
            minPowerHeadroomMW = s.minPowerHeadroomMW
            minPowerHeadroomAt = s.minPowerHeadroomAt
            minThermalHeadroomMW = s.minThermalHeadroomMW
            minThermalHeadroomAt = s.minThermalHeadroomAt
            energyCostUSD = s.energyCostUSD
            costPerMillionTokensUSD = s.costPerMillionTokensUSD
        }

        /// The numeric figures by name, for percentiles across runs.
        var numbers: [String: Double] {
            var n: [String: Double] = [
                "itEnergyMWh": itEnergyMWh, "coolingEnergyMWh": coolingEnergyMWh, "lossesEnergyMWh": lossesEnergyMWh,
                "facilityEnergyMWh": facilityEnergyMWh, "waterM3": waterM3, "tokens": tokens, "lostTokens": lostTokens,
                "throttledHours": Double(throttledHours), "freeCoolingHours": Double(freeCoolingHours),
                "feedOutageHours": Double(feedOutageHours), "energyCostUSD": energyCostUSD,
                "batteryDischargedMWh": batteryDischargedMWh, "batteryHours": Double(batteryHours),
                "largestShortfallMW": largestShortfallMW, "largestShortfallEventMWh": largestShortfallEventMWh,
                "unservedHours": Double(unservedHours), "unservedPowerMWh": unservedPowerMWh, "unservedHeatMWh": unservedHeatMWh,
            ]
            let optional: [String: Double?] = [
                "pue": pue, "wueLPerKWh": wueLPerKWh, "tokensPerMWh": tokensPerMWh, "servedShare": servedShare,
                "minPowerHeadroomMW": minPowerHeadroomMW, "minThermalHeadroomMW": minThermalHeadroomMW,
                "costPerMillionTokensUSD": costPerMillionTokensUSD,
            ]
            for (k, v) in optional { if let v { n[k] = v } }
            return n
        }
    }

    /// What was simulated.
    public struct Inputs: Codable, Sendable, Equatable {
        public var design: String
        public var designFile: String
        public var site: String
        public var siteFile: String
        /// The plan file, or "planned" when simulate planned first.
        public var plan: String
        public var planDigest: String
        public var weather: String
        public var syntheticWeatherYears: Int?
        public var firstYear: Int
        public var years: Int
        public var runs: Int
        public var seed: UInt64

        public init(design: String, designFile: String, site: String, siteFile: String, plan: String, planDigest: String,
                    weather: String, syntheticWeatherYears: Int?, firstYear: Int, years: Int, runs: Int, seed: UInt64) {
            self.design = design
            self.designFile = designFile
            self.site = site
            self.siteFile = siteFile
            self.plan = plan
            self.planDigest = planDigest
            self.weather = weather
            self.syntheticWeatherYears = syntheticWeatherYears
            self.firstYear = firstYear
            self.years = years
            self.runs = runs
            self.seed = seed
        }
    }

    /// `summary.json`.
    public struct Summary: Codable, Sendable, Equatable {
        public var inputs: Inputs
        /// Figures of run 0 (the run `timeseries.csv` shows).
        public var run: RunFigures
        /// With more than one run: P50/P90/P99 of each figure across runs (nearest rank, of the value itself).
        public var percentiles: [String: Percentiles]?
        /// The modelling assumptions that are estimates rather than sourced figures.
        public var estimates: [String]
    }

    public static let estimates = [
        "Demand shape per workload: DemandShape.standard (±20 % diurnal, peak 15:00, 5 % hourly noise) unless the design sets workloadMix[].demand.",
        "Rack mean utilization from the catalog's typical power: (typical − idle)/(max − idle); tokens scale linearly with utilization and with the throttle.",
        "UPS losses 40 % no-load (Schneider WP 108), 30 % proportional, 30 % square-law (split estimated); transformer 40 % no-load, 60 % square-law (estimate).",
        "Fans and pumps by the affinity law at rated power = fraction × capacity in service.",
        "Chiller COP = η·T_evap/(T_cond − T_evap), η fitted to the design COP at the design condition; condenser at the free-cooling water temperature.",
        "Water is evaporation, waterLPerKWh × heat rejected evaporatively; tower blowdown, evaporation/(cycles − 1), is added only where the design gives heatRejection.cyclesOfConcentration.",
        "Pump, fan and compressor work becomes heat in the loops the plant rejects; transformer and UPS losses are rejected by the electrical rooms, not the plant.",
    ]

    /// Summary of `runs` (run 0 first).
    public static func summary(inputs: Inputs, runs: [RunSummary]) -> Summary {
        let figures = runs.map(RunFigures.init)
        var percentiles: [String: Percentiles]?
        if runs.count > 1 {
            let numbers = figures.map(\.numbers)
            var table: [String: Percentiles] = [:]
            for key in numbers[0].keys {
                if let p = Percentiles(numbers.compactMap { $0[key] }) { table[key] = p }
            }
            percentiles = table
        }
        return Summary(inputs: inputs, run: figures[0], percentiles: percentiles, estimates: estimates)
    }
}

/// Streams hours into `timeseries.csv`; the file appears only on ``commit()``.
public final class TimeseriesWriter {
    private let file: AtomicStreamFile
    private var error: Error?

    public init(path: String) throws {
        file = try AtomicStreamFile(path: path)
        try file.write(SimulationReport.timeseriesHeader.joined(separator: ",") + "\n")
    }

    /// Writes one hour; the first write error is kept and thrown by ``commit()``.
    public func sink(_ record: HourRecord) {
        guard error == nil else { return }
        do { try file.write(SimulationReport.timeseriesLine(record)) } catch { self.error = error }
    }

    public func commit() throws {
        if let error { throw error }
        try file.commit()
    }
}

extension SimulationReport {
    /// The summary as a text table: run 0's figures, with P50/P90/P99 across runs when there are several.
    public static func table(_ s: Summary) -> String {
        let r = s.run
        func num(_ v: Double?, _ d: Int) -> String { v.map { fixed($0, d) } ?? "–" }
        var rows: [[String]] = [
            ["annual PUE (energy ratio)", num(r.pue, 3), "pue"],
            ["WUE, L/kWh IT", num(r.wueLPerKWh, 3), "wueLPerKWh"],
            ["IT energy, MWh", num(r.itEnergyMWh, 0), "itEnergyMWh"],
            ["facility energy, MWh", num(r.facilityEnergyMWh, 0), "facilityEnergyMWh"],
            ["water, m³", num(r.waterM3, 0), "waterM3"],
            ["tokens", String(format: "%.4g", r.tokens), "tokens"],
            ["tokens per MWh", r.tokensPerMWh.map { String(format: "%.4g", $0) } ?? "–", "tokensPerMWh"],
            ["cost per million tokens, USD", num(r.costPerMillionTokensUSD, 4), "costPerMillionTokensUSD"],
            ["hours throttled (power/thermal)", "\(r.throttledHours) (\(r.powerLimitedHours)/\(r.thermalLimitedHours))", "throttledHours"],
            ["tokens served of demanded", num(r.servedShare.map { $0 * 100 }, 3) + " %", "servedShare"],
            ["free-cooling hours", "\(r.freeCoolingHours)", "freeCoolingHours"],
            ["hours with a feed out", "\(r.feedOutageHours)", "feedOutageHours"],
            ["largest power shortfall, MW", num(r.largestShortfallMW, 1) + (r.largestShortfallAt.map { " at \($0)" } ?? ""), "largestShortfallMW"],
            ["largest shortfall event, MWh", num(r.largestShortfallEventMWh, 1), "largestShortfallEventMWh"],
            ["battery delivered, MWh (hours)", num(r.batteryDischargedMWh, 1) + " (\(r.batteryHours))", "batteryDischargedMWh"],
            ["unserved at full throttle, h (power/heat MWh)",
             "\(r.unservedHours) (\(num(r.unservedPowerMWh, 1))/\(num(r.unservedHeatMWh, 1)))", "unservedHours"],
            ["min power headroom, MW", num(r.minPowerHeadroomMW, 1) + (r.minPowerHeadroomAt.map { " at \($0)" } ?? ""), "minPowerHeadroomMW"],
            ["min thermal headroom, MW", num(r.minThermalHeadroomMW, 1) + (r.minThermalHeadroomAt.map { " at \($0)" } ?? ""), "minThermalHeadroomMW"],
        ]
        var header = ["figure", "run 0"]
        if let p = s.percentiles {
            header += ["P50", "P90", "P99"]
            rows = rows.map { row in
                guard let q = p[row[2]] else { return Array(row[0...1]) + ["–", "–", "–"] }
                let scale = row[2] == "servedShare" ? 100.0 : 1
                return Array(row[0...1]) + [q.p50, q.p90, q.p99].map { String(format: "%.5g", $0 * scale) }
            }
        } else {
            rows = rows.map { Array($0[0...1]) }
        }
        let i = s.inputs
        var text = "\(i.design) on \(i.site): \(i.years) year(s) from \(i.firstYear), \(i.runs) run(s), seed \(i.seed)\nweather: \(i.weather)\n"
        if let first = r.firstThrottleAt, let limit = r.firstThrottleLimit {
            text += "first throttled hour: \(first) (\(limit.rawValue) limit)\n"
        }
        return text + textTable(header: header, rows: rows, rightAligned: Set(1..<header.count))
    }
}

import Foundation
import PlantPhysics
import Twin

/// `timeseries.csv` and `summary.json` of `tokenplant simulate`, and the table it prints.
public enum SimulationReport {
    /// The files `simulate --out DIR` writes, in manifest order (one ``OutputSet``).
    public static let summaryFile = "summary.json", timeseriesFile = "timeseries.csv"
    public static let fileNames = [summaryFile, timeseriesFile]

    /// The columns of `timeseries.csv`, one row per simulated hour (every field is a number or a bare word,
    /// so no quoting is needed).
    public static let timeseriesColumns: [ExportColumn<HourRecord>] = [
        ExportColumn("timestamp") { $0.timestamp },
        ExportColumn("dryBulbC") { NumberText.fixed($0.dryBulbC, 1) },
        ExportColumn("wetBulbC") { NumberText.fixed($0.wetBulbC, 2) },
        ExportColumn("itMW") { NumberText.fixed($0.state.itMW, 3) },
        ExportColumn("coolingMW") { NumberText.fixed($0.state.coolingMW, 3) },
        ExportColumn("lossesMW") { NumberText.fixed($0.state.lossesMW, 3) },
        ExportColumn("houseMW") { NumberText.fixed($0.state.houseMW, 3) },
        ExportColumn("facilityMW") { NumberText.fixed($0.state.facilityMW, 3) },
        ExportColumn("usableCapacityMW") { NumberText.fixed($0.usableCapacityMW, 3) },
        ExportColumn("powerHeadroomMW") { NumberText.fixed($0.powerHeadroomMW, 3) },
        ExportColumn("rejectionCapacityMW") { NumberText.fixed($0.state.rejectionCapacityMW, 3) },
        ExportColumn("thermalHeadroomMW") { NumberText.fixed($0.state.thermalHeadroomMW, 3) },
        ExportColumn("supplyTempC") { NumberText.fixed($0.state.supplyTempC, 2) },
        ExportColumn("pue") { $0.pue.map { NumberText.fixed($0, 4) } ?? "" },
        ExportColumn("waterM3") { NumberText.fixed($0.state.waterM3, 3) },
        ExportColumn("throttleFraction") { NumberText.fixed($0.throttleFraction, 6) },
        ExportColumn("tokens") { NumberText.fixed($0.tokens, 0) },
        ExportColumn("limit") { $0.limit?.rawValue ?? "" },
        ExportColumn("limitingHall") { $0.limitingHall ?? "" },
        ExportColumn("feedsOut") { String($0.feedsOut) },
        ExportColumn("batteryMW") { NumberText.fixed($0.batteryMW, 3) },
        ExportColumn("batteryStoredMWh") { NumberText.fixed($0.batteryStoredMWh, 3) },
    ]

    /// The header line of `timeseries.csv`.
    public static var timeseriesHeader: String { timeseriesColumns.map(\.name).joined(separator: ",") + "\n" }

    /// One line of `timeseries.csv`.
    public static func timeseriesLine(_ r: HourRecord) -> String {
        timeseriesColumns.map { $0.text(r) }.joined(separator: ",") + "\n"
    }

    /// The figures of one run, as `RunFigure.all` declares them; encodes as the `run` object of `summary.json`.
    public struct RunFigures: Encodable, Sendable, Equatable {
        public var summary: RunSummary

        public init(_ summary: RunSummary) { self.summary = summary }


        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NamedKey.self)
            for figure in RunFigure.all {
                switch figure.read(summary) {
                case .count(let n): try container.encode(n, forKey: NamedKey(figure.key))
                case .number(let x): try container.encodeIfPresent(x, forKey: NamedKey(figure.key))
                case .text(let t): try container.encodeIfPresent(t, forKey: NamedKey(figure.key))
                }
            }
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
    public struct Summary: Encodable, Sendable, Equatable {
        public var inputs: Inputs
        /// Figures of run 0 (the run `timeseries.csv` shows).
        public var run: RunFigures
        /// With more than one run: P50/P90/P99 of each figure across runs (nearest rank, of the value itself),
        /// each worse than that share of runs (``percentileMeaning``).
        public var percentiles: [String: Percentiles]?
        /// What the percentiles mean, present with them.
        public var percentileMeaning: String?
        /// The modelling assumptions that are estimates rather than sourced figures.
        public var estimates: [String]
    }

    /// What P50/P90/P99 mean in `summary.json` and the table.
    public static let percentileMeaning = "Pp is worse than p % of runs (nearest rank from the best end): the low tail of figures where higher is better (higherIsBetter: true, e.g. tokens, minimum headroom), the high tail of the others (e.g. PUE, unserved hours)."

    public static let estimates = [
        "Demand per workload: DemandShape.standard (mean utilization 70 % of token capacity, ±20 % diurnal, peak 15:00, 5 % hourly noise) unless the design sets workloadMix[].demand.",
        "Rack power follows utilization u from idle to max, P = idle + (max − idle)·u; tokens = full-load tokens × u, less the throttle.",
        "UPS losses 40 % no-load (Schneider WP 108), 30 % proportional, 30 % square-law (split estimated), on the UPS of halls with racks; transformer 40 % no-load, 60 % square-law (estimate), on the transformers energized: halls with racks and the cooling plant.",
        "Fans and pumps by the affinity law at rated power = fraction × capacity in service; CDU pumps never below 30 % speed (estimate of VFD minimum speed).",
        "House loads (lighting, offices, electrical rooms' cooling, security): powerChain.houseLoadFractionOfIT of installed full-load IT, 1.5 % unless the design sets it (estimate).",
        "Heat-rejection plant: UA fixed at the rating point with the full-fan air rate equal to the rating water rate (balanced coil, estimate); UA ∝ (air flow)^0.737 (EnergyPlus two-speed defaults); constant plant water flow = rated capacity / loop ΔT.",
        "Chiller COP = η·T_evap/(T_cond − T_evap), η fitted to the design COP at the design basis; evaporator 2 K below the chilled water, condenser 2 K above tower water leaving the condenser or 5 K above the condenser air (Modelica Buildings defaults); lift at least 10 K (estimate); COP within 2.5–12.",
"Economizer air for unchilled racks: dry-bulb + airCooling.economizerApproachK (default 1 K of fan heat, estimate), evaporatively trimmed on adiabatic plants, whose pads then evaporate the air loop's heat × ΔT_pad / 11.1 K (a 20 °F air rise across the racks, estimate) at waterLPerKWh.",
        "Tower water: the latent share of the heat (air leaving saturated at the mean water temperature, estimate) at waterLPerKWh, plus blowdown evaporation/(cycles − 1) with cyclesOfConcentration 4 unless the design sets it (EPA WaterSense typical 3–6); pads: φ·C_a·ΔT_pad of the coil's air at waterLPerKWh.",
        "Pump, fan and compressor work becomes heat in the loops the plant rejects; transformer and UPS losses are rejected by the electrical rooms, not the plant.",
    ]

    /// Summary of `runs` (run 0 first); with several runs, percentiles of every numeric figure.
    public static func summary(inputs: Inputs, runs: [RunSummary]) -> Summary {
        var percentiles: [String: Percentiles]?
        if runs.count > 1 {
            var table: [String: Percentiles] = [:]
            for figure in RunFigure.all {
                guard let higherIsBetter = figure.higherIsBetter else { continue }
                if let p = Percentiles(runs.compactMap { figure.read($0).number }, higherIsBetter: higherIsBetter) { table[figure.key] = p }
            }
            percentiles = table
        }
        return Summary(inputs: inputs, run: RunFigures(runs[0]), percentiles: percentiles,
                       percentileMeaning: percentiles == nil ? nil : percentileMeaning, estimates: estimates)
    }

    /// The summary as a text table: run 0's figures, with P50/P90/P99 across runs when there are several, the
    /// direction each is worse in, and a note on what they mean.
    public static func table(_ s: Summary) -> String {
        let r = s.run.summary
        let figures = RunFigure.all.compactMap { figure in figure.row.map { (figure, $0) } }
        var header = ["figure", "run 0"]
        var rows = figures.map { _, row in [row.label, row.cell(r)] }
        if let p = s.percentiles {
            header += ["better", "P50", "P90", "P99"]
            rows = zip(rows, figures).map { cells, figure in
                let better = figure.0.higherIsBetter.map { $0 ? "higher" : "lower" } ?? "–"
                guard let q = p[figure.0.key] else { return cells + [better, "–", "–", "–"] }
                return cells + [better] + [q.p50, q.p90, q.p99].map { NumberText.significant($0 * figure.1.percentileScale, 5) }
            }
        }
        let i = s.inputs
        var text = "\(i.design) on \(i.site): \(i.years) year(s) from \(i.firstYear), \(i.runs) run(s), seed \(i.seed)\nweather: \(i.weather)\n"
        if let first = r.firstThrottleAt, let limit = r.firstThrottleLimit {
            text += "first throttled hour: \(first) (\(limit.rawValue) limit)\n"
        }
        text += textTable(header: header, rows: rows, rightAligned: Set(1..<header.count))
        if let meaning = s.percentileMeaning { text += meaning + "\n" }
        return text
    }
}

import Foundation
import Reports
import Testing
import Twin

@Suite("Simulation summary: every figure declared once, in JSON, percentiles and the table")
struct SimulationReportTests {
    /// A run with round figures: 1,000 MWh IT, 1,250 MWh facility, 300 m³ water, 5 throttled hours (3 on power).
    static func run(powerLimited: Int, tokens: Double = 2e12) -> RunSummary {
        var r = RunSummary(hours: 8760)
        r.itEnergyMWh = 1000
        r.facilityEnergyMWh = 1250
        r.waterM3 = 300
        r.tokens = tokens
        r.lostTokens = tokens / 4
        r.throttledHours = 5
        r.powerLimitedHours = powerLimited
        r.thermalLimitedHours = 5 - powerLimited
        r.minPowerHeadroomMW = -2.25
        r.minPowerHeadroomAt = "2027-07-06T17:00"
        return r
    }

    static let inputs = SimulationReport.Inputs(
        design: "d", designFile: "d.yaml", site: "s", siteFile: "s.yaml", plan: "planned", planDigest: "0", weather: "w.epw",
        syntheticWeatherYears: nil, firstYear: 2027, years: 1, runs: 3, seed: 1)

    @Test("summary.json: derived figures worked by hand; absent figures are left out")
    func runFigures() throws {
        let summary = SimulationReport.summary(inputs: Self.inputs, runs: [Self.run(powerLimited: 3)])
        let object = try #require(try JSONSerialization.jsonObject(with: stableJSON(summary)) as? [String: Any])
        let run = try #require(object["run"] as? [String: Any])
        // PUE 1,250 / 1,000; WUE 300 m³ / 1,000 MWh = 0.3 L/kWh; served 2e12 / 2.5e12; tokens per MWh 2e12 / 1,250.
        #expect(run["pue"] as? Double == 1.25)
        #expect(run["wueLPerKWh"] as? Double == 0.3)
        #expect(run["servedShare"] as? Double == 0.8)
        #expect(run["tokensPerMWh"] as? Double == 1.6e9)
        #expect(run["hours"] as? Int == 8760 && run["powerLimitedHours"] as? Int == 3)
        #expect(run["minPowerHeadroomAt"] as? String == "2027-07-06T17:00")
        #expect(run["minThermalHeadroomMW"] == nil && run["firstThrottleAt"] == nil, "no value, no key")
        #expect(run["costPerMillionTokensUSD"] as? Double == 0, "tokens but no cost recorded: 0 USD, not absent")
        #expect(object["percentiles"] == nil, "one run has no percentiles")
    }

    @Test("Percentiles cover every numeric figure, power- and thermal-limited hours included")
    func percentiles() throws {
        let runs = [1, 3, 2].map { Self.run(powerLimited: $0) }
        let summary = SimulationReport.summary(inputs: Self.inputs, runs: runs)
        let p = try #require(summary.percentiles)
        // Nearest rank on 3 values from the best end (fewer hours is better): P50 is the 2nd smallest (⌈1.5⌉),
        // P90 and P99 the 3rd.
        #expect(p["powerLimitedHours"] == Percentiles([1, 2, 3], higherIsBetter: false) && p["powerLimitedHours"]?.p50 == 2
                && p["powerLimitedHours"]?.p99 == 3)
        #expect(p["thermalLimitedHours"]?.p50 == 3 && p["thermalLimitedHours"]?.p90 == 4)
        #expect(p["hours"] == nil, "the run's length is not a result")
        #expect(p["minPowerHeadroomAt"] == nil, "timestamps have no percentiles")
        #expect(p["pue"] == Percentiles([1.25, 1.25, 1.25], higherIsBetter: false))
    }

    @Test("P90 is worse than 90 % of runs in every figure's direction, and summary.json says which")
    func percentileDirection() throws {
        // Ten runs with tokens 1…10 × 10¹² and 10−k power-limited hours. Nearest rank ⌈p·10⌉ from the best end:
        // tokens (higher is better) P50 = 5th largest = 6e12, P90 = 9th largest = 2e12, P99 = 10th = 1e12;
        // power-limited hours 0…9 (lower is better) P50 = 5th smallest = 4, P90 = 9th = 8, P99 = 10th = 9.
        let runs = (1...10).map { k in
            var r = Self.run(powerLimited: 10 - k, tokens: Double(k) * 1e12)
            r.minPowerHeadroomMW = Double(k)
            return r
        }
        let summary = SimulationReport.summary(inputs: Self.inputs, runs: runs)
        let p = try #require(summary.percentiles)
        #expect(p["tokens"].map { ($0.p50, $0.p90, $0.p99, $0.higherIsBetter) } ?? (0, 0, 0, false) == (6e12, 2e12, 1e12, true))
        #expect(p["powerLimitedHours"].map { ($0.p50, $0.p90, $0.p99, $0.higherIsBetter) } ?? (0, 0, 0, true) == (4, 8, 9, false))
        // Minimum power headroom 1…10 MW: higher is better, so P90 is the low 2 MW.
        #expect(p["minPowerHeadroomMW"]?.p90 == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: stableJSON(summary)) as? [String: Any])
        let tokens = try #require((object["percentiles"] as? [String: Any])?["tokens"] as? [String: Any])
        #expect(tokens["higherIsBetter"] as? Bool == true && tokens["p90"] as? Double == 2e12)
        #expect((object["percentileMeaning"] as? String)?.hasPrefix("Pp is worse than p % of runs") == true)
        let table = SimulationReport.table(summary)
        #expect(table.contains("Pp is worse than p % of runs"), "the table carries the note")
    }

    @Test("The table: one row per figure with a row, run 0 and P50/P90/P99 (served share in %)")
    func table() throws {
        let runs = [Self.run(powerLimited: 3), Self.run(powerLimited: 1, tokens: 1e12), Self.run(powerLimited: 2)]
        let text = SimulationReport.table(SimulationReport.summary(inputs: Self.inputs, runs: runs))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "d on s: 1 year(s) from 2027, 3 run(s), seed 1")
        func row(_ label: String) -> [String] {
            let line = lines.first { $0.hasPrefix(label) }!
            return line.dropFirst(label.count).split(separator: " ").map(String.init)
        }
        #expect(row("annual PUE (energy ratio)") == ["1.250", "lower", "1.25", "1.25", "1.25"])
        #expect(row("hours throttled (hall/power/thermal)") == ["5", "(0/3/2)", "lower", "5", "5", "5"])
        // Served share is 0.8 in every run: "80.000 %" for run 0 and 80 in the percentile columns.
        #expect(row("tokens served of demanded") == ["80.000", "%", "higher", "80", "80", "80"])
        // Tokens 2e12, 1e12, 2e12, higher is better: from the largest, P50 = 2nd = 2e12, P90 = P99 = 3rd = 1e12.
        #expect(row("tokens") == ["2e+12", "higher", "2e+12", "1e+12", "1e+12"])
        #expect(row("min power headroom, MW") == ["-2.2", "at", "2027-07-06T17:00", "higher", "-2.25", "-2.25", "-2.25"])
        #expect(row("min thermal headroom, MW") == ["–", "higher", "–", "–", "–"])
    }

    @Test("timeseries.csv: the header names every column the lines carry")
    func timeseriesColumns() {
        let header = SimulationReport.timeseriesHeader
        #expect(header.hasPrefix("timestamp,dryBulbC,wetBulbC,itMW,") && header.hasSuffix("batteryStoredMWh\n"))
        #expect(header.split(separator: ",").count == SimulationReport.timeseriesColumns.count)
    }
}

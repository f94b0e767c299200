import Climate
import Foundation
import Plans
import Reports
import Twin

/// Times the twin on a planned design: site-years per second on one thread, a Monte Carlo on all cores,
/// and peak memory, each against a peer measured in the same run (synthesizing one weather year).
public enum TwinBenchmark {
    public struct Result: Sendable {
        public var halls: Int
        public var years: Int
        /// Median seconds of one simulated year on one thread.
        public var yearSeconds: Double
        /// Median seconds to synthesize one weather year (the peer).
        public var weatherYearSeconds: Double
        public var monteCarloYears: Int
        public var monteCarloSeconds: Double
        public var threads: Int
        /// Peak resident memory before and after the Monte Carlo, MB.
        public var peakMemoryBeforeMB: Double, peakMemoryAfterMB: Double

        public var summary: String {
            """
            twin: \(halls) halls, \(years)-year plan, one year hourly on one thread: median \(NumberText.fixed(yearSeconds * 1000, 2)) ms → \(NumberText.fixed(1 / yearSeconds, 0)) site-years/s per core
            peer, one synthetic weather year: median \(NumberText.fixed(weatherYearSeconds * 1000, 2)) ms; ratio twin year / weather year: \(NumberText.fixed(yearSeconds / weatherYearSeconds, 3))
            Monte Carlo: \(monteCarloYears) years on \(threads) threads in \(NumberText.fixed(monteCarloSeconds, 2)) s (\(NumberText.fixed(Double(monteCarloYears) / monteCarloSeconds, 0)) years/s)
            peak memory: \(NumberText.fixed(peakMemoryBeforeMB, 1)) MB before the Monte Carlo, \(NumberText.fixed(peakMemoryAfterMB, 1)) MB after

            """
        }
    }

    /// Measures `scenario` `runs` times (seconds per simulated year), then a Monte Carlo of `monteCarloYears`
    /// years (runs of `scenario.years` each).
    public static func run(_ scenario: TwinScenario, synthetic: SyntheticWeather, runs: Int, monteCarloYears: Int, threads: Int) -> Result {
        func seconds(_ body: () -> Void) -> Double {
            let start = ContinuousClock.now
            body()
            return (ContinuousClock.now - start) / .seconds(1)
        }
        let years = Double(scenario.years)
        let yearTimes = (0..<runs).map { r in seconds { _ = Twin.run(scenario, seed: UInt64(r)) } / years }
        let weatherTimes = (0..<runs).map { r in seconds { _ = synthetic.year(seed: UInt64(r)) } }
        let before = peakMemoryMB()
        let mcRuns = max(1, monteCarloYears / scenario.years)
        let mc = seconds { _ = Twin.monteCarlo(scenario, seed: 1, runs: mcRuns, parallelism: threads) }
        return Result(halls: scenario.design.halls.reduce(0) { $0 + $1.count }, years: scenario.years,
                      yearSeconds: PlanBenchmark.Result.median(yearTimes)!, weatherYearSeconds: PlanBenchmark.Result.median(weatherTimes)!,
                      monteCarloYears: mcRuns * scenario.years, monteCarloSeconds: mc, threads: threads,
                      peakMemoryBeforeMB: before, peakMemoryAfterMB: peakMemoryMB())
    }

    /// Peak resident set size of this process, MB (getrusage).
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #endif
    }
}

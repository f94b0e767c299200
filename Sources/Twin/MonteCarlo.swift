import Foundation

/// Percentiles of a run figure, oriented so that Pp is worse than p % of runs: for a figure where higher is
/// better (tokens served, minimum headroom) the low tail, for one where lower is better (PUE, unserved hours)
/// the high tail.
public struct Percentiles: Codable, Sendable, Equatable {
    public var p50: Double, p90: Double, p99: Double
    /// Whether higher values of the figure are better, so its P90 and P99 are low values.
    public var higherIsBetter: Bool

    /// Nearest-rank percentiles of `values` from the best end: Pp is the ⌈p·n⌉-th best value (the ⌈p·n⌉-th
    /// smallest where lower is better, the ⌈p·n⌉-th largest where higher is better); nil for no values.
    public init?(_ values: [Double], higherIsBetter: Bool) {
        guard !values.isEmpty else { return nil }
        let ranked = higherIsBetter ? values.sorted(by: >) : values.sorted()
        func rank(_ p: Double) -> Double { ranked[max(0, Int((p * Double(ranked.count)).rounded(.up)) - 1)] }
        (p50, p90, p99) = (rank(0.5), rank(0.9), rank(0.99))
        self.higherIsBetter = higherIsBetter
    }
}

extension Twin {
    /// Runs 0..<runs of `scenario` on up to `parallelism` threads; run 0 streams its hours to `sink`.
    /// Results are in run order and do not depend on the thread count. `progress` is told each finished run.
    public static func monteCarlo(_ scenario: TwinScenario, seed: UInt64, runs: Int, parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                                  sink: ((HourRecord) -> Void)? = nil, progress: (@Sendable (Int) -> Void)? = nil) -> [RunSummary] {
        let results = ConcurrentSlots<RunSummary>(count: runs)
        let first = Twin.run(scenario, seed: seed, run: 0, sink: sink)
        results.set(0, first)
        progress?(1)
        let rest = runs - 1
        guard rest > 0 else { return results.values }
        let workers = max(1, min(parallelism, rest))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var r = 1 + worker
            while r < runs {
                results.set(r, Twin.run(scenario, seed: seed, run: r))
                progress?(results.filled)
                r += workers
            }
        }
        return results.values
    }
}

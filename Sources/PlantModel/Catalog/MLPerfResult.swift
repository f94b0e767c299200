/// MLPerf Inference scenario a result was measured in.
public enum MLPerfScenario: String, FileEnum {
    case server = "Server", interactive = "Interactive", offline = "Offline"
}

/// The MLCommons result a throughput figure is taken from, so that it can be found and recomputed:
/// per-GPU tokens/s = `systemTokensPerSecond` ÷ `gpus`.
public struct MLPerfResult: Codable, Equatable, Sendable, PlaceholderDecodable {
    /// Inference round (`v6.1`).
    public var round: String
    public var submitter: String
    /// MLCommons result ID (`5.1-0016`), or for rounds published without IDs the entry of the round's `summary.json` (`6.1#333`).
    public var resultID: String
    /// Output tokens/s of the whole submitted system, as published.
    public var systemTokensPerSecond: Double
    /// Accelerators in the submitted system (nodes × accelerators per node).
    public var gpus: Int
    /// Accuracy target, % of the reference model's score (99 or 99.9); `nil` for benchmarks with one target.
    public var accuracyTargetPercent: Double?
    public var scenario: MLPerfScenario
    /// Listed as `preview` (not yet available) rather than `available`.
    public var preview: Bool
    /// Marked `inferred` in the round's summary (a result carried over from another scenario or system).
    public var inferred: Bool

    /// Per-GPU tokens/s the result gives.
    public var tokensPerSecondPerGPU: Double { gpus > 0 ? systemTokensPerSecond / Double(gpus) : 0 }

    public static var placeholder: MLPerfResult {
        MLPerfResult(round: "", submitter: "", resultID: "", systemTokensPerSecond: 0, gpus: 0, accuracyTargetPercent: nil,
                     scenario: .server, preview: false, inferred: false)
    }
}

import Foundation
import Numerics
import Testing
@testable import PlantModel

/// The catalog's MLPerf figures against the results they cite, and the checks that keep new figures traceable.
@Suite("Catalog provenance: one MLPerf round per figure, power mode, capex floor")
struct CatalogProvenanceTests {
    /// One MLCommons result as published. `system` is the round's system tokens/s where it was read from the round's
    /// summary file (v6.1 `summary.json`, commit 10ecdffd: entries 290, 298, 326 and 333); `perGPU` is the per-GPU
    /// value the catalog audit (../shared/reference/catalog-audit.md, sections 1b–1h and 4) recomputed from the
    /// MLCommons files.
    struct Published {
        var profile: String, workload: String, round: String, id: String, gpus: Int
        var system: Double?, perGPU: Double
    }

    static let published: [Published] = [
        .init(profile: "hgx-h100-4x8", workload: "llama2-70b-server", round: "v5.1", id: "5.1-0016", gpus: 32, system: nil, perGPU: 3821.1),
        .init(profile: "hgx-h100-4x8", workload: "llama3.1-405b-server", round: "v5.1", id: "5.1-0016", gpus: 32, system: nil, perGPU: 35.2),
        .init(profile: "hgx-h200-4x8", workload: "llama2-70b-server", round: "v5.1", id: "5.1-0075", gpus: 8, system: nil, perGPU: 4253.7),
        .init(profile: "hgx-h200-4x8", workload: "llama2-70b-interactive", round: "v5.1", id: "5.1-0075", gpus: 8, system: nil, perGPU: 2885.0),
        .init(profile: "hgx-h200-4x8", workload: "llama3.1-405b-server", round: "v5.1", id: "5.1-0075", gpus: 8, system: nil, perGPU: 36.9),
        .init(profile: "hgx-b200-4x8", workload: "llama2-70b-server", round: "v5.1", id: "5.1-0073", gpus: 8, system: nil, perGPU: 12701.4),
        .init(profile: "hgx-b200-4x8", workload: "llama2-70b-interactive", round: "v5.1", id: "5.1-0046", gpus: 8, system: nil, perGPU: 7856.4),
        .init(profile: "hgx-b200-4x8", workload: "llama3.1-405b-server", round: "v5.1", id: "5.1-0073", gpus: 8, system: nil, perGPU: 159.9),
        .init(profile: "hgx-b200-4x8", workload: "deepseek-r1-server", round: "v6.1", id: "6.1#333", gpus: 8, system: 55869.0, perGPU: 6983.6),
        .init(profile: "hgx-b300-4x8", workload: "llama2-70b-server", round: "v6.1", id: "6.1#290", gpus: 8, system: 106949.0, perGPU: 13368.6),
        .init(profile: "hgx-b300-4x8", workload: "llama2-70b-interactive", round: "v6.0", id: "6.0-0024", gpus: 8, system: nil, perGPU: 8840.5),
        .init(profile: "hgx-b300-4x8", workload: "llama3.1-405b-server", round: "v6.0", id: "6.0-0073", gpus: 8, system: nil, perGPU: 182.5),
        .init(profile: "hgx-b300-4x8", workload: "deepseek-r1-server", round: "v6.1", id: "6.1#337", gpus: 8, system: nil, perGPU: 7988.7),
        .init(profile: "gb200-nvl72", workload: "deepseek-r1-server", round: "v6.1", id: "6.1#298", gpus: 72, system: 395940, perGPU: 5499.2),
        .init(profile: "gb200-nvl72", workload: "llama2-70b-server", round: "v5.1", id: "5.1-0070", gpus: 4, system: nil, perGPU: 12339.9),
        .init(profile: "gb200-nvl72", workload: "llama2-70b-interactive", round: "v5.1", id: "5.1-0070", gpus: 4, system: nil, perGPU: 7436.4),
        .init(profile: "gb200-nvl72", workload: "llama3.1-405b-server", round: "v6.0", id: "6.0-0075", gpus: 72, system: nil, perGPU: 196.3),
        .init(profile: "gb300-nvl72", workload: "deepseek-r1-server", round: "v6.1", id: "6.1#345", gpus: 72, system: nil, perGPU: 8375.3),
        .init(profile: "gb300-nvl72", workload: "llama2-70b-server", round: "v6.1", id: "6.1#322", gpus: 8, system: nil, perGPU: 15988.9),
        .init(profile: "gb300-nvl72", workload: "llama2-70b-interactive", round: "v6.0", id: "6.0-0078", gpus: 72, system: nil, perGPU: 11307),
        .init(profile: "gb300-nvl72", workload: "llama3.1-405b-server", round: "v6.0", id: "6.0-0078", gpus: 72, system: nil, perGPU: 258.7),
        .init(profile: "vr-nvl72", workload: "deepseek-r1-server", round: "v6.1", id: "6.1#326", gpus: 72, system: 1175890.2208168239, perGPU: 16331.8),
    ]

    @Test("Every measured throughput is its published result: system tokens/s ÷ GPUs, round and result ID")
    func throughputRecomputes() throws {
        let catalog = try Catalog.bundled()
        var measured = 0
        for profile in catalog.profiles {
            for t in profile.throughput where t.source.evidence == .measured {
                measured += 1
                let row = try #require(Self.published.first { $0.profile == profile.id && $0.workload == t.workload },
                                       "\(profile.id) \(t.workload) is measured but not in the published table")
                let result = try #require(t.mlperf)
                #expect(result.round == row.round && result.resultID == row.id && result.gpus == row.gpus, "\(profile.id) \(t.workload)")
                // The catalog's figure is the published per-GPU value, to the one decimal it is recorded with.
                #expect(t.tokensPerSecondPerGPU.isApproximatelyEqual(to: row.perGPU, absoluteTolerance: 0.05), "\(profile.id) \(t.workload)")
                // And it is its recorded system result ÷ GPUs; where the round's file was read, that system result too.
                #expect((result.systemTokensPerSecond / Double(result.gpus)).isApproximatelyEqual(to: t.tokensPerSecondPerGPU, absoluteTolerance: 0.05))
                if let system = row.system {
                    #expect((system / Double(row.gpus)).isApproximatelyEqual(to: t.tokensPerSecondPerGPU, absoluteTolerance: 0.05), "\(profile.id) \(t.workload)")
                    #expect(result.systemTokensPerSecond.isApproximatelyEqual(to: system, absoluteTolerance: 0.05))
                }
            }
        }
        #expect(measured == Self.published.count)
    }

    @Test("Hand-checked per-GPU values from the MLCommons summary file")
    func perGPUByHand() {
        // 55,869.0 / 8 = 6,983.625; 395,940 / 72 = 5,499.17; 1,175,890.22 / 72 = 16,331.81; 106,949 / 8 = 13,368.625.
        #expect((55869.0 / 8).isApproximatelyEqual(to: 6983.625, absoluteTolerance: 1e-9))
        #expect((395940.0 / 72).isApproximatelyEqual(to: 5499.17, absoluteTolerance: 0.005))
        #expect((1175890.2208168239 / 72).isApproximatelyEqual(to: 16331.81, absoluteTolerance: 0.005))
    }

    @Test("One round per workload where systems share one: DeepSeek-R1 is v6.1 for every Blackwell and Rubin profile")
    func oneRound() throws {
        let catalog = try Catalog.bundled()
        let rounds = catalog.profiles.compactMap { p in p.throughput.first { $0.workload == "deepseek-r1-server" }?.mlperf?.round }
        #expect(rounds.count == 5)
        #expect(rounds.allSatisfy { $0 == "v6.1" })
        // Vera Rubin's result is preview and inferred in its round, and says so.
        let vr = try #require(catalog.profile("vr-nvl72")?.throughput.first?.mlperf)
        #expect(vr.preview && vr.inferred)
    }

    @Test("Every throughput figure is at its profile's power mode; Vera Rubin's power is Max-P, the mode of its result")
    func powerModes() throws {
        let catalog = try Catalog.bundled()
        for p in catalog.profiles { #expect(p.throughput.allSatisfy { $0.powerMode == p.powerMode }, "\(p.id)") }
        let vr = try #require(catalog.profile("vr-nvl72"))
        // MLPerf v6.1 ran VR NVL72 at 2,300 W TGP per GPU (Max-P): the GPUs alone draw 72 × 2.3 = 165.6 kW, and the
        // rack figure paired with that throughput is the Max-P 230 kW, not the ~190 kW Max-Q budget.
        #expect(vr.powerMode == .maxP && vr.rackMaxKW == 230)
        #expect(vr.rackMaxKW > 72 * 2.3)
    }

    @Test("All-in capex per GPU is at least the GPU price; H100 comes to SemiAnalysis's ~$40k")
    func capexFloor() throws {
        let catalog = try Catalog.bundled()
        for p in catalog.profiles { #expect(p.capexUSDPerGPU >= p.gpuPriceUSD, "\(p.id)") }
        // 4 × $270k × (1 + 0.185) / 32 = $39,993.75 per GPU.
        let h100 = try #require(catalog.profile("hgx-h100-4x8"))
        #expect(h100.capexUSDPerGPU.isApproximatelyEqual(to: 39993.75, absoluteTolerance: 0.01))
    }

    // MARK: Validation

    static func issues(_ old: String, _ new: String) throws -> [String] {
        let text = try String(contentsOfFile: Repo.path("Sources/PlantModel/Resources/catalog.yaml"), encoding: .utf8)
        precondition(text.contains(old), old)
        let edited = text.replacingOccurrences(of: old, with: new)
        return Catalog.issues(in: try PlantFile.decode(Catalog.self, from: edited, file: "c.yaml")).map { "\($0.path): \($0.message)" }
    }

    static let h100Llama = "mlperf: {round: v5.1, submitter: Cisco, resultID: 5.1-0016, systemTokensPerSecond: 122275.2, gpus: 32, accuracyTargetPercent: 99.9, scenario: Server, preview: false, inferred: false}, "

    @Test("Validation rejects a measured figure without its MLPerf result, round or result ID")
    func measuredNeedsResult() throws {
        #expect(try Self.issues(Self.h100Llama, "") == [
            "profiles[0].throughput[0].mlperf: a measured figure needs its MLPerf result (mlperf: round, submitter, resultID, systemTokensPerSecond, gpus, scenario, preview, inferred)"])
        #expect(try Self.issues("resultID: 5.1-0016, systemTokensPerSecond: 122275.2", "resultID: \"\", systemTokensPerSecond: 122275.2") == [
            "profiles[0].throughput[0].mlperf.resultID: a measured figure needs its MLCommons result ID (e.g. 5.1-0016)"])
        #expect(try Self.issues("{round: v5.1, submitter: Cisco, resultID: 5.1-0016, systemTokensPerSecond: 122275.2", "{round: \"\", submitter: Cisco, resultID: 5.1-0016, systemTokensPerSecond: 122275.2") == [
            "profiles[0].throughput[0].mlperf.round: a measured figure needs its MLPerf round (e.g. v6.1)"])
    }

    @Test("Validation rejects a per-GPU figure that is not its system result ÷ GPUs")
    func perGPUMismatch() throws {
        // 122,275.2 / 16 = 7,642.2, not 3,821.1.
        #expect(try Self.issues("systemTokensPerSecond: 122275.2, gpus: 32", "systemTokensPerSecond: 122275.2, gpus: 16") == [
            "profiles[0].throughput[0].tokensPerSecondPerGPU: 3821.1 is not the result's 122275.2 tokens/s ÷ 16 GPUs = 7642.2"])
    }

    @Test("Validation rejects a throughput measured at another power mode than the rack power")
    func powerModeMismatch() throws {
        #expect(try Self.issues("tokensPerSecondPerGPU: 3821.1, precision: FP8, powerMode: Max-P", "tokensPerSecondPerGPU: 3821.1, precision: FP8, powerMode: Max-Q") == [
            "profiles[0].throughput[0].powerMode: measured at Max-Q, but rackMaxKW is the rack's Max-P power: give the rack power of the mode the throughput was measured at"])
    }

    @Test("Validation rejects an all-in capex per GPU below the GPU's price")
    func capexBelowGPUPrice() throws {
        // $796k (the old DGX H100 figure) × 1.185 / 32 = $943,260 / 32 = $29,476.875 per GPU, below a $30,000 GPU.
        #expect(try Self.issues("    rackPriceUSD: 1080000\n    allInOverheadShare: 0.185\n    gpuPriceUSD: 27500\n",
                                "    rackPriceUSD: 796000\n    allInOverheadShare: 0.185\n    gpuPriceUSD: 30000\n") == [
            "profiles[0].rackPriceUSD: all-in capex per GPU (29477 USD) is below the price of the GPU alone (30000 USD)"])
    }
}

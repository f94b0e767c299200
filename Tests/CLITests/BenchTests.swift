import Foundation
import Testing
import Yams

/// `tokenplant bench`'s peers (README "bench") and the scale fixture it is run on. No test needs HiGHS: the peer's
/// script is replaced by a stand-in or left missing.
@Suite("Bench")
struct BenchTests {
    @Test("Without HiGHS the bench says how to install it and still times the planner against glpsol")
    func highsMissing() async throws {
        let run = try await TokenPlantCLI.run(["bench", smallDesign, "--runs", "1", "--time-limit", "20",
                                               "--highs-script", "/nonexistent/highs_peer.py"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("HiGHS: not installed (pip install highspy)"), "\(run)")
        #expect(run.stdout.contains("planner: median"), "\(run)")
        #expect(!run.stdout.contains("ratio planner/HiGHS"), "\(run)")
    }

    @Test("The HiGHS peer's median and the planner/HiGHS ratio come from the script's run lines",
          .enabled(if: HeadlessBrowser.python != nil || HeadlessBrowser.inCI, "python3 is not installed"))
    func highsMedianAndRatio() async throws {
        let folder = try TemporaryFolder()
        let script = folder.url.appendingPathComponent("fake_peer.py")
        // A banner line (skipped) and three runs of 2, 9 and 4 s: sorted 2, 4, 9, so the median is 4 s.
        try """
            print("Running HiGHS (stand-in)")
            for seconds in (2.0, 9.0, 4.0):
                print(f"{seconds} Optimal 123.0 0.0005")
            """.write(to: script, atomically: true, encoding: .utf8)
        let run = try await TokenPlantCLI.run(["bench", smallDesign, "--runs", "3", "--time-limit", "20",
                                               "--highs-script", script.path])
        #expect(run.status == 0, "\(run)")
        // mip_gap 0.0005 is 0.050 %.
        #expect(run.stdout.contains("median 4.000 s, last run Optimal, gap 0.050 %"), "\(run)")
        let planner = try #require(Self.number(after: "planner: median ", in: run.stdout))
        let ratio = try #require(Self.number(after: "ratio planner/HiGHS: ", in: run.stdout))
        // Both printed to 3 decimals: planner/4 from the rounded median is within 0.0005/4 + 0.0005 of the ratio.
        #expect(abs(ratio - planner / 4) <= 0.001, "\(run)")
    }

    @Test("The scale fixture: 48 distinct halls, 32 quarters, 1,716 MW usable, half with a build option, and valid")
    func campusFixture() async throws {
        let path = "benchmarks/campus-48-distinct.yaml"
        let validate = try await TokenPlantCLI.run(["validate", path])
        #expect(validate.status == 0, "\(validate)")
        let text = try String(contentsOf: TokenPlantCLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let design = try #require(try Yams.load(yaml: text) as? [String: Any])
        let halls = try #require(design["halls"] as? [[String: Any]])
        #expect(halls.count == 48)
        #expect(Set(halls.map { $0["name"] as? String ?? "" }).count == 48)
        // No two halls alike once the name is set aside: grouping cannot merge any of them.
        let shapes = halls.map { hall in hall.filter { $0.key != "name" && $0.key != "build" }.map { "\($0.key)=\($0.value)" }.sorted() }
        #expect(Set(shapes).count == 48)
        #expect(halls.allSatisfy { $0["count"] as? Int == 1 })
        #expect(halls.filter { $0["build"] != nil }.count == 24)
        // 2026Q1…2033Q4: 8 years × 4 quarters.
        let horizon = try #require(design["horizon"] as? [String: Any])
        #expect(horizon["first"] as? String == "2026Q1" && horizon["last"] as? String == "2033Q4")
        // Usable IT (header): air 2N, Σ_{k=0}^{11} (20 + 0.5k)/2 = (240 + 33)/2 = 136.5 MW; liquid 4N/3,
        // Σ_{k=0}^{35} 0.75 (48 + 0.6k) = 0.75 (1728 + 378) = 1579.5 MW; 1,716 MW in all.
        let usable = halls.reduce(0.0) { total, hall in
            let installed = (hall["installedCapacityMW"] as? Double) ?? Double(hall["installedCapacityMW"] as? Int ?? 0)
            return total + installed * (hall["redundancy"] as? String == "2N" ? 0.5 : 0.75)
        }
        #expect(abs(usable - 1716) <= 1e-6)
        // Capex per build option: $10.7M per usable MW, to the $0.1M the file rounds to.
        for hall in halls {
            guard let build = hall["build"] as? [String: Any] else { continue }
            let installed = (hall["installedCapacityMW"] as? Double) ?? Double(hall["installedCapacityMW"] as? Int ?? 0)
            let mw = installed * (hall["redundancy"] as? String == "2N" ? 0.5 : 0.75)
            let capex = (build["capexUSD"] as? Double) ?? Double(build["capexUSD"] as? Int ?? 0)
            #expect(abs(capex - 10.7e6 * mw) <= 0.05e6, "\(hall["name"] ?? "")")
            let lead = try #require(build["leadTimeQuarters"] as? Int)
            #expect((4...8).contains(lead))
        }
    }

    /// The number printed right after `prefix`.
    static func number(after prefix: String, in text: String) -> Double? {
        guard let range = text.range(of: prefix) else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." || $0 == "-" })
    }
}

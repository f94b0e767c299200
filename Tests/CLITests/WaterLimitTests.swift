import Foundation
import Testing

/// `plan --respect-water-limit`: the plan's final fleet, simulated by `simulate` on its own, stays within the site's
/// water limit; the flag without a limit is a usage error; a limit no rack fits is exit 3 naming the water limit.
@Suite("plan --respect-water-limit", .serialized)
struct WaterLimitTests {
    /// Phoenix with an annual water limit (the shipped site has none: no public figure for a campus allocation).
    static func site(limit: String, in folder: TemporaryFolder) throws -> String {
        var text = try shippedText("sites/phoenix-az.yaml")
        text = text.replacingOccurrences(of: "\nenergyPriceUSDPerMWh:", with: "\nwaterLimitM3PerYear: \(limit)\nenergyPriceUSDPerMWh:")
        text = text.replacingOccurrences(of: "\nfigures:\n", with: "\nfigures:\n  waterLimitM3PerYear: {sources: [], evidence: estimate, note: \"test limit\"}\n")
        return try folder.write(text, to: "phoenix-water.yaml")
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("The final fleet's simulated water is within the limit, and the plan is smaller than without it")
    func withinLimit() async throws {
        let folder = try TemporaryFolder()
        let site = try Self.site(limit: "300000", in: folder)
        let out = folder.url.appendingPathComponent("plan").path
        let design = "reference-designs/gb300-nvl72-hybrid.yaml"
        let run = try await TokenPlantCLI.run(["plan", design, "--site", site, "--respect-water-limit", "--out", out])
        try #require(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Water limit (300,000 m³/year)"), "\(run)")
        #expect(run.stdout.contains("pass 2: planned at"), "the unconstrained plan is over the limit, so a second pass: \(run)")
        #expect(run.stdout.contains("(within the limit)"), "\(run)")

        let plan = try Self.json(try String(contentsOfFile: out + "/plan.json", encoding: .utf8))
        let quarters = try #require(plan["quarters"] as? [[String: Any]])
        let last = try #require(quarters.last?["quarter"] as? String)
        let binding = try #require(plan["binding"] as? [[String: Any]])
        #expect(binding.contains { $0["family"] as? String == "water" }, "the water row binds")

        // The twin, run on its own on the same synthetic year, agrees.
        let sim = try await TokenPlantCLI.run(["simulate", design, "--site", site, "--plan", out + "/plan.json",
                                               "--from-year", "\(Int(last.prefix(4))! + 1)", "--years", "1", "--format", "json"])
        try #require(sim.status == 0, "\(sim)")
        let water = try #require((try Self.json(sim.stdout)["run"] as? [String: Any])?["waterM3"] as? Double)
        #expect(water <= 300_000)

        // Without the flag the same site plans more IT, and that fleet draws more water than the limit.
        let free = try await TokenPlantCLI.run(["plan", design, "--site", site, "--format", "json"])
        try #require(free.status == 0, "\(free)")
        let freeIT = try #require((try Self.json(free.stdout)["quarters"] as? [[String: Any]])?.last?["itMW"] as? Double)
        let limitedIT = try #require(quarters.last?["itMW"] as? Double)
        #expect(limitedIT < freeIT)
    }

    @Test("Without a site limit the flag is a usage error; a limit below one rack's water is exit 3 naming it")
    func failures() async throws {
        let none = try await TokenPlantCLI.run(["plan", "reference-designs/gb300-nvl72-hybrid.yaml", "--site", "sites/phoenix-az.yaml",
                                                "--respect-water-limit"])
        #expect(none.status == 2, "\(none)")
        #expect(none.stderr.contains("gives no waterLimitM3PerYear"), "\(none)")

        let folder = try TemporaryFolder()
        let site = try Self.site(limit: "10", in: folder)
        let tiny = try await TokenPlantCLI.run(["plan", "reference-designs/gb300-nvl72-hybrid.yaml", "--site", site, "--respect-water-limit"])
        #expect(tiny.status == 3, "\(tiny)")
        #expect(tiny.stderr.contains("site water limit"), "\(tiny)")
        #expect(tiny.stderr.contains("raise the site's waterLimitM3PerYear"), "\(tiny)")
    }
}

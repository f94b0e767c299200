import Foundation
import Testing

/// The plant, fabric and battery limits re-checked from the written CSV files (``PlanLimits``, PlantLimits.swift): every
/// shipped design and example holds them, a design that makes them bind holds them to the last rounding, and copies of
/// its inputs with each limit tightened break each of them.
@Suite("Plant, fabric and battery limits re-checked from the CSV files")
struct PlantLimitsTests {
    static let catalog = TokenPlantCLI.packageRoot.appendingPathComponent(MutationTests.catalogPath).path

    /// The mixed retrofit with a 300 MW dry-cooler plant and six 100 MW modules to add, 40 MW of chillers and eight 20 MW
    /// modules, a radix-64 two-tier fabric in each liquid hall (2,048 host ports: 28 GB300 racks) and a 5-minute
    /// ride-through battery the plan sizes: on Ashburn's 34.1 °C design ambient the plant holds none of the 30 °C stream, so
    /// the chillers carry all of it and bind, as do the hall fabrics and the battery.
    static func bindingDesign(siteFolder: String) throws -> String {
        var text = try String(contentsOf: TokenPlantCLI.packageRoot.appendingPathComponent("reference-designs/mixed-retrofit.yaml"), encoding: .utf8)
        for (old, new) in [
            ("site: ../sites/ashburn-va.yaml", "site: \(siteFolder)/ashburn-va.yaml"),
            ("    airCapacityMW: 8\n    availableFrom: 2027Q1\n",
             "    airCapacityMW: 8\n    availableFrom: 2027Q1\n    fabric: {switchRadix: 64, tiers: 2, switchWattsPerPort: 14, opticsWattsPerPort: 15}\n"),
            ("powerChain: {transformerEfficiency: 0.99, upsEfficiency: 0.96, houseLoadFractionOfIT: 0.015}",
             "powerChain:\n  transformerEfficiency: 0.99\n  upsEfficiency: 0.96\n  houseLoadFractionOfIT: 0.015\n  battery:\n"
                + "    energyMWh: 0\n    powerMW: 0\n    roundTripEfficiency: 0.9\n    rideThroughMinutes: 5\n"
                + "    build: {capexUSDPerMWh: 300000, capexUSDPerMW: 250000, leadTimeQuarters: 2, lifeYears: 15}"),
            ("  ratedCapacityMW: 900\n",
             "  ratedCapacityMW: 300\n  modules: {ratedCapacityMW: 100, count: 6, build: {capexUSD: 20000000, leadTimeQuarters: 2, lifeYears: 20}}\n"),
            ("  chillerCapacityMW: 250\n",
             "  chillerCapacityMW: 40\n  chillerModules: {capacityMW: 20, count: 8, build: {capexUSD: 6000000, leadTimeQuarters: 2, lifeYears: 20}}\n"),
            ("figures:\n", "figures:\n"
                + "  powerChain.battery: {sources: [], evidence: estimate, note: \"test design: illustrative ride-through battery\"}\n"
                + "  heatRejection.modules: {sources: [], evidence: estimate, note: \"test design: illustrative plant modules\"}\n"
                + "  heatRejection.chillerModules: {sources: [], evidence: estimate, note: \"test design: illustrative chiller modules\"}\n"
                + "  halls.fabric: {sources: [], evidence: estimate, note: \"test design: a two-tier radix-64 fabric in each liquid hall\"}\n"),
        ] {
            try #require(text.contains(old), "mixed-retrofit.yaml no longer has `\(old)`")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    @Test("Every shipped design and example holds its plant, fabric and battery limits from the CSV files", arguments: [
        ("reference-designs/gb300-nvl72-hybrid.yaml", "sites/phoenix-az.yaml"),
        ("reference-designs/vera-rubin-1gw.yaml", "sites/chicago-il.yaml"),
        ("reference-designs/legacy-hopper-air.yaml", "sites/ashburn-va.yaml"),
        ("reference-designs/cooling-tower-humid.yaml", "sites/dallas-tx.yaml"),
        ("reference-designs/mixed-retrofit.yaml", "sites/ashburn-va.yaml"),
        ("examples/facility-codesign/phased-campus.yaml", "examples/facility-codesign/ashburn-va-expansion.yaml"),
        ("examples/fleet-refresh/hopper-refresh.yaml", "examples/fleet-refresh/ashburn-fixed-grid.yaml"),
        ("examples/campus-refresh/campus-refresh.yaml", "examples/campus-refresh/ashburn-growing-grid.yaml"),
        ("examples/fabric-pods/hopper-pods.yaml", "sites/ashburn-va.yaml"),
    ])
    func shipped(design: String, site: String) async throws {
        let scratch = try TemporaryFolder(), root = TokenPlantCLI.packageRoot
        let out = scratch.url.appendingPathComponent("out")
        let run = try await TokenPlantCLI.run(["plan", design, "--gap", "0.05", "--out", out.path], timeout: .seconds(300))
        try #require(run.status == 0, "\(run)")
        #expect(try PlanLimits.violations(out: out, design: root.appendingPathComponent(design).path,
                                          site: root.appendingPathComponent(site).path, catalog: Self.catalog) == [])
    }

    @Test("Chillers, chiller modules, hall fabrics and the battery bind and hold; tighter copies break each limit")
    func bindingAndTightened() async throws {
        let scratch = try TemporaryFolder(), root = TokenPlantCLI.packageRoot
        let site = root.appendingPathComponent("sites/ashburn-va.yaml").path
        let text = try Self.bindingDesign(siteFolder: root.appendingPathComponent("sites").path)
        let design = try scratch.write(text, to: "binding.yaml")
        let out = scratch.url.appendingPathComponent("out")
        let run = try await TokenPlantCLI.run(["plan", design, "--gap", "0.05", "--out", out.path], timeout: .seconds(300))
        try #require(run.status == 0, "\(run)")
        #expect(try PlanLimits.violations(out: out, design: design, site: site, catalog: Self.catalog) == [])
        // They bind: chiller modules and battery are built, and the plan reports the chillers and the hall fabrics in What binds.
        let bom = try String(contentsOf: out.appendingPathComponent("bom.csv"), encoding: .utf8)
        #expect(bom.contains(",chiller module,modules,") && bom.contains(",battery,MWh,"))
        #expect(run.stdout.contains("chiller capacity at the design ambient in ") && run.stdout.contains("scale-out fabric ports (liquid-hall"),
                "\(run.stdout)")

        // Each limit tightened in a copy of the design: fewer chillers and smaller modules; a radix-32 hall fabric (512 host
        // ports); a two-tier radix-16 site fabric (128); a ride-through 1 % longer than the battery was sized to (5.05 minutes);
        // no battery to build (none in place).
        var tight = text
        for (old, new) in [
            ("  chillerCapacityMW: 40\n", "  chillerCapacityMW: 0\n"), ("{capacityMW: 20, count: 8,", "{capacityMW: 5, count: 8,"),
            ("fabric: {switchRadix: 64, tiers: 2,", "fabric: {switchRadix: 32, tiers: 2,"),
            ("fabric: {switchRadix: 144, tiers: 3,", "fabric: {switchRadix: 16, tiers: 2,"),
            ("rideThroughMinutes: 5\n", "rideThroughMinutes: 5.05\n"),
            ("\n    build: {capexUSDPerMWh: 300000, capexUSDPerMW: 250000, leadTimeQuarters: 2, lifeYears: 15}", ""),
        ] {
            try #require(tight.contains(old), "`\(old)`")
            tight = tight.replacingOccurrences(of: old, with: new)
        }
        let problems = try PlanLimits.violations(out: out, design: try scratch.write(tight, to: "tight.yaml"), site: site, catalog: Self.catalog)
        for limit in ["chillers MW (racks × catalog at the design condition)", "chilled air MW", "liquid-hall-1 hall fabric host ports",
                      "site fabric host ports", "battery energy MWh", "battery power MW"] {
            #expect(problems.contains { $0.contains(limit) }, "\(limit) in \(problems.joined(separator: "\n"))")
        }

        // The chillers' load is the planner's to the printed digit: What binds' "X of 200 MW used" in its first quarter, with
        // the chillers given 0.001 MW less than X (the modules unchanged), breaks the re-check in that quarter. A re-check
        // that left out the pumps' or fans' work would count less and pass.
        let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("chiller capacity at the design ambient in ") })
        let quarter = String(line.split(separator: " ").first { $0.hasPrefix("20") && $0.hasSuffix(":") }?.dropLast() ?? "")
        let usedText = try #require(line.components(separatedBy: " of 200 MW used").first?.split(separator: " ").last)
        let used = try #require(Double(usedText.replacingOccurrences(of: ",", with: "")))
        let justBelow = text.replacingOccurrences(of: "  chillerCapacityMW: 40\n", with: "  chillerCapacityMW: \(40 - (200 - used) - 0.001)\n")
        let below = try PlanLimits.violations(out: out, design: try scratch.write(justBelow, to: "just-below.yaml"), site: site, catalog: Self.catalog)
        #expect(below.contains { $0.hasPrefix("\(quarter) chillers MW") }, "\(quarter), \(used): \(below)")
    }

    /// Without chillers the plant's own limit: the vera-rubin design's stream against what its dry coolers reject at the
    /// design condition. Its plan holds; with plan.json's design condition halved the same racks break it.
    @Test("Heat rejection without chillers: the plan holds, and breaks against half the plant")
    func heatRejection() async throws {
        let scratch = try TemporaryFolder(), root = TokenPlantCLI.packageRoot
        let design = root.appendingPathComponent("reference-designs/vera-rubin-1gw.yaml").path
        let site = root.appendingPathComponent("sites/chicago-il.yaml").path
        let out = scratch.url.appendingPathComponent("out")
        let run = try await TokenPlantCLI.run(["plan", design, "--out", out.path], timeout: .seconds(300))
        try #require(run.status == 0, "\(run)")
        #expect(try PlanLimits.violations(out: out, design: design, site: site, catalog: Self.catalog) == [])
        let planURL = out.appendingPathComponent("plan.json")
        var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: planURL)) as? [String: Any])
        var condition = try #require(plan["designCondition"] as? [String: Any])
        let capacity = try #require(condition["rejectionCapacityMW"] as? Double)
        condition["rejectionCapacityMW"] = capacity / 2
        plan["designCondition"] = condition
        try JSONSerialization.data(withJSONObject: plan).write(to: planURL)
        let problems = try PlanLimits.violations(out: out, design: design, site: site, catalog: Self.catalog)
        #expect(problems.contains { $0.contains("heat rejection MW (racks × catalog)") }, "\(problems)")
    }
}

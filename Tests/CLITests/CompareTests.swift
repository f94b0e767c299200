import Foundation
import Testing

/// `tokenplant compare`: every shipped design on two sites, checked figure by figure against separate `plan` and
/// `simulate` runs of the same pair, the same on one and two threads.
@Suite("compare", .tags(.slow), .serialized)
struct CompareTests {
    static let designs = ["cooling-tower-humid", "gb300-nvl72-hybrid", "legacy-hopper-air", "mixed-retrofit", "vera-rubin-1gw"]
    static let sites = ["phoenix-az", "stockholm-se"]
    /// The solver settings every run here shares, so that `compare` and `plan` solve the same problem.
    static let solver = ["--time-limit", "60", "--time-budget", "120", "--gap", "0.001"]

    static func compareArguments(threads: Int) -> [String] {
        ["compare"] + designs.map { "reference-designs/\($0).yaml" } + sites.flatMap { ["--site", "sites/\($0).yaml"] }
            + solver + ["--years", "1", "--seed", "7", "--threads", "\(threads)", "--format", "json"]
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("Equals plan + simulate for every pair; byte-identical on 1 and 2 threads; unplannable pairs kept with every key")
    func matchesIndividualRuns() async throws {
        let two = try await TokenPlantCLI.run(Self.compareArguments(threads: 2), timeout: .seconds(600))
        try #require(two.status == 0, "\(two)")
        let one = try await TokenPlantCLI.run(Self.compareArguments(threads: 1), timeout: .seconds(600))
        try #require(one.status == 0, "\(one)")
        #expect(one.stdout == two.stdout, "compare differs between 1 and 2 threads")

        let document = try Self.json(two.stdout)
        #expect(document["schemaVersion"] as? Int == 1)
        let pairs = try #require(document["pairs"] as? [[String: Any]])
        #expect(pairs.count == Self.designs.count * Self.sites.count)
        // Every pair carries the same keys, planned or not.
        let keys = Set(pairs[0].keys)
        for pair in pairs { #expect(Set(pair.keys) == keys, "keys differ for \(pair["design"] ?? "?") on \(pair["site"] ?? "?")") }

        // Ranks 1…n over the planned pairs, by annual tokens/s per facility MW, highest first.
        let planned = pairs.filter { $0["outcome"] as? String == "planned" }
        #expect(planned.compactMap { $0["rank"] as? Int } == Array(1...planned.count))
        let figures = planned.compactMap { $0["annualTokensPerSecondPerFacilityMW"] as? Double }
        #expect(figures == figures.sorted(by: >))

        let folder = try TemporaryFolder()
        for pair in pairs {
            let designFile = try #require(pair["designFile"] as? String), siteFile = try #require(pair["siteFile"] as? String)
            let name = "\(URL(fileURLWithPath: designFile).deletingPathExtension().lastPathComponent)-\(URL(fileURLWithPath: siteFile).deletingPathExtension().lastPathComponent)"
            let out = folder.url.appendingPathComponent(name).path
            let plan = try await TokenPlantCLI.run(["plan", designFile, "--site", siteFile] + Self.solver + ["--out", out])
            guard pair["outcome"] as? String == "planned" else {
                // The unsuitable pair: plan exits 3 and compare keeps its diagnosis, with null figures.
                #expect(plan.status == 3, "\(plan)")
                let diagnosis = try #require(pair["diagnosis"] as? String)
                #expect(plan.stderr.contains(diagnosis.prefix(60)), "\(plan)")
                #expect(pair["rank"] is NSNull && pair["itMW"] is NSNull && pair["annualPUE"] is NSNull)
                continue
            }
            try #require(plan.status == 0, "\(plan)")
            let planJSON = try Self.json(try String(contentsOfFile: out + "/plan.json", encoding: .utf8))
            let last = try #require((planJSON["quarters"] as? [[String: Any]])?.last)
            let lastQuarter = try #require(last["quarter"] as? String)
            #expect(pair["finalQuarter"] as? String == lastQuarter)
            for (compareKey, planKey) in [("itMW", "itMW"), ("facilityMW", "facilityMW"), ("racks", "racks"), ("gpus", "gpus"),
                                          ("tokensPerSecond", "tokensPerSecond"), ("capexUSD", "capexCumulativeUSD"),
                                          ("designTokensPerSecondPerFacilityMW", "tokensPerSecondPerMW")] {
                let a = try #require((pair[compareKey] as? NSNumber)?.doubleValue, "\(compareKey)")
                let b = try #require((last[planKey] as? NSNumber)?.doubleValue, "\(planKey)")
                #expect(a == b, "\(name): compare \(compareKey) \(a) ≠ plan \(planKey) \(b)")
            }
            // The racks by generation add up to the plan's racks.
            let byGeneration = try #require(pair["racksByGeneration"] as? [String: Int])
            #expect(byGeneration.values.reduce(0, +) == pair["racks"] as? Int)

            // The final fleet, simulated from the year after the last quarter on the same synthetic year.
            let year = Int(lastQuarter.prefix(4))! + 1
            let sim = try await TokenPlantCLI.run(["simulate", designFile, "--site", siteFile, "--plan", out + "/plan.json",
                                                   "--from-year", "\(year)", "--years", "1", "--seed", "7", "--format", "json"])
            try #require(sim.status == 0, "\(sim)")
            let run = try #require(try Self.json(sim.stdout)["run"] as? [String: Any])
            for (compareKey, runKey) in [("annualPUE", "pue"), ("wueLPerKWh", "wueLPerKWh"), ("waterM3PerYear", "waterM3"),
                                         ("co2TonnesPerYear", "co2TonnesPerYear"),
                                         ("co2GramsPerMillionTokens", "co2GramsPerMillionTokens"), ("costPerMillionTokensUSD", "costPerMillionTokensUSD"),
                                         ("throttledHoursPerYear", "throttledHours"), ("unservedHoursPerYear", "unservedHours"),
                                         ("minPowerHeadroomMW", "minPowerHeadroomMW"), ("minThermalHeadroomMW", "minThermalHeadroomMW")] {
                let a = (pair[compareKey] as? NSNumber)?.doubleValue, b = (run[runKey] as? NSNumber)?.doubleValue
                #expect(a == b, "\(name): compare \(compareKey) \(String(describing: a)) ≠ simulate \(runKey) \(String(describing: b))")
            }
            // Tokens per facility MW over the year, and utilization, from the simulated totals by hand.
            let tokens = try #require((run["tokens"] as? NSNumber)?.doubleValue)
            let facilityMWh = try #require((run["facilityEnergyMWh"] as? NSNumber)?.doubleValue)
            let hours = try #require((run["hours"] as? NSNumber)?.doubleValue)
            let annual = try #require(pair["annualTokensPerSecondPerFacilityMW"] as? Double)
            #expect(abs(annual - tokens / (facilityMWh * 3600)) <= 1e-9 * annual)
            let fullLoad = try #require((last["tokensPerSecond"] as? NSNumber)?.doubleValue)
            let utilization = try #require(pair["utilization"] as? Double)
            #expect(abs(utilization - tokens / (fullLoad * 3600 * hours)) <= 1e-12)
        }
    }

    @Test("--workload-mix imposes one mix on every design; a bad mix file is exit 1 with its line")
    func workloadMix() async throws {
        let folder = try TemporaryFolder()
        let mix = try folder.write("""
            workloadMix:
              - {workload: llama2-70b-server, share: 0.5}
              - {workload: deepseek-r1-server, share: 0.5}
            """, to: "mix.yaml")
        let run = try await TokenPlantCLI.run(["compare", "reference-designs/gb300-nvl72-hybrid.yaml", "reference-designs/cooling-tower-humid.yaml",
                                               "--site", "sites/stockholm-se.yaml", "--workload-mix", mix, "--format", "json"])
        try #require(run.status == 0, "\(run)")
        let pairs = try #require(try Self.json(run.stdout)["pairs"] as? [[String: Any]])
        for pair in pairs {
            #expect(pair["workloadMix"] as? [String: Double] == ["llama2-70b-server": 0.5, "deepseek-r1-server": 0.5])
            let shares = try #require(pair["gpuShareByWorkload"] as? [String: Double])
            #expect(Set(shares.keys) == ["llama2-70b-server", "deepseek-r1-server"])
            #expect(abs(shares.values.reduce(0, +) - 1) < 1e-5)
        }
        let table = try await TokenPlantCLI.run(["compare", "reference-designs/gb300-nvl72-hybrid.yaml", "reference-designs/cooling-tower-humid.yaml",
                                                 "--site", "sites/stockholm-se.yaml", "--workload-mix", mix])
        #expect(!table.stdout.contains("different workload mixes"), "\(table)")

        let bad = try folder.write("""
            workloadMix:
              - {workload: llama2-70b-server, share: 0.5}
              - {workload: no-such-workload, share: 0.6}
            """, to: "bad.yaml")
        let failed = try await TokenPlantCLI.run(["compare", "reference-designs/gb300-nvl72-hybrid.yaml", "--workload-mix", bad])
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr.contains("bad.yaml:3: workloadMix[1].workload: unknown workload 'no-such-workload'"), "\(failed)")
        #expect(failed.stderr.contains("shares must sum to 1, got 1.1"), "\(failed)")
    }

    @Test("--weather is given once per site; CSV carries the same columns for planned and unplanned pairs")
    func weatherCountAndCSV() async throws {
        let wrong = try await TokenPlantCLI.run(["compare", "reference-designs/vera-rubin-1gw.yaml", "--site", "sites/phoenix-az.yaml",
                                                 "--site", "sites/stockholm-se.yaml", "--weather", "x.epw"])
        #expect(wrong.status == 2, "\(wrong)")
        #expect(wrong.stderr.contains("2 site(s), 1 weather file(s)"), "\(wrong)")

        let folder = try TemporaryFolder()
        let html = folder.url.appendingPathComponent("compare.html").path
        let csv = try await TokenPlantCLI.run(["compare", "reference-designs/vera-rubin-1gw.yaml", "--site", "sites/phoenix-az.yaml",
                                               "--site", "sites/stockholm-se.yaml", "--format", "csv", "--html", html])
        try #require(csv.status == 0, "\(csv)")
        // The page: one ranked bar (the planned pair), the unplannable pair listed with its diagnosis.
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.components(separatedBy: "class=\"mark bar\"").count - 1 == 1)
        #expect(page.contains("vera-rubin-1gw on phoenix-az: no plan; the best plan has no rack"))
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // Planned first (rank 1), then the unplannable pair with empty figures; both as wide as the header.
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        #expect(header.first == "schemaVersion" && header.contains("racksByGeneration.Rubin"))
        #expect(lines[1].hasPrefix("1,1,"))
        #expect(lines[2].hasPrefix("1,,"))
        #expect(lines[2].contains("no plan"))
    }
}

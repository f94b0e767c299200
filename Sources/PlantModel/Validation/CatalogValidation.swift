extension Catalog {
    /// Every problem in a decoded catalog: ranges, duplicates, unknown workloads, and figures without sources.
    public static func issues(in decoded: Decoded<Catalog>) -> [ValidationIssue] {
        let catalog = decoded.value
        var c = IssueCollector(decoded)
        // Every number against its physical range (FieldRange), then the checks that relate fields.
        let outside = c.ranges(.catalog, of: catalog)
        let known = Set(catalog.references.map(\.id))
        c.unique(catalog.references.map(\.id), { "references[\($0)].id" }, what: "reference id")
        c.unique(catalog.workloads.map(\.id), { "workloads[\($0)].id" }, what: "workload id")
        c.unique(catalog.profiles.map(\.id), { "profiles[\($0)].id" }, what: "profile id")
        let workloadIDs = Set(catalog.workloads.map(\.id))

        for (i, workload) in catalog.workloads.enumerated() {
            let path = "workloads[\(i)]"
            c.sourceIssues(workload.source, at: "\(path).source", known: known)
        }
        for (i, p) in catalog.profiles.enumerated() {
            let path = "profiles[\(i)]"
            if p.rackBenchmarkKW > p.rackMaxKW { c.add("\(path).rackBenchmarkKW", "exceeds rackMaxKW (\(format(p.rackBenchmarkKW)) > \(format(p.rackMaxKW)))") }
            if p.rackIdleKW > p.rackBenchmarkKW { c.add("\(path).rackIdleKW", "exceeds rackBenchmarkKW (\(format(p.rackIdleKW)) > \(format(p.rackBenchmarkKW)))") }
            let priced = ["rackPriceUSD", "allInOverheadShare", "gpuPriceUSD", "gpusPerRack"].allSatisfy { !outside.contains("\(path).\($0)") }
            if priced, p.gpusPerRack > 0, p.capexUSDPerGPU < p.gpuPriceUSD {
                c.add("\(path).rackPriceUSD", "all-in capex per GPU (\(format(p.capexUSDPerGPU.rounded())) USD) is below the price of the GPU alone (\(format(p.gpuPriceUSD)) USD)")
            }
            if p.liquidShare > 0, p.maxCoolantSupplyC == nil {
                c.add("\(path).maxCoolantSupplyC", "a liquid-cooled profile (liquidShare \(format(p.liquidShare))) needs a maximum coolant supply temperature")
            }
            if p.liquidShare > 0, !(p.flowLpmPerKW > 0) { c.add("\(path).flowLpmPerKW", "a liquid-cooled profile needs flow > 0, got \(format(p.flowLpmPerKW))") }
            if p.throughput.isEmpty { c.add("\(path).throughput", "a profile must serve at least one workload") }
            c.unique(p.throughput.map(\.workload), { "\(path).throughput[\($0)].workload" }, what: "workload")
            for (k, t) in p.throughput.enumerated() {
                let tPath = "\(path).throughput[\(k)]"
                if !workloadIDs.contains(t.workload) {
                    c.add("\(tPath).workload", "unknown workload '\(t.workload)' (known: \(workloadIDs.sorted().joined(separator: ", ")))")
                }
                c.sourceIssues(t.source, at: "\(tPath).source", known: known)
                c.throughputIssues(t, of: p, at: tPath, outside: outside)
            }
            c.sources(p.figures, required: p.figureKeys, known: known, at: "\(path).figures")
            for key in p.figures.keys.sorted() where !p.figureKeys.contains(key) {
                c.add("\(path).figures.\(key)", "source given for '\(key)', which is not a figure of this profile")
            }
        }
        return c.issues
    }
}

extension IssueCollector {
    /// Largest difference between a recorded per-GPU figure and its system result ÷ GPUs, tokens/s: figures are
    /// recorded to one decimal.
    static var perGPURounding: Double { 0.05 + 1e-9 }

    /// A throughput figure is measured at the profile's power mode and, when measured, names its MLPerf result,
    /// which it must equal per GPU (numbers out of range are already reported and not compared).
    mutating func throughputIssues(_ t: Throughput, of p: RackProfile, at path: String, outside: Set<String>) {
        if t.powerMode != p.powerMode {
            add("\(path).powerMode", "measured at \(t.powerMode.rawValue), but rackMaxKW is the rack's \(p.powerMode.rawValue) power: give the rack power of the mode the throughput was measured at")
        }
        guard let result = t.mlperf else {
            if t.source.evidence == .measured {
                add("\(path).mlperf", "a measured figure needs its MLPerf result (mlperf: round, submitter, resultID, systemTokensPerSecond, gpus, scenario, preview, inferred)")
            }
            return
        }
        if result.round.isEmpty { add("\(path).mlperf.round", "a measured figure needs its MLPerf round (e.g. v6.1)") }
        if result.resultID.isEmpty { add("\(path).mlperf.resultID", "a measured figure needs its MLCommons result ID (e.g. 5.1-0016)") }
        let inRange = ["tokensPerSecondPerGPU", "mlperf.systemTokensPerSecond", "mlperf.gpus"].allSatisfy { !outside.contains("\(path).\($0)") }
        if inRange, result.gpus > 0, abs(result.tokensPerSecondPerGPU - t.tokensPerSecondPerGPU) > Self.perGPURounding {
            add("\(path).tokensPerSecondPerGPU", "\(format(t.tokensPerSecondPerGPU)) is not the result's \(format(result.systemTokensPerSecond)) tokens/s ÷ \(result.gpus) GPUs = \(format((result.tokensPerSecondPerGPU * 10).rounded() / 10))")
        }
    }
}

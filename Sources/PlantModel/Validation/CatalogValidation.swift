extension Catalog {
    /// Every problem in a decoded catalog: ranges, duplicates, unknown workloads, and figures without sources.
    public static func issues(in decoded: Decoded<Catalog>) -> [ValidationIssue] {
        let catalog = decoded.value
        var c = IssueCollector(decoded)
        // Every number against its physical range (FieldRange), then the checks that relate fields.
        c.ranges(.catalog, of: catalog)
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
            if p.rackTypicalKW > p.rackMaxKW { c.add("\(path).rackTypicalKW", "exceeds rackMaxKW (\(format(p.rackTypicalKW)) > \(format(p.rackMaxKW)))") }
            if p.rackIdleKW > p.rackTypicalKW { c.add("\(path).rackIdleKW", "exceeds rackTypicalKW (\(format(p.rackIdleKW)) > \(format(p.rackTypicalKW)))") }
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
            }
            c.sources(p.figures, required: p.figureKeys, known: known, at: "\(path).figures")
            for key in p.figures.keys.sorted() where !p.figureKeys.contains(key) {
                c.add("\(path).figures.\(key)", "source given for '\(key)', which is not a figure of this profile")
            }
        }
        return c.issues
    }
}

import PlantModel

extension BuildPlan {
    /// Problems of a plan's `facilityBuilds` against the design, and the site when given, as (field path, message):
    /// every line names a hall group, feed, a water loop's plant modules or chiller modules (`heatRejection` and `chillers` on the
    /// main loop, the loop's name on another) that carry a build option, or a hall of a group with power
    /// blocks, with its kind; `inService` is the running sum of `new` and stays within the group's count (1 for a feed,
    /// `perHall` for a hall's power blocks); nothing enters service before its earliest quarter; power blocks stand only in
    /// halls built by then; no hall of a group with power blocks carries more IT than its own power path and its blocks in
    /// service make usable; and, with a site that has feeds to connect, no quarter's facility MW exceeds the usable grid of the
    /// feeds given and connected (so a plan.json whose block or feed lines were dropped is refused, not simulated short of power);
    /// battery lines as ``batteryBuildIssues(_:design:)`` checks them.
    static func facilityBuildIssues(_ plan: BuildPlan, design: ReferenceDesign, site: Site?) -> [(path: String, message: String)] {
        var issues: [(path: String, message: String)] = []
        let first = design.horizon.first
        var running: [String: Int] = [:]
        let builtHalls = Dictionary(design.asBuilt(plan.facilityBuilds).halls.filter { $0.build != nil }.map { ($0.name, $0.availableFrom) },
                                    uniquingKeysWith: min)
        for (i, line) in (plan.facilityBuilds ?? []).enumerated() {
            let path = "facilityBuilds[\(i)]"
            let limit: (count: Int, earliest: Quarter)?
            switch line.kind {
            case .battery:
                continue
            case .hall:
                limit = design.halls.first { $0.name == line.name && $0.build != nil }.map { ($0.count, $0.earliestService(horizonFirst: first)) }
            case .feed:
                guard let site else { continue }
                limit = site.grid.feeds.first { $0.name == line.name && $0.build != nil }.map { (1, $0.earliestService(horizonFirst: first)) }
            case .plantModule:
                limit = (0..<design.loopCount).first { design.plantModuleLineName($0) == line.name }
                    .flatMap { design.onLoop($0).heatRejection.modules.map { ($0.count, $0.earliestService(horizonFirst: first)) } }
            case .chillerModule:
                limit = (0..<design.loopCount).first { design.chillerModuleLineName($0) == line.name }
                    .flatMap { design.onLoop($0).heatRejection.chillerModules.map { ($0.count, $0.earliestService(horizonFirst: first)) } }
            case .powerBlock:
                limit = design.group(ofHall: line.name).flatMap { group in
                    group.powerBlocks.map { ($0.perHall, group.powerBlockEarliestService(horizonFirst: first)!) }
                }
            }
            guard let limit else {
                issues.append(("\(path).name", line.kind == .powerBlock ? "'\(line.name)' is no hall of a group with powerBlocks in the design"
                    : "'\(line.name)' is no \(line.kind.rawValue) with a build option in the " + (line.kind == .feed ? "site" : "design")))
                continue
            }
            // A power block stands in a hall: of a group the plan builds, only once facilityBuilds has built that hall.
            if line.kind == .powerBlock, line.inService > 0, let group = design.group(ofHall: line.name), group.build != nil {
                let built = builtHalls[line.name]
                if built.map({ line.quarter < $0 }) ?? true {
                    issues.append(("\(path).name", "hall '\(line.name)' holds \(line.inService) power blocks in \(line.quarter) but facilityBuilds "
                        + (built.map { "builds it only in \($0)" } ?? "does not build it")))
                }
            }
            let key = "\(line.kind.rawValue)|\(line.name)"
            let before = running[key] ?? 0
            running[key] = before + line.new
            if line.inService != before + line.new {
                issues.append(("\(path).inService", "\(line.inService) is not the \(before) in service before and \(line.new) new"))
            } else if line.inService > limit.count {
                issues.append(("\(path).inService", "\(line.inService) is more than the \(limit.count) the inputs allow"))
            }
            if line.new > 0, line.quarter < limit.earliest {
                issues.append(("\(path).quarter", "\(line.quarter) is before the earliest quarter it can be in service (\(limit.earliest))"))
            }
        }
        // A hall of a group with power blocks carries no more IT than its own power path and the blocks facilityBuilds gives it
        // (so a plan.json whose block lines were dropped is refused, not simulated short of hall power).
        var hallIT: [String: Double] = [:], order: [(quarter: Quarter, hall: String)] = []
        for line in plan.racks where design.group(ofHall: line.hall)?.powerBlocks != nil {
            let key = "\(line.quarter)|\(line.hall)"
            if hallIT[key] == nil { order.append((line.quarter, line.hall)) }
            hallIT[key, default: 0] += line.itMW
        }
        var reported = Set<String>()
        for (quarter, hall) in order where !reported.contains(hall) {
            let blocks = ReferenceDesign.powerBlocks(inHall: hall, in: quarter, plan.facilityBuilds)
            let usable = design.group(ofHall: hall)!.usableITCapacityMW(blocks: blocks), it = hallIT["\(quarter)|\(hall)"]!
            if it > usable * (1 + 1e-6) + 1e-6 {
                // The first quarter a hall is short, for each hall.
                reported.insert(hall)
                issues.append(("racks", "hall '\(hall)' carries \(it) MW of racks in \(quarter), more than the \(usable) MW usable with the "
                    + "\(blocks) power blocks facilityBuilds gives it"))
            }
        }
        // Only where the plan decides feeds: a plan simulated on another site's given feeds is the twin's to judge.
        if let site, site.grid.feeds.contains(where: { $0.build != nil }) {
            let built = site.asBuilt(plan.facilityBuilds)
            if let i = plan.quarters.firstIndex(where: { $0.facilityMW > built.grid.usableCapacityMW(in: $0.quarter) * (1 + 1e-6) + 1e-6 }) {
                let q = plan.quarters[i]
                issues.append(("quarters[\(i)].facilityMW", "\(q.facilityMW) MW is more than the \(built.grid.usableCapacityMW(in: q.quarter)) MW "
                    + "usable from the feeds given and those facilityBuilds connects by \(q.quarter)"))
            }
        }
        return issues + batteryBuildIssues(plan, design: design)
    }
}

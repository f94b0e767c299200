import PlantModel

extension BuildPlan {
    /// Most quarters a plan may have: a design's horizon is at most this long (``FieldRange/horizonQuarters``).
    public static let maxQuarters = Int(FieldRange.horizonQuarters.high)

    /// Problems of a decoded plan.json on its own, each at its field's line:
    /// - every number of ``PlanFieldRange/all`` in its range (counts, power, tokens and money never negative,
    ///   and bounded so that the twin's sums stay exact);
    /// - `quarters` not empty, at most ``maxQuarters``, consecutive and increasing;
    /// - every rack line in a quarter of the plan, one line per quarter × hall × profile, and
    ///   racksTotal = racksTotal of the quarter before (0 without a line) + racksNew − racksRetired; racks leave
    ///   only as racksRetired, so a line with racks in service is followed by a line in the next quarter. In the
    ///   first quarter racks installed before the plan (existing racks) may be in service beyond racksNew;
    /// - each quarter's `racks` and `tokensPerSecond` are its rack lines' sums (the lines are what the twin simulates, so a
    ///   plan whose lines were removed or edited is refused rather than simulated as another plan).
    public static func issues(in decoded: Decoded<BuildPlan>) -> [ValidationIssue] {
        let plan = decoded.value
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(decoded.issue(path, message)) }

        var outside: Set<String> = []
        for field in numericFields(of: plan) {
            guard let row = PlanFieldRange.row(field.pattern), let message = row.problem(field.value, text: field.text) else { continue }
            add(field.path, message)
            outside.insert(field.path)
        }

        let quarters = plan.quarters.map(\.quarter)
        var consecutive = !quarters.isEmpty
        if quarters.isEmpty {
            add("quarters", "no quarter: the plan must list every quarter it covers, as `tokenplant plan --out DIR` writes them")
        } else if quarters.count > maxQuarters {
            add("quarters", "\(quarters.count) quarters, more than the \(maxQuarters) a design's horizon may have: "
                + "plan.json covers its design's horizon; re-plan the design")
        }
        let breaks = quarters.indices.dropFirst().filter { quarters[$0] != quarters[$0 - 1].advanced(by: 1) }
        if let first = breaks.first {
            consecutive = false
            let more = breaks.count > 1 ? " (and \(breaks.count - 1) more break\(breaks.count > 2 ? "s" : "") after it)" : ""
            add("quarters[\(first)].quarter", "\(quarters[first]) follows \(quarters[first - 1]): quarters must be consecutive and "
                + "increasing, so \(quarters[first - 1].advanced(by: 1)) is expected here\(more)")
        }

        let position = Dictionary(quarters.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var lineAt: [LineKey: Int] = [:]
        for (i, line) in plan.racks.enumerated() {
            if let first = quarters.first, let last = quarters.last, position[line.quarter] == nil {
                add("racks[\(i)].quarter", "\(line.quarter) is not a quarter of the plan (its quarters run \(first)–\(last)): "
                    + "move the line into the plan's quarters or add the quarter to `quarters`")
            }
            let key = LineKey(line)
            if let first = lineAt[key] {
                add("racks[\(i)]", "a second line for hall '\(line.hall)', profile '\(line.profile)' in \(line.quarter) (the first is "
                    + "racks[\(first)]): the plan has one line per quarter × hall × profile; merge them")
            } else {
                lineAt[key] = i
            }
        }

        // Each quarter's totals are its lines' (for figures in range, so the sums cannot overflow).
        let linesInRange = plan.racks.indices.allSatisfy { i in
            !["racksTotal", "tokensPerSecond"].contains { outside.contains("racks[\(i)].\($0)") }
        }
        if linesInRange {
            var racks: [Quarter: Int] = [:], tokens: [Quarter: Double] = [:]
            for line in plan.racks {
                racks[line.quarter, default: 0] += line.racksTotal
                tokens[line.quarter, default: 0] += line.tokensPerSecond
            }
            for (i, q) in plan.quarters.enumerated() {
                let held = racks[q.quarter] ?? 0, made = tokens[q.quarter] ?? 0
                if !outside.contains("quarters[\(i)].racks"), q.racks != held {
                    add("quarters[\(i)].racks", "\(q.racks) racks in \(q.quarter), but its rack lines hold \(held): the twin simulates the "
                        + "rack lines, so they must add up to the quarter's racks; restore the lines `tokenplant plan` wrote, or re-plan")
                } else if !outside.contains("quarters[\(i)].tokensPerSecond"), abs(q.tokensPerSecond - made) > 1e-6 * max(1, q.tokensPerSecond) {
                    add("quarters[\(i)].tokensPerSecond", "\(q.tokensPerSecond) tokens/s in \(q.quarter), but its rack lines make \(made): "
                        + "they must add up to the quarter's tokens/s; restore the lines `tokenplant plan` wrote, or re-plan")
                }
            }
        }

        // racksTotal adds up over the quarters, line by line (only with consecutive quarters, and only for
        // figures in range, so the sums cannot overflow).
        guard consecutive else { return issues }
        func inRange(_ i: Int) -> Bool {
            !outside.contains("racks[\(i)].racksNew") && !outside.contains("racks[\(i)].racksTotal")
                && !outside.contains("racks[\(i)].racksRetired")
        }
        for (i, line) in plan.racks.enumerated() {
            let key = LineKey(line)
            guard lineAt[key] == i, let t = position[line.quarter], inRange(i) else { continue }
            let what = "hall '\(line.hall)', profile '\(line.profile)'"
            var before = 0, since = "0 in service before the plan's first quarter"
            if t > 0 {
                if let j = lineAt[key.in(quarters[t - 1])] {
                    guard inRange(j) else { continue }
                    before = plan.racks[j].racksTotal
                    since = "\(before) in service in \(quarters[t - 1]) (racks[\(j)])"
                } else {
                    since = "0 in service in \(quarters[t - 1]) (no line for them)"
                }
            }
            let retired = line.racksRetired ?? 0
            if t == 0, line.racksTotal > line.racksNew - retired {
                before = line.racksTotal - line.racksNew + retired
            }
            if line.racksTotal != before + line.racksNew - retired {
                let expected = before + line.racksNew - retired
                var fix = "set racksTotal to \(expected)"
                if line.racksTotal + retired >= before { fix += ", or racksNew to \(line.racksTotal - before + retired)" }
                add("racks[\(i)].racksTotal", "racksTotal \(line.racksTotal) of \(what) does not add up: \(since) + racksNew "
                    + "\(line.racksNew) − racksRetired \(retired) = \(expected); \(fix)")
            }
            if t + 1 < quarters.count, line.racksTotal > 0, lineAt[key.in(quarters[t + 1])] == nil {
                add("racks[\(i)].racksTotal", "\(line.racksTotal) racks of \(what) are in service in \(line.quarter) but "
                    + "\(quarters[t + 1]) has no line for them: racks leave only as racksRetired; add a line for \(quarters[t + 1]) with "
                    + "racksNew 0 and racksTotal \(line.racksTotal)")
            }
        }
        return issues
    }

    /// Problems of a decoded plan.json against the design and catalog it is to be simulated with, each at its
    /// field's line:
    /// - `inputs.design` names this design: a plan made for another design is an error, not a warning (its
    ///   halls, profiles and horizon are another design's, and the twin would silently drop what it does
    ///   not know). A plan of this design made from edited files (digest mismatch) is the caller's warning;
    /// - every rack line's hall is a hall of the design (a group of `count` halls is `name-1`…`name-N`, a
    ///   group of one is its name), its profile is one the design allows and the catalog has, and its
    ///   tokens/s are at most its racks × GPUs × the profile's best tokens/s per GPU among the design's workloads;
    /// - the plan's quarters lie inside the design's horizon.
    ///
    /// Each unknown hall or profile is reported once, at its first line.
    /// - its `facilityBuilds` are the design's (and, given the site, the site's) options, consistent and in time
    ///   (``facilityBuildIssues(_:design:site:)``), and no rack stands in a hall before they build it.
    public static func issues(in decoded: Decoded<BuildPlan>, against design: ReferenceDesign, catalog: Catalog,
                              site: Site? = nil) -> [ValidationIssue] {
        let plan = decoded.value
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(decoded.issue(path, message)) }
        let replan = "(`tokenplant plan DESIGN --out DIR`)"
        // For another design's plan the fix is said once, at inputs.design; a plan of this design that does not
        // fit it was made before the design file changed, or was edited.
        let otherDesign = plan.inputs.design != design.name
        if otherDesign {
            add("inputs.design", "plan.json was made for design '\(plan.inputs.design)'; this is '\(design.name)': plan this design "
                + "\(replan) or pass the plan.json made for it")
        }
        let own = otherDesign ? "" : ": re-plan the design as it is now \(replan)"

        let horizon = design.horizon
        let span = "\(horizon.first)–\(horizon.last)"
        if let i = plan.quarters.firstIndex(where: { $0.quarter < horizon.first }) {
            add("quarters[\(i)].quarter", "\(plan.quarters[i].quarter) is before the design's horizon (\(span))\(own)")
        }
        if let i = plan.quarters.firstIndex(where: { $0.quarter > horizon.last }) {
            add("quarters[\(i)].quarter", "\(plan.quarters[i].quarter) is after the design's horizon (\(span))\(own)")
        }

        var halls: Set<String> = []
        for group in design.halls { for i in 0..<group.count { halls.insert(group.hallName(i)) } }
        let allowed = Set(design.profiles)
        var unknownHalls: [String: (first: Int, lines: Int)] = [:], unknownProfiles: [String: (first: Int, lines: Int)] = [:]
        for (i, line) in plan.racks.enumerated() {
            if !halls.contains(line.hall) { unknownHalls[line.hall, default: (i, 0)].lines += 1 }
            if !allowed.contains(line.profile) || catalog.profile(line.profile) == nil {
                unknownProfiles[line.profile, default: (i, 0)].lines += 1
            }
        }
        func lines(_ n: Int) -> String { n == 1 ? "" : " (\(n) lines)" }
        for (hall, seen) in unknownHalls.sorted(by: { $0.value.first < $1.value.first }) {
            add("racks[\(seen.first)].hall", "'\(hall)'\(lines(seen.lines)) is not a hall of design '\(design.name)'; its halls are "
                + "\(hallList(design))\(own)")
        }
        for (profile, seen) in unknownProfiles.sorted(by: { $0.value.first < $1.value.first }) {
            let why = !allowed.contains(profile)
                ? "is not a profile design '\(design.name)' allows; it allows \(design.profiles.joined(separator: ", "))"
                : "is not in the catalog"
            add("racks[\(seen.first)].profile", "'\(profile)'\(lines(seen.lines)) \(why)\(own)")
        }

        let fixBuilds = own.isEmpty ? ": re-plan \(replan)" : own
        for (path, message) in facilityBuildIssues(plan, design: design, site: site) { add(path, message + fixBuilds) }
        // Racks in a hall the design lets the plan build stand only from the quarter facilityBuilds builds it.
        var buildable: Set<String> = []
        for group in design.halls where group.build != nil { for i in 0..<group.count { buildable.insert(group.hallName(i)) } }
        if !buildable.isEmpty {
            let builtFrom = Dictionary(design.asBuilt(plan.facilityBuilds).halls.filter { $0.build != nil }.map { ($0.name, $0.availableFrom) },
                                       uniquingKeysWith: min)
            let fix = fixBuilds
            // Each such hall once, at its first line.
            var named: Set<String> = []
            for (i, line) in plan.racks.enumerated() where line.racksTotal > 0 && buildable.contains(line.hall) && !named.contains(line.hall) {
                if let built = builtFrom[line.hall] {
                    guard line.quarter < built else { continue }
                    add("racks[\(i)].hall", "'\(line.hall)' holds racks in \(line.quarter), before facilityBuilds builds it (\(built))\(fix)")
                } else {
                    add("racks[\(i)].hall", "'\(line.hall)' holds racks but facilityBuilds does not build it\(fix)")
                }
                named.insert(line.hall)
            }
        }

        // Tokens/s per line: at most every GPU at the profile's best rate among the design's workloads.
        let workloads = Set(design.workloadMix.map(\.workload))
        for (i, line) in plan.racks.enumerated() {
            // Unknown profiles are reported above, figures out of range by ``issues(in:)``.
            guard allowed.contains(line.profile), let profile = catalog.profile(line.profile),
                  (0...PlanFieldRange.maxRacks).contains(Double(line.racksTotal)),
                  line.tokensPerSecond > 0, line.tokensPerSecond <= PlanFieldRange.maxTokensPerSecond else { continue }
            let best = profile.throughput.filter { workloads.contains($0.workload) }.map(\.tokensPerSecondPerGPU).max() ?? 0
            let most = Double(line.racksTotal) * Double(profile.gpusPerRack) * best
            // The planner writes tokens/s to six decimals, from a solution exact to about 1e-9.
            guard line.tokensPerSecond > most * (1 + 1e-6) + 1e-6 else { continue }
            add("racks[\(i)].tokensPerSecond", "\(format(line.tokensPerSecond)) tokens/s is more than \(line.racksTotal) racks of "
                + "'\(profile.id)' give at full load (\(line.racksTotal) × \(profile.gpusPerRack) GPUs × \(format(best)) tokens/s per "
                + "GPU, its best rate among the design's workloads, = \(format(most))): re-plan, or correct tokensPerSecond")
        }
        return issues
    }

    /// The design's hall names, a group of several as `name-1…name-N`; at most eight groups, then how many more.
    private static func hallList(_ design: ReferenceDesign) -> String {
        let names = design.halls.map { $0.count == 1 ? $0.name : "\($0.hallName(0))…\($0.hallName($0.count - 1))" }
        return names.prefix(8).joined(separator: ", ") + (names.count > 8 ? " and \(names.count - 8) more groups" : "")
    }
}

/// A rack line's place: quarter × hall × profile.
private struct LineKey: Hashable {
    var quarter: Quarter
    var hall: String
    var profile: String

    init(_ line: RackLine) {
        quarter = line.quarter
        hall = line.hall
        profile = line.profile
    }

    init(quarter: Quarter, hall: String, profile: String) {
        self.quarter = quarter
        self.hall = hall
        self.profile = profile
    }

    /// The same hall and profile in another quarter.
    func `in`(_ other: Quarter) -> LineKey { LineKey(quarter: other, hall: hall, profile: profile) }
}

import Foundation
import Yams

/// Re-checks a plan written by `plan --out` against the limits of its input files, independently of the
/// planner: the racks come from plan.csv and quarters.csv, the limits from the design, site and catalog files as
/// Yams reads them (the same YAML 1.1 scalars the product reads). Returns one line per broken limit.
///
/// Halls, feeds, plant modules and power blocks the plan builds are read from bom.csv: racks stand only in halls built by then,
/// the grid counts the feeds connected, and the budget counts their capex.
/// Checked: per quarter and hall, positions, IT power (racks' IT and in-rack network, and their ports' power on a fabric of
/// the hall's own) against installed
/// capacity (with the power blocks bom.csv has in the hall) × the redundancy rule's share, liquid and air heat against the hall's CDU and air-handler capacity
/// (from plan.csv's columns, and again from racksTotal × the catalog's per-rack figures), host ports against a hall fabric's
/// fat tree; which racks a hall
/// may take (profile allowed by the design, rack power and weight, CDUs for liquid racks, availability of hall
/// and profile); per quarter, quarters.csv's facility MW against the usable grid (feeds in service by then, less
/// what N+1, 2N or xN/y holds back); the heat-rejection plant or the chillers, the site fabric's host ports and the
/// battery's ride-through (``PlantFigures``, PlantLimits.swift); new racks per profile against the supply cap; cumulative capex against
/// the budget over the horizon (the battery the plan builds included) and, from cashflow.csv, by the end of each quarter. Retirement: racks in service follow racksNew and racksRetired line by line from the design's
/// existing racks (`existingRacks`), the capex counts each retired rack's decommissioning cost less its residual
/// share, and with `economics.rackLifeYears` the racks of a hall and profile in a quarter are at most those new in
/// the last 4 × life quarters plus the existing ones still within their life.
enum PlanLimits {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A quarter as a number that orders quarters: year × 4 + (q − 1).
    static func quarterIndex(_ text: String) -> Int? {
        let parts = text.uppercased().split(separator: "Q")
        guard parts.count == 2, let year = Int(parts[0]), let q = Int(parts[1]), (1...4).contains(q) else { return nil }
        return year * 4 + q - 1
    }

    /// The share of installed capacity a rule lets carry load, for a hall's power paths (N+1 counts as N there).
    static func hallShare(_ rule: String) -> Double? {
        switch rule.uppercased() {
        case "N", "N+1": return 1
        case "2N": return 0.5
        default:
            let parts = rule.uppercased().split(separator: "N/")
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), x > y, y > 0 else { return nil }
            return y / x
        }
    }

    /// Usable capacity of the grid's feeds under its rule.
    static func usableGrid(_ capacities: [Double], rule: String) -> Double? {
        let total = capacities.reduce(0, +)
        switch rule.uppercased() {
        case "N": return total
        case "N+1": return total - (capacities.max() ?? 0)
        case "2N": return total / 2
        default:
            let parts = rule.uppercased().split(separator: "N/")
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]), x > y, y > 0 else { return nil }
            return total * y / x
        }
    }

    static func node(_ path: String) throws -> Node {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let node = try Yams.compose(yaml: text) else {
            throw Unreadable("cannot read \(path)")
        }
        return node
    }

    static func number(_ node: Node?, _ what: String) throws -> Double {
        guard let value = node?.float, value.isFinite else { throw Unreadable("\(what): not a number") }
        return value
    }

    static func quarter(_ node: Node?, _ what: String) throws -> Int {
        guard let text = node?.string, let index = quarterIndex(text) else { throw Unreadable("\(what): not a quarter") }
        return index
    }

    struct Hall {
        var group: String
        var positions: Double
        var usableMW: Double
        /// Usable MW one power block adds (its capacityMW × the redundancy share; 0 without power blocks).
        var blockMW = 0.0
        var liquidMW: Double
        var airMW: Double
        var maxRackKW: Double
        var maxRackWeightKg: Double?
        var availableFrom: Int
        /// Whether the plan decides to build it (`build:`), and its place in its group (1…count): halls are built in order.
        var buildable = false
        var number = 1
        /// The hall's own fabric (`halls[].fabric`), serving only its racks, on its power path and in its air; nil for the site's.
        var fabric: FatTree?
    }

    struct Profile {
        var positionsPerRack: Double
        var hallPowerMW: Double
        var liquidMW: Double
        var airMW: Double
        var rackMaxKW: Double
        var weightKg: Double
        var liquidShare: Double
        var capexUSD: Double
        var availableFrom: Int
        /// Scale-out host ports: GPUs × ports per GPU.
        var ports: Double
    }

    /// Half the last printed digit of a CSV number (`0.6787` → 0.00005): the most its rounding can hide.
    static func halfUlp(_ text: String) -> Double {
        guard let dot = text.firstIndex(of: ".") else { return 0.5 }
        let decimals = text[text.index(after: dot)...].prefix { $0.isNumber }.count
        return 0.5 * pow(10, -Double(decimals))
    }

    static func violations(out: URL, design designPath: String, site sitePath: String, catalog catalogPath: String) throws -> [String] {
        let design = try node(designPath), site = try node(sitePath), catalog = try node(catalogPath)

        // Halls, named as the product names them: a group's name for one hall, else name-1…name-count.
        var halls: [String: Hall] = [:]
        for (g, group) in (design["halls"]?.array() ?? []).enumerated() {
            guard let name = group["name"]?.string, let count = group["count"]?.int, let rule = group["redundancy"]?.string,
                  let share = hallShare(rule) else { throw Unreadable("halls[\(g)]: name, count or redundancy") }
            let hall = Hall(group: name, positions: try number(group["positions"], "halls[\(g)].positions"),
                            usableMW: try number(group["installedCapacityMW"], "installedCapacityMW") * share,
                            liquidMW: try number(group["liquidCapacityMW"], "liquidCapacityMW"),
                            airMW: try number(group["airCapacityMW"], "airCapacityMW"),
                            maxRackKW: try number(group["maxRackKW"], "maxRackKW"),
                            maxRackWeightKg: group["maxRackWeightKg"].flatMap { $0.float },
                            availableFrom: try quarter(group["availableFrom"], "halls[\(g)].availableFrom"),
                            fabric: try FatTree(group["fabric"], "halls[\(g)].fabric"))
            for i in 0..<count {
                var one = hall
                one.blockMW = try group["powerBlocks"].map { try number($0["capacityMW"], "powerBlocks.capacityMW") * share } ?? 0
                one.buildable = group["build"] != nil
                one.number = i + 1
                halls[count == 1 ? name : "\(name)-\(i + 1)"] = one
            }
        }
        let allowed = Set((design["profiles"]?.array() ?? []).compactMap(\.string))
        var caps: [String: Double] = [:]
        for (key, value) in design["supplyCapRacksPerQuarter"]?.mapping ?? [:] {
            if let id = key.string, let cap = value.float { caps[id] = cap }
        }
        let budget = design["budgetUSD"].flatMap { $0.float }
        let plant = try PlantFigures(design: design), condition = try Condition(out: out)
        let economics = design["economics"]
        let decommissioning = economics?["decommissioningUSDPerRack"].flatMap { $0.float } ?? 0
        let residual = economics?["rackResidualShare"].flatMap { $0.float } ?? 0
        let life = economics?["rackLifeYears"].flatMap { $0.float }.map { max(1, Int(($0 * 4).rounded())) }
        // Priced fabrics (all or none, as validation asks): the racks' capex leaves out the share of their overhead the prices replace.
        let fabricShare = plant.siteFabric.capexUSDPerHostPort == nil ? 0 : economics?["fabricShareOfRackOverhead"].flatMap { $0.float } ?? 0
        // Existing racks by hall and profile: (quarter installed, racks).
        var existing: [String: [(installed: Int, racks: Double)]] = [:]
        for (i, entry) in (design["existingRacks"]?.array() ?? []).enumerated() {
            guard let hall = entry["hall"]?.string, let id = entry["profile"]?.string else { throw Unreadable("existingRacks[\(i)]") }
            existing[hall + "|" + id, default: []].append((try quarter(entry["installedQuarter"], "existingRacks[\(i)].installedQuarter"),
                                                          try number(entry["racks"], "existingRacks[\(i)].racks")))
        }

        var profiles: [String: Profile] = [:]
        for (p, entry) in (catalog["profiles"]?.array() ?? []).enumerated() {
            guard let id = entry["id"]?.string else { throw Unreadable("profiles[\(p)].id") }
            let maxKW = try number(entry["rackMaxKW"], "\(id).rackMaxKW"), share = try number(entry["liquidShare"], "\(id).liquidShare")
            let networkKW = try number(entry["networkKWPerRack"], "\(id).networkKWPerRack")
            profiles[id] = Profile(positionsPerRack: try number(entry["positionsPerRack"], "\(id).positionsPerRack"),
                                   hallPowerMW: (maxKW + networkKW) / 1000, liquidMW: maxKW * share / 1000,
                                   airMW: (maxKW * (1 - share) + networkKW) / 1000, rackMaxKW: maxKW,
                                   weightKg: try number(entry["weightKg"], "\(id).weightKg"), liquidShare: share,
                                   capexUSD: try number(entry["rackPriceUSD"], "\(id).rackPriceUSD")
                                       * (1 + (try number(entry["allInOverheadShare"], "\(id).allInOverheadShare")) - fabricShare),
                                   availableFrom: try quarter(entry["availableFrom"], "\(id).availableFrom"),
                                   ports: try number(entry["gpusPerRack"], "\(id).gpusPerRack")
                                       * (try number(entry["scaleOutPortsPerGPU"], "\(id).scaleOutPortsPerGPU")))
        }

        // bom.csv: what is in service per quarter and item, and the capex of what the plan builds (halls and feeds with a
        // build option, plant modules).
        let bomTable = parseCSV(try String(contentsOf: out.appendingPathComponent("bom.csv"), encoding: .utf8))
        guard let bh = bomTable.first, let iQ = bh.firstIndex(of: "quarter"), let iItem = bh.firstIndex(of: "item"),
              let iIn = bh.firstIndex(of: "inService"), let iCapex = bh.firstIndex(of: "capexUSD") else { throw Unreadable("bom.csv header") }
        var inServiceOf: [String: [Int: Double]] = [:], builtCapex: [String: [String: Double]] = [:]
        for row in bomTable.dropFirst() where row.count == bh.count {
            guard let qi = quarterIndex(row[iQ]), let n = Double(row[iIn]) else { throw Unreadable("bom.csv row \(row)") }
            inServiceOf[row[iItem], default: [:]][qi] = n
            if let capex = Double(row[iCapex]) { builtCapex[row[iQ], default: [:]][row[iItem]] = capex }
        }
        /// Halls of a group, feeds or modules in service in quarter qi by bom.csv (0 where it lists none).
        func inService(_ item: String, _ qi: Int) -> Double { inServiceOf[item]?[qi] ?? 0 }
        var buildItems: Set<String> = design["heatRejection"]?["modules"] != nil ? ["heat-rejection module"] : []
        if design["heatRejection"]?["chillerModules"] != nil { buildItems.insert("chiller module") }
        for group in design["halls"]?.array() ?? [] where group["build"] != nil { if let name = group["name"]?.string { buildItems.insert("halls \(name)") } }
        for (name, hall) in halls where hall.blockMW > 0 { buildItems.insert("power blocks \(name)") }
        if design["powerChain"]?["battery"]?["build"] != nil { buildItems.formUnion(["battery", "battery power"]) }

        var feeds: [(capacity: Double, from: Int)] = []
        for (f, feed) in (site["grid"]?["feeds"]?.array() ?? []).enumerated() {
            var from = try quarter(feed["availableFrom"], "feeds[\(f)].availableFrom")
            if feed["build"] != nil, let name = feed["name"]?.string {
                // A feed the plan may connect is energized from the first quarter bom.csv has it in service (never if none).
                buildItems.insert("grid feed \(name)")
                from = inServiceOf["grid feed \(name)"]?.filter { $0.value >= 1 }.keys.min() ?? .max
            }
            feeds.append((try number(feed["capacityMW"], "feeds[\(f)].capacityMW"), from))
        }
        guard let gridRule = site["grid"]?["redundancy"]?.string else { throw Unreadable("grid.redundancy") }

        var problems: [String] = []
        /// Use above capacity by more than the CSV's rounding (`slack`) and 1e-6 of the capacity is a break.
        func check(_ what: String, _ used: Double, _ capacity: Double, slack: Double = 0) {
            if used > capacity + slack + 1e-6 * max(1, abs(capacity)) { problems.append("\(what): \(used) > \(capacity)") }
        }

        let planText = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
        let planRows = parseCSV(planText)
        guard let header = planRows.first else { throw Unreadable("plan.csv is empty") }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else { throw Unreadable("plan.csv has no \(name) column") }
            return index
        }
        let cQuarter = try column("quarter"), cHall = try column("hall"), cProfile = try column("profile")
        let cTotal = try column("racksTotal"), cIT = try column("itMW"), cLiquid = try column("liquidMW"), cPositions = try column("positions")
        let cNew = try column("racksNew"), cRetired = try column("racksRetired")

        struct Use { var positions = 0.0, it = 0.0, itSlack = 0.0, liquid = 0.0, liquidSlack = 0.0
                     var catalogPositions = 0.0, catalogIT = 0.0, catalogLiquid = 0.0, catalogAir = 0.0, catalogPorts = 0.0 }
        var use: [String: [String: Use]] = [:]  // quarter → hall → use
        var plantUse: [String: PlantUse] = [:]  // quarter → use
        var bought: [String: [String: Double]] = [:]  // quarter → profile → racks new
        var retiredCapex: [String: Double] = [:]  // quarter → decommissioning less residual value
        var lineNew: [String: [Int: Double]] = [:], lineTotal: [String: [Int: Double]] = [:], lineRetired: [String: [Int: Double]] = [:]
        // Host ports on each priced fabric (the site's, "", or a hall group's own, by the group's name) by quarter.
        var fabricPorts: [String: [Int: Double]] = [:]
        for row in planRows.dropFirst() where row.count == header.count {
            let q = row[cQuarter], hallName = row[cHall], id = row[cProfile]
            guard let total = Double(row[cTotal]), let it = Double(row[cIT]), let liquid = Double(row[cLiquid]),
                  let positions = Double(row[cPositions]), let new = Double(row[cNew]), let retired = Double(row[cRetired])
            else { throw Unreadable("plan.csv row \(row)") }
            guard let qi = quarterIndex(q) else { throw Unreadable("plan.csv quarter \(q)") }
            bought[q, default: [:]][id, default: 0] += new
            retiredCapex[q, default: 0] += retired * (decommissioning - residual * (profiles[id]?.capexUSD ?? 0))
            let key = hallName + "|" + id
            lineNew[key, default: [:]][qi] = new
            lineTotal[key, default: [:]][qi] = total
            lineRetired[key, default: [:]][qi] = retired
            guard let hall = halls[hallName] else {
                problems.append("\(q) \(hallName): no such hall in the design")
                continue
            }
            guard let profile = profiles[id] else {
                problems.append("\(q) \(hallName): profile \(id) is not in the catalog")
                continue
            }
            if !allowed.contains(id) { problems.append("\(q) \(hallName): profile \(id) is not one the design allows") }
            if profile.rackMaxKW > hall.maxRackKW { problems.append("\(q) \(hallName): \(id) racks of \(profile.rackMaxKW) kW in a hall for \(hall.maxRackKW) kW") }
            if let limit = hall.maxRackWeightKg, profile.weightKg > limit { problems.append("\(q) \(hallName): \(id) racks of \(profile.weightKg) kg on a floor for \(limit) kg") }
            if profile.liquidShare > 0, hall.liquidMW <= 0 { problems.append("\(q) \(hallName): liquid-cooled \(id) in a hall without CDUs") }
            if qi < max(hall.availableFrom, profile.availableFrom), existing[key] == nil { problems.append("\(q) \(hallName): \(id) racks before the hall or the profile is available") }
            if hall.buildable, total > 0, Double(hall.number) > inService("halls \(hall.group)", qi) {
                problems.append("\(q) \(hallName): racks in a hall bom.csv does not have built (\(inService("halls \(hall.group)", qi)) in service)")
            }
            var u = use[q, default: [:]][hallName] ?? Use()
            u.positions += positions
            u.it += it
            u.itSlack += halfUlp(row[cIT])
            u.liquid += liquid
            u.liquidSlack += halfUlp(row[cLiquid])
            u.catalogPositions += total * profile.positionsPerRack
            // The racks' ports power the hall's own fabric, on its power path and in its air, or the site's, outside the halls.
            let fabricMW = profile.ports * (hall.fabric ?? plant.siteFabric).wattsPerHostPort / 1e6
            u.catalogIT += total * (profile.hallPowerMW + (hall.fabric == nil ? 0 : fabricMW))
            u.catalogLiquid += total * profile.liquidMW
            u.catalogAir += total * (profile.airMW + (hall.fabric == nil ? 0 : fabricMW))
            u.catalogPorts += total * profile.ports
            use[q, default: [:]][hallName] = u
            plantUse[q, default: PlantUse()].streamMW += total * profile.liquidMW * (1 + plant.pumpFraction)
            if plant.chilledAir { plantUse[q, default: PlantUse()].chilledAirMW += total * (profile.airMW + fabricMW) * (1 + plant.airFanFraction) }
            if hall.fabric == nil { plantUse[q, default: PlantUse()].sitePorts += total * profile.ports }
            if (hall.fabric ?? plant.siteFabric).capexUSDPerHostPort != nil {
                fabricPorts[hall.fabric == nil ? "" : hall.group, default: [:]][qi, default: 0] += total * profile.ports
            }
        }
        // A priced fabric buys the ports above the most in service before (the existing racks' first), at its price per
        // host port: each quarter's fabric capex, as cashflow.csv must book it.
        var fabricCapex: [Int: Double] = [:]
        for (key, byQuarter) in fabricPorts {
            let members = halls.filter { (key == "" && $0.value.fabric == nil) || (key != "" && $0.value.group == key && $0.value.fabric != nil) }
            guard let price = (key == "" ? plant.siteFabric : members.first?.value.fabric)?.capexUSDPerHostPort else { continue }
            var most = existing.filter { entry in members.keys.contains { entry.key.hasPrefix($0 + "|") } }
                .reduce(0.0) { sum, entry in sum + entry.value.reduce(0) { $0 + $1.racks } * (profiles[String(entry.key.split(separator: "|")[1])]?.ports ?? 0) }
            for qi in byQuarter.keys.sorted() {
                fabricCapex[qi, default: 0] += max(0, byQuarter[qi]! - most) * price
                most = max(most, byQuarter[qi]!)
            }
        }
        for (q, byHall) in use {
            for (name, u) in byHall {
                guard var hall = halls[name], let qi = quarterIndex(q) else { continue }
                // Power blocks in service in the hall by bom.csv add their usable MW.
                hall.usableMW += hall.blockMW * inService("power blocks \(name)", qi)
                check("\(q) \(name) floor positions (plan.csv)", u.positions, hall.positions)
                check("\(q) \(name) floor positions (racks × catalog)", u.catalogPositions, hall.positions)
                check("\(q) \(name) hall power MW (plan.csv itMW)", u.it, hall.usableMW, slack: u.itSlack)
                check("\(q) \(name) hall power MW (racks × catalog)", u.catalogIT, hall.usableMW)
                check("\(q) \(name) liquid MW (plan.csv liquidMW)", u.liquid, hall.liquidMW, slack: u.liquidSlack)
                check("\(q) \(name) liquid MW (racks × catalog)", u.catalogLiquid, hall.liquidMW)
                check("\(q) \(name) air MW (racks × catalog)", u.catalogAir, hall.airMW)
                if let fabric = hall.fabric { check("\(q) \(name) hall fabric host ports (racks × catalog)", u.catalogPorts, fabric.hostPorts) }
            }
        }

        // Racks in service line by line: from the existing racks, + racksNew − racksRetired each quarter; and within
        // the rack life.
        let firstQuarter = lineTotal.values.compactMap { $0.keys.min() }.min() ?? 0
        for key in Set(lineTotal.keys).union(existing.keys).sorted() {
            let quarters = lineTotal[key] ?? [:], last = quarters.keys.max() ?? firstQuarter
            var inService = existing[key]?.reduce(0) { $0 + $1.racks } ?? 0
            for qi in firstQuarter...last {
                inService += (lineNew[key]?[qi] ?? 0) - (lineRetired[key]?[qi] ?? 0)
                let total = quarters[qi] ?? 0
                if total != inService { problems.append("\(key) quarter \(qi): racksTotal \(total) ≠ \(inService) from racksNew and racksRetired") }
                if let life {
                    let recent = ((qi - life + 1)...qi).reduce(0.0) { $0 + (lineNew[key]?[$1] ?? 0) }
                    let young = existing[key]?.filter { qi - $0.installed < life }.reduce(0) { $0 + $1.racks } ?? 0
                    check("\(key) quarter \(qi) racks within their life", total, recent + young)
                }
            }
        }

        // Site-wide, per quarter, in the order quarters.csv lists the quarters.
        let bomRows = parseCSV(try String(contentsOf: out.appendingPathComponent("quarters.csv"), encoding: .utf8))
        guard let bomHeader = bomRows.first, let bQuarter = bomHeader.firstIndex(of: "quarter"),
              let bFacility = bomHeader.firstIndex(of: "facilityMW") else { throw Unreadable("quarters.csv header") }
        var capex = 0.0
        for row in bomRows.dropFirst() where row.count == bomHeader.count {
            let q = row[bQuarter]
            guard let qi = quarterIndex(q), let facility = Double(row[bFacility]) else { throw Unreadable("quarters.csv row \(row)") }
            let feedsInService = feeds.filter { $0.from <= qi }.map(\.capacity)
            guard let usable = usableGrid(feedsInService, rule: gridRule) else { throw Unreadable("grid.redundancy \(gridRule)") }
            check("\(q) site power MW (quarters.csv facilityMW)", facility, usable, slack: halfUlp(row[bFacility]))
            for limit in plant.limits(quarter: q, use: plantUse[q] ?? PlantUse(), condition: condition, facilityMW: facility,
                                      facilitySlack: halfUlp(row[bFacility]), inService: { inService($0, qi) }) {
                check(limit.what, limit.used, limit.capacity, slack: limit.slack)
            }
            for (id, new) in (bought[q] ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let cap = caps[id] { check("\(q) new \(id) racks (supply cap)", new, cap) }
                capex += new * (profiles[id]?.capexUSD ?? 0)
            }
            capex += retiredCapex[q] ?? 0
            capex += fabricCapex[qi] ?? 0
            capex += (builtCapex[q] ?? [:]).filter { buildItems.contains($0.key) }.values.reduce(0, +)
        }
        if let budget { check("cumulative capex USD (budget)", capex, budget) }

        // cashflow.csv: what is spent by the end of each quarter (racks bought, retirements, and what is built over its lead
        // time) is within the budget, so that a resale pays for nothing bought before it. Given halls entering service in the
        // horizon are booked there at facilityCapexUSDPerMW; they are not the budget's.
        let flow = parseCSV(try String(contentsOf: out.appendingPathComponent("cashflow.csv"), encoding: .utf8))
        guard let fh = flow.first, let fQ = fh.firstIndex(of: "quarter"), let fRacks = fh.firstIndex(of: "rackCapexUSD"),
              let fRetired = fh.firstIndex(of: "retirementUSD"), let fFacility = fh.firstIndex(of: "facilityCapexUSD"),
              let fFabric = fh.firstIndex(of: "fabricCapexUSD")
        else { throw Unreadable("cashflow.csv header") }
        let perMW = economics?["facilityCapexUSDPerMW"].flatMap { $0.float } ?? 0
        var spent = 0.0
        for row in flow.dropFirst() where row.count == fh.count {
            guard let qi = quarterIndex(row[fQ]), let racks = Double(row[fRacks]), let retired = Double(row[fRetired]),
                  let facility = Double(row[fFacility]), let fabric = Double(row[fFabric]) else { throw Unreadable("cashflow.csv row \(row)") }
            let given = halls.values.filter { !$0.buildable && $0.availableFrom == qi }.reduce(0) { $0 + $1.usableMW * perMW }
            spent += racks + fabric + retired + facility - given
            let ports = fabricCapex[qi] ?? 0
            if abs(fabric - ports) > 0.01 { problems.append("\(row[fQ]) fabric capex: cashflow.csv books \(fabric), the ports bought cost \(ports)") }
            if let budget { check("\(row[fQ]) capex spent by then USD (cashflow.csv, budget)", spent, budget, slack: 0.01 * Double(flow.count)) }
        }
        return problems.sorted()
    }
}

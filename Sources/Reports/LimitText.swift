import Planner
import PlantModel
import PlantPhysics
import Plans

extension ConstraintFamily {
    /// What the limit is, in a designer's words.
    public var words: String {
        switch self {
        case .floor: "floor positions"
        case .hallPower: "hall IT power (after the hall's redundancy rule)"
        case .liquid: "liquid-cooling (CDU) capacity"
        case .air: "air-cooling capacity"
        case .sitePower: "site power (usable grid capacity after the feed redundancy rule)"
        case .heatRejection: "heat-rejection capacity at the design ambient"
        case .chiller: "chiller capacity at the design ambient"
        case .network: "scale-out fabric ports"
        case .supply: "supply allocation"
        case .budget: "capex budget"
        case .serve: "racks serving workloads"
        case .share: "workload share"
        case .stock: "rack stock balance"
        case .tokenTarget: "token target"
        case .ratio: "optimal ratio kept"
        case .capexLimit: "capex limit of the Pareto sweep"
        case .facilityLimit: "facility power limit of the Pareto sweep"
        case .water: "site water limit (IT MW × the twin's water per IT MW)"
        case .rackLife: "rack service life (economics.rackLifeYears)"
        case .buildOrder: "build order (what is built stays built)"
        case .hallOrder: "order of identical halls (no plan is lost: the halls are relabelled)"
        case .unitsPerHall: "whole units per hall (a scalable unit of several racks stands in one hall)"
        case .batteryEnergy: "battery energy for the ride-through (powerChain.battery.rideThroughMinutes at the facility's design MW)"
        case .batteryPower: "battery power for the ride-through (the facility's design MW)"
        case .chillerHeat: "heat the chillers carry (the racks' chiller load less the plant's credit)"
        case .fabricPorts: "fabric ports bought (the most host ports a priced fabric has carried)"
        }
    }
}

/// Binding limits and planning failures in a designer's words.
public enum LimitText {
    /// "site power (…) in 2028Q2: binding, 336 of 336 MW used; +1 MW ≈ +9,581 tokens/s (summed over quarters)", and
    /// where the price is in tokens/s summed over quarters, what that is in tokens over the horizon and, given the
    /// plan's cost per million tokens served at `utilization`, in dollars: "= +7.6e10 tokens over the horizon at full
    /// load, 5.3e10 served at 70 % ≈ $5,400 at the plan's $0.1028 per million tokens served".
    /// Under a ratio objective the price is the ratio's change, and `objectiveValue` (the plan's ratio) gives it as a share.
    public static func explanation(_ limit: BindingLimit, costPerMillionTokensUSD: Double? = nil, utilization: Double? = nil,
                                   objectiveValue: Double? = nil) -> String {
        let state = limit.state == .nearLimit ? "not full" : limit.fullHalls.map { "binding in each of its \($0) halls in service" } ?? "binding"
        let value = limit.shadowPrice == 0 ? ""
            : "; " + worth(limit, costPerMillionTokensUSD: costPerMillionTokensUSD, utilization: utilization, objectiveValue: objectiveValue)
        let when = limit.quarter.map { " in \($0)" } ?? ""
        let about = subject(of: limit).map { " (\($0))" } ?? ""
        // A limit with nothing in service yet (a feed or battery whose lead time has not run) is no "0 of 0 used"; nor is a
        // supply allocation of none, which caps purchases, not the racks standing.
        let use = limit.capacity == 0 && limit.used == 0
            ? (limit.family == .supply ? "no purchases allowed (an allocation of 0 \(limit.unit))" : "none in service yet (0 \(limit.unit))")
            : "\(NumberText.amount(limit.used)) of \(NumberText.amount(limit.capacity)) \(limit.unit) used"
        // A limit the plan leaves room in but the relaxation prices (it fills what whole racks leave) says how much is free.
        let free = limit.state == .nearLimit && limit.slack > 0
            ? " (\(NumberText.amount(limit.slack)) \(limit.unit) free in the plan; the relaxation prices it)" : ""
        return "\(limit.family.words)\(about)\(when): \(state), \(use)\(free)\(limit.wholeUnits.map(setting) ?? "")\(value)"
    }

    /// Each limit in `binding` once, in order: the first entry of its ``BindingLimit/limitKey`` (its first quarter, the rows
    /// being built quarter by quarter) and the entry whose shadow price is largest in magnitude (the first of equals).
    public static func firstAndPeak(_ binding: [BindingLimit]) -> [(first: BindingLimit, peak: BindingLimit)] {
        var order: [String] = [], first: [String: BindingLimit] = [:], peak: [String: BindingLimit] = [:]
        for limit in binding {
            let key = limit.limitKey
            if first[key] == nil { order.append(key); first[key] = limit }
            if let best = peak[key], abs(limit.shadowPrice) <= abs(best.shadowPrice) { continue }
            peak[key] = limit
        }
        return order.map { (first[$0]!, peak[$0]!) }
    }

    /// "; priced highest in 2029Q2 (that quarter alone): +1 MW ≈ …": the price of `peak`, the same limit in the quarter its
    /// shadow price is largest, as ``explanation(_:costPerMillionTokensUSD:utilization:objectiveValue:)`` gives it, where
    /// that quarter is not `first`'s and its price is larger (by more than ``samePriceTolerance``); "" otherwise. A limit's
    /// first quarter may price it near zero (the relaxation's duals are degenerate) where a later one prices it in millions.
    public static func peak(_ peak: BindingLimit, after first: BindingLimit, costPerMillionTokensUSD: Double? = nil,
                            utilization: Double? = nil, objectiveValue: Double? = nil) -> String {
        // A price equal to the first's but for the LP's last digits is no higher.
        guard peak.quarter != first.quarter, abs(peak.shadowPrice) > abs(first.shadowPrice) * (1 + Self.samePriceTolerance),
              let quarter = peak.quarter else { return "" }
        return "; priced highest in \(quarter) (that quarter alone): "
            + worth(peak, costPerMillionTokensUSD: costPerMillionTokensUSD, utilization: utilization, objectiveValue: objectiveValue,
                    oneQuarter: !peak.family.reliefOutlastsItsQuarter)
    }

    /// Relative difference below which two quarters' prices of a limit are the same price.
    static let samePriceTolerance = 1e-6

    /// "+1 MW ≈ +9,581 tokens/s (summed over quarters)", and where the price is in tokens/s summed over quarters, in tokens
    /// over the horizon and, given the plan's cost per million tokens served at `utilization`, in dollars. A price in
    /// dollars below zero (a minimized cost that one more unit lowers) says it is a saving. For `oneQuarter` (one quarter's
    /// row) tokens/s are that quarter's, not summed. A price in a ratio objective's unit (``Objective/unit``) is the ratio's
    /// change: "+1 MW ≈ -2.452e-06 USD per million tokens served, -0.00306 % of the plan's 0.08017, a saving".
    static func worth(_ limit: BindingLimit, costPerMillionTokensUSD: Double?, utilization: Double?, objectiveValue: Double? = nil,
                      oneQuarter: Bool = false) -> String {
        let price = limit.shadowPrice
        if limit.shadowPriceUnit == Objective.tokensPerMW.unit || limit.shadowPriceUnit == Objective.costPerToken.unit {
            let served = limit.shadowPriceUnit == Objective.costPerToken.unit ? " served" : ""
            var value = "+1 \(one(limit.unit)) ≈ \(price > 0 ? "+" : "")\(NumberText.significant(price, 4)) \(limit.shadowPriceUnit)\(served)"
            if let ratio = objectiveValue, ratio != 0 {
                let plans = ratio >= 1000 ? NumberText.whole(ratio) : NumberText.significant(ratio, 4)
                value += ", \(price > 0 ? "+" : "")\(NumberText.significant(price / ratio * 100, 3)) % of the plan's \(plans)"
            }
            if !served.isEmpty { value += price < 0 ? ", a saving" : ", a cost" }
            return value
        }
        let unit = oneQuarter && limit.shadowPriceUnit == tokensPerSecondSummedUnit ? "tokens/s" : limit.shadowPriceUnit
        var value = "+1 \(one(limit.unit)) ≈ \(price > 0 ? "+" : "")\(NumberText.amount(price)) \(unit)"
        if price < 0, limit.shadowPriceUnit.hasPrefix("USD") { value += ", a saving" }
        guard limit.shadowPriceUnit == tokensPerSecondSummedUnit else { return value }
        // A token/s held for a quarter is secondsPerQuarter tokens; the horizon's tokens are the sum over its quarters.
        let tokens = price * TimeBase.secondsPerQuarter
        value += " = \(price > 0 ? "+" : "")\(NumberText.significant(tokens, 4)) tokens \(oneQuarter ? "in that quarter" : "over the horizon")"
        // The price counts tokens at full load; the plan's cost is per token served, at its utilization.
        let served = tokens * (utilization ?? 1)
        if let u = utilization { value += " at full load, \(NumberText.significant(served, 4)) served at \(NumberText.fixed(u * 100, 0)) %" }
        if let cost = costPerMillionTokensUSD {
            value += " ≈ $\(NumberText.grouped(served / 1e6 * cost)) at the plan's $\(NumberText.fixed(cost, 4)) per million tokens"
                + (utilization == nil ? "" : " served")
        }
        return value
    }

    /// What a limit is about, as reports name it: its subject, and for whole units per hall the profile and its unit
    /// ("vr-hall: vr-nvl72 in units of 8 racks").
    public static func subject(of limit: BindingLimit) -> String? { subject(limit.subject, limit.wholeUnits) }

    static func subject(_ subject: String?, _ wholeUnits: WholeUnits?) -> String? {
        guard let w = wholeUnits else { return subject }
        return (subject.map { "\($0): " } ?? "") + "\(w.profile) in units of \(w.racksPerUnit) racks"
    }

    /// What sets whole units per hall: "; 21 per hall, set by hall IT power (…): 21 × 1.8808 MW = 39.4968 of 40.05 MW; unit 22
    /// needs 1.3276 MW more in one hall", naming the hall's other limits that would need more too and by how much.
    static func setting(_ w: WholeUnits) -> String {
        let unit = w.setBy.unit, k = w.unitsPerHall
        let others = w.alsoShort.map { ", and \($0.family.words) short by \(exact($0.amount)) \($0.family.unit)" }.joined()
        // Four decimals, so that k × the unit's use and the shortfall check by hand against the rounded figures.
        func exact(_ value: Double) -> String { NumberText.amount(value, decimals: 4) }
        return "; \(k) per hall, set by \(w.setBy.words): \(k) × \(exact(w.perUnit)) \(unit) = \(exact(Double(k) * w.perUnit)) of "
            + "\(exact(w.perHall)) \(unit); unit \(k + 1) needs \(exact(w.shortfallForOneMore)) \(unit) more in one hall\(others)"
    }

    /// "+1 MW", "+1 unit", "+1 position": the unit of one more of a limit (a count's unit in the singular).
    static func one(_ unit: String) -> String {
        switch unit {
        case "", "units": "unit"
        case "positions": "position"
        case "racks": "rack"
        case "ports": "port"
        default: unit
        }
    }

    /// "site power (…) in 2028Q2" : a limit in words, with what it is about and when.
    static func limitName(_ family: ConstraintFamily, subject: String?, quarter: Quarter?) -> String {
        family.words + (subject.map { " (\($0))" } ?? "") + (quarter.map { " in \($0)" } ?? "")
    }

    /// The limits an infeasible plan must move, one per line, each with its row in the exported model.
    public static func diagnosis(_ d: InfeasibilityDiagnosis) -> String {
        guard !d.shortfalls.isEmpty else {
            return "  no limit change found within the time limit that admits a plan; raise --time-limit to search longer"
        }
        // One line per limit (family and subject): the quarter that needs the most, and how many others need some.
        var order: [String] = [], groups: [String: [InfeasibilityDiagnosis.Shortfall]] = [:]
        for s in d.shortfalls {
            let key = "\(s.family.rawValue)|\(s.subject ?? "")|\(s.wholeUnits?.profile ?? "")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(s)
        }
        return order.map { key in
            let all = groups[key]!, s = all.max { $0.increase < $1.increase }!
            let others = all.count > 1 ? " (and in \(all.count - 1) other quarter\(all.count == 2 ? "" : "s"))" : ""
            return "  \(limitName(s.family, subject: subject(s.subject, s.wholeUnits), quarter: s.quarter)) [\(s.constraint)]: raise by "
                + "\(NumberText.amount(s.increase)) \(s.increase == 1 ? one(s.unit) : s.unit) (from \(NumberText.amount(s.capacity)))\(others)"
                + (s.wholeUnits.map(setting) ?? "")
        }.joined(separator: "\n")
    }

    /// What to change in the files so that one purchase unit of a profile fits under a limit it exceeds alone.
    static func change(_ b: NoRackDiagnosis.Blocker, _ d: NoRackDiagnosis) -> String {
        let short = NumberText.amount(b.needed - b.capacity)
        if let loop = b.loop, b.family == .chiller || b.family == .heatRejection {
            return b.family == .chiller
                ? "add ≥ \(short) MW of chillers to water loop \(loop) (waterLoops[].heatRejection.chillerCapacityMW or chillerModules in service by "
                    + "then), or warm its facilitySupplyTempC"
                : "raise water loop \(loop)'s waterLoops[].heatRejection.ratedCapacityMW or its loop temperatures"
        }
        switch b.family {
        case .chiller:
            var text = "add ≥ \(short) MW of chillers (heatRejection.chillerCapacityMW, or chillerModules in service by then)"
            if let setPoint = d.supplySetPointC, d.condition.freeCoolingSupplyC > setPoint {
                text = "the plant's free-cooling water is \(NumberText.fixed(d.condition.freeCoolingSupplyC, 2)) °C at the design "
                    + "ambient against the \(NumberText.amount(setPoint)) °C supply set-point: " + text
                    + " or raise liquidCooling.facilitySupplyTempC to \(NumberText.amount(d.condition.freeCoolingSupplyC.rounded(.up))) °C"
            }
            return text
        case .heatRejection:
            let rejects = "the plant rejects \(NumberText.amount(d.condition.rejectionCapacityMW)) MW at its "
                + "\(NumberText.fixed(d.condition.effectiveAmbientC, 1)) °C design ambient"
            // At an ambient as warm as the water, no size of plant rejects anything: only what cools below the ambient helps.
            guard d.condition.rejectionCapacityMW > 0 else {
                return rejects + (d.supplySetPointC.map { ", at or above its \(NumberText.amount($0)) °C facility water" } ?? "")
                    + ": no size of plant rejects heat there; add chillers (heatRejection.chillerCapacityMW or chillerModules) or pads "
                    + "(heatRejection.type: adiabaticDryCooler), warm liquidCooling.facilitySupplyTempC above the ambient where the "
                    + "racks' coolant limit allows, or choose another designBasis"
            }
            return rejects + ": raise heatRejection.ratedCapacityMW or the loop temperatures"
        case .sitePower: return "add grid feeds or capacity (grid.feeds) for ≥ \(short) MW more in that quarter"
        case .hallPower:
            return "raise the hall's installedCapacityMW so that ≥ \(short) MW more is usable after its redundancy rule, or give it "
                + "powerBlocks (or relax its redundancy)"
        case .floor: return "give the hall ≥ \(short) more positions"
        case .liquid: return "raise the hall's liquidCapacityMW by ≥ \(short) MW"
        case .air: return "raise the hall's airCapacityMW by ≥ \(short) MW"
        case .network: return b.hall.map { "raise the fabric.switchRadix or fabric.tiers of hall \($0)'s group (halls[].fabric)" }
            ?? "raise fabric.switchRadix or fabric.tiers"
        case .supply: return "raise supplyCapRacksPerQuarter.\(b.profile) to ≥ \(b.unitRacks) (one purchase unit)"
        case .budget: return "raise budgetUSD by ≥ \(short) USD"
        case .water: return "raise the site's waterLimitM3PerYear by ≥ \(short) m³/yr, or use a design that evaporates less water"
        case .batteryEnergy, .batteryPower:
            return "raise powerChain.battery.\(b.family == .batteryEnergy ? "energyMWh" : "powerMW") by ≥ \(short) \(b.unit), give the battery "
                + "a build option (powerChain.battery.build) that can be in service by then, or shorten powerChain.battery.rideThroughMinutes"
        default: return "raise the limit by ≥ \(short) \(b.unit)"
        }
    }

    /// Why the plan has no rack, and what to change.
    public static func noRacks(_ d: NoRackDiagnosis) -> String {
        var lines = ["the best plan has no rack: no allowed profile fits anywhere."]
        for b in d.blockers {
            var built = b.hallToBuild.map { ["a \($0) (halls[].build.capexUSD)"] } ?? []
            if let n = b.powerBlocksToBuild { built.append("\(n) power block\(n == 1 ? "" : "s") (halls[].powerBlocks.build.capexUSD)") }
            if let battery = b.batteryToBuild {
                built.append("\(NumberText.amount(battery.energyMWh)) MWh and \(NumberText.amount(battery.powerMW)) MW of battery (powerChain.battery.build)")
            }
            let withHall = built.isEmpty ? "" : " with " + (built.count == 1 ? built[0] : built.dropLast().joined(separator: ", ") + " and " + built.last!)
                + " built for it"
            lines.append("  \(limitName(b.family, subject: b.hall ?? b.loop, quarter: b.quarter)): one unit of \(b.profile) "
                         + "(\(b.unitRacks) rack\(b.unitRacks == 1 ? "" : "s")) needs \(NumberText.amount(b.needed)) \(b.unit)\(withHall), "
                         + "the limit is \(NumberText.amount(b.capacity)) \(b.unit)\(b.hallsInGroup.map { " in each of its \($0) halls" } ?? ""); "
                         + change(b, d) + (b.hallsInGroup != nil && b.unitRacks > 1
                            ? ", or buy \(b.profile) in smaller units (scalableUnits.\(b.profile))" : ""))
        }
        // Under a budget only: the least raise that lets any unit in, where several profiles name theirs.
        let budget = d.blockers.filter { $0.family == .budget }
        if budget.count > 1, d.blockers.count == budget.count, let least = budget.min(by: { $0.needed < $1.needed }) {
            lines.append("  the least: raise budgetUSD by ≥ \(NumberText.amount(least.needed - least.capacity)) USD, for one unit of \(least.profile)")
        }
        if let basis = d.condition.designBasis, d.blockers.contains(where: { $0.family == .chiller || $0.family == .heatRejection }) {
            lines.append("  the design ambient is the design basis, \(basis); designBasis in the design selects another")
        }
        for w in d.unservedWorkloads {
            lines.append("  workload \(w) has a share of the mix but no allowed profile serves it: give it share 0 or allow a profile with a throughput for it")
        }
        if d.blockers.isEmpty {
            lines += d.exclusions.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// Why no plan came back.
    public static func message(_ error: PlanError) -> String {
        switch error {
        case .infeasible(let d): "no plan satisfies every limit.\n\(diagnosis(d))"
        case .noPlanWithinLimit(_, let budget?): "no feasible plan found within the run's time budget of \(budget) s: give it more with --time-budget"
        case .noPlanWithinLimit(let seconds, nil):
            "no feasible plan found within the time limit\(seconds.map { " of \($0) s" } ?? ""): give it more with --time-limit"
        case .invalidOptions(let message): message
        case let .inputProblem(path, message): "\(path): \(message)"
        case .noRacks(let d): noRacks(d)
        case .outOfScale(let family, let quarter, let subject, let detail):
            "a figure is out of scale for the solver in "
                + (family.map { limitName($0, subject: subject, quarter: quarter) } ?? "the objective") + ": \(detail); "
                + "check the units of the design's and catalog's figures for that limit (README, Field ranges)"
        case .ambiguousNames(let kind, let first, let second, let id):
            "\(kind) '\(first)' and '\(second)' both become '\(id)' in the model's row names "
                + "(names keep A–Z a–z 0–9 _ . , ( ) and turn anything else into _): rename one"
        case .nameTooLong(let kind, let name, let limit):
            "\(kind): the name '\(name.prefix(40))…' has \(name.utf8.count) characters; the model's row names take at most \(limit): shorten it"
        case .solverFailed:
            "the solver failed numerically on this model; check the units and magnitudes of the design's and catalog's figures (README, Field ranges)"
        case .limitBroken(let b):
            "the solver's plan breaks \(limitName(b.family, subject: b.subject, quarter: b.quarter)): "
                + "\(NumberText.amount(b.used)) of \(NumberText.amount(b.capacity)) \(b.unit) when recomputed from its racks; "
                + "no plan is reported. The inputs' magnitudes may be out of scale for the solver: check the design and catalog figures"
        }
    }
}

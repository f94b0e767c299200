import Planner
import PlantModel
import PlantPhysics
import Plans

/// "What to build next" (README "What to build next"): the plan's binding limits ranked by the value of the option that
/// relieves each, from its quarter on, per dollar of its capex.
///
/// The value of +1 unit is the limit's shadow price in each quarter from the one the option is in service by until
/// the horizon ends or the plan builds that option anyway, summed and put in dollars as ``LimitText`` does. The price
/// of +1 unit is the capex of the cheapest option in the inputs that is in service by then, over the units it adds.
/// That picks each limit's option and first quarter; the option itself (a whole plant module, feed or hall) is then
/// valued by the plan's relaxation re-solved with it (``ReliefValuation``), since a shadow price holds for the first
/// unit only, and the limits are ranked by that value per dollar of its capex. Both are over the horizon: capex is not
/// annualized and value after the horizon's end is not counted.
public struct BuildNext: Equatable, Sendable {
    /// A limit and the option that relieves it, from the quarter where that pays best.
    public struct Relief: Equatable, Sendable {
        /// The limit's family.
        public var family: ConstraintFamily
        /// The hall group, profile or workload the limit is about, if any.
        public var subject: String?
        /// The first quarter relieved: the option in service by then.
        public var quarter: Quarter
        /// The last quarter relieved: the horizon's end, or the quarter before the plan builds the option anyway.
        public var through: Quarter
        /// The limit's unit.
        public var unit: String
        /// Value of one more unit in every quarter from `quarter` through `through`, in ``BuildNext/valueUnit``.
        public var value: Double
        /// Capex of one more unit, USD.
        public var priceUSD: Double
        /// The option, with the figures its price comes from.
        public var option: String
        /// Units of the limit the option adds (its capex is `priceUSD` times these).
        public var optionUnits: Double
        /// What the whole option adds over the same quarters, in ``BuildNext/valueUnit``: the plan's relaxation re-solved
        /// with it; `nil` where it could not be (no relaxation at hand, or its LP did not solve in time).
        public var optionValue: Double?
        /// How the option changes the relaxation, for its ``optionValue``.
        var change: ReliefValuation.Change?
        /// The option's capex, USD.
        public var optionCapexUSD: Double { priceUSD * optionUnits }
        /// Value of +1 unit per USD of its price.
        public var marginalRatio: Double { value / priceUSD }
        /// Value per USD of capex: the whole option's where it was valued, else +1 unit's.
        public var ratio: Double { optionValue.map { $0 / optionCapexUSD } ?? marginalRatio }
    }

    /// A limit worth relieving that nothing in the inputs prices.
    public struct Unpriced: Equatable, Sendable {
        /// The limit's family.
        public var family: ConstraintFamily
        /// The hall group, profile or workload the limit is about, if any.
        public var subject: String?
        /// The limit's first quarter with a value, if it has quarters.
        public var quarter: Quarter?
        /// The field that would price it, or why no option does.
        public var missing: String
    }

    /// The unit of every value: USD where the plan has a cost per million tokens, else the tokens' or objective's unit.
    public var valueUnit: String
    /// How the objective's unit becomes the value's, in words (tokens/s × 7,889,400 s, …).
    public var valueBasis: String
    /// Priced limits, highest value per dollar first.
    public var ranked: [Relief]
    /// Limits with a value and no price, in the order of the plan's binding list.
    public var unpriced: [Unpriced]
    /// Whether the options were valued whole (the plan's relaxation was given).
    public var valued: Bool
    /// Limits with a priced option that the relaxation, re-solved with it, gains nothing from: another limit binds with
    /// them. In the order of the plan's binding list.
    public var alone: [Relief]

    /// Lines of the ranking printed by `plan`.
    public static let printedLines = 5

    /// Ranks the binding limits of `plan` (made from `design` and `site`) with a non-zero shadow price, each option valued
    /// whole by `valuing` (the plan's own relaxation, from the planner) where given, else by its first unit.
    ///
    /// The halls of a group are one limit, shown under the group's name: its value is the best single hall's (+1 unit
    /// in one hall), since identical halls share their shadow prices among them in no set way.
    public init(_ plan: BuildPlan, design: ReferenceDesign, site: Site, valuing relaxation: ReliefValuation? = nil) {
        let scale = ValueScale(plan)
        valueUnit = scale.unit
        valueBasis = scale.basis
        // One entry per limit (family and subject), in the order the plan lists them; each quarter's value of +1 unit.
        var keys: [String] = [], rows: [String: [(quarter: Quarter?, value: Double)]] = [:], first: [String: BindingLimit] = [:]
        // The ride-through rows are left out: the plan sizes the battery itself, so one more MWh or MW is worth what it costs
        // (their price is the capex the requirement takes from the budget or adds to the cost), not a relief to buy.
        for var limit in plan.binding where limit.shadowPrice != 0 && limit.family != .batteryEnergy && limit.family != .batteryPower {
            // Under N+1 with feeds to connect a quarter has one site-power row per feed that may be the largest: +1 MW of
            // usable grid relaxes them all, so they are one limit whose value is the sum of their prices.
            if limit.family == .sitePower { limit.subject = nil }
            let key = limit.limitKey
            if rows[key] == nil { keys.append(key); first[key] = limit }
            rows[key, default: []].append((limit.quarter, limit.shadowPrice * scale.factor))
        }
        let horizon = plan.quarters.map(\.quarter)
        var found: [(relief: Relief, order: Int)] = [], unpriced: [Unpriced] = []
        for key in keys {
            let limit = first[key]!, values = rows[key]!
            let worth = values.filter { $0.value > 0 }
            guard !worth.isEmpty else { continue }
            let group = Self.hallFamilies.contains(limit.family) ? Self.group(of: limit.subject, in: design) : nil
            let shown = limit.wholeUnits == nil ? group?.name ?? limit.subject : LimitText.subject(of: limit)
            let (options, missing) = Self.options(limit.family, group: group, subject: limit.subject, wholeUnits: limit.wholeUnits,
                                                  plan: plan, design: design, site: site)
            var best: Relief?
            for start in worth.compactMap(\.quarter).sorted() {
                for option in options {
                    guard let price = option.priceUSD(start), price > 0 else { continue }
                    let span = horizon.filter { $0 >= start }.prefix(while: option.relieves)
                    guard let through = span.last else { continue }
                    let value = values.filter { q in q.quarter.map { span.contains($0) } ?? false }.reduce(0) { $0 + $1.value }
                    let relief = Relief(family: limit.family, subject: shown, quarter: start, through: through, unit: limit.unit,
                                        value: value, priceUSD: price, option: option.name(start), optionUnits: option.units(start),
                                        optionValue: nil, change: option.change)
                    if best.map({ relief.ratio > $0.ratio }) ?? true { best = relief }
                }
            }
            // A relief worth less than a millionth of its price is the LP's round-off on a limit that is not worth relieving.
            if let weak = best, weak.ratio < Self.smallestRatio { continue }
            if let best {
                if let i = found.firstIndex(where: { $0.relief.family == limit.family && $0.relief.subject == shown }) {
                    if best.ratio > found[i].relief.ratio { found[i].relief = best }
                } else {
                    found.append((best, found.count))
                }
            } else if !unpriced.contains(where: { $0.family == limit.family && $0.subject == shown }) {
                unpriced.append(Unpriced(family: limit.family, subject: shown, quarter: worth.compactMap(\.quarter).min(), missing: missing))
            }
        }
        valued = relaxation != nil
        if let relaxation {
            let queries = found.map { f in
                f.relief.change.map { ReliefValuation.Query($0, from: f.relief.quarter, through: f.relief.through) }
            }
            let gains = relaxation.gains(queries.compactMap { $0 })
            var next = gains.makeIterator()
            for i in found.indices where queries[i] != nil {
                found[i].relief.optionValue = next.next().flatMap { $0 }.map { $0 * scale.factor }
            }
        }
        // An option the relaxation gains nothing from is worth nothing alone, whatever its first unit's price: the prices of a
        // degenerate LP share a value among limits that bind together (more hall power is no use without grid power).
        // Options valued whole rank before those that could not be (their first unit's ratio overstates a whole option's).
        let sorted = found.sorted { a, b in
            let (x, y) = (a.relief, b.relief)
            if (x.optionValue == nil) != (y.optionValue == nil) { return x.optionValue != nil }
            return x.ratio != y.ratio ? x.ratio > y.ratio : a.order < b.order
        }.map(\.relief)
        let ranked = sorted.filter { r in r.optionValue.map { $0 / r.optionCapexUSD >= Self.smallestRatio } ?? true }
        self.ranked = ranked
        alone = found.map(\.relief).filter { r in !ranked.contains { $0.family == r.family && $0.subject == r.subject } }
        self.unpriced = unpriced.filter { u in !found.contains { $0.relief.family == u.family && $0.relief.subject == u.subject } }
    }

    /// A line of buildnext.csv: a priced limit with its rank, or one nothing prices.
    public struct Row: Equatable, Sendable {
        /// 1 for the best value per USD; `nil` for a limit without a price.
        public var rank: Int?
        /// The limit's family.
        public var family: ConstraintFamily
        /// The hall group, profile or workload the limit is about, if any.
        public var subject: String?
        /// The first quarter with a value, for a limit without a price.
        public var quarter: Quarter?
        /// The relief and its figures, for a priced limit.
        public var relief: Relief?
        /// The unit of `relief`'s value (``BuildNext/valueUnit``).
        public var valueUnit: String
        /// What would price a limit without a price.
        public var missing: String?
        /// Why a priced limit is not ranked (its option is worth nothing alone).
        public var note: String?
    }

    /// Why an option in ``alone`` is not ranked.
    static let aloneNote = "worth nothing alone: the relaxation re-solved with it gains nothing, another limit binds with it"

    /// Every priced limit, best first, then those whose option is worth nothing alone, then every limit nothing prices: the
    /// lines of buildnext.csv.
    public var rows: [Row] {
        ranked.enumerated().map { Row(rank: $0.offset + 1, family: $0.element.family, subject: $0.element.subject, quarter: nil,
                                      relief: $0.element, valueUnit: valueUnit, missing: nil) }
            + alone.map { Row(rank: nil, family: $0.family, subject: $0.subject, quarter: nil, relief: $0, valueUnit: valueUnit,
                              missing: nil, note: Self.aloneNote) }
            + unpriced.map { Row(rank: nil, family: $0.family, subject: $0.subject, quarter: $0.quarter, relief: nil,
                                 valueUnit: valueUnit, missing: $0.missing) }
    }

    /// ``rows`` as plan.json's `whatToBuildNext` keeps them, with buildnext.csv's figures (to six decimals, as plan.json
    /// writes figures: stable against last-bit noise of the duals).
    public var entries: [BuildNextEntry] {
        func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
        return rows.map { row in
            let r = row.relief
            return BuildNextEntry(rank: row.rank, family: row.family, subject: row.subject, fromQuarter: r?.quarter ?? row.quarter,
                                  throughQuarter: r?.through, unit: r.map { LimitText.one($0.unit) }, value: r.map { rounded($0.value) },
                                  valueUnit: r == nil ? nil : row.valueUnit, priceUSD: r.map { rounded($0.priceUSD) }, option: r?.option,
                                  valuePerUSD: r.map { rounded($0.marginalRatio) }, optionUnits: r.map { rounded($0.optionUnits) },
                                  optionCapexUSD: r.map { rounded($0.optionCapexUSD) }, optionValue: r?.optionValue.map(rounded),
                                  optionValuePerUSD: r?.optionValue == nil ? nil : r.map { rounded($0.ratio) }, missingPrice: row.missing,
                                  note: row.note)
        }
    }

    /// The paragraph `plan` prints: the first ``printedLines`` priced limits, one a line, then the unpriced ones in one
    /// line (limits with the same reason together); empty when no binding limit has a value.
    public var text: String {
        guard !ranked.isEmpty || !alone.isEmpty || !unpriced.isEmpty else { return "" }
        let span = "in each quarter from the option's first until the horizon ends or the plan builds it anyway"
        var out = "What to build next (\(valueUnit) of value per USD of capex; "
        out += valued
            ? "value: what the option adds to the plan's LP relaxation, re-solved with it \(span) (\(valueBasis)), beside +1 unit "
                + "at the limit's shadow price; price: the option's capex, not annualized):\n"
            : "value: its shadow price (\(valueBasis)) \(span); price: the option's capex over the units it adds, not annualized):\n"
        if ranked.isEmpty {
            out += alone.isEmpty ? "  no binding limit has an option with a price in the inputs\n"
                : "  no option in the inputs is worth anything alone\n"
        }
        for (i, r) in ranked.prefix(Self.printedLines).enumerated() {
            let unit = LimitText.one(r.unit), name = LimitText.limitName(r.family, subject: r.subject, quarter: r.quarter)
            let marginal = "the first \(unit) alone ≈ \(Self.money(r.value, valueUnit)) for $\(NumberText.grouped(r.priceUSD))"
            if let whole = r.optionValue {
                out += "  \(i + 1). \(name): \(r.option), through \(r.through) ≈ \(Self.money(whole, valueUnit)); "
                    + "\(NumberText.significant(r.ratio, 3)) per USD (\(marginal), \(NumberText.significant(r.marginalRatio, 3)) per USD)\n"
            } else {
                out += "  \(i + 1). \(name): +1 \(unit) through \(r.through) ≈ \(Self.money(r.value, valueUnit)); costs "
                    + "$\(NumberText.grouped(r.priceUSD)) (\(r.option)); \(NumberText.significant(r.ratio, 3)) per USD"
                    + (valued ? " (+1 unit only: the whole option could not be valued)" : "") + "\n"
            }
        }
        if ranked.count > Self.printedLines { out += "  (and \(ranked.count - Self.printedLines) more)\n" }
        if !alone.isEmpty {
            out += "  Worth nothing alone (the relaxation re-solved with the option gains nothing: another limit binds with it): "
                + alone.map { "\(LimitText.limitName($0.family, subject: $0.subject, quarter: $0.quarter)) (\($0.option))" }
                    .joined(separator: ", ")
                + "\n"
        }
        var reasons: [String] = [], limits: [String: [String]] = [:]
        for u in unpriced {
            if limits[u.missing] == nil { reasons.append(u.missing) }
            limits[u.missing, default: []].append(LimitText.limitName(u.family, subject: u.subject, quarter: u.quarter))
        }
        if !reasons.isEmpty {
            out += "  No price in the inputs: " + reasons.map { "\(limits[$0]!.joined(separator: ", ")) (\($0))" }.joined(separator: "; ") + "\n"
        }
        return out
    }

    /// "$1,234" for USD, else "1.234e+12 tokens served".
    static func money(_ value: Double, _ unit: String) -> String {
        unit == "USD" ? "$\(NumberText.grouped(value))" : "\(NumberText.significant(value, 4)) \(unit)"
    }
}

extension BuildNext {
    /// How a shadow price becomes the value of +1 unit in one quarter: value = price × `factor`, in `unit`.
    struct ValueScale {
        var factor: Double
        var unit: String
        var basis: String

        /// From the unit of the plan's shadow prices (its final solve's objective's, or a ratio objective's own), its cost per
        /// million tokens over the horizon and its utilization, as
        /// ``LimitText/explanation(_:costPerMillionTokensUSD:utilization:objectiveValue:)`` converts.
        init(_ plan: BuildPlan) {
            let priceUnit = plan.binding.first?.shadowPriceUnit ?? ""
            let cost = PlanReport.horizonCostPerMillionTokensUSD(plan)
            let utilization = plan.quarters.last?.utilization
            let servedText = utilization.map { "served at \(NumberText.fixed($0 * 100, 0)) %" } ?? "at full load"
            let costText = cost.map { "at the plan's $\(NumberText.fixed($0, 4)) per million tokens" + (utilization == nil ? "" : " served") }
            // A token/s held for a quarter is secondsPerQuarter tokens; the plan's cost is per token served.
            let served = TimeBase.secondsPerQuarter * (utilization ?? 1)
            let perTokenPerSecond = cost.map { served * $0 / 1e6 } ?? served
            let tokensBasis = "× 7,889,400 s, \(servedText)" + (costText.map { ", \($0)" } ?? "")
            if priceUnit == Objective.costPerToken.unit {
                // A fall in the ratio is that much less cost for each million tokens the plan serves (RatioPricing).
                let servedMillions = plan.quarters.reduce(0.0) { $0 + $1.tokensPerSecond * TimeBase.secondsPerQuarter * ($1.utilization ?? 1) } / 1e6
                factor = -servedMillions
                unit = "USD"
                basis = "the fall in USD per million tokens served × the \(NumberText.significant(servedMillions, 4)) million tokens the plan serves"
            } else if priceUnit == Objective.tokensPerMW.unit, plan.objectiveValue > 0 {
                // A rise in the ratio times the plan's facility MW summed over quarters (its tokens over its ratio) is the
                // tokens/s it adds beyond what its MW would serve at the plan's ratio (RatioPricing), valued as tokens/s summed.
                let mwSummed = plan.quarters.reduce(0.0) { $0 + $1.tokensPerSecond } / plan.objectiveValue
                factor = mwSummed * perTokenPerSecond
                unit = cost == nil ? "tokens" : "USD"
                basis = "the rise in tokens/s per facility MW × the plan's \(NumberText.amount(mwSummed, decimals: 1)) facility MW summed over "
                    + "quarters (tokens/s beyond what its MW serve at the plan's ratio) \(tokensBasis)"
            } else if priceUnit == tokensPerSecondSummedUnit {
                factor = perTokenPerSecond
                unit = cost == nil ? "tokens" : "USD"
                basis = "tokens/s \(tokensBasis)"
            } else if priceUnit.hasPrefix("USD") {
                // Min-capex minimizes a dollar objective (as did cost-per-token's final solve in plans written before its
                // prices were in its ratio's unit): relief lowers it.
                factor = -1
                unit = "USD"
                basis = "the \(priceUnit) it saves"
            } else if priceUnit.hasPrefix("million tokens"), let cost {
                factor = cost
                unit = "USD"
                basis = "\(priceUnit) \(costText!)"
            } else {
                factor = 1
                unit = priceUnit
                basis = priceUnit
            }
        }
    }

    /// One way to buy more of a limit: its price per unit if it can be in service by a quarter, and whether the plan
    /// lacks it in a quarter (so that buying it relieves that quarter).
    struct Option {
        var name: (Quarter) -> String
        var priceUSD: (Quarter) -> Double?
        var relieves: (Quarter) -> Bool
        /// Units of the limit the option adds from a quarter.
        var units: (Quarter) -> Double
        /// How it changes the plan's relaxation, to value it whole (``ReliefValuation``).
        var change: ReliefValuation.Change?
    }

    /// Below this value per USD a relief is solver round-off, not a reason to build.
    static let smallestRatio = 1e-6

    /// The families of per-hall limits.
    static let hallFamilies: [ConstraintFamily] = [.hallPower, .floor, .liquid, .air, .unitsPerHall]

    /// The hall group a per-hall limit's subject names: the group itself, or one of its halls.
    static func group(of subject: String?, in design: ReferenceDesign) -> HallGroup? {
        design.halls.first { g in g.name == subject || (0..<g.count).contains { g.hallName($0) == subject } }
    }

    /// The water loop a plant row's subject names (none: the main loop; `chilled air on LOOP`: that loop's chilled-air row), whether
    /// it is the chilled-air row, and " on LOOP" to name the loop's modules with (empty on the main loop).
    static func plantRow(_ subject: String?, in design: ReferenceDesign) -> (loop: Int, chilledAir: Bool, named: String) {
        for l in 1..<design.loopCount {
            let name = design.loopName(l)
            if subject == name { return (l, false, " on \(name)") }
            if subject == PlanningProblem.LoopPlant.chilledAirSubject(onLoop: name) { return (l, true, " on \(name)") }
        }
        return (0, subject == PlanningProblem.LoopPlant.chilledAirSubject(onLoop: nil), "")
    }

    /// The options in the inputs that relieve a limit, and, for none, the field that would price it.
    static func options(_ family: ConstraintFamily, group: HallGroup?, subject: String?, wholeUnits: WholeUnits? = nil, plan: BuildPlan,
                        design: ReferenceDesign, site: Site) -> ([Option], missing: String) {
        let first = design.horizon.first
        func built(_ kind: FacilityBuild.Kind, _ name: String, _ quarter: Quarter) -> Int {
            FacilityBuild.inService(kind, name, in: quarter, plan.facilityBuilds)
        }
        /// One more module of `kind` (`name` in facilityBuilds), `count` at most, from `earliest`: its capex for the `mw` it
        /// adds to the row (`what` says how).
        func module(_ kind: FacilityBuild.Kind, _ name: String, label: String, build: BuildOption, count: Int, earliest: Quarter,
                    mw: Double, what: String) -> Option {
            Option(
                name: { _ in "\(label): $\(NumberText.grouped(build.capexUSD)) for \(NumberText.amount(mw)) MW \(what)" },
                priceUSD: { q in earliest <= q && built(kind, name, q) < count && mw > 0 ? build.capexUSD / mw : nil },
                relieves: { built(kind, name, $0) < count }, units: { _ in mw }, change: .item(kind, name: name))
        }
        switch family {
        case .sitePower:
            let grid = site.grid
            /// Feeds energized in a quarter: given ones from their availableFrom, built ones as the plan built them.
            func energized(_ q: Quarter) -> [Feed] {
                grid.feeds.filter { $0.build == nil ? $0.availableFrom <= q : built(.feed, $0.name, q) > 0 }
            }
            func addedMW(_ feed: Feed, _ q: Quarter) -> Double {
                let capacities = energized(q).map(\.capacityMW)
                return grid.redundancy.usableCapacity(of: capacities + [feed.capacityMW]) - grid.redundancy.usableCapacity(of: capacities)
            }
            let options = grid.feeds.compactMap { feed -> Option? in
                guard let build = feed.build else { return nil }
                return Option(
                    name: { q in "feed \(feed.name): $\(NumberText.grouped(build.capexUSD)) for \(NumberText.amount(addedMW(feed, q))) MW "
                        + "more usable under \(grid.redundancy.description)" },
                    priceUSD: { q in
                        let added = addedMW(feed, q)
                        return feed.earliestService(horizonFirst: first) <= q && built(.feed, feed.name, q) == 0 && added > 0
                            ? build.capexUSD / added : nil
                    },
                    relieves: { built(.feed, feed.name, $0) == 0 }, units: { addedMW(feed, $0) }, change: .item(.feed, name: feed.name))
            }
            return (options, options.isEmpty ? "add a grid feed with a build option: grid.feeds[].build"
                                             : "no feed with a build option can be connected by then")
        case .hallPower, .floor, .liquid, .air:
            guard let group else { return ([], "the hall is in no hall group of the design") }
            let perHall: Double = switch family {
            case .hallPower: group.usableITCapacityMW
            case .floor: Double(group.positions)
            case .liquid: group.liquidCapacityMW
            default: group.airCapacityMW
            }
            var options: [Option] = []
            if family == .hallPower, let blocks = group.powerBlocks, group.usableMWPerBlock > 0 {
                // One more block in the limit's hall (a group's limit: in any of its halls) that has room for one.
                let names = (0..<group.count).map(group.hallName)
                let halls = subject.map { names.contains($0) ? [$0] : names } ?? names
                let earliest = group.powerBlockEarliestService(horizonFirst: first)!
                func room(_ q: Quarter) -> Bool {
                    halls.contains { hall in
                        (group.build == nil || built(.hall, group.name, q) > names.firstIndex(of: hall)!)
                            && FacilityBuild.inService(.powerBlock, hall, in: q, plan.facilityBuilds) < blocks.perHall
                    }
                }
                options.append(Option(
                    name: { _ in "a power block of \(group.name): $\(NumberText.grouped(blocks.build.capexUSD)) for "
                        + "\(NumberText.amount(group.usableMWPerBlock)) MW" },
                    priceUSD: { q in earliest <= q && room(q) ? blocks.build.capexUSD / group.usableMWPerBlock : nil },
                    relieves: room, units: { _ in group.usableMWPerBlock }, change: .powerBlock(hall: subject ?? group.name)))
            }
            if let build = group.build {
                options.append(Option(
                    name: { _ in "a hall of \(group.name): $\(NumberText.grouped(build.capexUSD)) for \(NumberText.amount(perHall)) \(family.unit)" },
                    priceUSD: { q in
                        group.earliestService(horizonFirst: first) <= q && built(.hall, group.name, q) < group.count && perHall > 0
                            ? build.capexUSD / perHall : nil
                    },
                    relieves: { built(.hall, group.name, $0) < group.count }, units: { _ in perHall },
                    change: .hall(group: group.name, blocks: 0)))
            }
            if !options.isEmpty {
                let blocks = family == .hallPower && group.powerBlocks != nil
                return (options, group.build == nil ? "every hall of \(group.name) has its power blocks by then, or the first can be in service later"
                    : "every hall of \(group.name) is built\(blocks ? ", with its power blocks," : "") by then, or its earliest service is later")
            }
            if family == .hallPower, let perMW = design.economics.facilityCapexUSDPerMW {
                return ([Option(name: { _ in "1 MW at economics.facilityCapexUSDPerMW, $\(NumberText.grouped(perMW)) per MW" },
                                priceUSD: { _ in perMW }, relieves: { _ in true }, units: { _ in 1 },
                                change: .limit(.hallPower, subject: subject, profile: nil, amount: 1))], "")
            }
            return ([], "give the hall group a build option: halls[].build"
                + (family == .hallPower ? ", or economics.facilityCapexUSDPerMW" : ""))
        case .heatRejection:
            let row = plantRow(subject, in: design), loop = design.onLoop(row.loop), hr = loop.heatRejection
            let field = row.loop == 0 ? "heatRejection" : "waterLoops[\(row.loop - 1)].heatRejection"
            guard let modules = hr.modules else { return ([], "add plant modules with a build option: \(field).modules") }
            // A module takes its share of the plant's heat at the design condition (identical exchangers, same temperatures).
            let c = row.loop == 0 ? plan.designCondition : DesignCondition(design: loop, site: site)
            let perModule = hr.moduleRejectionMW(plantRejectionMW: c.rejectionCapacityMW)!
            let option = module(.plantModule, design.plantModuleLineName(row.loop), label: "a plant module" + row.named, build: modules.build,
                                count: modules.count, earliest: modules.earliestService(horizonFirst: first), mw: perModule,
                                what: "at the design condition")
            return ([option], "every plant module is built by then, or the first can be in service later")
        case .chiller:
            let row = plantRow(subject, in: design), loop = design.onLoop(row.loop), hr = loop.heatRejection
            let c = row.loop == 0 ? plan.designCondition : DesignCondition(design: loop, site: site)
            let field = row.loop == 0 ? "heatRejection" : "waterLoops[\(row.loop - 1)].heatRejection"
            var options: [Option] = []
            // A chiller module adds its cooling and its change of the plant's credit to the chiller row (less on a tower,
            // whose cells its condenser takes); the chilled-air row gains its cooling alone.
            if let modules = hr.chillerModules {
                let perModule = !row.chilledAir ? modules.capacityMW + (c.chillerCreditMWPerChillerModule ?? 0) : modules.capacityMW
                options.append(module(.chillerModule, design.chillerModuleLineName(row.loop), label: "a chiller module" + row.named,
                                      build: modules.build, count: modules.count, earliest: modules.earliestService(horizonFirst: first),
                                      mw: perModule, what: "at the design condition"))
            }
            // A plant module adds its credit: the bigger plant takes more of the stream before the chillers start.
            if let modules = hr.modules, !row.chilledAir, let perModule = c.chillerCreditMWPerPlantModule, perModule > 0 {
                options.append(module(.plantModule, design.plantModuleLineName(row.loop), label: "a plant module" + row.named,
                                      build: modules.build, count: modules.count, earliest: modules.earliestService(horizonFirst: first),
                                      mw: perModule, what: "of chiller-row credit (s × stream − credit ≤ chillers)"))
            }
            return options.isEmpty ? ([], "\(field).chillerCapacityMW has no capex: add chiller modules with a build option, "
                + "\(field).chillerModules") : (options, "every chiller module is built by then, or the first can be in service later")
        case .unitsPerHall:
            // One more whole unit in one hall: the shortfall of the limit that sets the units per hall, or one more hall of the group.
            guard let group, let w = wholeUnits else { return ([], "the hall is in no hall group of the design") }
            let short = w.shortfallForOneMore, need = "\(NumberText.amount(short, decimals: 4)) \(w.setBy.unit) more in one hall (\(w.setBy.words))"
            var options: [Option] = []
            // As for hall power itself: the facility's cost per MW prices a hall with neither a build option nor power blocks,
            // and only where hall power alone keeps the next unit out. It is a marginal price: real hall power comes in blocks.
            if w.setBy == .hallPower, w.alsoShort.isEmpty, group.build == nil, group.powerBlocks == nil,
               let perMW = design.economics.facilityCapexUSDPerMW, short > 0 {
                options.append(Option(name: { _ in "\(need) at economics.facilityCapexUSDPerMW, $\(NumberText.grouped(perMW)) per MW" },
                                      priceUSD: { _ in perMW * short }, relieves: { _ in true }, units: { _ in 1 },
                                      change: .limit(.unitsPerHall, subject: subject, profile: w.profile, amount: 1)))
            }
            // One more hall takes k units, with its power blocks (k counts them all) from when both can stand.
            if let build = group.build, w.unitsPerHall > 0 {
                let blocks = group.powerBlocks.map { Double($0.perHall) * $0.build.capexUSD } ?? 0
                let earliest = max(group.earliestService(horizonFirst: first), group.powerBlockEarliestService(horizonFirst: first) ?? first)
                let withBlocks = group.powerBlocks.map { " with its \($0.perHall) power blocks" } ?? ""
                options.append(Option(
                    name: { _ in "a hall of \(group.name)\(withBlocks): $\(NumberText.grouped(build.capexUSD + blocks)) for \(w.unitsPerHall) units" },
                    priceUSD: { q in
                        earliest <= q && built(.hall, group.name, q) < group.count ? (build.capexUSD + blocks) / Double(w.unitsPerHall) : nil
                    },
                    relieves: { built(.hall, group.name, $0) < group.count }, units: { _ in Double(w.unitsPerHall) },
                    change: .hall(group: group.name, blocks: group.powerBlocks?.perHall ?? 0)))
            }
            if group.build != nil, !options.isEmpty { return (options, "every hall of \(group.name) is built by then, or its earliest service is later") }
            if !w.alsoShort.isEmpty {
                let others = w.alsoShort.map { " and \(NumberText.amount($0.amount, decimals: 4)) \($0.family.unit) more (\($0.family.words))" }.joined()
                return (options, "one more unit needs \(need)\(others); no option in the inputs adds them together: halls[].build")
            }
            let field = w.setBy == .hallPower && group.powerBlocks == nil ? "halls[].build or economics.facilityCapexUSDPerMW" : "halls[].build"
            return (options, "one more unit needs \(need), which has no capex in the inputs: \(field)")
        case .network: return ([], "the fabric's ports have no capex")
        case .supply: return ([], "supplyCapRacksPerQuarter is the vendor's allocation")
        case .budget: return ([], "budgetUSD is a limit on spending, not something to build")
        case .water: return ([], "the site's waterLimitM3PerYear has no price")
        case .capexLimit, .facilityLimit: return ([], "a limit of the Pareto sweep")
        default: return ([], "not a facility limit")
        }
    }
}

import Foundation
import Numerics
import Planner
import PlantModel
import Plans
import Reports
import Testing

/// A four-quarter plan (2027Q1–Q4) written by hand, on the shipped vera-rubin-1gw design and chicago-il site with their
/// halls and feeds replaced:
/// - hall group `a`: 2 halls of 40 MW usable (N), 200 positions, build option $400M each, no lead time; the plan builds
///   one in 2027Q1 and the second in 2027Q4. Hall group `b`: 1 given hall, no build option;
///   economics.facilityCapexUSDPerMW = $10M.
/// - feeds under N+1: f1 and f2, 350 MW each, given from 2027Q1 (350 MW usable); f3, 350 MW, build $210M, lead time
///   2 quarters (earliest 2027Q3), never built; f4, 100 MW, build $50M, no lead time, built by the plan in 2027Q4.
/// Every quarter costs $0.10 per million tokens served at 50 %, so one token/s (summed over quarters) of shadow price
/// is worth 7,889,400 s × 0.5 × $0.10 / 10⁶ = $0.39447.
@Suite("What to build next: binding limits by value per dollar of relief, worked by hand")
struct BuildNextTests {
    static let q1 = Quarter("2027Q1")!, q2 = Quarter("2027Q2")!, q3 = Quarter("2027Q3")!, q4 = Quarter("2027Q4")!
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let usdPerTokenPerSecond = 7_889_400 * 0.5 * 0.10 / 1e6

    static func design() throws -> ReferenceDesign {
        var d = try ReferenceDesign.load(from: root + "/reference-designs/vera-rubin-1gw.yaml", catalog: Catalog.bundled()).value
        #expect(d.horizon.first == q1)
        d.halls = [
            HallGroup(name: "a", count: 2, positions: 200, maxRackKW: 250, installedCapacityMW: 40, redundancy: .n, liquidCapacityMW: 35,
                      airCapacityMW: 2, maxRackWeightKg: nil, availableFrom: q1, build: BuildOption(capexUSD: 400e6, leadTimeQuarters: 0)),
            HallGroup(name: "b", count: 1, positions: 200, maxRackKW: 250, installedCapacityMW: 40, redundancy: .n, liquidCapacityMW: 35,
                      airCapacityMW: 2, maxRackWeightKg: nil, availableFrom: q1),
        ]
        d.economics.facilityCapexUSDPerMW = 10e6
        return d
    }

    static func site() throws -> Site {
        var s = try Site.load(from: root + "/sites/chicago-il.yaml").value
        s.grid.feeds = [
            Feed(name: "f1", capacityMW: 350, availableFrom: q1), Feed(name: "f2", capacityMW: 350, availableFrom: q1),
            Feed(name: "f3", capacityMW: 350, availableFrom: q1, build: BuildOption(capexUSD: 210e6, leadTimeQuarters: 2)),
            Feed(name: "f4", capacityMW: 100, availableFrom: q1, build: BuildOption(capexUSD: 50e6, leadTimeQuarters: 0)),
        ]
        s.grid.redundancy = .nPlusOne
        return s
    }

    static func limit(_ family: ConstraintFamily, _ q: Quarter, _ subject: String?, price: Double,
                      unit: String = tokensPerSecondSummedUnit) -> BindingLimit {
        BindingLimit(constraint: "\(family.rawValue)(\(q))", family: family, state: .binding, quarter: q, subject: subject, capacity: 1,
                     used: 1, slack: 0, unit: family.unit, shadowPrice: price, shadowPriceUnit: unit)
    }

    static func plan(_ binding: [BindingLimit]) -> BuildPlan {
        var p = SmallPlan.plan
        p.quarters = [q1, q2, q3, q4].map { q in
            QuarterMetrics(quarter: q, racks: 10, gpus: 720, itMW: 2, facilityMW: 2.2, usableGridMW: 350, tokensPerSecond: 1e7,
                           tokensPerSecondByWorkload: ["w": 1e7], capexNewUSD: 0, capexCumulativeUSD: 0, costPerMillionTokensUSD: 0.10,
                           utilization: 0.5)
        }
        p.facilityBuilds = [
            FacilityBuild(quarter: q1, kind: .hall, name: "a", new: 1, inService: 1),
            FacilityBuild(quarter: q2, kind: .hall, name: "a", new: 0, inService: 1),
            FacilityBuild(quarter: q3, kind: .hall, name: "a", new: 0, inService: 1),
            FacilityBuild(quarter: q4, kind: .hall, name: "a", new: 1, inService: 2),
            FacilityBuild(quarter: q4, kind: .feed, name: "f4", new: 1, inService: 1),
        ]
        p.binding = binding
        return p
    }

    @Test("Two priced limits ranked by value per dollar, with their figures; a limit nothing prices listed as unpriced")
    func ranking() throws {
        let plan = Self.plan([
            Self.limit(.hallPower, Self.q3, "a-1", price: 3e6), Self.limit(.hallPower, Self.q4, "a-1", price: 3e6),
            Self.limit(.sitePower, Self.q2, nil, price: 1e6), Self.limit(.sitePower, Self.q3, nil, price: 1e6),
            Self.limit(.sitePower, Self.q4, nil, price: 2e6), Self.limit(.heatRejection, Self.q2, nil, price: 5e5),
        ])
        let next = BuildNext(plan, design: try Self.design(), site: try Self.site())
        #expect(next.valueUnit == "USD")
        #expect(next.ranked.map(\.family) == [.sitePower, .hallPower], "site power pays more per dollar, though listed second")
        // Site power. From 2027Q2 only f4 can be in service (f3's earliest is 2027Q3): N+1 over 350, 350 and 100 MW holds
        // back 350, so f4 adds 800 − 350 − 350 = 100 MW usable for $50M, $500,000 per MW; it relieves 2027Q2 and Q3 (the plan
        // connects it in Q4): (1e6 + 1e6) × 0.39447 = $788,940, 1.578 per USD. From 2027Q3, f3 adds 1,050 − 350 − 350 =
        // 350 MW for $210M, $600,000 per MW, and relieves Q3 and Q4 (never built): (1e6 + 2e6) × 0.39447 = $1,183,410,
        // 1.972 per USD, the best.
        let site = next.ranked[0]
        #expect(site.quarter == Self.q3 && site.through == Self.q4)
        #expect(site.value.isApproximatelyEqual(to: 1_183_410, relativeTolerance: 1e-9))
        #expect(site.priceUSD.isApproximatelyEqual(to: 600_000, relativeTolerance: 1e-12))
        #expect(site.ratio.isApproximatelyEqual(to: 1.97235, relativeTolerance: 1e-9))
        #expect(site.option.hasPrefix("feed f3"))
        // Hall power of group a (its hall a-1): one more hall, $400M for 40 MW, $10M per MW, in service by 2027Q3 with one of
        // two built; the plan builds the second in Q4, so only Q3 is relieved: 3e6 × 0.39447 = $1,183,410, 0.1183 per USD.
        let hall = next.ranked[1]
        #expect(hall.subject == "a" && hall.quarter == Self.q3 && hall.through == Self.q3)
        #expect(hall.value.isApproximatelyEqual(to: 1_183_410, relativeTolerance: 1e-9))
        #expect(hall.priceUSD.isApproximatelyEqual(to: 10e6, relativeTolerance: 1e-12))
        #expect(hall.ratio.isApproximatelyEqual(to: 0.118341, relativeTolerance: 1e-9))
        #expect(next.unpriced.map(\.family) == [.heatRejection] && next.unpriced.first?.quarter == Self.q2)
        #expect(next.unpriced.first?.missing == "add plant modules with a build option: heatRejection.modules")
        let text = next.text
        #expect(text.hasPrefix("What to build next (USD of value per USD of capex; "))
        #expect(text.contains("\n  1. site power (usable grid capacity after the feed redundancy rule) in 2027Q3: +1 MW through 2027Q4 ≈ "
                              + "$1,183,410; costs $600,000 (feed f3: $210,000,000 for 350 MW more usable under N+1); 1.97 per USD\n"), "\(text)")
        #expect(text.contains("\n  2. hall IT power (after the hall's redundancy rule) (a) in 2027Q3: +1 MW through 2027Q3 ≈ $1,183,410; "
                              + "costs $10,000,000 (a hall of a: $400,000,000 for 40 MW); 0.118 per USD\n"), "\(text)")
        #expect(text.hasSuffix("  No price in the inputs: heat-rejection capacity at the design ambient in 2027Q2 "
                               + "(add plant modules with a build option: heatRejection.modules)\n"))
        #expect(PlanReport.table(plan, buildNext: next).contains("\n\n" + text))
        // buildnext.csv: the same ranking, every figure, then the unpriced limit with what would price it (fields with a
        // comma quoted, RFC 4180).
        #expect(PlanReport.buildNextCSV(next).split(separator: "\n").map(String.init) == [
            "rank,family,limit,subject,fromQuarter,throughQuarter,unit,value,valueUnit,priceUSD,option,valuePerUSD,optionUnits,"
                + "optionCapexUSD,optionValue,optionValuePerUSD,missingPrice,note",
            // A plan without its relaxation (as here, made by hand): the options' units and capex, no whole value.
            "1,site_power,site power (usable grid capacity after the feed redundancy rule),,2027Q3,2027Q4,MW,1183410,USD,600000,"
                + "\"feed f3: $210,000,000 for 350 MW more usable under N+1\",1.97235,350,210000000,,,,",
            "2,hall_power,hall IT power (after the hall's redundancy rule),a,2027Q3,2027Q3,MW,1183410,USD,10000000,"
                + "\"a hall of a: $400,000,000 for 40 MW\",0.118341,40,400000000,,,,",
            ",heat_rejection,heat-rejection capacity at the design ambient,,2027Q2,,,,,,,,,,,,"
                + "add plant modules with a build option: heatRejection.modules,",
        ])
        // Without a ranking (nothing binds, or none given): the header alone.
        let none = BuildNext(Self.plan([]), design: try Self.design(), site: try Self.site())
        #expect(PlanReport.buildNextCSV(nil) == PlanReport.buildNextCSV(none) && PlanReport.buildNextCSV(nil).split(separator: "\n").count == 1)
    }

    @Test("Prices in a ratio objective's unit: valued as the ratio's change over the plan's tokens, said as a share of the ratio")
    func ratioUnits() throws {
        // Under cost-per-token at $0.10 per million tokens: 4 quarters × 1e7 tokens/s × 7,889,400 s × 0.5 / 10⁶ = 157,788,000
        // million tokens served. Site power lowers the ratio by $0.001 per million tokens per MW in 2027Q3 and $0.002 in
        // 2027Q4: feed f3 from 2027Q3 ($600,000 per MW, as in the ranking above) is worth (0.001 + 0.002) × 157,788,000 =
        // $473,364 per MW, 0.78894 per USD.
        var plan = Self.plan([Self.limit(.sitePower, Self.q3, nil, price: -0.001, unit: Objective.costPerToken.unit),
                              Self.limit(.sitePower, Self.q4, nil, price: -0.002, unit: Objective.costPerToken.unit)])
        plan.objective = .costPerToken
        plan.objectiveValue = 0.10
        let next = BuildNext(plan, design: try Self.design(), site: try Self.site())
        #expect(next.valueUnit == "USD")
        let site = try #require(next.ranked.first)
        #expect(site.quarter == Self.q3 && site.option.hasPrefix("feed f3"))
        #expect(site.value.isApproximatelyEqual(to: 473_364, relativeTolerance: 1e-9))
        #expect(site.ratio.isApproximatelyEqual(to: 0.78894, relativeTolerance: 1e-9))
        #expect(next.valueBasis.contains("the fall in USD per million tokens served × the 1.578e+08 million tokens the plan serves"))
        #expect(LimitText.explanation(plan.binding[0], objectiveValue: plan.objectiveValue).hasSuffix(
            "; +1 MW ≈ -0.001 USD per million tokens served, -1 % of the plan's 0.1, a saving"))
        // Under tokens-per-mw the price is tokens/s per facility MW, and its share of the plan's 4,545,455.
        var perMW = Self.limit(.sitePower, Self.q3, nil, price: 45.45, unit: Objective.tokensPerMW.unit)
        perMW.state = .nearLimit
        #expect(LimitText.explanation(perMW, objectiveValue: 1e7 / 2.2).hasSuffix(
            "; +1 MW ≈ +45.45 tokens/s per facility MW (horizon total), +0.001 % of the plan's 4,545,455"))
    }

    @Test("An option fully built, or not in service by the limit's quarter, is not offered")
    func unavailable() throws {
        // Hall power of group a in 2027Q4: both halls are built by then. Site power in 2027Q2: f4 is connected only in Q4
        // but is removed here, and f3 cannot be in service before 2027Q3.
        var site = try Self.site()
        site.grid.feeds.removeAll { $0.name == "f4" }
        let next = BuildNext(Self.plan([Self.limit(.hallPower, Self.q4, "a-2", price: 3e6), Self.limit(.sitePower, Self.q2, nil, price: 1e6)]),
                             design: try Self.design(), site: site)
        #expect(next.ranked.isEmpty)
        #expect(next.unpriced.map(\.family) == [.hallPower, .sitePower])
        #expect(next.unpriced.map(\.subject) == ["a", nil])
        #expect(next.text.contains("  no binding limit has an option with a price in the inputs\n"))
        // With f4 back, f4 (built in Q4, free in Q2) relieves site power in Q2: 1e6 × 0.39447 / $500,000 per MW.
        let withF4 = BuildNext(Self.plan([Self.limit(.sitePower, Self.q2, nil, price: 1e6)]), design: try Self.design(), site: try Self.site())
        #expect(withF4.ranked.first?.option.hasPrefix("feed f4") == true)
        #expect(withF4.ranked.first?.ratio.isApproximatelyEqual(to: 394_470 / 500_000, relativeTolerance: 1e-9) == true)
    }

    @Test("Hall power without a build option priced at facilityCapexUSDPerMW, its floor unpriced, a min-capex price as capex saved")
    func facilityPerMW() throws {
        // Min-capex: +1 MW of hall b in Q3 and Q4 lowers capex by $2M each (shadow price −2e6 USD of capex): $4M of value
        // for $10M of facility per MW, 0.4 per USD. Floor of b has no build option to price it.
        let next = BuildNext(Self.plan([
            Self.limit(.floor, Self.q3, "b", price: -1e5, unit: "USD of capex"),
            Self.limit(.hallPower, Self.q3, "b", price: -2e6, unit: "USD of capex"),
            Self.limit(.hallPower, Self.q4, "b", price: -2e6, unit: "USD of capex"),
        ]), design: try Self.design(), site: try Self.site())
        #expect(next.valueUnit == "USD")
        let hall = try #require(next.ranked.first)
        #expect(hall.quarter == Self.q3 && hall.through == Self.q4 && hall.option == "1 MW at economics.facilityCapexUSDPerMW, $10,000,000 per MW")
        #expect(hall.ratio.isApproximatelyEqual(to: 0.4, relativeTolerance: 1e-12))
        #expect(next.unpriced.map(\.family) == [.floor] && next.unpriced.first?.subject == "b" && next.unpriced.first?.quarter == Self.q3)
        #expect(next.unpriced.first?.missing == "give the hall group a build option: halls[].build")
    }

    @Test("Hall power of a group with power blocks is priced by one more block in a hall with room for one")
    func powerBlock() throws {
        // Hall b (given, 40 MW, N) with up to two 10 MW blocks at $50M each, one quarter of lead time (earliest 2027Q2); the plan
        // puts both in b from 2027Q3. One more block: $50M for 10 MW usable (N), $5M per MW, in place of the design's $10M per
        // MW of facility; b has room only in 2027Q2: 2e6 × 0.39447 = $788,940 of value, 0.157788 per USD.
        var design = try Self.design()
        design.halls[1].powerBlocks = PowerBlocks(capacityMW: 10, perHall: 2, build: BuildOption(capexUSD: 50e6, leadTimeQuarters: 1))
        var plan = Self.plan([Self.limit(.hallPower, Self.q2, "b", price: 2e6), Self.limit(.hallPower, Self.q3, "b", price: 2e6),
                              Self.limit(.hallPower, Self.q4, "b", price: 2e6)])
        plan.facilityBuilds! += [FacilityBuild(quarter: Self.q3, kind: .powerBlock, name: "b", new: 2, inService: 2),
                                 FacilityBuild(quarter: Self.q4, kind: .powerBlock, name: "b", new: 0, inService: 2)]
        let next = BuildNext(plan, design: design, site: try Self.site())
        let block = try #require(next.ranked.first)
        #expect(next.ranked.count == 1)
        #expect(block.subject == "b" && block.quarter == Self.q2 && block.through == Self.q2)
        #expect(block.value.isApproximatelyEqual(to: 788_940, relativeTolerance: 1e-9))
        #expect(block.priceUSD.isApproximatelyEqual(to: 5e6, relativeTolerance: 1e-12))
        #expect(block.ratio.isApproximatelyEqual(to: 0.157788, relativeTolerance: 1e-9))
        #expect(block.option == "a power block of b: $50,000,000 for 10 MW")
    }

    /// A whole-units-per-hall limit in units of 8 racks: `used`, `capacity` and the shadow price are per unit.
    static func wholeUnits(_ q: Quarter, _ hall: String, _ w: WholeUnits, price: Double) -> BindingLimit {
        BindingLimit(constraint: "units_per_hall(\(hall),vr_nvl72,\(q))", family: .unitsPerHall, state: .binding, quarter: q, subject: hall,
                     capacity: Double(w.unitsPerHall), used: Double(w.unitsPerHall), slack: 0, unit: "units", shadowPrice: price,
                     shadowPriceUnit: tokensPerSecondSummedUnit, wholeUnits: w)
    }

    /// The design with a third group `c`: 2 given halls (no build option, no power blocks) of 40 MW usable, 200 positions and
    /// 48 MW of CDUs. A vr-nvl72 unit of 8 racks takes 1.881 MW of hall power (the figure the tests give), 8 positions and
    /// 8 × 0.230 = 1.84 MW of CDUs: 21 units by power (39.501 MW), 25 by floor, 26 by CDUs, so power alone sets k = 21.
    static func designWithGroupC() throws -> ReferenceDesign {
        var d = try design()
        d.halls.append(HallGroup(name: "c", count: 2, positions: 200, maxRackKW: 250, installedCapacityMW: 40, redundancy: .n,
                                 liquidCapacityMW: 48, airCapacityMW: 2, maxRackWeightKg: nil, availableFrom: q1))
        return d
    }

    @Test("Whole units per hall: the shortfall of the limit that sets them at facilityCapexUSDPerMW, or one more hall with its blocks")
    func wholeUnitsPerHall() throws {
        // Group c: unit 22 needs 22 × 1.881 − 40 = 1.382 MW more in one hall, $13.82M at $10M per MW. +1 unit is worth 5e6
        // tokens/s in Q2–Q4: 3 × 5e6 × 0.39447 = $5,917,050, 0.428151 per USD.
        let power = WholeUnits(profile: "vr-nvl72", racksPerUnit: 8, unitsPerHall: 21, setBy: .hallPower, perUnit: 1.881, perHall: 40)
        // Group a's floor: 200 positions take 25 units of 8. Given two 10 MW power blocks per hall at $50M each (one quarter of
        // lead time, from 2027Q2), one more hall of a with its blocks is $400M + 2 × $50M = $500M for 25 units, $20M a unit,
        // until the plan builds a's second hall in Q4: relieves Q2 and Q3, 2 × 4e6 × 0.39447 = $3,155,760, 0.157788 per USD.
        let floor = WholeUnits(profile: "vr-nvl72", racksPerUnit: 8, unitsPerHall: 25, setBy: .floor, perUnit: 8, perHall: 200)
        var design = try Self.designWithGroupC()
        design.halls[0].powerBlocks = PowerBlocks(capacityMW: 10, perHall: 2, build: BuildOption(capexUSD: 50e6, leadTimeQuarters: 1))
        let next = BuildNext(Self.plan([Self.q2, Self.q3, Self.q4].map { Self.wholeUnits($0, "c", power, price: 5e6) }
                                       + [Self.q1, Self.q2, Self.q3, Self.q4].map { Self.wholeUnits($0, "a", floor, price: 4e6) }),
                             design: design, site: try Self.site())
        #expect(power.shortfallForOneMore.isApproximatelyEqual(to: 1.382, relativeTolerance: 1e-12))
        #expect(next.ranked.map(\.subject) == ["c: vr-nvl72 in units of 8 racks", "a: vr-nvl72 in units of 8 racks"])
        let c = next.ranked[0], a = next.ranked[1]
        #expect(c.quarter == Self.q2 && c.through == Self.q4)
        #expect(c.value.isApproximatelyEqual(to: 5_917_050, relativeTolerance: 1e-9))
        #expect(c.priceUSD.isApproximatelyEqual(to: 13.82e6, relativeTolerance: 1e-12))
        #expect(c.option == "1.382 MW more in one hall (hall IT power (after the hall's redundancy rule)) at economics.facilityCapexUSDPerMW, "
                + "$10,000,000 per MW")
        // Not from Q1: the blocks cannot stand before Q2.
        #expect(a.quarter == Self.q2 && a.through == Self.q3)
        #expect(a.value.isApproximatelyEqual(to: 3_155_760, relativeTolerance: 1e-9))
        #expect(a.priceUSD.isApproximatelyEqual(to: 20e6, relativeTolerance: 1e-12))
        #expect(a.option == "a hall of a with its 2 power blocks: $500,000,000 for 25 units")
        #expect(next.unpriced.isEmpty)
        #expect(next.text.contains("\n  1. whole units per hall (a scalable unit of several racks stands in one hall) (c: vr-nvl72 in units of "
                                   + "8 racks) in 2027Q2: +1 unit through 2027Q4 ≈ $5,917,050; costs $13,820,000 ("), "\(next.text)")
    }

    @Test("Whole units per hall with no price: a floor, or hall power that CDUs also hold back, in a group with no build option")
    func wholeUnitsUnpriced() throws {
        let floor = WholeUnits(profile: "vr-nvl72", racksPerUnit: 8, unitsPerHall: 25, setBy: .floor, perUnit: 8, perHall: 200)
        let floorNext = BuildNext(Self.plan([Self.wholeUnits(Self.q3, "c", floor, price: 1e6)]), design: try Self.designWithGroupC(),
                                  site: try Self.site())
        #expect(floorNext.ranked.isEmpty)
        #expect(floorNext.unpriced.first?.missing == "one more unit needs 8 positions more in one hall (floor positions), which has no capex "
                + "in the inputs: halls[].build")
        // Hall power sets k, but the CDUs have no room for unit 22 either: more MW alone adds no unit, so it is not priced.
        let both = WholeUnits(profile: "vr-nvl72", racksPerUnit: 8, unitsPerHall: 21, setBy: .hallPower, perUnit: 1.881, perHall: 40,
                              alsoShort: [.init(family: .liquid, amount: 0.48)])
        let bothNext = BuildNext(Self.plan([Self.wholeUnits(Self.q3, "c", both, price: 1e6)]), design: try Self.designWithGroupC(),
                                 site: try Self.site())
        #expect(bothNext.ranked.isEmpty)
        #expect(bothNext.unpriced.first?.missing == "one more unit needs 1.382 MW more in one hall (hall IT power (after the hall's "
                + "redundancy rule)) and 0.48 MW more (liquid-cooling (CDU) capacity); no option in the inputs adds them together: halls[].build")
    }

    @Test("What binds says a limit with nothing in service yet is none in service, and an allocation of none allows no purchases, not 0 of 0 used")
    func noneInService() {
        let ride = BindingLimit(constraint: "battery_energy(2026Q1)", family: .batteryEnergy, state: .binding, quarter: Self.q2, subject: nil,
                                capacity: 0, used: 0, slack: 0, unit: "MWh", shadowPrice: 0, shadowPriceUnit: tokensPerSecondSummedUnit)
        #expect(LimitText.explanation(ride).hasSuffix(" in 2027Q2: binding, none in service yet (0 MWh)"))
        var some = ride
        (some.capacity, some.used) = (2, 2)
        #expect(LimitText.explanation(some).hasSuffix(" in 2027Q2: binding, 2 of 2 MWh used"))
        // A supply allocation of none (the refresh example's Hopper, standing but not for sale) caps purchases only.
        let none = BindingLimit(constraint: "supply(hgx_h100_4x8,2026Q1)", family: .supply, state: .binding, quarter: Self.q2,
                                subject: "hgx-h100-4x8", capacity: 0, used: 0, slack: 0, unit: "racks", shadowPrice: 0,
                                shadowPriceUnit: tokensPerSecondSummedUnit)
        #expect(LimitText.explanation(none).hasSuffix(" in 2027Q2: binding, no purchases allowed (an allocation of 0 racks)"))
    }

    @Test("What binds names whole units per hall in units, with the limit that sets them and what the next unit needs")
    func wholeUnitsExplained() {
        // Positions 170 instead: unit 22 needs 22 × 8 − 170 = 6 positions more as well.
        let power = WholeUnits(profile: "vr-nvl72", racksPerUnit: 8, unitsPerHall: 21, setBy: .hallPower, perUnit: 1.881, perHall: 40,
                               alsoShort: [.init(family: .floor, amount: 6)])
        // 21 × 1.881 = 39.501 MW of 40; 2 halls × 21 = 42 units.
        var limit = Self.wholeUnits(Self.q2, "c", power, price: 0)
        (limit.capacity, limit.used) = (42, 42)
        #expect(LimitText.explanation(limit) == "whole units per hall (a scalable unit of several racks stands in one hall) (c: vr-nvl72 in "
                + "units of 8 racks) in 2027Q2: binding, 42 of 42 units used; 21 per hall, set by hall IT power (after the hall's redundancy "
                + "rule): 21 × 1.881 MW = 39.501 of 40 MW; unit 22 needs 1.382 MW more in one hall, and floor positions short by 6 positions")
    }
}

@Suite("plan's table names what the plan builds")
struct BuiltLineTests {
    @Test("Built: by quarter, halls with their count, feeds by name, power blocks by hall; nothing said without build options")
    func builtLine() {
        var plan = SmallPlan.plan
        let (q1, q2) = (Quarter("2027Q1")!, Quarter("2027Q2")!)
        #expect(!PlanReport.table(plan).contains("Built:"))
        plan.facilityBuilds = [
            FacilityBuild(quarter: q2, kind: .hall, name: "a", new: 1, inService: 2),
            FacilityBuild(quarter: q1, kind: .hall, name: "a", new: 1, inService: 1),
            FacilityBuild(quarter: q2, kind: .feed, name: "f4", new: 1, inService: 1),
            FacilityBuild(quarter: q2, kind: .powerBlock, name: "a-2", new: 2, inService: 2),
        ]
        #expect(PlanReport.table(plan).contains("Built: 2027Q1 1 × a; 2027Q2 1 × a; 2027Q2 feed f4; 2027Q2 2 power blocks in a-2\n"))
        plan.facilityBuilds = []
        #expect(PlanReport.table(plan).contains("Built: nothing"))
    }
}

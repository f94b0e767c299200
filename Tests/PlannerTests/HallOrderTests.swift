import Testing
import Numerics
import LinearProgramming
@testable import Planner
import PlantModel
import Plans

/// Three identical halls of 10 positions and 1.2 MW (the tiny instance's racks: GB200 0.1356 MW and 395,928 tokens/s,
/// GB300 0.1471 MW and 596,952 tokens/s, both in units of 3 racks) with at most 3 GB300 racks bought a quarter. Three units
/// take 1.2204 MW or more, so a hall holds at most two. The optimum fills all six places in the first quarter, one GB300 unit
/// and five GB200 units: 3 × 596,952 + 15 × 395,928 = 7,729,776 tokens/s in each of the two quarters, 15,459,552 summed
/// (leaving a place for the second quarter's GB300 unit gives 6,541,992 + 8,332,848 = 14,874,840), the objective counting
/// each over a quarter's seconds. The hall holding the
/// GB300 unit beside a GB200 unit holds the most tokens.
@Suite("Identical halls held one by one are ordered without losing a plan")
struct HallOrderTests {
    static func instance() throws -> TinyInstance {
        var tiny = try TinyInstance(positions: 10, hallMW: 1.2, siteMW: 10)
        tiny.design.halls[0].count = 3
        tiny.design.scalableUnits = ["gb200-nvl72": 3, "gb300-nvl72": 3]
        tiny.design.supplyCapRacksPerQuarter = ["gb300-nvl72": 3]
        return tiny
    }

    static let optimum = 2 * (3 * 596_952.0 + 15 * 395_928.0)

    @Test("A group re-planned hall by hall keeps the optimum of the same halls given apart, its halls ordered by tokens")
    func orderedOptimum() throws {
        let tiny = try Self.instance()
        let options = PlanOptions(objective: .maxTokens, relativeGap: 0)
        let split = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog).expanding([0])
        var apart = tiny.design
        apart.halls = tiny.design.halls[0].singles
        let given = PlanningProblem(design: apart, site: tiny.site, catalog: tiny.catalog)
        #expect(split.interchangeableHalls == [[0, 1, 2]] && given.interchangeableHalls.isEmpty)
        let ordered = try Planner.solve(split, options: options, budget: TimeBudget(options))
        let free = try Planner.solve(given, options: options, budget: TimeBudget(options))
        let orderRows = ordered.formulation.model.constraints.filter { $0.name.hasPrefix("hall_order(") }.map(\.name)
        #expect(orderRows == ["hall_order(h_1,h_2)", "hall_order(h_2,h_3)"])
        #expect(!free.formulation.model.constraints.contains { $0.name.hasPrefix("hall_order(") })
        for outcome in [ordered, free] {
            // The objective counts tokens: tokens/s times the 7,889,400 s of an average quarter (365.25 / 4 days).
            #expect(outcome.objectiveValue.isApproximatelyEqual(to: Self.optimum * 7_889_400, relativeTolerance: 1e-9))
        }
        // Tokens each hall holds over both quarters, hall by hall: the GB300 unit's hall first.
        let stock = ordered.stockValues
        let tokens = split.halls.indices.map { h in
            split.eligible.indices.filter { split.eligible[$0].hall == h }.reduce(0.0) { sum, e in
                let rate = split.profiles[split.eligible[e].profile].id == "gb300-nvl72" ? 596_952.0 : 395_928.0
                return sum + rate * Double((stock[e] ?? [:]).values.reduce(0, +))
            }
        }
        let gb300Hall: Double = 2 * (3 * 596_952 + 3 * 395_928), gb200Hall: Double = 2 * 6 * 395_928
        #expect(tokens == [gb300Hall, gb200Hall, gb200Hall])
    }

    /// The optimum of ``orderedOptimum`` with its first and last halls' columns swapped: still a plan of the model without
    /// the `hall_order` rows, not of the model; put in hall order it is the optimum again.
    @Test("A plan with its halls out of order is put back in order, and is a plan of the model again")
    func inHallOrder() throws {
        let tiny = try Self.instance()
        let options = PlanOptions(objective: .maxTokens, relativeGap: 0)
        let split = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog).expanding([0])
        let outcome = try Planner.solve(split, options: options, budget: TimeBudget(options))
        let f = outcome.formulation, point = outcome.solution.values
        var swapped = point
        for p in split.profiles.indices {
            let first = split.eligible.indices.first { split.eligible[$0].hall == 0 && split.eligible[$0].profile == p }
            let last = split.eligible.indices.first { split.eligible[$0].hall == 2 && split.eligible[$0].profile == p }
            guard let first, let last else { continue }
            for series in [f.build, f.retire, f.stock] {
                for (t, a) in series[first] ?? [:] {
                    let b = try #require(series[last]?[t])
                    (swapped[a.index], swapped[b.index]) = (point[b.index], point[a.index])
                }
            }
        }
        #expect(swapped != point)
        #expect(Relaxation.usableStart(swapped, for: f.model) == nil)
        #expect(Relaxation.usableStart(swapped, for: f.modelWithoutHallOrder) != nil)
        let ordered = f.inHallOrder(swapped)
        #expect(ordered == point)
        #expect(Relaxation.usableStart(ordered, for: f.model) != nil)
    }

    /// Halls built as the plan needs them, with 3 GB300 and 6 GB200 racks bought a quarter: the first quarter's three units
    /// take two halls (two units a hall at most), and the third hall is built in the second quarter for its three more:
    /// 4,166,424 + 8,332,848 = 12,499,272 tokens/s summed (3 × 596,952 + 6 × 395,928, then twice that). The hall built later
    /// comes last.
    @Test("Halls built in different quarters are ordered by when they enter service, keeping the optimum")
    func builtInOrder() throws {
        var tiny = try Self.instance()
        tiny.design.halls[0].build = BuildOption(capexUSD: 1e6, leadTimeQuarters: 0)
        tiny.design.supplyCapRacksPerQuarter = ["gb300-nvl72": 3, "gb200-nvl72": 6]
        let options = PlanOptions(objective: .maxTokens, relativeGap: 0)
        let split = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog).expanding([0])
        var apart = tiny.design
        apart.halls = tiny.design.halls[0].singles
        let free = try Planner.solve(PlanningProblem(design: apart, site: tiny.site, catalog: tiny.catalog), options: options,
                                     budget: TimeBudget(options))
        let ordered = try Planner.solve(split, options: options, budget: TimeBudget(options))
        let built = ordered.hallsBuiltValues
        #expect(built[0] == [1, 1] && built[1] == [1, 1] && built[2] == [0, 1])
        // Five hall-quarters in service, each charged the objective's idle-decision unit.
        let tokens: Double = (3 * 596_952 + 6 * 395_928) * 3 * 7_889_400
        #expect(ordered.objectiveValue.isApproximatelyEqual(to: tokens - 5, relativeTolerance: 1e-12))
        #expect(ordered.formulation.inHallOrder(ordered.solution.values) == ordered.solution.values)
        // The same halls given apart (each its own design group, no order between them) reach the same optimum.
        #expect(free.objectiveValue.isApproximatelyEqual(to: ordered.objectiveValue, relativeTolerance: 1e-12))
    }

    /// Placements of the group of ``instance()`` (built as the plan needs, so each hall has its `halls_built` columns) put in
    /// hall order: by the quarter each hall enters service, then by the tokens it holds.
    @Test("A start's halls are ordered by the quarter they enter service, then by tokens")
    func startOrder() throws {
        var tiny = try Self.instance()
        tiny.design.halls[0].build = BuildOption(capexUSD: 1e6, leadTimeQuarters: 0)
        let split = PlanningProblem(design: tiny.design, site: tiny.site, catalog: tiny.catalog).expanding([0])
        let f = Formulation(split)
        func column(_ series: [Int: [Int: VariableID]], _ profile: String, _ h: Int, _ t: Int) throws -> VariableID {
            let e = try #require(split.eligible.indices.first { split.eligible[$0].hall == h && split.profiles[split.eligible[$0].profile].id == profile })
            return try #require(series[e]?[t])
        }
        /// The point with `racks[profile][t][h]` racks and `built[h][t]` halls built, put in hall order, read back as racks.
        func ordered(_ racks: [String: [[Int]]], built: [[Int]]) throws -> [String: [[Int]]] {
            var point = [Double](repeating: 0, count: f.model.variables.count)
            for (profile, byQuarter) in racks {
                for (t, byHall) in byQuarter.enumerated() {
                    for (h, n) in byHall.enumerated() { point[try column(f.stock, profile, h, t).index] = Double(n) }
                }
            }
            for (h, byQuarter) in built.enumerated() {
                for (t, y) in byQuarter.enumerated() { point[try #require(f.hallBuilt[h]?[t]).index] = Double(y) }
            }
            let out = f.inHallOrder(point)
            var placed: [String: [[Int]]] = [:]
            for (profile, byQuarter) in racks {
                placed[profile] = try byQuarter.indices.map { t in try (0..<3).map { h in Int(out[try column(f.stock, profile, h, t).index]) } }
            }
            return placed
        }
        let inService = [[1, 1], [1, 1], [1, 1]]
        #expect(try ordered(["gb300-nvl72": [[0, 0, 3], [0, 0, 3]], "gb200-nvl72": [[6, 6, 3], [6, 6, 3]]], built: inService)
                == ["gb300-nvl72": [[3, 0, 0], [3, 0, 0]], "gb200-nvl72": [[3, 6, 6], [3, 6, 6]]])
        // Hall 0 in service from the first quarter, halls 1 and 2 from the second: hall 0 leads though hall 2 holds more.
        #expect(try ordered(["gb300-nvl72": [[0, 0, 0], [0, 0, 3]], "gb200-nvl72": [[3, 0, 0], [3, 6, 3]]],
                            built: [[1, 1], [0, 1], [0, 1]])
                == ["gb300-nvl72": [[0, 0, 0], [0, 3, 0]], "gb200-nvl72": [[3, 0, 0], [3, 3, 6]]])
    }
}

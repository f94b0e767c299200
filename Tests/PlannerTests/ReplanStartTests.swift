import Testing
import Numerics
import LinearProgramming
@testable import Planner
import PlantModel

/// The start of a re-plan hall by hall (README "The re-plan's start and bound", Sources/Planner/SplitStart.swift).
@Suite("The re-plan's start hall by hall")
struct ReplanStartTests {
    /// ``HallPackingTests/besideGB200Halls(count:)`` with b a group of two: the three 0.6 MW halls (one GB200 or GB300 unit
    /// of 3 racks each) beside b, two 10 MW halls that only GB200 fits, in service from 2026Q2, on a 2.2 MW grid.
    /// The pooled optimum is the same, 14,308,488 tokens/s over the two quarters: 3 GB300 units and 1 GB200 unit in the
    /// group, and one GB200 unit in b in 2026Q2. Split, each of the three halls holds one GB300 unit and the group's GB200
    /// unit is left out (11,932,920). The refill cannot add to it: each split hall has 0.6 − 0.4413 = 0.1587 MW left, less
    /// than a unit, and b, a group kept whole, holds exactly its plan's unit. With the split halls held and b free, the grid's
    /// 2.2 − 1.3239 = 0.8761 MW left in 2026Q2 takes 2 GB200 units in b (0.8136 MW; 3 need 1.2204):
    /// 5,372,568 + 5,372,568 + 2 × 1,187,784 = 13,120,704 tokens/s, the optimum hall by hall. At a 0.1 gap the start aims at
    /// 14,308,488 / 1.1 = 13,007,716, which only that plan reaches (b's one unit is the 11,932,920 start itself).
    @Test("The start with the split halls held takes up the grid the left-out unit held in a group kept whole: 13,120,704 tokens/s")
    func rebalanced() throws {
        let (problem, outcome, assignment, deadline) = try HallPackingTests.besideGB200Halls(count: 2)
        let options = PlanOptions(relativeGap: 0.1)
        let target = try #require(Planner.target(outcome, options))
        // The model's objective is tokens/s summed over the quarters (plan.json's is that times the seconds of a quarter).
        #expect(target.isApproximatelyEqual(to: 14_308_488 / 1.1, relativeTolerance: 1e-8))
        let split = problem.expanding([0])
        var f = Planner.formulation(split, options: options)
        outcome.final.prepare(&f)
        let work = SearchWork()
        let start = try #require(SplitStart.point(for: f, from: outcome, splitting: [0], searched: assignment.searched, searchGap: 0.1,
                                                  target: target, deadline: deadline, counting: work))
        #expect(Formulation.objectiveValue(start, on: f.model).isApproximatelyEqual(to: 13_120_704, relativeTolerance: 1e-9))
        func stock(_ profile: String, hall: Int, quarter t: Int) throws -> Double {
            let e = try #require(split.eligible.indices.first {
                split.profiles[split.eligible[$0].profile].id == profile && split.eligible[$0].hall == hall
            })
            return start[try #require(f.stock[e]?[t]).index]
        }
        for hall in 0..<3 {
            #expect(try stock("gb300-nvl72", hall: hall, quarter: 1) == 3)
            #expect(try stock("gb200-nvl72", hall: hall, quarter: 1) == 0)
        }
        #expect(try stock("gb200-nvl72", hall: 3, quarter: 1) == 6)
        // The refill's and the rebalance's branch-and-bound are counted with the re-plan's work.
        #expect(work.iterations > 0)
    }
}

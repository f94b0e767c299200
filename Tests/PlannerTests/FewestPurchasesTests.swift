import Testing
@testable import Planner

@Suite("Fewest purchases for the racks in service")
struct FewestPurchasesTests {
    /// Two racks in service in each of six quarters, none before, bought one by one (unit 1), a life of 4 quarters, no
    /// existing racks: the two bought in the first quarter leave at its end of life, quarter 4, and two are bought then.
    @Test("Racks are bought where they rise and where their life ends, not before (by hand)")
    func byHand() {
        let racks = { (t: Int) in t < 0 ? 0 : 2 }
        let none = { (_: Int) in 0 }
        // No allocation: the rise in quarter 0, then the window of quarter 4 (quarters 1–4) holds none of them: 2 there.
        #expect(FewestPurchases.fewest(quarters: Array(0..<6), racks: racks, most: Array(repeating: 9, count: 6), unit: 1,
                                       life: 4, inLife: none) == [2, 0, 0, 0, 2, 0])
        // At most one a quarter from quarter 1 (what a churning plan bought, one swap a quarter): the window of quarter 4
        // takes one in quarter 4 and one in quarter 3, the latest it may.
        #expect(FewestPurchases.fewest(quarters: Array(0..<6), racks: racks, most: [2, 1, 1, 1, 1, 1], unit: 1,
                                       life: 4, inLife: none) == [2, 0, 0, 1, 1, 0])
        // Without a life only the rise is bought.
        #expect(FewestPurchases.fewest(quarters: Array(0..<6), racks: racks, most: Array(repeating: 9, count: 6), unit: 1,
                                       life: nil, inLife: none) == [2, 0, 0, 0, 0, 0])
        // In units of 8, from 3 existing racks within their life: a rise to 9 in quarter 2 takes one unit (2 of the 3 then
        // leave, 9 − 3 = 6 ≤ 8 bought in the window), a rise to 5 none that fits (8 bought must all stand).
        let rising = { (t: Int) in t < 2 ? 3 : 9 }
        #expect(FewestPurchases.fewest(quarters: Array(0..<4), racks: rising, most: Array(repeating: 9, count: 4), unit: 8,
                                       life: 4, inLife: { _ in 3 }) == [0, 0, 1, 0])
        #expect(FewestPurchases.fewest(quarters: Array(0..<4), racks: { $0 < 2 ? 3 : 5 }, most: Array(repeating: 9, count: 4),
                                       unit: 8, life: 4, inLife: { _ in 3 }) == nil)
        // A window that no allocation lets be met: none.
        #expect(FewestPurchases.fewest(quarters: Array(0..<6), racks: racks, most: [2, 0, 0, 0, 0, 0], unit: 1,
                                       life: 4, inLife: none) == nil)
    }
}

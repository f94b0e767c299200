import Reports
import Testing

@Suite("Numbers as TokenPlant prints them")
struct NumberTextTests {
    @Test("Fixed decimals, grouped thousands, amounts without trailing zeros, significant digits")
    func formats() {
        #expect(NumberText.fixed(2.345, 1) == "2.3")
        #expect(NumberText.fixed(-0.5, 0) == "-0")
        #expect(NumberText.grouped(1_234_567.4) == "1,234,567")
        #expect(NumberText.grouped(-98_765) == "-98,765")
        #expect(NumberText.grouped(42.25) == "42.2")
        #expect(NumberText.grouped(4.2) == "4.200")
        // From 10¹⁵ on, 12 significant digits: 20,172,990,141,505,580 (the co-design example's tokens over its horizon)
        // is 2.01729901415 × 10¹⁶ rounded there; just below, every digit.
        #expect(NumberText.grouped(20_172_990_141_505_580) == "2.01729901415e+16")
        #expect(NumberText.grouped(999_999_999_999_999) == "999,999,999,999,999")
        #expect(NumberText.grouped(1e15) == "1e+15" && NumberText.grouped(-20_172_990_141_505_580) == "-2.01729901415e+16")
        #expect(NumberText.amount(41.5) == "41.5")
        #expect(NumberText.amount(12.0004) == "12")
        #expect(NumberText.amount(0.1256) == "0.126")
        #expect(NumberText.amount(23_691.5764) == "23,691.576")
        #expect(NumberText.amount(-1_578_858.4861) == "-1,578,858.486")
        #expect(NumberText.amount(20_000_000_000) == "20,000,000,000")
        #expect(NumberText.amount(999.9996) == "1,000")
        #expect(NumberText.plain(19_994_676_318) == "19994676318")
        #expect(NumberText.significant(1_234_567, 4) == "1.235e+06")
        #expect(NumberText.significant(1.23456, 5) == "1.2346")
    }
}

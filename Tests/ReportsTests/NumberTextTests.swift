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
        #expect(NumberText.amount(41.5) == "41.5")
        #expect(NumberText.amount(12.0004) == "12")
        #expect(NumberText.amount(0.1256) == "0.126")
        #expect(NumberText.significant(1_234_567, 4) == "1.235e+06")
        #expect(NumberText.significant(1.23456, 5) == "1.2346")
    }
}

import Testing
import PlantModel

/// Fabric prices (README "Fabric capex") on the bundled example, whose site fabric is a three-tier radix-144 tree and whose
/// profiles (GB200 and GB300 NVL72) carry the catalog's all-in overhead share 0.185.
@Suite("Fabric prices are given whole, on every fabric, with the share of the racks' overhead they replace")
struct FabricPriceValidationTests {
    static let unpriced = "fabric: {switchRadix: 144, tiers: 3, switchWattsPerPort: 14, opticsWattsPerPort: 15}"

    func issues(fabric: String, economics extra: String = "") throws -> [String] {
        var text = try exampleDesign(replacing: Self.unpriced, with: fabric)
        if !extra.isEmpty { text = text.replacingOccurrences(of: "facilityLifeYears: 20}", with: "facilityLifeYears: 20, \(extra)}") }
        return try designIssues(text).map { "\($0.path): \($0.message)" }
    }

    @Test("Both prices and a share within the profiles' overhead pass")
    func valid() throws {
        #expect(try issues(fabric: "fabric: {switchRadix: 144, tiers: 3, switchWattsPerPort: 14, opticsWattsPerPort: 15, "
                           + "switchCapexUSD: 200000, transceiverCapexUSD: 1200}", economics: "fabricShareOfRackOverhead: 0.11") == [])
    }

    @Test("A price without the other, or without the share, is named with what to add")
    func incomplete() throws {
        let found = try issues(fabric: "fabric: {switchRadix: 144, tiers: 3, switchWattsPerPort: 14, opticsWattsPerPort: 15, switchCapexUSD: 200000}")
        #expect(found.contains("fabric.transceiverCapexUSD: a priced fabric needs both switchCapexUSD and transceiverCapexUSD (0 for copper links)"),
                "\(found)")
        #expect(found.contains { $0.hasPrefix("economics.fabricShareOfRackOverhead: the fabrics have prices: say what part") }, "\(found)")
        #expect(found.count == 2, "\(found)")
    }

    @Test("A share above a profile's whole overhead, or with no priced fabric, is refused")
    func share() throws {
        let above = try issues(fabric: "fabric: {switchRadix: 144, tiers: 3, switchWattsPerPort: 14, opticsWattsPerPort: 15, "
                               + "switchCapexUSD: 200000, transceiverCapexUSD: 1200}", economics: "fabricShareOfRackOverhead: 0.2")
        #expect(above == ["economics.fabricShareOfRackOverhead: 0.2 is more than the whole all-in overhead share of gb200-nvl72, "
                          + "gb300-nvl72 (0.185 at the least): give at most 0.185"])
        // Out of its range, the range's message alone.
        let outside = try issues(fabric: "fabric: {switchRadix: 144, tiers: 3, switchWattsPerPort: 14, opticsWattsPerPort: 15, "
                                 + "switchCapexUSD: 200000, transceiverCapexUSD: 1200}", economics: "fabricShareOfRackOverhead: 11")
        #expect(outside.count == 1 && outside[0].contains("out of range [0, 2]"), "\(outside)")
        let alone = try issues(fabric: Self.unpriced, economics: "fabricShareOfRackOverhead: 0.11")
        #expect(alone.count == 1 && alone[0].hasPrefix("economics.fabricShareOfRackOverhead: no fabric has prices"), "\(alone)")
    }

    @Test("A hall's own fabric left unpriced beside a priced site fabric is named")
    func everyFabric() throws {
        var text = try exampleDesign(replacing: Self.unpriced, with: "fabric: {switchRadix: 144, tiers: 3, switchWattsPerPort: 14, "
                                     + "opticsWattsPerPort: 15, switchCapexUSD: 200000, transceiverCapexUSD: 1200}")
        text = text.replacingOccurrences(of: "facilityLifeYears: 20}", with: "facilityLifeYears: 20, fabricShareOfRackOverhead: 0.11}")
        let hall = "  - name: nvl-hall\n"
        #expect(text.contains(hall))
        text = text.replacingOccurrences(of: hall, with: hall + "    fabric: {switchRadix: 64, tiers: 2, switchWattsPerPort: 14, opticsWattsPerPort: 15}\n")
        let found = try designIssues(text).map { "\($0.path): \($0.message)" }
        #expect(found == ["halls[0].fabric.switchCapexUSD: nvl-hall's fabric has no prices while the site's fabric has: price this one "
                          + "too (switchCapexUSD and transceiverCapexUSD), so every rack's capex leaves the network out alike, or take the "
                          + "prices off the others"], "\(found)")
    }

    @Test("With priced fabrics no hall group may take the site fabric's name, which the model and bom.csv use")
    func reservedName() throws {
        var text = try exampleDesign(replacing: Self.unpriced, with: "fabric: {switchRadix: 144, tiers: 3, switchWattsPerPort: 14, "
                                     + "opticsWattsPerPort: 15, switchCapexUSD: 200000, transceiverCapexUSD: 1200}")
        text = text.replacingOccurrences(of: "facilityLifeYears: 20}", with: "facilityLifeYears: 20, fabricShareOfRackOverhead: 0.11}")
            .replacingOccurrences(of: "  - name: nvl-hall\n", with: "  - name: site_fabric\n")
        let found = try designIssues(text).map { "\($0.path): \($0.message)" }
        #expect(found == ["halls[0].name: 'site_fabric' is the site's priced fabric's name in the model and bom.csv: rename the hall"], "\(found)")
    }
}

import Testing
import PlantModel

@Suite("Existing racks in a design are checked against its halls, profiles and horizon")
struct ExistingRacksValidationTests {
    /// The bundled example (halls nvl-hall-1…8 of 240 positions, horizon from 2026Q1) with `entries` as its existing racks.
    func issues(_ entries: String) throws -> [String] {
        try designIssues(try exampleDesign(replacing: "\nhalls:\n", with: "\nexistingRacks: [\(entries)]\nhalls:\n"))
            .map { "\($0.path): \($0.message)" }
    }

    @Test("Racks in a hall of the design, of an allowed profile, installed before the horizon, within the floor, pass")
    func valid() throws {
        #expect(try issues("{hall: nvl-hall-2, profile: gb200-nvl72, racks: 240, installedQuarter: 2025Q1}") == [])
    }

    @Test("An unknown hall, a profile the design does not allow, a later quarter and an overfull floor are each named")
    func invalid() throws {
        let found = try issues("""
            {hall: nvl-hall-9, profile: gb200-nvl72, racks: 1, installedQuarter: 2025Q1},
            {hall: nvl-hall-1, profile: hgx-h100-4x8, racks: 1, installedQuarter: 2025Q1},
            {hall: nvl-hall-1, profile: gb300-nvl72, racks: 1, installedQuarter: 2026Q2},
            {hall: nvl-hall-3, profile: gb200-nvl72, racks: 200, installedQuarter: 2025Q1},
            {hall: nvl-hall-3, profile: gb300-nvl72, racks: 41, installedQuarter: 2025Q1}
            """)
        #expect(found.contains { $0.hasPrefix("existingRacks[0].hall: no hall 'nvl-hall-9'") }, "\(found)")
        #expect(found.contains("existingRacks[1].profile: 'hgx-h100-4x8' is not among the design's profiles"), "\(found)")
        #expect(found.contains { $0.hasPrefix("existingRacks[2].installedQuarter: 2026Q2 is after the horizon begins (2026Q1)") }, "\(found)")
        // 200 + 41 = 241 positions in a hall of 240.
        #expect(found.contains("existingRacks[4].racks: existing racks take 241 positions in nvl-hall-3, which has 240"), "\(found)")
        #expect(found.count == 4, "\(found)")
    }

    @Test("A hall whose limits keep the profile out is named with the planner's reasons, before any site is read")
    func hallKeepsProfileOut() throws {
        let text = try exampleDesign(replacing: "\nhalls:\n", with: """

            existingRacks: [{hall: nvl-hall-2, profile: gb200-nvl72, racks: 4, installedQuarter: 2025Q1}]
            halls:

            """)
        // GB200 NVL72: 132 kW and 1,360 kg a rack (catalog); the halls cut to 100 kW, 1,200 kg and no CDUs.
        let cut = text.replacingOccurrences(of: "maxRackKW: 150", with: "maxRackKW: 100")
            .replacingOccurrences(of: "maxRackWeightKg: 1600", with: "maxRackWeightKg: 1200")
            .replacingOccurrences(of: "liquidCapacityMW: 30", with: "liquidCapacityMW: 0")
        let found = try designIssues(cut).map { "\($0.path): \($0.message)" }.filter { $0.hasPrefix("existingRacks") }
        #expect(found == ["existingRacks[0].profile: existing gb200-nvl72 racks cannot stand in nvl-hall-2: rack 132 kW > the hall's "
                          + "maxRackKW 100 kW; rack 1360 kg > the hall's maxRackWeightKg 1200 kg; liquid-cooled rack in a hall without "
                          + "CDUs (liquidCapacityMW 0); name a hall that takes them, or leave them out of existingRacks"],
                "\(found)")
    }
}

import Testing
import PlantModel

/// Water loops in a design file (README "Water loops"): each loop named once, not `main`, served by a hall, with its own
/// water class and plant checked as the main loop's are; a hall names an existing loop.
@Suite("Water loop validation")
struct WaterLoopValidationTests {
    /// The bundled example with a W32 loop (30 °C facility water, its own dry cooler) named `loopName`, its hall group on
    /// the loop `hallLoop` names.
    static func design(loopName: String = "w45", hallLoop: String? = "w45", supplyC: Double = 30, waterClass: String = "W32") throws -> String {
        let loop = """
        waterLoops:
          - name: \(loopName)
            liquidCooling: {facilityWaterClass: \(waterClass), facilitySupplyTempC: \(supplyC), cduApproachK: 3, loopDeltaTK: 10, pumpPowerFraction: 0.037, cduCapacityMW: 1.35}
            heatRejection: {type: dryCooler, ratedCapacityMW: 200, ratedAmbientC: 35, ratedFluidInletC: 55, approachK: 5.6, fanPowerFraction: 0.04, chillerCapacityMW: 0}

        """
        var text = try exampleDesign(replacing: "fabric: {switchRadix: 144", with: loop + "fabric: {switchRadix: 144")
        if let hallLoop { text = text.replacingOccurrences(of: "  - name: nvl-hall\n", with: "  - name: nvl-hall\n    waterLoop: \(hallLoop)\n") }
        return text
    }

    @Test("A loop the halls stand on is valid")
    func valid() throws {
        #expect(try designIssues(Self.design()).map(\.path) == [])
    }

    @Test("Each broken loop is named by its path", arguments: [
        (nil as String?, "w45", "waterLoops[0].name", "no hall stands on loop 'w45'"),
        ("w40", "w45", "halls[0].waterLoop", "no water loop 'w40' (loops: main, w45)"),
        ("main", "main", "waterLoops[0].name", "'main' is the loop of the design's own"),
        ("chillers", "chillers", "waterLoops[0].name", "'chillers' names the main loop's modules"),
    ])
    func broken(hallLoop: String?, loopName: String, path: String, message: String) throws {
        let issues = try designIssues(Self.design(loopName: loopName, hallLoop: hallLoop))
        #expect(issues.contains { $0.path == path && $0.message.contains(message) }, "\(issues.map { "\($0.path): \($0.message)" })")
    }

    @Test("A loop's water class and plant are checked as the main loop's")
    func loopFields() throws {
        // 30 °C is above class W27's 27 °C.
        let warm = try designIssues(Self.design(waterClass: "W27"))
        #expect(warm.contains { $0.path == "waterLoops[0].liquidCooling.facilitySupplyTempC" && $0.message.contains("exceeds class W27's 27 °C") })
        // Ranges apply under waterLoops[] too: 90 °C is above the 70 °C top of W+.
        let hot = try designIssues(Self.design(supplyC: 90, waterClass: "W+"))
        #expect(hot.contains { $0.path == "waterLoops[0].liquidCooling.facilitySupplyTempC" && $0.message.contains("70") })
    }

    @Test("A profile too warm for every loop with liquid halls is refused, naming each loop's rack supply")
    func coolantLimit() throws {
        // GB200 and GB300 take coolant at 35 °C at most (catalog); on a 40 °C loop with a 3 K CDU approach the racks get 43 °C,
        // and the main loop (32 + 3 = 35 °C) has no hall left.
        let issues = try designIssues(Self.design(supplyC: 40, waterClass: "W40"))
        #expect(issues.contains { $0.path == "profiles[0]" && $0.message.contains("35 °C at most") && $0.message.contains("w45 43 °C") })
        #expect(try designIssues(Self.design()).allSatisfy { !$0.path.hasPrefix("profiles") })
    }

    @Test("Existing liquid racks in a hall whose loop is too warm for them are refused at their entry")
    func existingOnWarmLoop() throws {
        // GB200 takes coolant at 35 °C at most (catalog); the w45 loop at 40 °C supplies its racks at 40 + 3 = 43 °C.
        let existing = "existingRacks: [{hall: nvl-hall-1, profile: gb200-nvl72, racks: 8, installedQuarter: 2025Q4}]\nhalls:\n"
        let warm = try Self.design(supplyC: 40, waterClass: "W40").replacingOccurrences(of: "\nhalls:\n", with: "\n" + existing)
        #expect(try designIssues(warm).contains { $0.path == "existingRacks[0].profile"
            && $0.message.contains("rack supply 43 °C on water loop w45 > the rack's 35 °C coolant limit") })
        // On the 30 °C loop (33 °C at the racks) the same racks stand.
        let cool = try Self.design().replacingOccurrences(of: "\nhalls:\n", with: "\n" + existing)
        #expect(try designIssues(cool).allSatisfy { !$0.path.hasPrefix("existingRacks") })
    }

    @Test("A design whose liquid halls all stand on water loops needs no liquidCooling of its own")
    func noMainLiquid() throws {
        let main = "liquidCooling:\n  facilityWaterClass: W32\n  facilitySupplyTempC: 32\n  cduApproachK: 3\n  loopDeltaTK: 10\n"
            + "  pumpPowerFraction: 0.037\n  cduCapacityMW: 1.35\n"
        let text = try Self.design()
        #expect(text.contains(main))
        #expect(try designIssues(text.replacingOccurrences(of: main, with: "")).map(\.path) == [])
        // Without the loop either, the liquid hall and profiles are refused.
        let bare = try exampleDesign(replacing: main, with: "")
        #expect(try designIssues(bare).contains { $0.path == "halls[0].liquidCapacityMW" })
    }
}

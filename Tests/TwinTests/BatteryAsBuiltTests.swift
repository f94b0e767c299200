import Testing
@testable import PlantModel
import Plans
@testable import Twin
import Numerics

/// The twin's battery as the plan grows it (README "Facility decisions", "Battery"): each quarter the bank takes the battery
/// then in service (``InstalledFleet/battery``), energy added arriving charged.
@Suite("Battery as built, quarter by quarter")
struct BatteryAsBuiltTests {
    @Test("A feed-outage hour the battery of an earlier quarter cannot cover is covered once the plan has grown it")
    func outageCoveredLater() throws {
        // The lossless plant of TwinThrottleTests: 101 MW at full demand (10 idle + 90 dynamic + 1 fabric). A feed outage
        // leaves 60 MW usable, 41 MW short.
        let (fleet, plant) = try TwinThrottleTests.losslessPlant()
        var bank = BatteryBank(Battery(energyMWh: 20, powerMW: 20, roundTripEfficiency: 0.9))
        // Earlier quarter, 20 MWh and 20 MW: the battery gives its 20 MW, and the dynamic load is capped by (41 − 20)/90.
        var early = TwinThrottleTests.hour(usableMW: 60)
        Twin.step(&early, fleet: fleet, utilization: 1, plant: plant, battery: &bank)
        #expect(early.batteryMW.isApproximatelyEqual(to: 20, absoluteTolerance: 1e-3))
        #expect(early.throttleFraction.isApproximatelyEqual(to: 21.0 / 90, absoluteTolerance: 2e-6))
        #expect(bank.storedMWh.isApproximatelyEqual(to: 0, absoluteTolerance: 1e-3))
        // Later quarter, grown to 62 MWh and 45 MW: the 42 MWh added arrive charged (0 + 42 stored), and the 41 MW are covered.
        bank.resize(to: Battery(energyMWh: 62, powerMW: 45, roundTripEfficiency: 0.9))
        #expect(bank.storedMWh == 42)
        var late = TwinThrottleTests.hour(usableMW: 60)
        Twin.step(&late, fleet: fleet, utilization: 1, plant: plant, battery: &bank)
        #expect(late.throttleFraction == 0 && late.limit == nil)
        #expect(late.batteryMW.isApproximatelyEqual(to: 41, absoluteTolerance: 1e-3))
        #expect(bank.storedMWh.isApproximatelyEqual(to: 1, absoluteTolerance: 1e-3))
    }

    @Test("Taking the same battery again changes nothing; a smaller one keeps no more than it holds")
    func resizeKeepsCharge() {
        var bank = BatteryBank(Battery(energyMWh: 50, powerMW: 30, roundTripEfficiency: 0.9))
        bank.discharge(30)
        bank.resize(to: Battery(energyMWh: 50, powerMW: 30, roundTripEfficiency: 0.9))
        #expect(bank.storedMWh == 20)
        bank.resize(to: Battery(energyMWh: 10, powerMW: 5, roundTripEfficiency: 0.9))
        #expect(bank.storedMWh == 10 && bank.availableMW == 5)
        bank.resize(to: nil)
        #expect(bank.storedMWh == 0 && bank.availableMW == 0)
    }
}

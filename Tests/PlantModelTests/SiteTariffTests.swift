import Foundation
import Numerics
import Testing
@testable import PlantModel

@Suite("Site tariffs and grid carbon: sourced for the place and year")
struct SiteTariffTests {
    /// EIA Electric Power Annual (data for 2023), industrial average revenue, ¢/kWh; eGRID2022 subregion CO₂ output
    /// emission rates, lb/MWh (EPA GHG Emission Factors Hub 2024, Table 6).
    static let us: [(site: String, centsPerKWh: Double, subregion: String, lbPerMWh: Double)] = [
        ("ashburn-va", 8.92, "SRVC", 622.987),
        ("chicago-il", 8.20, "RFCW", 1000.053),
        ("dallas-tx", 6.60, "ERCT", 771.083),
        ("hillsboro-or", 7.52, "NWPP", 602.088),
        ("phoenix-az", 8.11, "AZNM", 776.036),
    ]

    static func site(_ name: String) throws -> Site { try Site.load(from: Repo.path("sites/\(name).yaml")).value }

    @Test("US sites: price is the state's industrial average, carbon the eGRID subregion's rate in kg/MWh")
    func usSites() throws {
        for row in Self.us {
            let site = try Self.site(row.site)
            // ¢/kWh × 10 = USD/MWh: 8.92 ¢/kWh = 89.2 USD/MWh.
            #expect(site.energyPriceUSDPerMWh.isApproximatelyEqual(to: row.centsPerKWh * 10, absoluteTolerance: 1e-9), "\(row.site)")
            // 1 lb = 0.45359237 kg: 622.987 lb/MWh = 282.58 kg/MWh, recorded to 0.1.
            let carbon = try #require(site.carbonIntensityKgPerMWh, "\(row.site)")
            #expect(carbon.isApproximatelyEqual(to: row.lbPerMWh * 0.45359237, absoluteTolerance: 0.05), "\(row.site)")
            let note = try #require(site.figures["carbonIntensityKgPerMWh"]?.note)
            #expect(note.contains(row.subregion) && note.contains("2022"), "\(row.site): \(note)")
            #expect(try #require(site.figures["energyPriceUSDPerMWh"]?.note).contains("2023"), "\(row.site)")
        }
    }

    @Test("Stockholm: SE3's 2023 spot average converted at the year's exchange rate; Sweden's 2023 intensity")
    func stockholm() throws {
        let site = try Self.site("stockholm-se")
        // 59.14 öre/kWh = 591.4 SEK/MWh; ÷ 10.61 SEK/USD = 55.74 USD/MWh.
        #expect(site.energyPriceUSDPerMWh.isApproximatelyEqual(to: 591.4 / 10.61, absoluteTolerance: 0.05))
        #expect(site.carbonIntensityKgPerMWh == 36)
        #expect(site.figures["energyPriceUSDPerMWh"]?.evidence == .estimate, "energy only, without network tariff and tax")
    }

    @Test("No two shipped sites share one energy price; every site has a carbon intensity")
    func distinctPrices() throws {
        let sites = try (Self.us.map(\.site) + ["stockholm-se"]).map(Self.site)
        #expect(Set(sites.map(\.energyPriceUSDPerMWh)).count == sites.count)
        #expect(sites.allSatisfy { $0.carbonIntensityKgPerMWh != nil })
    }
}

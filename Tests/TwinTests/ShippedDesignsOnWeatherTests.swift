import Foundation
import Testing
import Climate
import Planner
import PlantModel
import Plans
@testable import Twin

/// The acceptance checks of the plant physics (issue 13) on the shipped designs and the six EPW years of
/// ../shared: each design planned on its own site, then simulated one year on every weather file.
@Suite("Shipped designs on the six real weather years", .serialized,
       .enabled(if: TwinFixture.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
struct ShippedDesignsOnWeatherTests {
    static let designs = ["cooling-tower-humid", "gb300-nvl72-hybrid", "legacy-hopper-air", "mixed-retrofit", "vera-rubin-1gw"]
    /// Hottest to coolest by the annual mean of the files' dry-bulb: Phoenix 23.8, Dallas 18.7, Dulles 12.7, Chicago 10.0, Stockholm 6.5 °C.
    static let warmToCool = ["USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw", "USA_TX_Dallas-Fort.Worth.Intl.AP.722590_TMY3.epw",
                             "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw", TwinFixture.chicago, TwinFixture.stockholm]
    static let all = warmToCool + ["USA_OR_Portland-Troutdale.AP.726985_TMY3.epw"]

    /// `design` planned on its own site (10 s limit: a feasible plan is enough here) and set up on `file`.
    static func scenario(_ design: String, weather file: String) throws -> TwinScenario {
        let catalog = try Catalog.bundled()
        let path = TwinFixture.root + "/reference-designs/\(design).yaml"
        let d = try ReferenceDesign.load(from: path, catalog: catalog).value
        let site = try Site.load(from: TwinFixture.root + "/reference-designs/" + (d.site ?? "")).value
        let inputs = PlanInputs(design: design, designFile: path, site: site.name, siteFile: "-", catalog: "bundled", digest: "0")
        let plan = try Planner.plan(design: d, site: site, catalog: catalog, inputs: inputs,
                                    options: PlanOptions(timeLimitSeconds: 10, timeBudgetSeconds: 30)).plan
        let year = WeatherYear(try EPWFile.load(from: try TwinFixture.weather(file)), source: file)
        return TwinScenario(design: d, site: site, catalog: catalog, plan: plan, weather: [year], years: 1)
    }

    @Test("Every hour: chiller COP within 2.5–12, cooling power at most half the IT power; the bundled example never unserved",
          arguments: designs)
    func hourlyBounds(design: String) throws {
        for file in Self.all {
            let (summary, hours) = TwinFixture.hours(try Self.scenario(design, weather: file))
            for h in hours where h.state.itMW > 0 {
                let s = h.state
                if s.compressorMW > 0 {
                    let cop = (s.chillerLoadMW - s.chillerUnmetMW) / s.compressorMW
                    #expect(cop >= 2.5 - 1e-9 && cop <= 12 + 1e-9, "\(design) \(file) \(h.timestamp): COP \(cop)")
                }
                #expect(s.coolingMW <= 0.5 * s.itMW, "\(design) \(file) \(h.timestamp): cooling \(s.coolingMW) of IT \(s.itMW) MW")
            }
            if design == "gb300-nvl72-hybrid" { #expect(summary.unservedHours == 0, "\(file)") }
        }
    }

    @Test("Annual PUE lies between the loss floor and 1.6, and falls from Phoenix to Stockholm for the dry and adiabatic designs",
          arguments: ["gb300-nvl72-hybrid", "mixed-retrofit", "vera-rubin-1gw"])
    func pueOrder(design: String) throws {
        var pues: [Double] = []
        for file in Self.warmToCool {
            let scenario = try Self.scenario(design, weather: file)
            let pue = try #require(Twin.run(scenario, seed: 1).pue)
            // The floor: IT passes UPS and transformers at their design efficiencies (part load only adds losses),
            // and house loads are a share of installed full-load IT, never less than of the IT drawn.
            let chain = scenario.design.powerChain
            let floor = 1 / (chain.upsEfficiency * chain.transformerEfficiency) + chain.houseLoadFraction
            #expect(pue >= floor && pue <= 1.6, "\(design) \(file): PUE \(pue), floor \(floor)")
            pues.append(pue)
        }
        for (hotter, cooler) in zip(pues, pues.dropFirst()) {
            #expect(hotter >= cooler, "\(design): \(pues) should not rise from Phoenix to Stockholm")
        }
    }
}

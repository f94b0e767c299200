import Foundation
import Testing
@testable import PlantModel

@Suite("Shipped sites, designs and catalog")
struct ShippedFilesTests {
    @Test("Every shipped site, design, the facility co-design, fleet-refresh, campus-refresh and fabric-pods examples and the catalog validate")
    func allValid() throws {
        let files = Repo.files(in: "sites") + Repo.files(in: "reference-designs") + Repo.files(in: "examples/facility-codesign")
            + Repo.files(in: "examples/fleet-refresh") + Repo.files(in: "examples/campus-refresh") + Repo.files(in: "examples/fabric-pods")
        #expect(Repo.files(in: "examples/facility-codesign").count == 2)
        #expect(Repo.files(in: "examples/fleet-refresh").count == 2)
        #expect(Repo.files(in: "examples/campus-refresh").count == 2)
        #expect(Repo.files(in: "examples/fabric-pods").count == 1)
        #expect(Repo.files(in: "sites").count >= 6)
        #expect(Repo.files(in: "reference-designs").count >= 5)
        let issues = PlantValidation.issues(inFiles: files, catalog: try Catalog.bundled())
        #expect(issues.isEmpty, "\(issues.map(\.description).joined(separator: "\n"))")
    }

    @Test("Every catalog figure has a source; every estimate says how it was made")
    func catalogSources() throws {
        let catalog = try Catalog.bundled()
        #expect(catalog.profiles.count >= 7)
        let references = Set(catalog.references.map(\.id))
        for profile in catalog.profiles {
            for key in profile.figureKeys {
                let figure = try #require(profile.figures[key], "\(profile.id).\(key) has no source")
                #expect(figure.evidence != .estimate || !(figure.note ?? "").isEmpty, "\(profile.id).\(key)")
                #expect(figure.sources.allSatisfy(references.contains), "\(profile.id).\(key)")
            }
            for t in profile.throughput {
                #expect(t.source.evidence != .estimate || !(t.source.note ?? "").isEmpty, "\(profile.id) \(t.workload)")
                #expect(!t.source.sources.isEmpty, "\(profile.id) \(t.workload)")
            }
        }
        // Workloads the issue names, each served by at least one profile with a measured MLPerf figure.
        for workload in ["deepseek-r1-server", "llama2-70b-server", "llama2-70b-interactive", "llama3.1-405b-server"] {
            #expect(catalog.profiles.contains { $0.throughput.contains { $0.workload == workload && $0.source.evidence == .measured } })
        }
    }

    @Test("Every shipped design sources its economics and CDU figures, or says how each estimate was made")
    func designEconomicsSources() throws {
        let catalog = try Catalog.bundled()
        let paths = Repo.files(in: "reference-designs") + Repo.files(in: "examples/facility-codesign").filter { $0.hasSuffix("campus.yaml") }
            + Repo.files(in: "examples/fleet-refresh").filter { $0.hasSuffix("refresh.yaml") }
            + Repo.files(in: "examples/campus-refresh").filter { $0.hasSuffix("refresh.yaml") } + Repo.files(in: "examples/fabric-pods")
        #expect(paths.count >= 9)
        for path in paths {
            let design = try ReferenceDesign.load(from: path, catalog: catalog).value
            var keys = ["depreciationYears", "discountRate", "facilityOpexUSDPerMWYear"].map { "economics.\($0)" }
            if design.economics.facilityCapexUSDPerMW != nil { keys.append("economics.facilityCapexUSDPerMW") }
            if design.economics.facilityLifeYears != nil { keys.append("economics.facilityLifeYears") }
            if design.liquidCooling != nil { keys.append("liquidCooling.cduCapacityMW") }
            for key in keys {
                let figure = design.figures[key]
                #expect(figure != nil, "\(path): \(key) has no entry in figures")
                #expect(figure.map { $0.evidence != .estimate || !($0.note ?? "").isEmpty } ?? true, "\(path): \(key)")
            }
        }
    }

    @Test("A site's design conditions match the ASHRAE figures printed in its weather file's header",
          .enabled(if: Repo.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func siteDesignConditions() throws {
        // DESIGN CONDITIONS (ASHRAE 2009 layout), after "Cooling": 1 hottest month, 2 its daily range, 3 DB0.4, 4 MCWB0.4,
        // 5 DB1, 6 MCWB1, 7 DB2, 8 MCWB2, 9 WB0.4, 10 MCDB0.4, 11 WB1, 12 MCDB1, 13 WB2, 14 MCDB2, …; after "Extremes":
        // 1–3 wind speeds, 4 extreme WB, 5–8 mean and spread of the annual extremes, 9–16 n = 5, 10, 20, 50-year
        // minimum/maximum DB (14: the 20-year maximum).
        let files = [
            "ashburn-va": "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw",
            "chicago-il": "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw",
            "dallas-tx": "USA_TX_Dallas-Fort.Worth.Intl.AP.722590_TMY3.epw",
            "phoenix-az": "USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw",
            "stockholm-se": "SWE_Stockholm.Arlanda.024600_IWEC.epw",
        ]
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOfFile: Repo.weatherFolder + "/" + file, encoding: .isoLatin1)
            let header = text.split(whereSeparator: \.isNewline)[1].split(separator: ",").map(String.init)
            let cooling = try #require(header.firstIndex(of: "Cooling"))
            let extremes = try #require(header.firstIndex(of: "Extremes"))
            let c = try Site.load(from: Repo.path("sites/\(name).yaml")).value.climate
            let expected: [(String, Double, Int)] = [
                ("coolingDesignDryBulbC", c.coolingDesignDryBulbC, cooling + 3),
                ("coolingDesignCoincidentWetBulbC", c.coolingDesignCoincidentWetBulbC, cooling + 4),
                ("coolingDesignDryBulb1PercentC", c.coolingDesignDryBulb1PercentC, cooling + 5),
                ("coolingDesignCoincidentWetBulb1PercentC", c.coolingDesignCoincidentWetBulb1PercentC, cooling + 6),
                ("coolingDesignDryBulb2PercentC", c.coolingDesignDryBulb2PercentC, cooling + 7),
                ("coolingDesignCoincidentWetBulb2PercentC", c.coolingDesignCoincidentWetBulb2PercentC, cooling + 8),
                ("evaporationDesignWetBulbC", c.evaporationDesignWetBulbC, cooling + 9),
                ("evaporationDesignCoincidentDryBulbC", c.evaporationDesignCoincidentDryBulbC, cooling + 10),
                ("evaporationDesignWetBulb1PercentC", c.evaporationDesignWetBulb1PercentC, cooling + 11),
                ("evaporationDesignCoincidentDryBulb1PercentC", c.evaporationDesignCoincidentDryBulb1PercentC, cooling + 12),
                ("evaporationDesignWetBulb2PercentC", c.evaporationDesignWetBulb2PercentC, cooling + 13),
                ("evaporationDesignCoincidentDryBulb2PercentC", c.evaporationDesignCoincidentDryBulb2PercentC, cooling + 14),
                ("extremeWetBulbC", c.extremeWetBulbC, extremes + 4),
                ("extremeDryBulb20YearC", c.extremeDryBulb20YearC, extremes + 14),
            ]
            for (key, value, column) in expected {
                #expect(value == Double(header[column]), "\(name) \(key): site \(value), header \(header[column])")
                #expect(c.figures[key]?.sources.contains("ASHRAE-2009") == true, "\(name) \(key) cites the header")
            }
        }
        // Transcribed by hand from Phoenix's header: evaporation WB/MCDB 24.5/35.8 (0.4 %), 24.0/35.4 (1 %), 23.5/35.1 (2 %);
        // DB/MCWB 42.3/21.0 (1 %); 20-year maximum DB 48.7.
        let phoenix = try Site.load(from: Repo.path("sites/phoenix-az.yaml")).value.climate
        #expect(phoenix.evaporationDesignWetBulbC == 24.5 && phoenix.evaporationDesignCoincidentDryBulbC == 35.8)
        #expect(phoenix.evaporationDesignWetBulb1PercentC == 24.0 && phoenix.evaporationDesignCoincidentDryBulb1PercentC == 35.4)
        #expect(phoenix.evaporationDesignWetBulb2PercentC == 23.5 && phoenix.evaporationDesignCoincidentDryBulb2PercentC == 35.1)
        #expect(phoenix.coolingDesignDryBulb1PercentC == 42.3 && phoenix.coolingDesignCoincidentWetBulb1PercentC == 21.0)
        #expect(phoenix.extremeDryBulb20YearC == 48.7)
    }
}

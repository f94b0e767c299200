import Foundation
import Testing
@testable import PlantModel

@Suite("Shipped sites, designs and catalog")
struct ShippedFilesTests {
    @Test("Every shipped site, design and the catalog validate")
    func allValid() throws {
        let files = Repo.files(in: "sites") + Repo.files(in: "reference-designs")
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

    @Test("A site's design conditions match the ASHRAE figures printed in its weather file's header",
          .enabled(if: Repo.weatherAvailable, "../shared/data/weather is absent; it sits beside the clone in CI"))
    func siteDesignConditions() throws {
        let text = try String(contentsOfFile: Repo.weatherFolder + "/USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw", encoding: .utf8)
        // DESIGN CONDITIONS: after "Cooling": hottest month, daily range, 0.4 % DB, its MCWB, the 1 % and 2 % DB/MCWB
        // pairs, then the evaporation WB/MCDB pairs (0.4 % WB 9th, 2 % WB 13th); after "Extremes": 3 wind values, then extreme WB.
        let header = text.split(whereSeparator: \.isNewline)[1].split(separator: ",").map(String.init)
        let cooling = try #require(header.firstIndex(of: "Cooling"))
        let extremes = try #require(header.firstIndex(of: "Extremes"))
        let site = try Site.load(from: Repo.path("sites/phoenix-az.yaml")).value
        #expect(site.climate.coolingDesignDryBulbC == Double(header[cooling + 3]))
        #expect(site.climate.coolingDesignCoincidentWetBulbC == Double(header[cooling + 4]))
        #expect(site.climate.extremeWetBulbC == Double(header[extremes + 4]))
        // Phoenix's header: evaporation WB 24.5 (0.4 %), 23.5 (2 %).
        #expect(site.climate.evaporationDesignWetBulbC == 24.5 && Double(header[cooling + 9]) == 24.5)
        #expect(site.climate.evaporationDesignWetBulb2PercentC == 23.5 && Double(header[cooling + 13]) == 23.5)
    }
}

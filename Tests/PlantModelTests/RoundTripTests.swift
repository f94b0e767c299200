import Foundation
import Testing
@testable import PlantModel

@Suite("YAML and JSON share one schema")
struct RoundTripTests {
    @Test("A YAML file and its JSON twin decode to equal values; encode → decode is the identity")
    func yamlJSONTwins() throws {
        let catalog = try Catalog.bundled()
        for path in Repo.files(in: "reference-designs") + [Repo.path("examples/facility-codesign/phased-campus.yaml")] {
            let yaml = try ReferenceDesign.load(from: path, catalog: catalog).value
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let json = String(decoding: try encoder.encode(yaml), as: UTF8.self)
            let fromJSON = try PlantFile.decode(ReferenceDesign.self, from: json, file: "twin.json").value
            #expect(fromJSON == yaml, "\(path)")
            #expect(try JSONDecoder().decode(ReferenceDesign.self, from: Data(json.utf8)) == yaml)
        }
        for path in ["sites/stockholm-se.yaml", "examples/facility-codesign/ashburn-va-expansion.yaml"] {
            let site = try Site.load(from: Repo.path(path)).value
            let json = String(decoding: try JSONEncoder().encode(site), as: UTF8.self)
            #expect(try PlantFile.decode(Site.self, from: json, file: "s.json").value == site, "\(path)")
        }
    }

    @Test("Quarters and redundancy rules parse and print back")
    func scalars() {
        #expect(Quarter("2027Q3")?.advanced(by: 2).description == "2028Q1")
        #expect(Quarter("2027Q5") == nil && Quarter("27Q1") == nil)
        #expect(RedundancyRule("4N/3")?.usableCapacity(of: [40]) == 30)
        #expect(RedundancyRule("N+1")?.usableCapacity(of: [350, 350, 350]) == 700)
        #expect(RedundancyRule("2N")?.loadableShare == 0.5)
    }
}

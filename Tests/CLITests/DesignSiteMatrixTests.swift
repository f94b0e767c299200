import Foundation
import Testing

extension Tag {
    /// Tests that run many plans one after another (20–80 s on two cores); `swift test --skip DesignSiteMatrixTests` leaves them out.
    @Tag static var slow: Tag
}

/// Every shipped reference design on every shipped site: a plan with racks, or a pair the README lists as unsuitable,
/// for which `tokenplant plan` exits 3 with the planner's diagnosis.
@Suite("Every shipped design × every shipped site", .tags(.slow), .serialized)
struct DesignSiteMatrixTests {
    static let designs = ["cooling-tower-humid", "gb300-nvl72-hybrid", "legacy-hopper-air", "mixed-retrofit", "vera-rubin-1gw"]
    static let sites = ["ashburn-va", "chicago-il", "dallas-tx", "hillsboro-or", "phoenix-az", "stockholm-se"]

    /// The pairs README "Unsuitable design and site pairs" lists, with the words their diagnosis must contain.
    static let unsuitable: [String: String] = [
        // Dry coolers rated at 35 °C ambient reject nothing at Phoenix's 43.4 °C design ambient with 40 °C water.
        // No size of plant helps there, so the diagnosis names what cools below the ambient instead.
        "vera-rubin-1gw × phoenix-az": "the plant rejects 0 MW at its 43.4 °C design ambient, at or above its 40 °C facility water: "
            + "no size of plant rejects heat there; add chillers (heatRejection.chillerCapacityMW or chillerModules) or pads",
    ]

    static var pairs: [(String, String)] { designs.flatMap { d in sites.map { (d, $0) } } }

    @Test("Plans with racks, or exits 3 naming the limit for a listed unsuitable pair", arguments: pairs)
    func plans(design: String, site: String) async throws {
        let run = try await TokenPlantCLI.run(["plan", "reference-designs/\(design).yaml", "--site", "sites/\(site).yaml",
                                               "--time-limit", "20", "--time-budget", "60", "--gap", "0.01", "--format", "json"])
        if let diagnosis = Self.unsuitable["\(design) × \(site)"] {
            #expect(run.status == 3, "\(run)")
            #expect(run.stderr.contains("the best plan has no rack"), "\(run)")
            #expect(run.stderr.contains(diagnosis), "\(run)")
            return
        }
        #expect(run.status == 0, "\(run)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let quarters = try #require(plan["quarters"] as? [[String: Any]])
        let racks = try #require(quarters.last?["racks"] as? Int)
        #expect(racks > 0, "\(design) on \(site) plans no rack")
    }
}

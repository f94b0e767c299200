import Foundation
import Testing

/// The real weather files of ../shared/data/weather (beside the clone in CI; absent in a user's clone).
enum WeatherFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let folder = root + "/../shared/data/weather"

    /// Whether ../shared/data/weather is there. Tests that read it carry `.enabled(if: WeatherFiles.available, …)`,
    /// so a clone without it reports them as skipped, not passed.
    static let available = FileManager.default.fileExists(atPath: folder)

    /// Site file → weather file it was derived from.
    static let sites: [(site: String, epw: String)] = [
        ("ashburn-va", "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3.epw"),
        ("phoenix-az", "USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3.epw"),
        ("dallas-tx", "USA_TX_Dallas-Fort.Worth.Intl.AP.722590_TMY3.epw"),
        ("chicago-il", "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw"),
        ("hillsboro-or", "USA_OR_Portland-Troutdale.AP.726985_TMY3.epw"),
        ("stockholm-se", "SWE_Stockholm.Arlanda.024600_IWEC.epw"),
    ]

    /// The path of a weather file; a missing file fails the test (callers are enabled only when the folder exists).
    static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let path = folder + "/" + name
        try #require(FileManager.default.fileExists(atPath: path), "\(path) is missing", sourceLocation: sourceLocation)
        return path
    }
}

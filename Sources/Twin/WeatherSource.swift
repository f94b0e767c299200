import Dispatch
import Foundation
import Climate
import PlantModel

/// Where a simulation's weather comes from: an EPW file (given, or the site's `climate.epw`), else years
/// synthesized from the site's climate figures.
public enum WeatherSource: Sendable, Equatable {
    case file(String)
    case synthetic

    /// Most synthetic years drawn for one simulation (a 30-year climatology); runs and years cycle through them.
    public static let syntheticPoolYears = 30

    /// The weather file to use: `weatherPath` if given, else the site's EPW (relative to `siteFile`), else synthetic.
    public init(weatherPath: String?, site: Site, siteFile: String) {
        if let weatherPath {
            self = .file(weatherPath)
        } else if let epw = site.climate.epw {
            self = .file(epw.hasPrefix("/") ? epw : URL(fileURLWithPath: siteFile).deletingLastPathComponent().appendingPathComponent(epw).path)
        } else {
            self = .synthetic
        }
    }

    /// The weather years: the file's one year, or min(`years`, 30) synthetic years drawn from `seed`. Throws
    /// ``EPWError`` for a bad file.
    public func load(site: Site, years: Int, seed: UInt64) throws -> [WeatherYear] {
        switch self {
        case .file(let path):
            return [WeatherYear(try EPWFile.load(from: path), source: path)]
        case .synthetic:
            let generator = SyntheticWeather(climate: site.climate, elevationM: site.location.elevationM)
            let count = max(1, min(years, Self.syntheticPoolYears))
            let pool = ConcurrentSlots<WeatherYear>(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                var g = SeededGenerator(seed: seed ^ 0x5EA7_4E12, stream: UInt64(i))
                pool.set(i, generator.year(seed: g.next()))
            }
            return pool.values
        }
    }
}

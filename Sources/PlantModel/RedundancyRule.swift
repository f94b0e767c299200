/// A redundancy rule for feeds or a hall's power paths: what share of installed capacity may carry load.
public enum RedundancyRule: Equatable, Sendable, TextCodable, PlaceholderDecodable {
    /// No redundancy: all capacity is usable.
    case n
    /// One spare unit: the largest unit is held back.
    case nPlusOne
    /// Two full paths: half is usable.
    case twoN
    /// Distributed redundancy `xN/y`: x blocks, any y carry the load → usable share y/x
    /// (Schneider WP 75; 4N/3 → 75 %, 3N/2 → 67 %).
    case distributed(blocks: Int, carrying: Int)

    public static var placeholder: RedundancyRule { .n }

    public init?(_ text: String) {
        switch text.uppercased() {
        case "N": self = .n
        case "N+1": self = .nPlusOne
        case "2N": self = .twoN
        default:
            let parts = text.uppercased().split(separator: "N/")
            guard parts.count == 2, let x = Int(parts[0]), let y = Int(parts[1]), x > y, y > 0 else { return nil }
            self = .distributed(blocks: x, carrying: y)
        }
    }

    public var description: String {
        switch self {
        case .n: "N"
        case .nPlusOne: "N+1"
        case .twoN: "2N"
        case .distributed(let x, let y): "\(x)N/\(y)"
        }
    }

    /// Usable capacity of units with these capacities under the rule.
    public func usableCapacity(of units: [Double]) -> Double {
        let total = units.reduce(0, +)
        switch self {
        case .n: return total
        case .nPlusOne: return total - (units.max() ?? 0)
        case .twoN: return total / 2
        case .distributed(let x, let y): return total * Double(y) / Double(x)
        }
    }

    /// Share of a single block of capacity that may carry load (for a hall's internal power paths;
    /// N+1 needs the unit count and is taken as N here, so halls use N, 2N or xN/y).
    public var loadableShare: Double {
        switch self {
        case .n, .nPlusOne: 1
        case .twoN: 0.5
        case .distributed(let x, let y): Double(y) / Double(x)
        }
    }

    public static var expectedText: String { "a redundancy rule (expected N, N+1, 2N or xN/y such as 4N/3)" }

    /// `N`, `N+1`, `2N` or `xN/y` in either case; that x > y > 0 is checked by the parser, not the pattern.
    public static var pattern: String { #"^([Nn]|[Nn]\+1|2[Nn]|\+?[0-9]+[Nn]/\+?[0-9]+)$"# }
}

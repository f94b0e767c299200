import Foundation
import PlantModel

/// The result of `tokenplant compare`: every design × site pair, ranked, with what was compared.
public struct Comparison: Sendable, Equatable {
    /// Bumped when a key of compare.json or a column of compare.csv changes meaning or goes away.
    public static let schemaVersion = 1

    /// How the pairs were planned and simulated.
    public struct Inputs: Codable, Sendable, Equatable {
        public var objective: String
        public var rankBy: String
        /// Each site file's weather: an EPW path, or "synthetic (N years, seed S)".
        public var weatherBySite: [String: String]
        /// Weather years simulated per pair (the fleet of the plan's last quarter, held from the year after it).
        public var years: Int
        public var seed: UInt64
        /// The `--workload-mix` file imposed on every design, if any.
        public var workloadMix: String?

        public init(objective: String, rankBy: String, weatherBySite: [String: String], years: Int, seed: UInt64, workloadMix: String?) {
            self.objective = objective
            self.rankBy = rankBy
            self.weatherBySite = weatherBySite
            self.years = years
            self.seed = seed
            self.workloadMix = workloadMix
        }
    }

    public var inputs: Inputs
    /// Ranked pairs first (rank 1 first), then the pairs without a plan in the order given.
    public var rows: [ComparisonRow]
    /// The catalog's GPU generations, in catalog order: the keys of the by-generation figures.
    public var generations: [String]

    /// Ranks `rows` (in the order they were asked for) by `rankBy`; ties keep that order.
    public init(inputs: Inputs, rows: [ComparisonRow], rankBy: RankFigure, generations: [String]) {
        self.inputs = inputs
        self.generations = generations
        var figures: [(index: Int, value: Double)] = []
        for (i, row) in rows.enumerated() {
            if let value = rankBy.value(row) { figures.append((i, value)) }
        }
        let higher = rankBy.higherIsBetter
        let ranked = figures.sorted { (a: (index: Int, value: Double), b: (index: Int, value: Double)) -> Bool in
            if a.value == b.value { return a.index < b.index }
            return higher ? a.value > b.value : a.value < b.value
        }
        var ordered: [ComparisonRow] = []
        for (rank, figure) in ranked.enumerated() {
            var row = rows[figure.index]
            row.rank = rank + 1
            ordered.append(row)
        }
        let rankedIndices = Set(ranked.map { $0.index })
        ordered += rows.indices.filter { !rankedIndices.contains($0) }.map { rows[$0] }
        self.rows = ordered
    }

    /// Whether the pairs were planned for different workload mixes (then tokens per MW compare different work).
    public var mixesDiffer: Bool { Set(rows.map(\.workloadMix)).count > 1 }
}

import Climate
import PlantModel

/// Feed failures and repairs, hour by hour: a two-state Markov chain per feed that fails in an hour with
/// probability 1/MTBF and is repaired with probability 1/MTTR (geometric up and down times with those means).
struct FeedOutages: Sendable {
    let grid: Grid
    var down: [Bool]
    private var g: SeededGenerator

    init(grid: Grid, seed: UInt64) {
        self.grid = grid
        down = Array(repeating: false, count: grid.feeds.count)
        g = SeededGenerator(seed: seed)
    }

    /// Advances one hour.
    mutating func step() {
        guard let r = grid.feedReliability else { return }
        for i in down.indices {
            let u = g.uniform()
            down[i] = down[i] ? u >= 1 / r.mttrHours : u < 1 / r.mtbfHours
        }
    }

    /// Feeds in service in `quarter` that are down now.
    func outages(in quarter: Quarter) -> Int {
        var count = 0
        for (i, feed) in grid.feeds.enumerated() where down[i] && feed.availableFrom <= quarter { count += 1 }
        return count
    }

    /// Usable capacity this hour, MW: `ruleCapacityMW` (the redundancy rule's capacity of the feeds in
    /// service), but never more than the feeds still up can carry (an N+1 site rides through one outage; a
    /// second one cuts capacity).
    func usableCapacityMW(in quarter: Quarter, ruleCapacityMW: Double) -> Double {
        guard down.contains(true) else { return ruleCapacityMW }
        var up = 0.0
        for (i, feed) in grid.feeds.enumerated() where feed.availableFrom <= quarter && !down[i] { up += feed.capacityMW }
        return min(ruleCapacityMW, up)
    }
}

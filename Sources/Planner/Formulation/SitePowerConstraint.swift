import LinearProgramming
import PlantModel
import Plans

extension Formulation {
    /// `site_power(t)`: facility power at full load and design ambient (IT and fabric through UPS and
    /// transformers, cooling through transformers) ≤ the usable grid capacity in t (feeds in service,
    /// less what the grid redundancy rule holds back).
    ///
    /// With feeds the plan may connect (`feed_built(f,t)`), the capacity is a sum over the feeds: under N, 2N and xN/y
    /// a share s of every feed's capacity, so Σ facility − s·Σ capacity·feed_built ≤ s·Σ given capacity; under N+1 the
    /// largest feed in service is held back, which is one row per feed that may be the largest (the largest given feed,
    /// and each feed to connect): Σ facility − Σ capacity·feed_built + capacity_k·feed_built_k ≤ Σ given capacity
    /// (less capacity_k for the given one), `site_power(t,without_k)`. Together they are exactly "less the largest".
    mutating func defineSitePower(quarter t: Int) {
        let facility = facilityTerms[t]
        let optional = problem.feedBuilds.compactMap { b in feedBuilt[b.feed]?[t].map { (column: $0, capacity: problem.site.grid.feeds[b.feed].capacityMW, name: problem.site.grid.feeds[b.feed].name) } }
        let given = problem.givenFeeds(in: t).map(\.capacityMW)
        let rule = problem.site.grid.redundancy
        let name = "\(ConstraintFamily.sitePower.rawValue)(\(q(t)))"
        guard !optional.isEmpty else {
            addRow(name, facility, upper: rule.usableCapacity(of: given), .sitePower, problem.quarters[t], nil)
            return
        }
        guard !facility.isEmpty else { return }
        if case .nPlusOne = rule {
            let connect = optional.map { Term($0.column, -$0.capacity) }
            if let largest = given.max() {
                addRow(name, facility + connect, upper: given.reduce(0, +) - largest, .sitePower, problem.quarters[t], nil)
            }
            for (k, feed) in optional.enumerated() {
                var terms = facility + connect
                terms[facility.count + k] = Term(feed.column, 0)
                addRow("\(ConstraintFamily.sitePower.rawValue)(\(q(t)),without_\(Self.id(feed.name)))", terms.filter { $0.coefficient != 0 },
                       upper: given.reduce(0, +), .sitePower, problem.quarters[t], "without \(feed.name)")
            }
        } else {
            let share = rule.usableCapacity(of: [1])
            addRow(name, facility + optional.map { Term($0.column, -share * $0.capacity) }, upper: share * given.reduce(0, +),
                   .sitePower, problem.quarters[t], nil)
        }
    }
}

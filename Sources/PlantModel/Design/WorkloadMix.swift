/// A workload mix on its own (`compare --workload-mix FILE`): the `workloadMix:` list of a design, imposed on
/// every design compared so that facilities are compared on the same work.
public struct WorkloadMix: Codable, Equatable, Sendable, PlaceholderDecodable {
    public var workloadMix: [WorkloadShare]

    public init(workloadMix: [WorkloadShare]) { self.workloadMix = workloadMix }

    public static var placeholder: WorkloadMix { WorkloadMix(workloadMix: []) }

    /// Loads and validates a workload-mix file against a catalog: the fields and ranges of a design's
    /// `workloadMix`, each workload known to the catalog, shares summing to 1.
    public static func load(from path: String, catalog: Catalog) throws(InputError) -> Decoded<WorkloadMix> {
        let decoded = try PlantFile.load(WorkloadMix.self, from: path)
        var c = IssueCollector(decoded)
        c.ranges(.design, of: decoded.value)
        workloadMixIssues(decoded.value.workloadMix, profiles: nil, catalog: catalog, into: &c)
        if !c.issues.isEmpty { throw InputError(issues: c.issues) }
        return decoded
    }
}

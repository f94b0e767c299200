import ArgumentParser
import Workflows

/// `tokenplant profiles`
struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rack-profile catalog, or compare profiles per GPU, rack and facility MW on one workload.")

    @Option(help: "Rack-profile catalog to use instead of the bundled one.") var catalog: String?
    @Option(help: "table, json or csv.") var format: ListFormat = .table
    @Option(name: .customLong("per-mw"),
            help: "Compare every profile serving WORKLOAD per GPU, per rack and per facility MW, with capex and cost per token, as ratios to the Hopper profile.")
    var perMW: String?
    @Option(help: "Design whose cooling and power chain give the facility power (with --per-mw). (default: reference-designs/mixed-retrofit.yaml)")
    var design: String?
    @Option(help: "Site file for --per-mw (default: the design's `site:`).") var site: String?
    @Option(help: "Share of peak throughput the cost per token is charged at, in (0, 1] (with --per-mw).") var utilization: Double = 1

    func validate() throws {
        if perMW == nil, design != nil || site != nil || utilization != 1 {
            throw ValidationError("--design, --site and --utilization go with --per-mw WORKLOAD")
        }
        if !(utilization > 0 && utilization <= 1) { throw ValidationError("--utilization must be in (0, 1], got \(utilization)") }
    }

    func run() throws {
        if let perMW {
            try emit {
                try CatalogWorkflow.perMW(workload: perMW, catalogPath: catalog, designPath: design ?? "reference-designs/mixed-retrofit.yaml",
                                          sitePath: site, utilization: utilization, format: format)
            }
        } else {
            try emit { try CatalogWorkflow.profiles(catalogPath: catalog, format: format) }
        }
    }
}

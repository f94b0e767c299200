import Climate
import Foundation
import Planner
import PlantModel
import Plans
import Reports
import Twin

/// `tokenplant compare`: plan every design × site pair, simulate each plan's final fleet over the site's
/// weather, rank the pairs, print and write the comparison.
public enum CompareWorkflow {
    /// Most designs and sites one comparison takes (the pairs are their product).
    public static let maxDesigns = 50, maxSites = 50
    /// Most weather years simulated per pair.
    public static let maxYears = 30

    /// What to compare and where the results go.
    public struct Request: Sendable {
        public var designs: [String]
        /// Site files; empty compares each design on its own default site.
        public var sites: [String]
        public var catalog: String?
        public var options: PlanOptions
        /// EPW files, one per site in the order of `sites` (or of the designs' default sites); empty for synthetic
        /// years from each site's climate figures.
        public var weatherFiles: [String]
        /// Weather years simulated per pair.
        public var years: Int
        public var seed: UInt64
        /// A workload-mix file imposed on every design.
        public var workloadMix: String?
        /// The figure ranked by; `nil` for the objective's own (cost-per-token → cost, min-capex → capex, else tokens per MW).
        public var rankBy: RankFigure?
        public var format: ListFormat
        /// Folder for compare.json and compare.csv, written as one output set with manifest.json.
        public var outFolder: String?
        /// A self-contained HTML page of the comparison.
        public var htmlFile: String?
        /// Pairs planned at once.
        public var threads: Int

        public init(designs: [String], sites: [String] = [], catalog: String? = nil, options: PlanOptions = PlanOptions(),
                    weatherFiles: [String] = [], years: Int = 1, seed: UInt64 = 1, workloadMix: String? = nil,
                    rankBy: RankFigure? = nil, format: ListFormat = .table, outFolder: String? = nil, htmlFile: String? = nil,
                    threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.htmlFile = htmlFile
            self.designs = designs
            self.sites = sites
            self.catalog = catalog
            self.options = options
            self.weatherFiles = weatherFiles
            self.years = years
            self.seed = seed
            self.workloadMix = workloadMix
            self.rankBy = rankBy
            self.format = format
            self.outFolder = outFolder
            self.threads = threads
        }
    }

    /// The figure a comparison planned with `objective` is ranked by unless `--rank-by` says otherwise.
    static func defaultRank(_ objective: Objective) -> RankFigure {
        switch objective {
        case .costPerToken: .costPerToken
        case .minCapex: .capex
        case .maxTokens, .tokensPerMW: .tokensPerMW
        }
    }

    /// Runs the request; returns the text for stdout.
    public static func run(_ request: Request) throws(CommandFailure) -> String {
        let comparison = try compare(request)
        let rankBy = request.rankBy ?? defaultRank(request.options.objective)
        if let out = request.outFolder {
            let json = try failing { try CompareReport.json(comparison) }
            try write(out, option: "--out") {
                let set = try OutputSet(folder: out, names: CompareReport.fileNames, command: "compare",
                                        inputsDigest: inputDigest(files: request.designs + request.sites + request.weatherFiles
                                            + [request.catalog, request.workloadMix].compactMap { $0 }))
                defer { set.discard() }
                try set.write(CompareReport.jsonFile, json)
                try set.write(CompareReport.csvFile, Data(CompareReport.csv(comparison).utf8))
                try set.commit()
            }
        }
        if let html = request.htmlFile {
            let page = ComparePage.html(comparison, rankBy: rankBy)
            try write(html, option: "--html") {
                try OutputFile.write(to: html) { temporary in try Data(page.utf8).write(to: URL(fileURLWithPath: temporary)) }
            }
        }
        switch request.format {
        case .json: return try failing { String(decoding: try CompareReport.json(comparison), as: UTF8.self) }
        case .csv: return CompareReport.csv(comparison)
        case .table: return CompareReport.table(comparison, rankBy: rankBy)
        }
    }

    /// Loads every input (all problems at once), plans and simulates every pair on up to `threads` threads (a plan whose
    /// relax-and-fix runs adds one of its own while it does), and ranks them. Each pair's result depends only on its own
    /// inputs, so the comparison is the same on any thread count.
    public static func compare(_ request: Request) throws(CommandFailure) -> Comparison {
        let rankBy = request.rankBy ?? defaultRank(request.options.objective)
        if let out = request.outFolder {
            try write(out, option: "--out") { try OutputSet.check(folder: out, names: CompareReport.fileNames) }
        }
        if let html = request.htmlFile { try write(html, option: "--html") { try OutputFile.check(html) } }
        let catalog = try CatalogWorkflow.load(request.catalog)
        let mix = try failing { try request.workloadMix.map { try WorkloadMix.load(from: $0, catalog: catalog).value.workloadMix } }
        let pairs = try loadPairs(request, catalog: catalog)
        let sites = pairs.map(\.siteFile).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard request.weatherFiles.isEmpty || request.weatherFiles.count == sites.count else {
            throw CommandFailure(["--weather is given once per site, in the order of the sites (\(sites.joined(separator: ", "))): "
                + "\(sites.count) site(s), \(request.weatherFiles.count) weather file(s)"], status: .usage)
        }

        // Each site's weather, once: its EPW, or synthetic years drawn from its climate figures.
        var weather: [String: [WeatherYear]] = [:]
        var weatherNames: [String: String] = [:]
        for (i, siteFile) in sites.enumerated() {
            let site = pairs.first { $0.siteFile == siteFile }!.inputs.site
            let source = WeatherSource(weatherPath: request.weatherFiles.isEmpty ? nil : request.weatherFiles[i], site: site, siteFile: siteFile)
            weather[siteFile] = try failing { try source.load(site: site, years: request.years, seed: request.seed) }
            switch source {
            case .file(let path): weatherNames[siteFile] = path
            case .synthetic: weatherNames[siteFile] = "synthetic from its climate figures (\(request.years) year(s), seed \(request.seed))"
            }
        }

        let weatherBySite = weather
        let results = ConcurrentSlots<ComparisonRow>(count: pairs.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(request.threads, pairs.count))) { _ in
            while let i = next.take(below: pairs.count) {
                var pair = pairs[i]
                if let mix { pair.inputs.design.workloadMix = mix }
                results.set(i, row(pair, weather: weatherBySite[pair.siteFile]!, request: request, catalog: catalog))
            }
        }
        let inputs = Comparison.Inputs(objective: request.options.objective.rawValue, rankBy: rankBy.rawValue,
                                       weatherBySite: weatherNames, years: request.years, seed: request.seed,
                                       workloadMix: request.workloadMix)
        return Comparison(inputs: inputs, rows: results.values, rankBy: rankBy, generations: catalog.generations)
    }

    /// One design on one site, loaded.
    struct Pair: Sendable {
        var designFile: String
        var siteFile: String
        var inputs: PlanningInputs
    }

    /// Every pair, designs outermost; every problem of every file is reported at once (exit 1).
    static func loadPairs(_ request: Request, catalog: Catalog) throws(CommandFailure) -> [Pair] {
        var pairs: [Pair] = []
        var problems: [String] = []
        for design in request.designs {
            for site in request.sites.isEmpty ? [nil] : request.sites.map(Optional.some) {
                do {
                    let inputs = try PlanningInputs.load(designPath: design, sitePath: site, catalog: catalog, catalogPath: request.catalog)
                    pairs.append(Pair(designFile: design, siteFile: inputs.provenance.siteFile, inputs: inputs))
                } catch {
                    for issue in error.issues.map(\.description) where !problems.contains(issue) { problems.append(issue) }
                }
            }
        }
        if !problems.isEmpty { throw CommandFailure(problems, status: .invalidInput) }
        return pairs
    }

    /// Plans one pair and simulates its final fleet from the year after the plan's last quarter; a pair that
    /// cannot be planned keeps the planner's diagnosis.
    static func row(_ pair: Pair, weather: [WeatherYear], request: Request, catalog: Catalog) -> ComparisonRow {
        let design = pair.inputs.design, site = pair.inputs.site
        do {
            let plan = try Planner.plan(design: design, site: site, catalog: catalog, inputs: pair.inputs.provenance,
                                        options: request.options).plan
            let scenario = TwinScenario(design: design, site: site, catalog: catalog, plan: plan, weather: weather,
                                        years: request.years, firstYear: plan.quarters.last!.quarter.year + 1)
            let run = Twin.run(scenario, seed: request.seed)
            return ComparisonRow(plan: plan, run: run, catalog: catalog, workloadMix: design.workloadMix,
                                 designFile: pair.designFile, siteFile: pair.siteFile)
        } catch {
            let planError = error as? PlanError
            let infeasible = planError.map { CommandFailure.planning($0).status == .infeasible } ?? false
            return ComparisonRow(design: design.name, designFile: pair.designFile, site: site.name, siteFile: pair.siteFile,
                                 outcome: infeasible ? .noPlan : .noPlanInTime,
                                 diagnosis: planError.map(LimitText.message) ?? "the planner failed for a reason TokenPlant does not recognize",
                                 workloadMix: design.workloadMix)
        }
    }
}

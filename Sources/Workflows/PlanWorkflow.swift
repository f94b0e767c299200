import Foundation
import LinearProgramming
import Planner
import Plans
import Reports
import Twin

/// `tokenplant plan`: load the inputs, plan (or sweep a Pareto frontier), write the files, print the result.
public enum PlanWorkflow {
    /// What to plan and where the results go.
    public struct Request: Sendable {
        public var inputs: InputPaths
        public var options: PlanOptions
        /// Folder for plan.json, plan.csv, bom.csv, quarters.csv, cashflow.csv and buildnext.csv (pareto.json and pareto.csv
        /// with a sweep), written as one output set with manifest.json.
        public var outFolder: String?
        /// Where to write the final model (`.lp` or `.mps`).
        public var exportModel: String?
        public var format: ResultFormat
        /// Points of a Pareto sweep, and the resource it limits.
        public var paretoPoints: Int?
        public var paretoAxis: ParetoAxis
        /// An EPW file for a `fromHours` design basis, the water check and the hold; `nil` takes the site's
        /// `climate.epw` (the water check and the hold then fall back on synthetic years).
        public var weatherFile: String?
        /// Re-plan until the twin's annual water of the final fleet is within the site's `waterLimitM3PerYear`.
        public var respectWaterLimit: Bool
        /// Seed of the synthetic weather of the water check and the hold.
        public var seed: UInt64
        /// Re-plan until the twin, over the whole plan and the weather, counts at most the allowed throttled hours.
        public var holdEveryHour: HoldEveryHour.Settings?

        public init(inputs: InputPaths, options: PlanOptions, outFolder: String? = nil, exportModel: String? = nil,
                    format: ResultFormat = .table, paretoPoints: Int? = nil, paretoAxis: ParetoAxis = .capex,
                    weatherFile: String? = nil, respectWaterLimit: Bool = false, seed: UInt64 = 1,
                    holdEveryHour: HoldEveryHour.Settings? = nil) {
            self.inputs = inputs
            self.holdEveryHour = holdEveryHour
            self.respectWaterLimit = respectWaterLimit
            self.seed = seed
            self.weatherFile = weatherFile
            self.options = options
            self.outFolder = outFolder
            self.exportModel = exportModel
            self.format = format
            self.paretoPoints = paretoPoints
            self.paretoAxis = paretoAxis
        }
    }

    /// Runs the request; returns the text for stdout.
    public static func run(_ request: Request) throws(CommandFailure) -> String {
        let exportFormat = request.exportModel.flatMap(ModelFileFormat.init(path:))
        if let path = request.exportModel, exportFormat == nil {
            throw CommandFailure(["--export-model must end in .lp or .mps, got \(path)"], status: .usage)
        }
        do {
            let inputs = try failing {
                try PlanningInputs.load(designPath: request.inputs.design, sitePath: request.inputs.site, catalogPath: request.inputs.catalog,
                                        weatherPath: request.weatherFile)
            }
            // Where the files go is checked before planning, so a wrong --out or --export-model fails at once.
            if let out = request.outFolder {
                let names = request.paretoPoints == nil ? PlanReport.fileNames : ParetoReport.fileNames
                try write(out, option: "--out") { try OutputSet.check(folder: out, names: names) }
            }
            if let path = request.exportModel { try write(path, option: "--export-model") { try OutputFile.check(path) } }
            return try planAndWrite(request, inputs: inputs, exportFormat: exportFormat)
        } catch {
            // Invalid inputs too: a folder holding an earlier run's files is named, so they are not taken for this one's.
            throw error.notingEarlierOutputs(in: request.outFolder)
        }
    }

    /// Plans (or sweeps), writes the files asked for and returns the text for stdout.
    private static func planAndWrite(_ request: Request, inputs: PlanningInputs, exportFormat: ModelFileFormat?) throws(CommandFailure) -> String {
        if let points = request.paretoPoints {
            let frontier = try failing {
                try Planner.pareto(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                                   options: request.options, axis: request.paretoAxis, points: points)
            }
            if let out = request.outFolder { try write(out, option: "--out") { try ParetoReport.write(frontier, to: out) } }
            switch request.format {
            case .json: return try failing { String(decoding: try stableJSON(frontier), as: UTF8.self) }
            case .table: return ParetoReport.table(frontier)
            }
        }
        var passText = ""
        var hold: HoldRecord?
        let result: PlanResult
        if request.respectWaterLimit {
            let source = WeatherSource(weatherPath: request.weatherFile, site: inputs.site, siteFile: inputs.provenance.siteFile)
            let weather = try failing { try source.load(site: inputs.site, years: 1, seed: request.seed) }
            let (planned, passes) = try WaterLimitedPlanning.plan(inputs, options: request.options, weather: weather[0],
                                                                  seed: request.seed, siteFile: inputs.provenance.siteFile)
            result = planned
            passText = WaterLimitedPlanning.text(passes, limit: inputs.site.waterLimitM3PerYear ?? 0)
        } else if let holdSettings = request.holdEveryHour {
            let source = WeatherSource(weatherPath: request.weatherFile, site: inputs.site, siteFile: inputs.provenance.siteFile)
            let (planned, passes) = try HoldEveryHour.plan(inputs, options: request.options, settings: holdSettings, source: source,
                                                           seed: request.seed)
            result = planned
            passText = HoldEveryHour.text(passes, settings: holdSettings, source: source, seed: request.seed)
            hold = HoldEveryHour.record(passes, settings: holdSettings, source: source, seed: request.seed)
        } else {
            result = try failing {
                try Planner.plan(design: inputs.design, site: inputs.site, catalog: inputs.catalog, inputs: inputs.provenance,
                                 options: request.options)
            }
        }
        if let path = request.exportModel, let format = exportFormat {
            try write(path, option: "--export-model") {
                try OutputFile.write(to: path) { temporary in try result.model.writeUnstaged(to: temporary, format: format) }
            }
        }
        let buildNext = BuildNext(result.plan, design: inputs.design, site: inputs.site, valuing: result.relief)
        var plan = result.plan
        plan.whatToBuildNext = buildNext.entries
        plan.hold = hold
        if let out = request.outFolder {
            try write(out, option: "--out") { try PlanReport.write(plan, buildNext: buildNext, to: out) }
        }
        switch request.format {
        case .json: return try failing { String(decoding: try PlanReport.json(plan), as: UTF8.self) }
        case .table:
            return PlanReport.table(plan, elapsedSeconds: result.elapsedSeconds, buildNext: buildNext) + passText
        }
    }
}

/// Runs a write to `path` (chosen by `option`), turning its error into words that name the path.
func write(_ path: String, option: String, _ body: () throws -> Void) throws(CommandFailure) {
    do { try body() } catch { throw .output(path, option: option, error) }
}

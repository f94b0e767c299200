import Foundation

/// `tokenplant compare` as a table, compare.json and compare.csv. The fields are declared once
/// (``CompareReport/fields(generations:)``): JSON and CSV carry the same keys for every pair, planned or not,
/// with null (JSON) or an empty cell (CSV) where a pair has no value.
public enum CompareReport {
    public static let jsonFile = "compare.json", csvFile = "compare.csv"
    public static let fileNames = [jsonFile, csvFile]

    /// One value of a field: a whole number, a number (with the decimals CSV writes), a text, or a map of
    /// numbers (a nested object in JSON; one CSV column per key of `keys`, or `key=value;…` without keys).
    enum Value {
        case int(Int?)
        case number(Double?, decimals: Int)
        case text(String?)
        case map([String: Double]?, keys: [String]?)
    }

    /// One field of a pair, declared once for JSON and CSV.
    struct Field: Sendable {
        let key: String
        let value: @Sendable (ComparisonRow) -> Value
    }

    static func number(_ key: String, _ decimals: Int, _ read: @escaping @Sendable (ComparisonRow) -> Double?) -> Field {
        Field(key: key) { .number(read($0), decimals: decimals) }
    }

    static func counts(_ map: [String: Int]?) -> [String: Double]? { map?.mapValues(Double.init) }

    /// Every field of a pair, in file order.
    static func fields(generations: [String]) -> [Field] {
        [
            Field(key: "rank") { .int($0.rank) },
            Field(key: "design") { .text($0.design) },
            Field(key: "site") { .text($0.site) },
            Field(key: "outcome") { .text($0.outcome.rawValue) },
            Field(key: "diagnosis") { .text($0.diagnosis) },
            Field(key: "finalQuarter") { .text($0.finalQuarter?.description) },
            number("itMW", 3, \.itMW),
            number("facilityMW", 3, \.facilityMW),
            Field(key: "racks") { .int($0.racks) },
            Field(key: "gpus") { .int($0.gpus) },
            Field(key: "racksByGeneration") { .map(counts($0.racksByGeneration), keys: generations) },
            Field(key: "gpusByGeneration") { .map(counts($0.gpusByGeneration), keys: generations) },
            number("tokensPerSecond", 1, \.tokensPerSecond),
            number("designTokensPerSecondPerFacilityMW", 1, \.designTokensPerSecondPerFacilityMW),
            number("annualTokensPerSecondPerFacilityMW", 1, \.annualTokensPerSecondPerFacilityMW),
            number("annualPUE", 4, \.annualPUE),
            number("wueLPerKWh", 4, \.wueLPerKWh),
            number("waterM3PerYear", 0, \.waterM3PerYear),
            number("co2TonnesPerYear", 0, \.co2TonnesPerYear),
            number("co2GramsPerMillionTokens", 3, \.co2GramsPerMillionTokens),
            number("capexUSD", 0, \.capexUSD),
            number("facilityCapexUSD", 0, \.facilityCapexUSD),
            number("costPerMillionTokensUSD", 5, \.costPerMillionTokensUSD),
            number("utilization", 4, \.utilization),
            number("throttledHoursPerYear", 1, \.throttledHoursPerYear),
            number("unservedHoursPerYear", 1, \.unservedHoursPerYear),
            number("minPowerHeadroomMW", 3, \.minPowerHeadroomMW),
            number("minThermalHeadroomMW", 3, \.minThermalHeadroomMW),
            Field(key: "bindingLimit") { .text($0.bindingLimit) },
            Field(key: "workloadMix") { .map($0.workloadMix, keys: nil) },
            Field(key: "gpuShareByWorkload") { .map($0.gpuShareByWorkload, keys: nil) },
            Field(key: "designFile") { .text($0.designFile) },
            Field(key: "siteFile") { .text($0.siteFile) },
        ]
    }

    /// compare.json: `schemaVersion`, the inputs, the generations and one object per pair with every key.
    public static func json(_ c: Comparison) throws -> Data {
        try stableJSON(Document(comparison: c))
    }

    /// compare.csv: one line per pair, in rank order; by-generation figures as one column per generation.
    public static func csv(_ c: Comparison) -> String {
        let fields = fields(generations: c.generations)
        var header: [String] = []
        for field in fields {
            if case .map(_, let keys?) = field.value(c.rows.first ?? placeholderRow) {
                header += keys.map { "\(field.key).\($0)" }
            } else {
                header.append(field.key)
            }
        }
        let rows = c.rows.map { row in fields.flatMap { csvCells($0.value(row)) } }
        return csvText(header: ["schemaVersion"] + header, rows: rows.map { ["\(Comparison.schemaVersion)"] + $0 })
    }

    /// The cells of one value in CSV.
    static func csvCells(_ value: Value) -> [String] {
        switch value {
        case .int(let n): [n.map(String.init) ?? ""]
        case .number(let x, let decimals): [x.map { NumberText.fixed($0, decimals) } ?? ""]
        case .text(let t): [(t ?? "").split(separator: "\n").joined(separator: " / ")]
        case .map(let map, let keys?): keys.map { key in map?[key].map { NumberText.fixed($0, 0) } ?? "" }
        case .map(let map, nil):
            [map.map { $0.keys.sorted().map { "\($0)=\(NumberText.fixed(map![$0]!, 4))" }.joined(separator: ";") } ?? ""]
        }
    }

    /// A row to read the shape of the fields from when there is none.
    static let placeholderRow = ComparisonRow(design: "", designFile: "", site: "", siteFile: "", outcome: .noPlan,
                                              diagnosis: nil, workloadMix: [])

    /// The header and cells of the ranked pairs' table (text and HTML alike): main figures, "–" where none.
    static func tableCells(_ c: Comparison) -> (header: [String], rows: [[String]]) {
        func f(_ x: Double?, _ d: Int) -> String { x.map { NumberText.fixed($0, d) } ?? "–" }
        func g(_ x: Double?) -> String { x.map(NumberText.grouped) ?? "–" }
        let header = ["#", "design", "site", "IT MW", "facility MW", "racks", "GPUs", "tokens/s", "tok/s/MW design",
                      "tok/s/MW year", "PUE", "WUE L/kWh", "CO₂ t/yr", "capex $M", "$/M tokens", "util.", "throttled h",
                      "unserved h", "min power headroom MW", "binds first"]
        let rows = c.rows.filter { $0.outcome == .planned }.map { r -> [String] in
            [r.rank.map(String.init) ?? "–", stem(r.designFile), stem(r.siteFile), f(r.itMW, 1), f(r.facilityMW, 1), r.racks.map(String.init) ?? "–",
             r.gpus.map(String.init) ?? "–", g(r.tokensPerSecond), g(r.designTokensPerSecondPerFacilityMW),
             g(r.annualTokensPerSecondPerFacilityMW), f(r.annualPUE, 3), f(r.wueLPerKWh, 3), g(r.co2TonnesPerYear),
             f(RankFigure.capex.value(r).map { $0 / 1e6 }, 0), f(r.costPerMillionTokensUSD, 4), f(r.utilization, 2),
             f(r.throttledHoursPerYear, 0), f(r.unservedHoursPerYear, 0), f(r.minPowerHeadroomMW, 1), r.bindingLimit ?? "–"]
        }
        return (header, rows)
    }

    /// The table's numeric columns (right-aligned).
    static let numericColumns = Set([0] + Array(3..<19))

    /// What the table ranks by and what its figures mean.
    static func tablePreamble(_ c: Comparison, rankBy: RankFigure) -> String {
        var out = "Ranked by \(rankBy.words); each plan's final fleet simulated over \(c.inputs.years) weather year(s) "
            + "from the year after its last quarter. Designs and sites by file name; compare.json has their full names.\n"
        out += "Cost per million tokens counts annualized rack and facility capex, facility opex and energy at the utilization shown "
            + "(tokens served ÷ tokens at full load); capex is racks and facility.\n\n"
        return out
    }

    /// The printed table: the ranked pairs with their main figures, then the pairs without a plan and why, and
    /// the workload mixes when they differ.
    public static func table(_ c: Comparison, rankBy: RankFigure) -> String {
        let (header, rows) = tableCells(c)
        var out = tablePreamble(c, rankBy: rankBy)
        out += textTable(header: header, rows: rows, rightAligned: numericColumns)
        let failed = notPlannedLines(c)
        if !failed.isEmpty { out += "\nNot planned (\(failed.count)):\n" + failed.map { "- \($0)\n" }.joined() }
        if c.mixesDiffer { out += "\n\(mixNote)\n" + gpuShareLines(c).map { "- \($0)\n" }.joined() }
        return out
    }

    /// "design on site: no plan; diagnosis" for each pair without a plan.
    static func notPlannedLines(_ c: Comparison) -> [String] {
        c.rows.filter { $0.outcome != .planned }.map { "\(stem($0.designFile)) on \(stem($0.siteFile)): \($0.outcome.rawValue); \($0.diagnosis ?? "")" }
    }

    static let mixNote = "The designs serve different workload mixes, so tokens per MW compare different work; "
        + "give --workload-mix FILE to impose one mix. Share of GPU time by workload (last quarter):"

    /// "design on site: workload 62 %, …" for each planned pair.
    static func gpuShareLines(_ c: Comparison) -> [String] {
        c.rows.filter { $0.outcome == .planned }.map { r in
            let shares = (r.gpuShareByWorkload ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key) \(NumberText.fixed($0.value * 100, 0)) %" }.joined(separator: ", ")
            return "\(stem(r.designFile)) on \(stem(r.siteFile)): \(shares)"
        }
    }

    /// A file's name without folder and extension: the short name of a design or site in the table.
    static func stem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// compare.json's shape.
    struct Document: Encodable {
        let comparison: Comparison

        enum Key: String, CodingKey { case schemaVersion, inputs, generations, pairs }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(Comparison.schemaVersion, forKey: .schemaVersion)
            try container.encode(comparison.inputs, forKey: .inputs)
            try container.encode(comparison.generations, forKey: .generations)
            var pairs = container.nestedUnkeyedContainer(forKey: .pairs)
            let fields = CompareReport.fields(generations: comparison.generations)
            for row in comparison.rows { try pairs.encode(Pair(row: row, fields: fields)) }
        }
    }

    /// One pair in compare.json: every field, null where it has no value.
    struct Pair: Encodable {
        let row: ComparisonRow
        let fields: [Field]


        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: NamedKey.self)
            for field in fields {
                let key = NamedKey(field.key)
                switch field.value(row) {
                case .int(let n): if let n { try container.encode(n, forKey: key) } else { try container.encodeNil(forKey: key) }
                case .number(let x, _): if let x { try container.encode(x, forKey: key) } else { try container.encodeNil(forKey: key) }
                case .text(let t): if let t { try container.encode(t, forKey: key) } else { try container.encodeNil(forKey: key) }
                case .map(let map, _): if let map { try container.encode(map, forKey: key) } else { try container.encodeNil(forKey: key) }
                }
            }
        }
    }
}

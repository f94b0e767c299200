import Foundation
import PlantModel
import Reports

/// `tokenplant schema`: the JSON Schema of a file kind, for editors.
public enum SchemaWorkflow {
    /// The JSON Schema of `kind` files (`site`, `design` or `catalog`); written to `outPath` when given (then a
    /// line saying so is returned), else returned whole for stdout.
    public static func schema(kind: String, outPath: String?) throws(CommandFailure) -> String {
        guard let fileKind = PlantFileKind(rawValue: kind) else {
            let kinds = PlantFileKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure(["schema: unknown file kind '\(kind)'; expected one of: \(kinds)"], status: .usage)
        }
        let text = try failing { try JSONSchema.text(for: fileKind) }
        guard let outPath else { return text }
        try write(outPath, option: "--out") {
            try OutputFile.write(to: outPath) { temporary in try Data(text.utf8).write(to: URL(fileURLWithPath: temporary)) }
        }
        return "\(kind) schema written to \(outPath)\n"
    }
}

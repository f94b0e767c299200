import Foundation
import PlantModel

extension BuildPlan {
    /// Reads a plan.json written by `plan --out`; a problem names the file and the field path.
    public static func load(from path: String) throws(InputError) -> BuildPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(issues: [ValidationIssue(file: path, line: nil, path: "", message: "cannot read the file")])
        }
        return try decode(data, file: path)
    }

    /// Decodes the bytes of a plan.json, as ``load(from:)`` does after reading them; `file` names the
    /// source in messages.
    public static func decode(_ data: Data, file: String) throws(InputError) -> BuildPlan {
        func failure(_ field: String, _ message: String) -> InputError {
            InputError(issues: [ValidationIssue(file: file, line: nil, path: field, message: message)])
        }
        func dotted(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        do {
            return try JSONDecoder().decode(BuildPlan.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw failure(dotted(context.codingPath + [key]), "missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw failure(dotted(context.codingPath), context.debugDescription)
        } catch {
            throw failure("", "not a plan.json written by `tokenplant plan --out`")
        }
    }
}

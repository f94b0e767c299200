import Foundation
import Yams

/// A value decoded from a file, with what is needed to point at its fields: the file's path and the
/// line of every field.
public struct Decoded<Value> {
    public var value: Value
    /// The path as given by the user.
    public var file: String
    /// Line of each decoded field, by dotted path.
    public var lines: [String: Int]

    /// The folder that relative paths inside this file resolve against.
    public var folder: String { (file as NSString).deletingLastPathComponent }

    /// An issue at `path`, located at that field's line or, failing that, its nearest ancestor's.
    public func issue(_ path: String, _ message: String) -> ValidationIssue {
        var probe = path
        while !probe.isEmpty, lines[probe] == nil {
            if let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) { probe = String(probe[..<cut]) } else { probe = "" }
        }
        return ValidationIssue(file: file, line: lines[probe], path: path, message: message)
    }

    /// Resolves a path written inside this file against the file's folder.
    public func resolve(_ relativePath: String) -> String {
        relativePath.hasPrefix("/") ? relativePath : ((folder as NSString).appendingPathComponent(relativePath) as NSString).standardizingPath
    }
}

/// Reads TokenPlant's input files. YAML and JSON share one schema (JSON is read as YAML's flow style,
/// which keeps line numbers); unknown keys, missing keys and wrong types are all reported at once.
public enum PlantFile {
    /// Decodes `type` from the file at `path`.
    public static func load<T: Decodable>(_ type: T.Type, from path: String) throws(InputError) -> Decoded<T> {
        return try decode(type, from: try text(of: path), file: path)
    }

    /// The UTF-8 text of the file at `path`; a missing file or a byte that is not UTF-8 is an issue with
    /// its line.
    public static func text(of path: String) throws(InputError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError(issues: [ValidationIssue(file: path, line: nil, path: "", message: "no such file (check the path)")])
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw InputError(issues: [ValidationIssue(file: path, line: nil, path: "",
                                                      message: isFolder.boolValue ? "is a folder, not a file" : "cannot be read (check its permissions)")])
        }
        var bytes = data.makeIterator(), parser = Unicode.UTF8.ForwardParser(), offset = 0
        decoding: while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: break decoding
            case .error:
                let line = data.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                throw InputError(issues: [ValidationIssue(file: path, line: line, path: "",
                                                          message: "byte \(offset + 1) is not UTF-8 text (save the file as UTF-8)")])
            }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes `type` from YAML or JSON text; `file` names it in messages.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws(InputError) -> Decoded<T> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError(issues: [syntaxIssue(error, text: text, file: file)])
        } catch {
            throw InputError(issues: [ValidationIssue(file: file, line: nil, path: "", message: "not valid YAML/JSON")])
        }
        guard let root else {
            throw InputError(issues: [ValidationIssue(file: file, line: nil, path: "", message: "file is empty")])
        }
        let session = DecodingSession(file: file)
        let value = session.decode(type, from: root, at: [])
        guard session.issues.isEmpty, let value else { throw InputError(issues: session.issues) }
        return Decoded(value: value, file: file, lines: session.lines)
    }

    /// The issue for a YAML syntax error, at its line. libyaml ends the input with a line break of its own,
    /// so an error at the end of a file whose last line has no line break comes one line past the file's last
    /// line (`a: {` → line 2); that one is put on the last line and says that the file ends there.
    static func syntaxIssue(_ error: YamlError, text: String, file: String) -> ValidationIssue {
        let lines = lineCount(text)
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            guard mark.line > lines else { break }
            let opened = context.map {
                $0.text + ($0.mark.line > lines ? " at the end" : " in line \($0.mark.line), column \($0.mark.column)") + ": "
            } ?? ""
            return ValidationIssue(file: file, line: lines, path: "", message: "not valid YAML/JSON: the file ends too early: \(opened)\(problem)")
        default:
            break
        }
        return ValidationIssue(file: file, line: line(of: error, in: text), path: "", message: "not valid YAML/JSON: \(message(of: error))")
    }

    /// Lines as libyaml counts them: one more than its line breaks (CR LF, CR, LF, NEL, LS, PS).
    static func lineCount(_ text: String) -> Int {
        var breaks = 0
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": if !afterCR { breaks += 1 }
            case "\r", "\u{85}", "\u{2028}", "\u{2029}": breaks += 1
            default: break
            }
            afterCR = scalar == "\r"
        }
        return breaks + 1
    }

    /// The line a YAML error points at.
    static func line(of error: YamlError, in text: String) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        case .reader(_, let offset?, _, _):
            return text.utf8.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        default:
            return nil
        }
    }

    /// A YAML error in a sentence, without the file's text that Yams' own description carries.
    static func message(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return problem + (context.map { " (\($0.text))" } ?? "")
        case .reader(let problem, _, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the key\(duplicates.count == 1 ? "" : "s") " + duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
                + " appear\(duplicates.count == 1 ? "s" : "") twice in the mapping that starts on this line: keep one"
        default:
            return "the text cannot be read as YAML or JSON"
        }
    }
}

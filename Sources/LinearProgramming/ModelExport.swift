import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File formats GLPK writes and `glpsol` reads back.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP (`glpsol --lp FILE`).
    case cplexLP = "lp"
    /// Free MPS (`glpsol --freemps FILE`; MPS carries no objective sense, so add `--max` for maximization).
    case freeMPS = "mps"

    /// The format implied by a file name's extension, if any.
    public init?(path: String) {
        if path.hasSuffix(".lp") { self = .cplexLP } else if path.hasSuffix(".mps") { self = .freeMPS } else { return nil }
    }
}

extension Model {
    /// Writes the model for `glpsol` or another solver. The file appears atomically: GLPK writes a
    /// temporary file beside it (`.NAME.tmp`, a fixed name, so a file left by a killed run is replaced by the
    /// next), which is then renamed over `path`. Only a regular file, or nothing, is replaced at `path`.
    public func write(to path: String, format: ModelFileFormat) throws {
        try validate()
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw ExportError(path: path, reason: "it exists and is not a regular file; only regular files are replaced")
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(folder).\(name).tmp"
        unlink(temporary)
        do {
            try writeUnstaged(to: temporary, format: format)
        } catch let error as ExportError {
            throw ExportError(path: path, reason: error.reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ExportError(path: path, reason: reason)
        }
    }

    /// Writes the model straight to `path` (GLPK opens and fills it), so a reader may see it half
    /// written: for a caller that writes into a temporary file and renames it itself (as `plan
    /// --export-model` does, through `OutputFile` in Reports). On failure the file is removed.
    public func writeUnstaged(to path: String, format: ModelFileFormat) throws {
        try validate()
        let code: Int32 = withTerminalOutput(false) {
            let problem = GLPKProblem(self)
            switch format {
            case .cplexLP: return glp_write_lp(problem.pointer, nil, path)
            case .freeMPS: return glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
            }
        }
        guard code == 0 else {
            unlink(path)
            throw ExportError(path: path, reason: "GLPK could not write the file (check that its folder exists and may be written)")
        }
    }
}

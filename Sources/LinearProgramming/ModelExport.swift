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
    /// temporary file beside it, which is then renamed over `path`.
    public func write(to path: String, format: ModelFileFormat) throws {
        try validate()
        let temporary = "\(path).tmp-\(getpid())"
        let code: Int32 = withTerminalOutput(false) {
            let problem = GLPKProblem(self)
            switch format {
            case .cplexLP: return glp_write_lp(problem.pointer, nil, temporary)
            case .freeMPS: return glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, temporary)
            }
        }
        guard code == 0 else {
            unlink(temporary)
            throw ExportError(path: path, reason: "GLPK could not write the file (check that its folder exists)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ExportError(path: path, reason: reason)
        }
    }
}

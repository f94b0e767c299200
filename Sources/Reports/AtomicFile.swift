import Foundation

/// Writes output files so that a reader never sees half of one: each is written to a temporary file in
/// the same folder and renamed into place.
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating the folder if needed.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// Writes UTF-8 text to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes several files: all are rendered before the first is written, so an error in rendering
    /// leaves nothing behind; each file itself appears atomically.
    public static func writeAll(_ files: [(path: String, data: Data)]) throws {
        for file in files { try write(file.data, to: file.path) }
    }
}

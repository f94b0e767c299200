import Foundation

/// A file written piece by piece that appears at its path only when committed: the text goes to a
/// temporary file in the same folder, which `commit()` renames into place. Dropping it uncommitted
/// deletes the temporary file, so an error midway leaves nothing behind.
public final class AtomicStreamFile {
    public let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()
    private var committed = false

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
    }

    /// Appends UTF-8 text (buffered in 1 MiB pieces).
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered and renames the file into place.
    public func commit() throws {
        try flush()
        try handle.close()
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        committed = true
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        if !committed {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}

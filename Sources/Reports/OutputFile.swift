import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A single output file written on its own (`plan --export-model FILE`): it is produced into a fixed-name
/// temporary file beside it (`.FILE.tokenplant-tmp`), fsync'd and renamed over it, so it appears whole or
/// not at all. A temporary file left by a killed run is removed by the next run writing the same file.
/// Only a regular file, or nothing, is replaced.
public enum OutputFile {
    /// `DIR/.NAME.tokenplant-tmp` for `DIR/NAME`.
    public static func temporaryPath(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return (FileSystem.parent(of: path) as NSString).appendingPathComponent(".\(name).tokenplant-tmp")
    }

    /// Checks, without writing anything, that `path` is a regular file or absent and that its folder exists
    /// and may be written.
    public static func check(_ path: String) throws(OutputError) {
        try FileSystem.requireReplaceable(path, shownAs: path)
        let folder = FileSystem.parent(of: path)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            if errno == ENOENT {
                throw OutputError(path: path, problem: "the folder \(folder) does not exist", advice: "create it")
            }
            throw OutputError(path: path, errno: errno)
        }
        try FileSystem.requireWritableFolder(folder, shownAs: path)
    }

    /// Writes `path` by letting `produce` write the temporary file it is given; an error from `produce`
    /// (any error) or from the file system leaves `path` as it was and no temporary file.
    public static func write(to path: String, produce: (String) throws -> Void) throws {
        try check(path)
        let temporary = temporaryPath(for: path)
        let removal = FileSystem.removeTree(temporary)
        guard removal == 0 else { throw OutputError(path: temporary, errno: removal) }
        // Created here, so a failure to create it is reported in words rather than by `produce`.
        let created = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard created >= 0 else { throw OutputError(path: path, errno: errno) }
        close(created)
        do {
            try produce(temporary)
            let descriptor = open(temporary, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputError(path: path, errno: errno) }
            let synced = fsync(descriptor) == 0 ? 0 : errno
            close(descriptor)
            guard synced == 0 else { throw OutputError(path: path, errno: synced) }
            try FileSystem.requireReplaceable(path, shownAs: path)
            guard rename(temporary, path) == 0 else { throw OutputError(path: path, errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        let folder = open(FileSystem.parent(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            FileSystem.syncFolder(folder)
            close(folder)
        }
    }
}

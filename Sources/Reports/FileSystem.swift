import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls output files are written with (no Foundation side files, errors as `errno`).
enum FileSystem {
    /// `a regular file`, `a symbolic link`, … for the type bits of `mode`.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// The type bits of what is at `name` in the folder `folder` (a descriptor, or `AT_FDCWD` for a path),
    /// without following a symbolic link; `nil` when nothing is there.
    static func mode(at name: String, in folder: Int32 = AT_FDCWD, shownAs path: String) throws(OutputError) -> mode_t? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            if errno == ENOENT { return nil }
            throw OutputError(path: path, errno: errno)
        }
        return info.st_mode
    }

    /// Only a regular file, or nothing, may be replaced.
    static func requireReplaceable(_ name: String, in folder: Int32 = AT_FDCWD, shownAs path: String) throws(OutputError) {
        if let mode = try mode(at: name, in: folder, shownAs: path), mode & S_IFMT != S_IFREG {
            throw OutputError(path: path, problem: "it is \(kind(mode)); only regular files are replaced", advice: "remove it")
        }
    }

    /// The folder that holds `path` (`.` for a bare name).
    static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Throws unless `folder` (following symbolic links) is a folder this process may create files in, or is
    /// missing and could be created: its nearest existing ancestor is such a folder.
    static func requireWritableFolder(_ folder: String, shownAs shown: String) throws(OutputError) {
        var path = folder
        while true {
            var info = stat()
            if stat(path, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    let problem = path == folder ? "it is \(kind(info.st_mode)), not a folder" : "\(path) is \(kind(info.st_mode)), not a folder"
                    throw OutputError(path: shown, problem: problem, advice: path == folder ? "remove it" : nil)
                }
                guard access(path, W_OK | X_OK) == 0 else { throw OutputError(path: shown, errno: errno) }
                return
            }
            guard errno == ENOENT || errno == ENOTDIR, path != parent(of: path) else { throw OutputError(path: shown, errno: errno) }
            path = parent(of: path)
        }
    }

    /// `mkdir -p`: creates `path` and its missing ancestors.
    static func makeFolders(_ path: String) throws(OutputError) {
        if mkdir(path, 0o777) == 0 { return }
        var code = errno
        if code == ENOENT, parent(of: path) != path {
            try makeFolders(parent(of: path))
            if mkdir(path, 0o777) == 0 { return }
            code = errno
        }
        var info = stat()
        if code == EEXIST, stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw OutputError(path: path, problem: "it is \(kind(info.st_mode)), not a folder", advice: "remove it")
        }
        throw OutputError(path: path, errno: code)
    }

    /// Writes every byte (retrying short writes and interruptions); returns 0 or the `errno` of the failure.
    static func writeFully(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Removes `name` in `folder`, and everything inside it if it is a folder, never following a symbolic
    /// link; returns 0 (also when nothing is there) or the `errno` of the first failure.
    static func removeTree(_ name: String, in folder: Int32 = AT_FDCWD) -> Int32 {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return errno == ENOENT ? 0 : errno }
        guard info.st_mode & S_IFMT == S_IFDIR else { return unlinkat(folder, name, 0) == 0 || errno == ENOENT ? 0 : errno }
        let descriptor = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return errno }
        guard let listing = fdopendir(descriptor) else {
            let code = errno
            close(descriptor)
            return code
        }
        var children: [String] = []
        while let entry = readdir(listing) {
            let child = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if child != ".", child != ".." { children.append(child) }
        }
        var result: Int32 = 0
        for child in children where result == 0 { result = removeTree(child, in: descriptor) }
        closedir(listing)
        if result != 0 { return result }
        return unlinkat(folder, name, AT_REMOVEDIR) == 0 || errno == ENOENT ? 0 : errno
    }

    /// Makes renames and removals in a folder durable (ignored where the file system cannot).
    static func syncFolder(_ descriptor: Int32) { _ = fsync(descriptor) }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `manifest.json` says about an output set: the command that wrote it, a digest of its input files,
/// and every file of the set with its size and SHA-256.
public struct OutputManifest: Codable, Equatable, Sendable {
    public struct File: Codable, Equatable, Sendable {
        public var name: String
        public var bytes: Int
        /// SHA-256 of the file's bytes, 64 lowercase hex digits.
        public var sha256: String

        public init(name: String, bytes: Int, sha256: String) {
            self.name = name
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// `plan`, `plan --pareto` or `simulate`.
    public var command: String
    /// FNV-1a 64 of the input files' bytes (a change detector, not a cryptographic hash).
    public var inputsDigest: String
    public var files: [File]

    public init(command: String, inputsDigest: String, files: [File]) {
        self.command = command
        self.inputsDigest = inputsDigest
        self.files = files
    }
}

/// The files one command writes into one folder, which appear there together.
///
/// The files are written into a fixed-name staging folder inside the output folder
/// (``stagingFolderName``), each fsync'd. ``commit()`` then removes the old `manifest.json`, renames each
/// file into the folder, and writes the new `manifest.json` last. A reader who finds a manifest can rely
/// on the files it lists being complete and of one run; without one, the set is incomplete. A new set
/// first removes a staging folder left by a run that was killed. Only regular files (or nothing) are
/// replaced: a symbolic link, device, FIFO or folder at a file's path is an error before anything is
/// written. While the set is open the output folder is locked (`flock`), so two runs cannot write into it
/// at once. Dropping the set without committing it removes the staging folder.
public final class OutputSet {
    public static let stagingFolderName = ".tokenplant-staging"
    public static let manifestName = "manifest.json"

    /// The output folder, as the user named it.
    public let folder: String
    /// The files of the set, in manifest order.
    public let names: [String]
    public let command: String
    public let inputsDigest: String
    private var folderDescriptor: Int32
    private var stagingDescriptor: Int32
    private var written: [String: OutputManifest.File] = [:]
    private var isOpen = true

    /// Checks, without writing anything, that `folder` is a folder (or can be created) and that each of
    /// `names` and `manifest.json` in it is a regular file or absent.
    public static func check(folder: String, names: [String]) throws(OutputError) {
        try FileSystem.requireWritableFolder(folder, shownAs: folder)
        for name in names + [manifestName] {
            let path = Self.path(folder, name)
            try FileSystem.requireReplaceable(path, shownAs: path)
        }
    }

    /// Creates the folder if needed, locks it, checks the targets, removes a leftover staging folder and
    /// creates a fresh one.
    public init(folder: String, names: [String], command: String, inputsDigest: String) throws(OutputError) {
        precondition(!names.isEmpty && names.allSatisfy { !$0.contains("/") && $0 != Self.manifestName && !$0.hasPrefix(".") })
        try Self.check(folder: folder, names: names)
        try FileSystem.makeFolders(folder)
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderDescriptor >= 0 else { throw OutputError(path: folder, errno: errno) }
        var stagingDescriptor: Int32 = -1, createdStaging = false
        do throws(OutputError) {
            if flock(folderDescriptor, LOCK_EX | LOCK_NB) != 0, errno == EWOULDBLOCK {
                throw OutputError(path: folder, problem: "another tokenplant run is writing into this folder", advice: "wait for it to finish")
            }
            for name in names + [Self.manifestName] {
                try FileSystem.requireReplaceable(name, in: folderDescriptor, shownAs: Self.path(folder, name))
            }
            let staging = Self.path(folder, Self.stagingFolderName)
            let removal = FileSystem.removeTree(Self.stagingFolderName, in: folderDescriptor)
            guard removal == 0 else { throw OutputError(path: staging, errno: removal) }
            guard mkdirat(folderDescriptor, Self.stagingFolderName, 0o700) == 0 else { throw OutputError(path: staging, errno: errno) }
            createdStaging = true
            stagingDescriptor = openat(folderDescriptor, Self.stagingFolderName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard stagingDescriptor >= 0 else { throw OutputError(path: staging, errno: errno) }
        } catch {
            if createdStaging { _ = FileSystem.removeTree(Self.stagingFolderName, in: folderDescriptor) }
            close(folderDescriptor)
            throw error
        }
        self.folder = folder
        self.names = names
        self.command = command
        self.inputsDigest = inputsDigest
        self.folderDescriptor = folderDescriptor
        self.stagingDescriptor = stagingDescriptor
    }

    deinit { discard() }

    /// The path of `name` in the output folder, as messages show it.
    public func path(_ name: String) -> String { Self.path(folder, name) }

    static func path(_ folder: String, _ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Writes a whole file of the set into the staging folder.
    public func write(_ name: String, _ data: Data) throws(OutputError) {
        let file = try stream(name)
        try file.write(data)
        try file.finish()
    }

    /// Opens a file of the set in the staging folder, to be written piece by piece and finished.
    public func stream(_ name: String) throws(OutputError) -> StagedFile {
        precondition(isOpen && (names.contains(name) || name == Self.manifestName) && written[name] == nil)
        let descriptor = openat(stagingDescriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputError(path: path(name), errno: errno) }
        return StagedFile(set: self, name: name, descriptor: descriptor)
    }

    fileprivate func finished(_ file: OutputManifest.File) { written[file.name] = file }

    /// Moves the set into the folder: old manifest out, each file renamed in, new manifest last.
    public func commit() throws(OutputError) {
        precondition(isOpen && names.allSatisfy { written[$0] != nil }, "every file of the set is written before commit")
        for name in names + [Self.manifestName] {
            try FileSystem.requireReplaceable(name, in: folderDescriptor, shownAs: path(name))
        }
        guard unlinkat(folderDescriptor, Self.manifestName, 0) == 0 || errno == ENOENT else {
            throw OutputError(path: path(Self.manifestName), errno: errno)
        }
        FileSystem.syncFolder(folderDescriptor)
        for name in names {
            guard renameat(stagingDescriptor, name, folderDescriptor, name) == 0 else { throw OutputError(path: path(name), errno: errno) }
        }
        FileSystem.syncFolder(folderDescriptor)
        let manifest = OutputManifest(command: command, inputsDigest: inputsDigest, files: names.compactMap { written[$0] })
        guard let data = try? stableJSON(manifest) else { preconditionFailure("a manifest always encodes") }
        let file = try stream(Self.manifestName)
        try file.write(data)
        try file.finish()
        guard renameat(stagingDescriptor, Self.manifestName, folderDescriptor, Self.manifestName) == 0 else {
            throw OutputError(path: path(Self.manifestName), errno: errno)
        }
        FileSystem.syncFolder(folderDescriptor)
        discard()
    }

    /// Removes the staging folder (and whatever of the set is still in it) and unlocks the folder; the
    /// set's files already moved stay. Called by `deinit` when the set was not committed.
    public func discard() {
        guard isOpen else { return }
        isOpen = false
        close(stagingDescriptor)
        _ = FileSystem.removeTree(Self.stagingFolderName, in: folderDescriptor)
        FileSystem.syncFolder(folderDescriptor)
        close(folderDescriptor)
        stagingDescriptor = -1
        folderDescriptor = -1
    }
}

/// One file of an ``OutputSet`` being written in its staging folder, buffered in 1 MiB pieces; its size
/// and SHA-256 are counted as it is written.
public final class StagedFile {
    public let name: String
    private let set: OutputSet
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var digest = SHA256()
    private var bytes = 0

    fileprivate init(set: OutputSet, name: String, descriptor: Int32) {
        self.set = set
        self.name = name
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends bytes.
    public func write(_ data: Data) throws(OutputError) {
        buffer.append(contentsOf: data)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered, fsyncs and closes the file; it moves into the folder with the set's commit.
    public func finish() throws(OutputError) {
        precondition(descriptor >= 0, "finished once")
        try flush()
        let code = fsync(descriptor) == 0 ? 0 : errno
        let closed = close(descriptor) == 0 ? 0 : errno
        descriptor = -1
        guard code == 0, closed == 0 else { throw OutputError(path: set.path(name), errno: code != 0 ? code : closed) }
        set.finished(OutputManifest.File(name: name, bytes: bytes, sha256: digest.hexDigest()))
    }

    private func flush() throws(OutputError) {
        let code = buffer.withUnsafeBytes { raw in
            digest.update(raw)
            return FileSystem.writeFully(descriptor, raw)
        }
        guard code == 0 else { throw OutputError(path: set.path(name), errno: code) }
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

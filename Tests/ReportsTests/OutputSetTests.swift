import Foundation
import Plans
import Reports
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under the system's temporary folder, removed by the caller.
func scratchFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("outputset-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func entries(_ folder: String) -> Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) }

func sha256(_ data: Data) -> String {
    var digest = SHA256()
    digest.update(data)
    return digest.hexDigest()
}

/// `sha256sum FILE`'s digest, where the tool is installed: a check of ``SHA256`` against another implementation.
func systemSHA256(_ path: String) -> String? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    guard (try? process.run()) != nil else { return nil }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init)
}

/// Reads `manifest.json` in `folder`, if there is one, and checks every file it lists against its size and
/// SHA-256, recomputed here; `nil` without a manifest.
func verifiedManifest(in folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> OutputManifest? {
    let path = (folder as NSString).appendingPathComponent(OutputSet.manifestName)
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let manifest = try JSONDecoder().decode(OutputManifest.self, from: data)
    for file in manifest.files {
        let filePath = (folder as NSString).appendingPathComponent(file.name)
        let bytes = FileManager.default.contents(atPath: filePath)
        #expect(bytes != nil, "\(file.name) listed in the manifest exists", sourceLocation: sourceLocation)
        #expect(bytes?.count == file.bytes, "\(file.name): size as listed", sourceLocation: sourceLocation)
        #expect(bytes.map(sha256) == file.sha256, "\(file.name): SHA-256 as listed", sourceLocation: sourceLocation)
    }
    return manifest
}

@Suite("SHA-256 against the FIPS 180-4 examples")
struct SHA256Tests {
    @Test("Known digests, whole and fed in pieces")
    func vectors() {
        let cases: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
            (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (message, expected) in cases {
            #expect(sha256(Data(message.utf8)) == expected, "\(message.prefix(20))… (\(message.utf8.count) bytes)")
            // The same bytes in uneven pieces, across block boundaries.
            let bytes = Array(message.utf8)
            for piece in [1, 7, 63, 64, 65, 1000] where bytes.count < 200 || piece == 1000 {
                var digest = SHA256()
                var start = 0
                while start < bytes.count {
                    digest.update(bytes[start..<min(start + piece, bytes.count)])
                    start += piece
                }
                #expect(digest.hexDigest() == expected, "in pieces of \(piece)")
            }
        }
    }
}

@Suite("Output sets: staged, moved into place, manifest last")
struct OutputSetTests {
    @Test("A set's files and manifest.json: sizes and SHA-256 as recomputed here (and by sha256sum)")
    func setAndManifest() throws {
        let root = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/out/nested"  // created, with its missing parent
        let set = try OutputSet(folder: folder, names: ["a.json", "b.csv"], command: "test", inputsDigest: "0123456789abcdef")
        try set.write("a.json", Data("{\"x\": 1}\n".utf8))
        let stream = try set.stream("b.csv")
        let row = String(repeating: "1.234,", count: 20) + "end\n"
        for _ in 0..<20_000 { try stream.write(row) }  // about 2.5 MB: several 1 MiB flushes
        try stream.finish()
        #expect(entries(folder) == [OutputSet.stagingFolderName], "nothing in the folder before commit")
        try set.commit()

        #expect(entries(folder) == ["a.json", "b.csv", "manifest.json"], "staging folder gone")
        let manifest = try #require(try verifiedManifest(in: folder))
        #expect(manifest.command == "test" && manifest.inputsDigest == "0123456789abcdef")
        #expect(manifest.files.map(\.name) == ["a.json", "b.csv"])
        #expect(manifest.files[1].bytes == 20_000 * row.utf8.count)
        for file in manifest.files {
            if let system = systemSHA256(folder + "/" + file.name) { #expect(system == file.sha256, "sha256sum agrees on \(file.name)") }
        }
    }

    @Test("PlanReport.write: plan.json, plan.csv, bom.csv and a manifest; files of another set stay, unlisted")
    func planSet() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("point\n".utf8).write(to: URL(fileURLWithPath: folder + "/pareto.csv"))
        try PlanReport.write(SmallPlan.plan, buildNext: nil, to: folder)
        let manifest = try #require(try verifiedManifest(in: folder))
        #expect(manifest.command == "plan" && manifest.inputsDigest == SmallPlan.plan.inputs.digest)
        #expect(manifest.files.map(\.name) == PlanReport.fileNames)
        #expect(FileManager.default.contents(atPath: folder + "/plan.csv") == Data(PlanReport.planCSV(SmallPlan.plan).utf8))
        #expect(entries(folder) == Set(PlanReport.fileNames + ["manifest.json", "pareto.csv"]))
        // The same plan again gives the same bytes, manifest included.
        let before = FileManager.default.contents(atPath: folder + "/manifest.json")
        try PlanReport.write(SmallPlan.plan, buildNext: nil, to: folder)
        #expect(FileManager.default.contents(atPath: folder + "/manifest.json") == before)
    }

    @Test("A staging folder left by a killed run is removed by the next, without following its links")
    func leftoverRemoved() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let staging = folder + "/" + OutputSet.stagingFolderName
        try FileManager.default.createDirectory(atPath: staging + "/deeper", withIntermediateDirectories: true)
        try Data(count: 10_000).write(to: URL(fileURLWithPath: staging + "/timeseries.csv"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: staging + "/deeper/y"))
        let outside = folder + "/keep.txt"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: staging + "/link", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: staging + "/folder-link", withDestinationPath: folder)

        let set = try OutputSet(folder: folder, names: ["a.txt"], command: "test", inputsDigest: "0")
        #expect(entries(staging).isEmpty, "a fresh staging folder")
        try set.write("a.txt", Data("a".utf8))
        try set.commit()
        #expect(!FileManager.default.fileExists(atPath: staging))
        #expect(FileManager.default.contents(atPath: outside) == Data("keep".utf8), "a link's target is not removed")
        #expect(entries(folder) == ["a.txt", "manifest.json", "keep.txt"])
    }

    @Test("A set dropped before commit (an error midway) leaves the folder as it was")
    func droppedSet() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let set = try OutputSet(folder: folder, names: ["summary.json", "timeseries.csv"], command: "test", inputsDigest: "0")
            let stream = try set.stream("timeseries.csv")
            try stream.write("hour\n")
        }
        #expect(entries(folder).isEmpty)
    }

    @Test("Two sets cannot be written into one folder at once")
    func locked() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try OutputSet(folder: folder, names: ["a.txt"], command: "test", inputsDigest: "0")
        let error = #expect(throws: OutputError.self) {
            _ = try OutputSet(folder: folder, names: ["a.txt"], command: "test", inputsDigest: "0")
        }
        #expect(error?.message(option: "--out") == "cannot write \(folder): another tokenplant run is writing into this folder (wait for it to finish or choose another --out)")
        try first.write("a.txt", Data("a".utf8))
        try first.commit()
        #expect(try verifiedManifest(in: folder)?.files.map(\.name) == ["a.txt"], "the first set's staging folder survived the refusal")
    }

    @Test("A symbolic link or a FIFO at a file's path is refused before anything is written, and left as it was")
    func notRegularRefused() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/target.txt"
        try Data("target".utf8).write(to: URL(fileURLWithPath: target))
        let sub = folder + "/out"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: sub + "/plan.csv", withDestinationPath: target)
        var error = #expect(throws: OutputError.self) { try PlanReport.write(SmallPlan.plan, buildNext: nil, to: sub) }
        #expect(error?.message(option: "--out")
            == "cannot write \(sub)/plan.csv: it is a symbolic link; only regular files are replaced (remove it or choose another --out)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: sub + "/plan.csv") == target)
        #expect(FileManager.default.contents(atPath: target) == Data("target".utf8))
        #expect(entries(sub) == ["plan.csv"], "nothing written, no staging folder")

        try FileManager.default.removeItem(atPath: sub + "/plan.csv")
        #expect(mkfifo(sub + "/timeseries.csv", 0o644) == 0)
        error = #expect(throws: OutputError.self) {
            _ = try OutputSet(folder: sub, names: SimulationReport.fileNames, command: "simulate", inputsDigest: "0")
        }
        #expect(error?.problem == "it is a FIFO (named pipe); only regular files are replaced")
        #expect(throws: OutputError.self) { try OutputSet.check(folder: sub, names: SimulationReport.fileNames) }
        var info = stat()
        #expect(lstat(sub + "/timeseries.csv", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
        #expect(entries(sub) == ["timeseries.csv"])

        // A single file (--export-model) likewise, and a manifest.json that is not a file blocks the whole set.
        #expect(throws: OutputError.self) { try OutputFile.write(to: sub + "/timeseries.csv") { _ in Issue.record("not produced") } }
        #expect(lstat(sub + "/timeseries.csv", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        try FileManager.default.createDirectory(atPath: folder + "/m/manifest.json", withIntermediateDirectories: true)
        error = #expect(throws: OutputError.self) { try PlanReport.write(SmallPlan.plan, buildNext: nil, to: folder + "/m") }
        #expect(error?.problem == "it is a folder; only regular files are replaced")
        #expect(entries(folder + "/m") == ["manifest.json"])
    }

    @Test("An --out that exists and is not a folder is refused, and left as it was")
    func outNotFolder() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/out"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        var error = #expect(throws: OutputError.self) { try PlanReport.write(SmallPlan.plan, buildNext: nil, to: file) }
        #expect(error?.message(option: "--out") == "cannot write \(file): it is a regular file, not a folder (remove it or choose another --out)")
        error = #expect(throws: OutputError.self) { try OutputSet.check(folder: file + "/below", names: ["a"]) }
        #expect(error?.problem == "\(file) is a regular file, not a folder")
        #expect(FileManager.default.contents(atPath: file) == Data("mine".utf8))
        #expect(entries(folder) == ["out"])
    }

    @Test("A single file: a killed run's temporary file is replaced; a failing producer leaves the old file")
    func singleFile() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/model.lp"
        let temporary = OutputFile.temporaryPath(for: path)
        #expect(temporary == folder + "/.model.lp.tokenplant-tmp")
        try Data(count: 5000).write(to: URL(fileURLWithPath: temporary))  // a killed run's leftover
        try OutputFile.write(to: path) { try Data("new\n".utf8).write(to: URL(fileURLWithPath: $0)) }
        #expect(FileManager.default.contents(atPath: path) == Data("new\n".utf8))
        #expect(entries(folder) == ["model.lp"])
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try OutputFile.write(to: path) { _ in throw Failure() }
        }
        #expect(FileManager.default.contents(atPath: path) == Data("new\n".utf8))
        #expect(entries(folder) == ["model.lp"])
        let error = #expect(throws: OutputError.self) { try OutputFile.check(folder + "/missing/model.lp") }
        #expect(error?.message(option: "--export-model")
            == "cannot write \(folder)/missing/model.lp: the folder \(folder)/missing does not exist (create it or choose another --export-model)")
    }

    @Test("System errors in words, with what to change")
    func errnoWords() {
        #expect(OutputError(path: "out/plan.csv", errno: EACCES).message(option: "--out")
            == "cannot write out/plan.csv: permission denied (check the folder's permissions or choose another --out)")
        #expect(OutputError(path: "out/timeseries.csv", errno: ENOSPC).message(option: "--out")
            == "cannot write out/timeseries.csv: no space left on the device (free some space or choose another --out)")
        #expect(OutputError(path: "m.lp", errno: EROFS).message(option: "--export-model")
            == "cannot write m.lp: the file system is read-only (choose another --export-model)")
        #expect(OutputError(path: "a/b", errno: ENOTDIR).problem == "a part of the path is a file, not a folder")
        #expect(OutputError(path: "a/b", errno: EEXIST).problem == "something else already exists there")
    }

    @Test("A folder without write permission: refused before writing, in words",
          .enabled(if: geteuid() != 0, "root may write into any folder"))
    func permissionDenied() throws {
        let folder = try scratchFolder()
        defer {
            chmod(folder, 0o755)
            try? FileManager.default.removeItem(atPath: folder)
        }
        chmod(folder, 0o555)
        let error = #expect(throws: OutputError.self) { try PlanReport.write(SmallPlan.plan, buildNext: nil, to: folder) }
        #expect(error?.message(option: "--out") == "cannot write \(folder): permission denied (check the folder's permissions or choose another --out)")
    }
}

/// The `tokenplant` executable built with the tests: beside the test bundle (`.build/<triple>/debug`), else in
/// the package's `.build/debug`.
enum BuiltTool {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var tokenplant: URL? {
        var folders: [URL] = []
        if let main = Bundle.main.executableURL { folders.append(main.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") { folders.append(bundle.bundleURL.deletingLastPathComponent()) }
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("tokenplant") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "the tokenplant executable is not beside the test bundle nor in .build/debug (swift build --build-tests)" }
    }

    /// Starts `tokenplant arguments` in the package folder; stdout is discarded, stderr goes to `errors`.
    static func launch(_ arguments: [String], errors: Pipe? = nil) throws -> Process {
        let process = Process()
        guard let tool = Self.tokenplant else { throw Missing() }
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `tokenplant arguments` to the end: its exit status and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let pipe = Pipe()
        let process = try launch(arguments, errors: pipe)
        let errors = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }
}

@Suite("Output sets of the built tokenplant: refused targets, and runs killed mid-write", .serialized)
struct KilledRunTests {
    static let simulate = ["simulate", "reference-designs/vera-rubin-1gw.yaml", "--site", "sites/chicago-il.yaml", "--years", "3"]

    @Test("A refused --out or --export-model: exit 1, one line naming the path and what to change, nothing written")
    func refusedTargets() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/not-a-folder"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: file))
        var result = try BuiltTool.run(Self.simulate + ["--out", file])
        #expect(result.status == 1)
        #expect(result.stderr == "cannot write \(file): it is a regular file, not a folder (remove it or choose another --out)\n")

        let fifo = folder + "/model.lp"
        #expect(mkfifo(fifo, 0o644) == 0)
        result = try BuiltTool.run(["plan", "reference-designs/gb300-nvl72-hybrid.yaml", "--export-model", fifo])
        #expect(result.status == 1)
        #expect(result.stderr
            == "cannot write \(fifo): it is a FIFO (named pipe); only regular files are replaced (remove it or choose another --export-model)\n")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
        #expect(entries(folder) == ["not-a-folder", "model.lp"])
    }

    enum Moment: CustomStringConvertible {
        case after(Duration), stagingExists, staged(bytes: Int), oldManifestGone

        var description: String {
            switch self {
            case .after(let time): return "\(time) after launch"
            case .stagingExists: return "once the staging folder exists"
            case .staged(let bytes): return "once \(bytes) bytes of timeseries.csv are staged"
            case .oldManifestGone: return "once the old manifest.json is removed (commit under way)"
            }
        }
    }

    @Test("simulate killed (SIGKILL) at several moments: never a partial set under a manifest, never a stray temporary file")
    func killedMidWrite() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/sim"
        let staging = out + "/" + OutputSet.stagingFolderName
        // A complete set of an earlier run, so a kill can also catch a folder that holds old files.
        let earlier = try OutputSet(folder: out, names: SimulationReport.fileNames, command: "simulate", inputsDigest: "earlier")
        try earlier.write("summary.json", Data("{}\n".utf8))
        try earlier.write("timeseries.csv", Data("timestamp\n".utf8))
        try earlier.commit()

        let allowed = Set(SimulationReport.fileNames + [OutputSet.manifestName, OutputSet.stagingFolderName])
        // A run takes about 5 s in a debug build alone; the rest is room for a loaded machine (the whole suite runs its
        // tests in parallel on two cores: six runs have taken over 120 s there).
        let deadline = ContinuousClock.now + .seconds(300)
        var killed = 0
        let moments: [Moment] = [.after(.milliseconds(100)), .stagingExists, .staged(bytes: 1 << 20), .staged(bytes: 3 << 20), .oldManifestGone]
        for moment in moments {
            let process = try BuiltTool.launch(Self.simulate + ["--out", out])
            let started = ContinuousClock.now
            while process.isRunning, ContinuousClock.now < deadline {
                let reached: Bool
                switch moment {
                case .after(let time): reached = ContinuousClock.now - started >= time
                case .stagingExists: reached = FileManager.default.fileExists(atPath: staging)
                case .staged(let bytes):
                    let size = (try? FileManager.default.attributesOfItem(atPath: staging + "/timeseries.csv"))?[.size] as? Int
                    reached = (size ?? 0) >= bytes
                case .oldManifestGone: reached = !FileManager.default.fileExists(atPath: out + "/" + OutputSet.manifestName)
                }
                if reached { break }
                try await Task.sleep(for: .milliseconds(1))
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            #expect(ContinuousClock.now < deadline, "the test ran out of time (300 s) \(moment)")
            let wasKilled = process.terminationReason == .uncaughtSignal
            #expect(wasKilled || process.terminationStatus == 0, "\(moment): killed, or finished normally")
            let strays = entries(out).subtracting(allowed)
            #expect(strays.isEmpty, "\(moment): no temporary file outside the staging folder, found \(strays.sorted())")
            if let manifest = try verifiedManifest(in: out) {
                #expect(manifest.files.map(\.name) == SimulationReport.fileNames, "\(moment): the manifest lists the whole set")
            }
            print("killed run: \(moment): \(wasKilled ? "killed" : "finished"), manifest \(try verifiedManifest(in: out)?.inputsDigest ?? "absent")")
        }
        #expect(killed >= 2, "at least the first moments come before the run ends (a debug build is killed at all five)")

        let process = try BuiltTool.launch(Self.simulate + ["--out", out])
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "the full run finishes within the 300 s")
        let manifest = try #require(try verifiedManifest(in: out))
        #expect(manifest.command == "simulate" && manifest.inputsDigest != "earlier")
        #expect(entries(out) == Set(SimulationReport.fileNames + [OutputSet.manifestName]), "no staging folder left")
    }
}

@Suite("plan --out of the built tokenplant killed mid-write", .serialized)
struct KilledPlanRunTests {
    static let plan = ["plan", "reference-designs/mixed-retrofit.yaml", "--time-limit", "5"]

    enum Moment: CustomStringConvertible {
        case after(Duration), stagingExists, staged(files: Int), oldManifestGone

        var description: String {
            switch self {
            case .after(let time): return "\(time) after launch (while planning)"
            case .stagingExists: return "once the staging folder exists"
            case .staged(let files): return "once \(files) file\(files == 1 ? " is" : "s are") in the staging folder"
            case .oldManifestGone: return "once the old manifest.json is removed (commit under way)"
            }
        }
    }

    /// The staging phase of a plan set lasts milliseconds (three small files, each fsync'd), so the folder is
    /// polled every 0.1 ms; a moment the poll misses lets the run finish, which must leave a whole set too.
    @Test("plan killed (SIGKILL) at several moments: never a partial set under a manifest, never a stray temporary file; the next run leaves no staging folder")
    func killedMidWrite() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/plan"
        let staging = out + "/" + OutputSet.stagingFolderName
        let manifestPath = out + "/" + OutputSet.manifestName
        // A complete set of an earlier run (another design), so a kill can also catch a folder that holds old files.
        let earlier = try BuiltTool.run(["plan", "reference-designs/legacy-hopper-air.yaml", "--out", out])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let earlierDigest = try #require(try verifiedManifest(in: out)).inputsDigest

        let allowed = Set(PlanReport.fileNames + [OutputSet.manifestName, OutputSet.stagingFolderName])
        let deadline = ContinuousClock.now + .seconds(300)
        var killed: [String] = []
        let moments: [Moment] = [.after(.milliseconds(50)), .stagingExists, .staged(files: 1), .staged(files: 2), .oldManifestGone]
        for moment in moments {
            let process = try BuiltTool.launch(Self.plan + ["--out", out])
            let started = ContinuousClock.now
            while process.isRunning, ContinuousClock.now < deadline {
                let reached: Bool
                switch moment {
                case .after(let time): reached = ContinuousClock.now - started >= time
                case .stagingExists: reached = FileManager.default.fileExists(atPath: staging)
                case .staged(let files): reached = entries(staging).count >= files
                case .oldManifestGone: reached = !FileManager.default.fileExists(atPath: manifestPath)
                }
                if reached { break }
                usleep(100)
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed.append("\(moment)")
            }
            process.waitUntilExit()
            #expect(ContinuousClock.now < deadline, "the test ran out of time (300 s) \(moment)")
            let wasKilled = process.terminationReason == .uncaughtSignal
            #expect(wasKilled || process.terminationStatus == 0, "\(moment): killed, or finished normally")
            let strays = entries(out).subtracting(allowed)
            #expect(strays.isEmpty, "\(moment): no temporary file outside the staging folder, found \(strays.sorted())")
            let manifest = try verifiedManifest(in: out)
            if let manifest {
                #expect(manifest.command == "plan" && manifest.files.map(\.name) == PlanReport.fileNames, "\(moment): the manifest lists the whole set")
            }
            print("killed plan run: \(moment): \(wasKilled ? "killed" : "finished"), manifest \(manifest.map { $0.inputsDigest == earlierDigest ? "of the earlier run" : "of this run" } ?? "absent"), staging folder \(FileManager.default.fileExists(atPath: staging) ? "left" : "gone")")
        }
        #expect(!killed.isEmpty, "at least the first moment comes before the run ends")

        let process = try BuiltTool.launch(Self.plan + ["--out", out])
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "the full run finishes within the 300 s")
        let manifest = try #require(try verifiedManifest(in: out))
        #expect(manifest.command == "plan" && manifest.inputsDigest != earlierDigest, "the set of this design")
        #expect(entries(out) == Set(PlanReport.fileNames + [OutputSet.manifestName]), "no staging folder or temporary file left")
    }
}

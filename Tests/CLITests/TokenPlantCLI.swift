import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of the `tokenplant` executable produced.
struct CLIRun: Sendable, CustomStringConvertible {
    var arguments: [String]
    /// Exit status, or the signal number when `signalled`.
    var status: Int32
    var signalled: Bool
    var timedOut: Bool
    var stdout: String
    var stderr: String
    var seconds: Double

    var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }

    var description: String {
        "tokenplant \(arguments.joined(separator: " ")) → \(timedOut ? "timed out" : signalled ? "signal \(status)" : "exit \(status)") "
            + "in \(String(format: "%.2f", seconds)) s\n--- stderr ---\n\(stderr.prefix(4000))\n--- stdout ---\n\(stdout.prefix(2000))"
    }
}

/// Runs the built `tokenplant` executable, as a user would, from the package root.
enum TokenPlantCLI {
    /// The package root (this file is `<root>/Tests/CLITests/TokenPlantCLI.swift`). Shipped relative paths
    /// such as `reference-designs/gb300-nvl72-hybrid.yaml` resolve against it.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Folders searched for the executable, in order.
    static var searchFolders: [URL] {
        var folders: [URL] = []
        // Linux: `swift test` runs `.build/<triple>/<config>/TokenPlantPackageTests.xctest`, an executable
        // in the same folder as `tokenplant`.
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        // macOS: the `.xctest` bundle, loaded by xctest or swiftpm-testing-helper, sits in the build folder.
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // Last resort: the default debug build folder of this package.
        folders.append(packageRoot.appendingPathComponent(".build/debug"))
        return folders
    }

    /// The `tokenplant` executable: `$TOKENPLANT_EXECUTABLE` if set, else the first of ``searchFolders``
    /// that holds one.
    static let executable: URL? = {
        let fileManager = FileManager.default
        func isExecutable(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: url.path)
        }
        if let path = ProcessInfo.processInfo.environment["TOKENPLANT_EXECUTABLE"], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            return isExecutable(url) ? url : nil
        }
        return searchFolders.map { $0.appendingPathComponent("tokenplant") }.first(where: isExecutable)
    }()

    struct NotFound: Error, CustomStringConvertible {
        var description: String {
            "no tokenplant executable (set TOKENPLANT_EXECUTABLE, or build it: swift build); searched "
                + TokenPlantCLI.searchFolders.map(\.path).joined(separator: ", ")
        }
    }

    /// Runs `tokenplant ARGUMENTS` in `directory` (default: the package root). stdout and stderr go to
    /// files, so large outputs cannot block on a full pipe. After `timeout` the process is killed and the
    /// run is marked `timedOut` (and an issue is recorded).
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: Duration = .seconds(120),
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> CLIRun {
        guard let executable else { throw NotFound() }
        let scratch = try TemporaryFolder()
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle

        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Outcome = try await withCheckedThrowingContinuation { continuation in
            let once = ResumeOnce(continuation)
            process.terminationHandler = { finished in
                once.resume(.finished(status: finished.terminationStatus, signalled: finished.terminationReason == .uncaughtSignal))
            }
            do {
                try process.run()
            } catch {
                once.fail(error)
                return
            }
            let pid = process.processIdentifier
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                // Only when the termination handler has not run: the process is still ours to kill.
                if once.resume(.timedOut) { kill(pid, SIGKILL) }
            }
        }
        let elapsed = (clock.now - start) / .seconds(1)

        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        let run: CLIRun
        switch outcome {
        case .finished(let status, let signalled):
            run = CLIRun(arguments: arguments, status: status, signalled: signalled, timedOut: false,
                         stdout: stdout, stderr: stderr, seconds: elapsed)
        case .timedOut:
            run = CLIRun(arguments: arguments, status: -1, signalled: false, timedOut: true,
                         stdout: stdout, stderr: stderr, seconds: elapsed)
            Issue.record("killed after \(timeout): \(run)", sourceLocation: sourceLocation)
        }
        return run
    }

    private enum Outcome: Sendable {
        case finished(status: Int32, signalled: Bool)
        case timedOut
    }

    /// Resumes a continuation exactly once, from whichever of exit and timeout comes first.
    private final class ResumeOnce: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Outcome, any Error>?

        init(_ continuation: CheckedContinuation<Outcome, any Error>) { self.continuation = continuation }

        /// Returns whether this call resumed the continuation.
        @discardableResult
        func resume(_ outcome: Outcome) -> Bool {
            guard let continuation = take() else { return false }
            continuation.resume(returning: outcome)
            return true
        }

        func fail(_ error: any Error) { take()?.resume(throwing: error) }

        private func take() -> CheckedContinuation<Outcome, any Error>? {
            lock.lock()
            defer { lock.unlock() }
            let taken = continuation
            continuation = nil
            return taken
        }
    }
}

/// A fresh folder under the system's temporary directory, removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tokenplant-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` in this folder and returns the file's path.
    func write(_ text: String, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}

/// Reads a shipped file (path relative to the package root).
func shippedText(_ relativePath: String) throws -> String {
    try String(contentsOf: TokenPlantCLI.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
}

/// 1-based line number of the first line of `text` equal to `line`.
func lineNumber(of line: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == line }.map { $0 + 1 }
}

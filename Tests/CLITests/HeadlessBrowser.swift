import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Headless Chromium (Debian's `chromium` package) as the report's browser tests use it: a screenshot of a page
/// and what the page logged to the console.
enum HeadlessBrowser {
    /// Whether the tests run in CI (the `CI` variable is set): there a missing browser fails the tests.
    static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

    /// The first of `names` found on `PATH`.
    static func which(_ names: [String]) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
        }
        return nil
    }

    static let chromium = which(["chromium", "chromium-browser"])
    static let python = which(["python3"])

    /// What one screenshot run produced.
    struct Shot {
        var status: Int32
        var stderr: String
        /// Lines Chromium logged from the page's console (messages, errors, uncaught exceptions).
        var consoleLines: [String] { stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") } }
    }

    /// Renders `page` at `width` × `height` CSS px into `png`, with the page's console logged to stderr.
    /// Runs as root need `--no-sandbox`.
    static func screenshot(_ page: URL, to png: URL, width: Int, height: Int) throws -> Shot {
        try run(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                            "--enable-logging=stderr", "--v=0", "--window-size=\(width),\(height)",
                            "--screenshot=\(png.path)", page.absoluteString], timeout: 90)
    }

    /// Width, height, the share of pixels that are not white and the number of distinct grey levels of a PNG,
    /// decoded by a Python standard-library script (zlib and the five PNG row filters).
    static func pngStats(_ png: URL) throws -> (width: Int, height: Int, inkShare: Double, greys: Int) {
        let shot = try run(python!, ["-c", pngStatsScript, png.path], timeout: 120)
        let fields = shot.stderr.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard shot.status == 0, fields.count == 4 else { throw Failure(message: "png stats failed: \(shot.stderr)") }
        return (Int(fields[0]), Int(fields[1]), fields[2], Int(fields[3]))
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs `executable` with `arguments`; stdout and stderr are both returned as `stderr`. Killed after `timeout` s.
    static func run(_ executable: String, _ arguments: [String], timeout: Double) throws -> Shot {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tokenplant-browser-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        process.waitUntilExit()
        return Shot(status: process.terminationStatus, stderr: String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))
    }

    /// Prints "width height inkShare greys" for the PNG named by argv[1] (8-bit grey, grey+alpha, RGB or RGBA;
    /// not interlaced). A pixel is ink when its grey level (ITU-R BT.601 luma) is below 245 of 255.
    static let pngStatsScript = """
    import sys, zlib, struct
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
    pos, idat = 8, b''
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and interlace == 0, 'unsupported PNG'
        elif kind == b'IDAT':
            idat += body
    bpp = {0: 1, 4: 2, 2: 3, 6: 4}[ctype]
    raw = zlib.decompress(idat); stride = w * bpp; prev = bytearray(stride); i = 0
    ink = 0; greys = set()
    for y in range(h):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        if f == 1:
            for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
        elif f == 2:
            for x in range(stride): line[x] = (line[x] + prev[x]) & 255
        elif f == 3:
            for x in range(stride): line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
        elif f == 4:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            g = line[x] if bpp < 3 else (299 * line[x] + 587 * line[x + 1] + 114 * line[x + 2]) // 1000
            greys.add(g)
            if g < 245: ink += 1
        prev = line
    sys.stderr.write('%d %d %.6f %d\\n' % (w, h, ink / float(w * h), len(greys)))
    """
}

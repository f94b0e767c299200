// The libFuzzer target for the input readers (README "Fuzzing").
//
// Built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address`, `main` hands libFuzzer's flags and
// `fuzzOneInput` to libFuzzer's driver (`LLVMFuzzerRunDriver`). SwiftPM links every Swift executable with
// `main` renamed from `TokenPlantFuzz_main`, so libFuzzer's own `main` is never linked and the usual
// `LLVMFuzzerTestOneInput` alone would not run. Built without `FUZZING` (as by a plain `swift build`), the
// same binary is a regression runner: `TokenPlantFuzz FILE_OR_FOLDER...` feeds each file through
// `PlantFuzz.run` and prints what the readers said, one line per file.
import Foundation
import PlantFuzzing
#if FUZZING
import CFuzzDriver
#endif

/// One fuzz input: a kind byte, then a file's bytes.
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    PlantFuzz.run(data)
    return 0
}

@main
struct TokenPlantFuzz {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOneInput($0, $1) })
        #else
        replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    /// Runs every file named, and every file in every folder named, through the fuzz entry point.
    static func replay(_ arguments: [String]) {
        guard !arguments.isEmpty, !arguments.contains("--help"), !arguments.contains("-h") else {
            print("usage: TokenPlantFuzz FILE_OR_FOLDER...  replays fuzz inputs (kind byte + file bytes) through the readers")
            exit(arguments.isEmpty ? 2 : 0)
        }
        var files: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("TokenPlantFuzz: \(argument): no such file or folder\n".utf8))
                exit(2)
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.sorted().map { (argument as NSString).appendingPathComponent($0) }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let outcome = PlantFuzz.run(data)
            let first = outcome.issues.first.map { ": \($0)" } ?? ""
            print("\(file): \(outcome.kind) \(outcome.accepted ? "accepted" : "rejected, \(outcome.issues.count) issue(s)")\(first)")
        }
    }
}

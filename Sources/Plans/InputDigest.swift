import Foundation

/// FNV-1a 64-bit over files' bytes: detects changed inputs; not a cryptographic hash.
public func inputDigest(files: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for path in files {
        let bytes = FileManager.default.contents(atPath: path) ?? Data()
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        hash ^= 0xFF
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return String(hash, radix: 16, uppercase: false).leftPadded(to: 16)
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

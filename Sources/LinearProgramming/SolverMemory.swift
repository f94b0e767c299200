#if canImport(Glibc)
import Glibc
#endif

/// How the process's allocator treats the memory GLPK frees.
///
/// GLPK allocates and frees large work arrays over and over in a branch-and-bound (a node's LP, its cuts). glibc's
/// allocator serves blocks from 128 KB up with `mmap` and gives them back, and trims the top of the heap once 128 KB of it
/// is free, so the same pages are faulted in again and again: planning the facility co-design example took 143,000 minor
/// page faults, 13 % of its time in the kernel's page-fault handler. With freed memory kept in the heap it takes 3,900
/// (README "bench").
public enum SolverMemory {
    /// Blocks below this are served from the heap, not mapped for themselves: glibc's largest allowed on 64-bit systems
    /// (`DEFAULT_MMAP_THRESHOLD_MAX`).
    public static let mmapThresholdBytes: Int32 = 32 << 20
    /// Free memory at the top of the heap kept before it is given back to the system.
    public static let trimThresholdBytes: Int32 = 256 << 20

    /// Keeps memory GLPK frees in the heap for its next allocation (glibc's `mallopt`, looked up at run time: `malloc.h` is
    /// not in Swift's Glibc module). Returns whether the allocator took both settings; elsewhere nothing changes. Call it
    /// once, first thing in a process that solves (the `tokenplant` command does).
    @discardableResult
    public static func keepFreedPages() -> Bool {
        #if canImport(Glibc)
        // `mallopt`'s parameters in glibc's malloc.h: M_TRIM_THRESHOLD is -1, M_MMAP_THRESHOLD -3.
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        return mallopt(mmapThreshold, mmapThresholdBytes) == 1 && mallopt(trimThreshold, trimThresholdBytes) == 1
        #else
        return false
        #endif
    }
}

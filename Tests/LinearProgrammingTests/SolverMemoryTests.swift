import LinearProgramming
import Testing

@Suite("The allocator keeps what GLPK frees")
struct SolverMemoryTests {
    #if canImport(Glibc)
    @Test("glibc takes both settings: blocks up to its 32 MB ceiling from the heap, 256 MB of free heap kept")
    func glibcTakesThem() throws {
        // mallopt refuses an mmap threshold above DEFAULT_MMAP_THRESHOLD_MAX (32 MB on 64-bit): a larger setting would
        // return false here and leave GLPK's pages faulted in again and again.
        #expect(SolverMemory.mmapThresholdBytes == 32 * 1024 * 1024)
        #expect(SolverMemory.keepFreedPages())
        // With the settings in force a model still solves: 13 at v = (2, 0, 1), found by enumeration (TestModels.smallMIP).
        let solution = try TestModels.smallMIP().solve(options: SolverOptions(timeLimitSeconds: 10))
        #expect(solution.objectiveValue == 13)
    }
    #endif
}

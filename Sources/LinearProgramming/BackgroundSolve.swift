import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``Model/solve(options:)`` run on a thread of its own, started at once, while the caller goes on; ``wait()`` returns
/// its result. GLPK keeps its environment per thread, so the solve builds, solves and frees its problem on that thread, and
/// the thread frees its GLPK environment before it ends: nothing of GLPK outlives the solve or crosses threads.
///
/// A POSIX thread of its own rather than a Dispatch queue: a thread of the shared pool would keep its GLPK environment for
/// as long as the pool keeps the thread, and one the pool must find can wait behind callers that block (`compare` plans on
/// every pool thread). Foundation's `Thread` would do the same at the cost of importing Foundation here.
public final class BackgroundSolve: @unchecked Sendable {
    private let model: Model
    private let options: SolverOptions
    /// Written once on the solve's thread before it ends, read after joining it (which orders the two).
    private var outcome: Result<Solution, any Error>?
    #if canImport(Darwin)
    private var thread: pthread_t?
    #else
    private var thread = pthread_t()
    #endif
    private var started = false
    private var joined = false

    /// Starts solving `model` with `options` on a new thread (on the calling thread, before returning, where the system
    /// refuses a thread).
    public init(_ model: Model, options: SolverOptions) {
        self.model = model
        self.options = options
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        // The main thread's usual 8 MiB, on every system (Darwin's secondary threads get 512 KiB by default).
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let context = Unmanaged.passRetained(self).toOpaque()
        started = pthread_create(&thread, &attributes, { BackgroundSolve.run($0) }, context) == 0
        if !started {
            Unmanaged<BackgroundSolve>.fromOpaque(context).release()
            solveHere()
        }
    }

    /// The thread's body: the solve, then GLPK's environment of this thread freed.
    private static func run(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let context else { return nil }
        let job = Unmanaged<BackgroundSolve>.fromOpaque(context).takeRetainedValue()
        job.solveHere()
        glp_free_env()
        return nil
    }

    private func solveHere() { outcome = Result { try model.solve(options: options) } }

    /// Waits for the solve and returns what ``Model/solve(options:)`` returned, or throws what it threw. Call it from the
    /// thread that started the solve.
    public func wait() throws -> Solution {
        if started && !joined {
            #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
            #else
            pthread_join(thread, nil)
            #endif
            joined = true
        }
        // Every path through the thread's body sets the outcome; `nil` would mean the thread never ran it.
        guard let outcome else { throw SolverError(routine: "the solve's thread", code: .solverFailed) }
        return try outcome.get()
    }

    deinit {
        // Never waited for: the thread has ended (it held this object until then), and is let go without a join.
        if started && !joined {
            #if canImport(Darwin)
            if let thread { pthread_detach(thread) }
            #else
            pthread_detach(thread)
            #endif
        }
    }
}

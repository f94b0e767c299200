import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work that may call ``Model/solve(options:)``, run on a thread of its own, started at once; ``wait()`` returns its value.
///
/// Each solve builds, solves and frees its own GLPK problem on that thread, and the thread frees its GLPK environment
/// (GLPK keeps one per thread) before it ends: nothing of GLPK outlives the work or crosses threads. The work must not
/// touch a GLPK problem made on another thread (an ``IncrementalSolver``). Use an instance on the thread that made it.
///
/// A POSIX thread of its own rather than a Dispatch queue: a thread of the shared pool would keep its GLPK environment for
/// as long as the pool keeps the thread, and one the pool must find can wait behind callers that block (`compare` plans on
/// every pool thread). Foundation's `Thread` would do the same at the cost of importing Foundation here.
public final class BackgroundWork<Value: Sendable> {
    private let body: @Sendable () -> Value
    /// Written once on the work's thread before it ends, read after joining it (which orders the two).
    private var value: Value?
    #if canImport(Darwin)
    private var thread: pthread_t?
    #else
    private var thread = pthread_t()
    #endif
    private var started = false
    private var joined = false

    /// Starts `body` on a new thread (on the calling thread, before returning, where the system refuses a thread).
    public init(_ body: @escaping @Sendable () -> Value) {
        self.body = body
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        // The main thread's usual 8 MiB, on every system (Darwin's secondary threads get 512 KiB by default).
        pthread_attr_setstacksize(&attributes, 8 << 20)
        let context = Unmanaged.passRetained(ThreadBody { self.value = self.body() }).toOpaque()
        started = pthread_create(&thread, &attributes, { runThreadBody($0) }, context) == 0
        if !started {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            value = body()
        }
    }

    /// Waits for the work and returns its value.
    public func wait() -> Value {
        if started && !joined {
            #if canImport(Darwin)
            if let thread { pthread_join(thread, nil) }
            #else
            pthread_join(thread, nil)
            #endif
            joined = true
        }
        // Set on every path: by the thread before it ended, or in init where no thread started.
        return value!
    }

    deinit {
        // Never waited for. The thread holds this object until its work is done, so deinit runs then, on that thread or
        // the owner's, and the thread (ending, or ended) is let go without a join; a thread may detach itself.
        if started && !joined {
            #if canImport(Darwin)
            if let thread { pthread_detach(thread) }
            #else
            pthread_detach(thread)
            #endif
        }
    }
}

/// What a thread of ``BackgroundWork`` runs: a C thread's entry point cannot depend on the work's generic type.
private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// A thread's entry point: its body, then GLPK's environment of this thread freed.
private func runThreadBody(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
    glp_free_env()
    return nil
}

import Foundation

/// Results filled in from several threads, each into its own slot, read back in slot order (so they do not depend on
/// which thread finished first): the Monte Carlo's runs, the synthetic weather pool, `compare`'s pairs.
public final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var done = 0

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ i: Int, _ value: Value) { lock.withLock { slots[i] = value; done += 1 } }

    /// Slots filled so far.
    public var filled: Int { lock.withLock { done } }

    /// Every slot's value, in slot order; every slot must have been set.
    public var values: [Value] { lock.withLock { slots.map { $0! } } }
}

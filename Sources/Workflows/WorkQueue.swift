import Foundation

/// Results filled in from several threads, each in its own slot.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Value) { lock.withLock { slots[i] = value } }
    var values: [Value] { lock.withLock { slots.map { $0! } } }
}

/// The next index of a shared work list, handed out once each.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

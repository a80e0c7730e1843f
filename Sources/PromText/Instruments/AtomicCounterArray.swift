import Synchronization

/// A fixed-size array of independent atomic counters, e.g. the per-bucket counts of a histogram.
///
/// `Atomic` is not copyable, so it cannot live in a Swift `Array`; the counters sit in one heap allocation that
/// this object owns for its whole life.
final class AtomicCounterArray: @unchecked Sendable {
    // @unchecked: the pointer never changes after init and every element is an `Atomic`, so any thread may use it.

    /// The number of counters.
    let count: Int
    private let counters: UnsafeMutablePointer<Atomic<UInt64>>

    /// Creates `count` counters, all zero.
    init(count: Int) {
        precondition(count > 0, "an atomic counter array needs at least one counter")
        self.count = count
        counters = UnsafeMutablePointer<Atomic<UInt64>>.allocate(capacity: count)
        for index in 0..<count {
            (counters + index).initialize(to: Atomic(0))
        }
    }

    deinit {
        counters.deinitialize(count: count)
        counters.deallocate()
    }

    /// Adds one to the counter at `index`.
    @inline(__always)
    func increment(at index: Int) {
        precondition(index >= 0 && index < count, "counter index out of range")
        counters[index].wrappingAdd(1, ordering: .relaxed)
    }

    /// The current value of every counter, in order.
    func load() -> [UInt64] {
        (0..<count).map { counters[$0].load(ordering: .relaxed) }
    }
}

import Synchronization

/// A monotonic counter: a value that only goes up (requests served, bytes sent, errors seen).
///
/// Updates take no lock. Whole-number increments go to an integer atomic, so concurrent `increment()` calls are
/// exact; fractional increments are added to a separate floating-point part with a compare-and-swap loop, as
/// client_golang does. The reported value is the sum of both parts.
public final class Counter: MetricChild {
    /// Counters belong to `counter` families.
    public static var metricType: MetricType { .counter }

    private let wholePart = Atomic<UInt64>(0)
    private let fractionalPartBits = Atomic<UInt64>(0)

    /// Creates a counter at zero.
    public init() {}

    /// Adds one.
    @inline(__always)
    public func increment() {
        wholePart.wrappingAdd(1, ordering: .relaxed)
    }

    /// Adds `amount`, which must not be negative.
    ///
    /// A negative or NaN amount is a programming error (a counter that goes down breaks `rate()`), so it stops
    /// the process with a precondition failure, as client_golang panics; use a ``Gauge`` for values that go down.
    public func increment(by amount: Double) {
        precondition(amount >= 0, "a counter can only go up; increment(by:) needs a non-negative amount, got \(amount)")
        if let whole = UInt64(exactly: amount) {
            wholePart.wrappingAdd(whole, ordering: .relaxed)
        } else {
            fractionalPartBits.addDouble(amount)
        }
    }

    /// The current value.
    public var value: Double {
        Double(wholePart.load(ordering: .relaxed)) + fractionalPartBits.loadDouble()
    }

    /// Appends one sample named after the family (which for counters ends in `_total`).
    public func appendSamples(familyName: String, labels: Labels, to samples: inout [Sample]) {
        samples.append(Sample(name: familyName, labels: labels, value: value))
    }
}

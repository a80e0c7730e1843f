import Synchronization

/// A gauge: a value that goes up and down (temperature, queue length, in-flight requests).
///
/// Updates take no lock: the value is a `Double` kept as its bit pattern in an atomic, and additions use a
/// compare-and-swap loop.
public final class Gauge: MetricChild {
    /// Gauges belong to `gauge` families.
    public static var metricType: MetricType { .gauge }

    private let valueBits = Atomic<UInt64>(0)
    private let clock: any WallClock

    /// Creates a gauge at zero.
    ///
    /// - Parameter clock: The clock ``setToCurrentTime()`` reads; tests pass a manual clock.
    public init(clock: any WallClock = SystemWallClock()) {
        self.clock = clock
    }

    /// Replaces the value.
    public func set(_ value: Double) {
        valueBits.storeDouble(value)
    }

    /// Adds one.
    public func increment() {
        valueBits.addDouble(1)
    }

    /// Subtracts one.
    public func decrement() {
        valueBits.addDouble(-1)
    }

    /// Adds `amount`, which may be negative.
    public func add(_ amount: Double) {
        valueBits.addDouble(amount)
    }

    /// Sets the value to the clock's current time in seconds since the Unix epoch, e.g. for
    /// `last_success_timestamp_seconds`.
    public func setToCurrentTime() {
        set(clock.secondsSinceEpoch())
    }

    /// The current value.
    public var value: Double {
        valueBits.loadDouble()
    }

    /// Appends one sample named after the family.
    public func appendSamples(familyName: String, labels: Labels, to samples: inout [Sample]) {
        samples.append(Sample(name: familyName, labels: labels, value: value))
    }
}

import Glibc

/// A monotonic clock for timing collectors; replaceable so tests get deterministic durations.
public protocol ScrapeClock: Sendable {
    /// The time elapsed since an arbitrary fixed origin.
    func now() -> Duration
}

/// `CLOCK_MONOTONIC`.
public struct MonotonicScrapeClock: ScrapeClock {
    /// Creates the clock.
    public init() {}

    public func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}

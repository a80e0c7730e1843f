#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A source of wall-clock time for instruments that read the time: ``Gauge/setToCurrentTime()`` and the sliding
/// quantile window of a ``Summary``.
///
/// Inject a manual implementation in tests to step time without sleeping.
public protocol WallClock: Sendable {
    /// The current time in seconds since the Unix epoch.
    func secondsSinceEpoch() -> Double
}

/// The system's real-time clock (`CLOCK_REALTIME`).
public struct SystemWallClock: WallClock {
    /// Creates the system clock.
    public init() {}

    /// The current time in seconds since the Unix epoch, with nanosecond resolution.
    public func secondsSinceEpoch() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

import Synchronization

/// Caps how many requests a handler serves at once; the excess gets `503` at once instead of queueing.
///
/// This is node_exporter's `--web.max-requests` (client_golang `promhttp.HandlerOpts.MaxRequestsInFlight`):
/// a scrape that cannot start immediately fails fast rather than piling up behind slow collections.
public final class ConcurrencyLimiter: Sendable {
    /// The most requests served at once; 0 or less means no limit.
    public let maxInFlight: Int
    private let inFlight = Atomic<Int>(0)

    /// Creates a limiter allowing `maxInFlight` concurrent requests (0 or less: unlimited).
    public init(maxInFlight: Int) {
        self.maxInFlight = maxInFlight
    }

    /// `handler` wrapped so that at most ``maxInFlight`` calls run at once through this limiter.
    public func limiting(_ handler: @escaping HTTPHandler) -> HTTPHandler {
        { request in
            guard self.maxInFlight > 0 else { return handler(request) }
            defer { self.inFlight.subtract(1, ordering: .relaxed) }
            guard self.inFlight.add(1, ordering: .relaxed).newValue <= self.maxInFlight else {
                return .text(
                    "Limit of concurrent requests reached (\(self.maxInFlight)), try again later.",
                    status: .serviceUnavailable)
            }
            return handler(request)
        }
    }
}

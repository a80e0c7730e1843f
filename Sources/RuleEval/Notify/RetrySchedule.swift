/// When to try delivering a notification again, as a value the caller steps with each attempt's outcome.
///
/// The backoff is Alertmanager's (`cenkalti/backoff` defaults used by `notify.RetryStage`): the first wait is
/// 500ms, each next one 1.5 times longer up to 60s, each randomized by ±50%. Unlike Alertmanager, which bounds
/// retries by the group's flush deadline, the schedule gives up after ``Policy/maxElapsedTime`` and says so.
/// Which outcomes are retried follows `notify.Retrier.Check`: 2xx is success, 5xx and network errors are
/// retried, other 4xx are not, except 429 whose `Retry-After` is honoured.
public struct RetrySchedule: Sendable {
    /// The backoff parameters (milliseconds).
    public struct Policy: Sendable, Hashable {
        /// The first wait.
        public var initialInterval: Int64 = 500
        /// Each wait is drawn uniformly from `interval × (1 ± randomizationFactor)`.
        public var randomizationFactor = 0.5
        /// How much the interval grows after each attempt.
        public var multiplier = 1.5
        /// The largest interval.
        public var maxInterval: Int64 = 60_000
        /// How long after the first attempt retrying stops (e.g. the route's `group_interval`).
        public var maxElapsedTime: Int64 = 300_000

        /// The defaults.
        public init() {}
    }

    /// What happened on one attempt.
    public enum Outcome: Sendable, Hashable {
        /// The request got an HTTP response; `retryAfter` is the raw `Retry-After` header, if any.
        case response(statusCode: Int, retryAfter: String? = nil)
        /// The request failed before a response (connection refused, timeout, TLS...).
        case networkError(String)
    }

    /// What the caller should do next.
    public enum Action: Sendable, Hashable {
        /// Delivered.
        case delivered
        /// Try again at this time.
        case retry(at: Int64)
        /// Stop: the reason says why (not retryable, or out of time) and how many attempts were made.
        case giveUp(reason: String)
    }

    /// The parameters.
    public let policy: Policy
    /// When the first attempt was made.
    public let startedAt: Int64
    /// Attempts recorded so far.
    public private(set) var attempts = 0
    private var currentInterval: Int64

    /// A schedule for a delivery whose first attempt is made at `startedAt`.
    public init(policy: Policy = Policy(), startedAt: Int64) {
        self.policy = policy
        self.startedAt = startedAt
        self.currentInterval = policy.initialInterval
    }

    /// Records the outcome of an attempt finished at `now` and says what to do next; `generator` draws the
    /// jitter.
    public mutating func record(
        _ outcome: Outcome,
        now: Int64,
        using generator: inout some RandomNumberGenerator
    ) -> Action {
        attempts += 1
        let retryAt: Int64
        switch outcome {
        case .response(let statusCode, _) where (200..<300).contains(statusCode):
            return .delivered
        case .response(let statusCode, let header) where statusCode == 429:
            retryAt = header.flatMap { Self.retryAfter($0, now: now) } ?? now + nextBackoff(using: &generator)
        case .response(let statusCode, _) where !(500..<600).contains(statusCode):
            return .giveUp(reason: "unexpected status code \(statusCode) after \(attempts) attempt(s), not retryable")
        case .response, .networkError:
            retryAt = now + nextBackoff(using: &generator)
        }
        guard retryAt <= startedAt + policy.maxElapsedTime else {
            return .giveUp(
                reason: "gave up after \(attempts) attempt(s): retry time exceeds the \(policy.maxElapsedTime)ms limit")
        }
        return .retry(at: retryAt)
    }

    /// The randomized wait for the current interval, then grows the interval (`ExponentialBackOff.NextBackOff`).
    private mutating func nextBackoff(using generator: inout some RandomNumberGenerator) -> Int64 {
        let interval = Double(currentInterval)
        let delta = policy.randomizationFactor * interval
        let low = interval - delta
        let wait = low + Double.random(in: 0..<1, using: &generator) * (interval + delta - low)
        if Double(currentInterval) >= Double(policy.maxInterval) / policy.multiplier {
            currentInterval = policy.maxInterval
        } else {
            currentInterval = Int64(Double(currentInterval) * policy.multiplier)
        }
        return Int64(wait)
    }

    /// The absolute time a `Retry-After` header asks for: delta-seconds or an IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`); `nil` when malformed.
    static func retryAfter(_ header: String, now: Int64) -> Int64? {
        let text = header.trimmingBlanks
        if let seconds = Int64(text), seconds >= 0, seconds < 1 << 40 { return now + seconds * 1000 }
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, parts[5] == "GMT", let month = months.firstIndex(of: String(parts[2])),
            let day = Int(parts[1]), let year = Int(parts[3]), parts[4].count == 8
        else { return nil }
        let monthText = month + 1 < 10 ? "0\(month + 1)" : "\(month + 1)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return RFC3339Time.parse("\(year)-\(monthText)-\(dayText)T\(parts[4])Z")
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingBlanks: String {
        let scalars = unicodeScalars
        let start = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? scalars.endIndex
        let end = scalars.lastIndex { $0 != " " && $0 != "\t" }.map { scalars.index(after: $0) } ?? start
        return String(scalars[start..<end])
    }
}

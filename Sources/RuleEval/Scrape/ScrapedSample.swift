import PromText

/// One sample a scrape produces for storage: scraped, a stale marker, or a synthetic `up`-style series.
public struct ScrapedSample: Sendable, Hashable {
    /// The series, including `__name__`, sorted by name.
    public var labels: Labels
    /// Milliseconds since the Unix epoch.
    public var timestamp: Int64
    /// The value; ``StaleMarker/value`` marks the series stale.
    public var value: Double

    /// Creates a sample.
    public init(labels: Labels, timestamp: Int64, value: Double) {
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
    }

    /// Whether this is a stale marker.
    public var isStale: Bool { StaleMarker.isStale(value) }

    /// Two samples are equal when their bits are: stale markers compare equal to each other.
    public static func == (lhs: ScrapedSample, rhs: ScrapedSample) -> Bool {
        lhs.labels == rhs.labels && lhs.timestamp == rhs.timestamp && lhs.value.bitPattern == rhs.value.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(labels)
        hasher.combine(timestamp)
        hasher.combine(value.bitPattern)
    }
}

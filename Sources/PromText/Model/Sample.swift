/// One sample line of an exposition: a full sample name (`requests_total`, `latency_bucket`), labels, a value,
/// and optionally an explicit timestamp and an exemplar.
public struct Sample: Sendable, Hashable {
    /// The sample's metric name including any suffix (`_total`, `_bucket`, `_sum`, `_count`, `_created`, ...).
    public var name: String
    /// The label pairs, without `__name__`.
    public var labels: Labels
    /// The sample value.
    public var value: Double
    /// An explicit timestamp in milliseconds since the epoch, or `nil` for "scrape time".
    public var timestampMilliseconds: Int64?
    /// An OpenMetrics exemplar, if any.
    public var exemplar: Exemplar?

    /// Creates a sample.
    public init(
        name: String,
        labels: Labels = Labels(),
        value: Double,
        timestampMilliseconds: Int64? = nil,
        exemplar: Exemplar? = nil
    ) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMilliseconds = timestampMilliseconds
        self.exemplar = exemplar
    }
}

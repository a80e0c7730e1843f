/// An OpenMetrics exemplar: a reference (typically a trace ID) attached to a counter or bucket sample.
public struct Exemplar: Sendable, Hashable {
    /// The exemplar's own labels, e.g. `trace_id`.
    public var labels: Labels
    /// The observed value.
    public var value: Double
    /// The exemplar's timestamp in milliseconds since the epoch, if it carried one.
    public var timestampMilliseconds: Int64?

    /// Creates an exemplar.
    public init(labels: Labels, value: Double, timestampMilliseconds: Int64? = nil) {
        self.labels = labels
        self.value = value
        self.timestampMilliseconds = timestampMilliseconds
    }
}

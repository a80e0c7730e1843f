import PromText

/// One float sample of an instant vector: the series labels, the value and the time it was taken at.
public struct InstantSample: Sendable, Hashable {
    /// The series labels, sorted by name.
    public var labels: Labels
    /// The sample value.
    public var value: Double
    /// The sample timestamp in milliseconds (the evaluation time, except for a plain selector's samples).
    public var timestamp: Int64

    /// Creates a sample.
    public init(labels: Labels, value: Double, timestamp: Int64) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}

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

/// One series of a range vector: its labels and its float samples in time order.
public struct RangeSeries: Sendable, Hashable {
    /// The series labels, sorted by name.
    public var labels: Labels
    /// The sample timestamps in milliseconds, ascending.
    public var timestamps: [Int64]
    /// The sample values, one per timestamp.
    public var values: [Double]

    /// Creates a series.
    public init(labels: Labels, timestamps: [Int64], values: [Double]) {
        self.labels = labels
        self.timestamps = timestamps
        self.values = values
    }
}

/// The result of evaluating a PromQL expression at one instant.
public enum QueryValue: Sendable, Hashable {
    /// A scalar.
    case scalar(Double)
    /// An instant vector.
    case vector([InstantSample])
    /// A range vector.
    case matrix([RangeSeries])
    /// A string.
    case string(String)
}

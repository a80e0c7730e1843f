import PromText

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

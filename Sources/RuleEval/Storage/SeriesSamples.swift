import PromText

/// One selected series with the samples of the requested window, oldest first.
public struct SeriesSamples: Sendable {
    /// The series' sorted labels, including `__name__`.
    public var labels: Labels
    /// Millisecond timestamps, ascending.
    public var timestamps: [Int64]
    /// The values at those timestamps (stale markers included).
    public var values: [Double]
}

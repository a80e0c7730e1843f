/// One slot of an expanded `input_series` value list.
public enum SeriesValue: Sendable, Hashable {
    /// No sample at this step (`_`).
    case omitted
    /// A sample with this value (a stale marker for `stale`).
    case value(Double)
}

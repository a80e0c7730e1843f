/// Why the store refused a sample, with Prometheus's wording.
public enum AppendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The timestamp is older than the series' newest sample.
    case outOfOrder
    /// The timestamp equals the newest sample's but the value differs.
    case duplicateTimestamp
    /// The label set has an empty metric name or repeats a label name.
    case invalidLabels(String)

    public var description: String {
        switch self {
        case .outOfOrder: "out of order sample"
        case .duplicateTimestamp: "duplicate sample for timestamp"
        case .invalidLabels(let reason): "invalid labels: \(reason)"
        }
    }
}

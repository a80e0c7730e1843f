/// The type a PromQL expression evaluates to.
public enum ValueType: Sendable, Hashable, CustomStringConvertible {
    /// A single number.
    case scalar
    /// A set of series with one sample each.
    case instantVector
    /// A set of series with the samples of a time range each.
    case rangeVector
    /// A string literal.
    case string

    /// The name Prometheus's documentation and error messages use ("instant vector", "range vector", ...).
    public var description: String {
        switch self {
        case .scalar: "scalar"
        case .instantVector: "instant vector"
        case .rangeVector: "range vector"
        case .string: "string"
        }
    }
}

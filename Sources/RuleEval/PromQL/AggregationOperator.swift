/// An aggregation operator.
public enum AggregationOperator: String, Sendable, Equatable, CaseIterable {
    /// Aggregations over each group's values: `sum`, `avg`, `count`, `min`, `max`, `group` (always 1),
    /// `stddev`, `stdvar`.
    case sum, avg, count, min, max, group, stddev, stdvar
    /// The k largest or smallest elements (`topk(k, v)`, `bottomk(k, v)`).
    case topk, bottomk
    /// One series per distinct value, counting the elements with that value (`count_values("label", v)`).
    case countValues = "count_values"
    /// The φ-quantile of each group (`quantile(φ, v)`).
    case quantile

    /// Whether the operator takes a parameter before the expression (`topk(3, x)`), and of which type.
    public var parameterType: ValueType? {
        switch self {
        case .topk, .bottomk, .quantile: .scalar
        case .countValues: .string
        default: nil
        }
    }
}

import PromText

/// Which metric and label names are valid: Prometheus 3 accepts any non-empty UTF-8 name (`utf8`, the
/// default), older versions and `metric_name_validation_scheme: legacy` only `[a-zA-Z_:][a-zA-Z0-9_:]*`.
public enum NameValidationScheme: Sendable, Hashable {
    /// `[a-zA-Z_:][a-zA-Z0-9_:]*` for metric names, `[a-zA-Z_][a-zA-Z0-9_]*` for label names.
    case legacy
    /// Any non-empty UTF-8 name.
    case utf8

    /// Whether `name` is a valid label name under this scheme.
    public func isValidLabelName(_ name: String) -> Bool {
        switch self {
        case .legacy: MetricName.isValidLegacyLabelName(name)
        case .utf8: !name.isEmpty
        }
    }

    /// Whether `name` is a valid metric name under this scheme.
    public func isValidMetricName(_ name: String) -> Bool {
        switch self {
        case .legacy: MetricName.isValidLegacyMetricName(name)
        case .utf8: !name.isEmpty
        }
    }
}

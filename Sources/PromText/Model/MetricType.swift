/// The type of a metric family, as declared by a `# TYPE` line.
///
/// Text format 0.0.4 knows `counter`, `gauge`, `histogram`, `summary` and `untyped`;
/// OpenMetrics 1.0 adds `info`, `stateset` and `gaugehistogram` and spells `untyped` as `unknown`.
public enum MetricType: Sendable, Hashable, CaseIterable {
    case counter
    case gauge
    case histogram
    case summary
    case untyped
    case info
    case stateset
    case gaugeHistogram

    /// The keyword used on a `# TYPE` line of the text format 0.0.4, or `nil` when the format cannot express it.
    public var textKeyword: String? {
        switch self {
        case .counter: "counter"
        case .gauge: "gauge"
        case .histogram: "histogram"
        case .summary: "summary"
        case .untyped: "untyped"
        case .info, .stateset, .gaugeHistogram: nil
        }
    }

    /// The keyword used on a `# TYPE` line of OpenMetrics 1.0.
    public var openMetricsKeyword: String {
        switch self {
        case .counter: "counter"
        case .gauge: "gauge"
        case .histogram: "histogram"
        case .summary: "summary"
        case .untyped: "unknown"
        case .info: "info"
        case .stateset: "stateset"
        case .gaugeHistogram: "gaugehistogram"
        }
    }

    /// The type a 0.0.4 `# TYPE` keyword names, or `nil` if Prometheus rejects the keyword.
    public init?(textKeyword: some StringProtocol) {
        guard let type = MetricType.allCases.first(where: { $0.textKeyword == String(textKeyword) }) else {
            return nil
        }
        self = type
    }

    /// The type an OpenMetrics `# TYPE` keyword names, or `nil` if the keyword is not in OpenMetrics 1.0.
    public init?(openMetricsKeyword: some StringProtocol) {
        guard let type = MetricType.allCases.first(where: { $0.openMetricsKeyword == String(openMetricsKeyword) })
        else {
            return nil
        }
        self = type
    }
}

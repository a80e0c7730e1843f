/// The kind of line an ``ExpositionParser`` stopped at; read its content through the parser's accessors.
public enum ExpositionEntry: Sendable, Hashable {
    /// A `# HELP` line: ``ExpositionParser/metricName`` and ``ExpositionParser/help``.
    case help
    /// A `# TYPE` line: ``ExpositionParser/metricName`` and ``ExpositionParser/metricType``.
    case type
    /// An OpenMetrics `# UNIT` line: ``ExpositionParser/metricName`` and ``ExpositionParser/unit``.
    case unit
    /// A free-form text-format comment: ``ExpositionParser/comment``.
    case comment
    /// A sample line: name, labels, value, optional timestamp and exemplar.
    case sample
}

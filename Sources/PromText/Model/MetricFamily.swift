/// A metric family: the metadata of one metric (`# HELP`, `# TYPE`, `# UNIT`) and its samples.
///
/// For a counter the family ``name`` is written as the OpenMetrics family name (without `_total`) or as the
/// text-format name (usually with `_total`); the writer handles the difference. Samples carry their full names.
public struct MetricFamily: Sendable, Hashable {
    /// The family name.
    public var name: String
    /// The declared type.
    public var type: MetricType
    /// The help text (unescaped), or `nil` when there is no `# HELP` line.
    public var help: String?
    /// The OpenMetrics unit (e.g. `seconds`), or `nil`.
    public var unit: String?
    /// The samples, in the order they were collected or parsed.
    public var samples: [Sample]

    /// Creates a metric family.
    public init(name: String, type: MetricType, help: String? = nil, unit: String? = nil, samples: [Sample] = []) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.samples = samples
    }
}

/// An OpenMetrics info metric: constant textual facts about the target (version, revision, build) exposed as
/// labels on one series whose value is always 1, e.g. `build_info{version="1.2.0",revision="abc123"} 1`.
///
/// The family name ends in `_info` (appended when missing), which is the name the text format prints; an
/// OpenMetrics writer prints the family as `# TYPE build info` and keeps `build_info` as the sample name. The
/// text format has no `info` type, so a text writer has to choose one (client_python writes `gauge`).
public final class Info: Instrument {
    /// The family's name, type, help and label names.
    public let descriptor: MetricDescriptor
    /// The facts exposed, sorted by label name.
    public let labels: Labels

    /// Creates an info metric.
    public init(name: String, help: String, labels: Labels) {
        let labels = labels.sorted()
        descriptor = MetricDescriptor(
            name: MetricDescriptor.ensuringSuffix("_info", of: name),
            type: .info,
            help: help,
            labelNames: labels.map(\.name)
        )
        self.labels = labels
    }

    /// The family with its single sample of value 1.
    public func collect() -> [MetricFamily] {
        [
            MetricFamily(
                name: descriptor.name,
                type: .info,
                help: descriptor.help,
                samples: [Sample(name: descriptor.name, labels: labels, value: 1)]
            )
        ]
    }
}

import PromText

extension MetricFamily {
    /// A family of one unlabelled sample, as most node_exporter gauges are.
    static func single(
        _ name: String,
        _ type: MetricType,
        help: String,
        value: Double,
        labels: Labels = Labels()
    ) -> MetricFamily {
        MetricFamily(name: name, type: type, help: help, samples: [Sample(name: name, labels: labels, value: value)])
    }

    /// A family whose samples share the family's name and differ by labels.
    static func labelled(
        _ name: String,
        _ type: MetricType,
        help: String,
        samples: [(labels: Labels, value: Double)]
    ) -> MetricFamily {
        MetricFamily(
            name: name,
            type: type,
            help: help,
            samples: samples.map { Sample(name: name, labels: $0.labels, value: $0.value) }
        )
    }
}

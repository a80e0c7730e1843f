/// The definition of an instrument's family, known before anything is collected: name, type, help and the
/// names of its variable labels. A ``Registry`` checks descriptors for invalid names and conflicts.
///
/// ``name`` is the family name as the text format prints it on `# TYPE`: for counters it ends in `_total` and for
/// info metrics in `_info` (the instruments add the suffix when it is missing), and an OpenMetrics writer drops
/// that suffix for its family lines. Sample names are always the full names (`requests_total`).
public struct MetricDescriptor: Sendable, Hashable {
    /// The family name, as printed on the text format's `# TYPE` line.
    public var name: String
    /// The family type.
    public var type: MetricType
    /// The help text.
    public var help: String
    /// The names of the labels whose values tell the family's series apart, in the order values are given.
    public var labelNames: [String]

    /// Creates a descriptor.
    public init(name: String, type: MetricType, help: String, labelNames: [String] = []) {
        self.name = name
        self.type = type
        self.help = help
        self.labelNames = labelNames
    }

    /// Every name a family of this name and type occupies in either exposition format: the family name, its
    /// sample names (`_bucket`, `_sum`, `_count`, `_created`, ...) and, for counters and info metrics, the
    /// OpenMetrics family name without `_total` or `_info`. Two families that share any of these names would
    /// produce an exposition Prometheus rejects or misreads.
    static func exposedNames(familyName name: String, type: MetricType) -> Set<String> {
        switch type {
        case .counter:
            let base = withoutSuffix("_total", of: name)
            return [base, base + "_total", base + "_created"]
        case .info:
            let base = withoutSuffix("_info", of: name)
            return [base, base + "_info"]
        case .histogram:
            return [name, name + "_bucket", name + "_sum", name + "_count", name + "_created"]
        case .summary:
            return [name, name + "_sum", name + "_count", name + "_created"]
        case .gaugeHistogram:
            return [name, name + "_bucket", name + "_gsum", name + "_gcount"]
        case .gauge, .untyped, .stateset:
            return [name]
        }
    }

    /// The label name a type reserves for its own samples (`le`, `quantile`), which users may not declare.
    static func labelNameReserved(by type: MetricType) -> String? {
        switch type {
        case .histogram, .gaugeHistogram: "le"
        case .summary: "quantile"
        case .counter, .gauge, .untyped, .info, .stateset: nil
        }
    }

    /// `name` with `suffix` appended unless it already ends with it: how counters get `_total` and info metrics
    /// `_info`.
    static func ensuringSuffix(_ suffix: String, of name: String) -> String {
        name.hasSuffix(suffix) ? name : name + suffix
    }

    private static func withoutSuffix(_ suffix: String, of name: String) -> String {
        name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
    }
}

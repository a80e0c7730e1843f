/// How one metric family is written in one format: its names, its `# TYPE` keyword, and the part each sample
/// plays (bucket, sum, count, created, ...), following client_golang's `expfmt` writers.
///
/// Sample names are never changed, so a series keeps its identity whichever format a scraper asks for:
/// - text 0.0.4 names the family as its samples are named (a counter `http_requests` with samples
///   `http_requests_total` is written `# TYPE http_requests_total counter`), writes `info` as a `gauge` named
///   like its `_info` samples, `stateset` as `gauge`, and `gaugehistogram` as `gauge` (its `_bucket`, `_gsum`
///   and `_gcount` series are what Prometheus stores from OpenMetrics too); `_created` samples are left out, as
///   client_golang never writes them in this format; `unknown` is spelled `untyped`;
/// - OpenMetrics names a counter family without `_total`; a counter whose samples are not all
///   `<family>_total` or `<family>_created` is written as `unknown` (client_golang's rule, since renaming its
///   samples would change the series); `# UNIT` is written only when the family name ends in `_<unit>`.
///
/// Names are escaped as client_golang escapes them: a counter's `_total` is part of the escaped name (dots:
/// `a.b_total` → `a_dot_b__total`, family `a_dot_b_`), while the `_bucket`, `_sum`, `_count` and `_created`
/// suffixes of histograms and summaries are appended to the escaped family name (`a_dot_b_bucket`).
struct FamilyPlan {
    /// The family name client_golang would sort by (the text-format family name).
    let sortName: String
    /// The name on the `# HELP`, `# TYPE` and `# UNIT` lines, escaped.
    let metadataName: String
    /// The `# TYPE` keyword.
    let typeKeyword: String
    /// The unit to write on a `# UNIT` line, if any.
    let unit: String?
    private let type: MetricType
    private let format: ExpositionFormat
    private let escaping: NameEscapingScheme
    private let base: String
    /// The names of the bucket, sum, count and created samples of this family's type.
    private let bucketName: String
    private let sumName: String
    private let countName: String
    private let createdName: String

    init(_ family: MetricFamily, format: ExpositionFormat, escaping: NameEscapingScheme) {
        self.format = format
        self.escaping = escaping
        type = family.type
        let name = family.name
        switch family.type {
        case .counter:
            base = FamilyPlan.dropping("_total", from: name)
            let totalName = base + "_total"
            let createdName = base + "_created"
            let valueSampleName = family.samples.first(where: { $0.name != createdName })?.name ?? name
            sortName = valueSampleName == totalName ? totalName : name
            let compliant = family.samples.allSatisfy { $0.name == totalName || $0.name == createdName }
            let escapedSortName = escaping.escapeMetricName(sortName)
            switch format {
            case .text: (metadataName, typeKeyword) = (escapedSortName, "counter")
            case .openMetrics where compliant:
                (metadataName, typeKeyword) = (FamilyPlan.dropping("_total", from: escapedSortName), "counter")
            case .openMetrics: (metadataName, typeKeyword) = (escaping.escapeMetricName(name), "unknown")
            }
        case .info:
            base = FamilyPlan.dropping("_info", from: name)
            sortName = base + "_info"
            let escapedSortName = escaping.escapeMetricName(sortName)
            switch format {
            case .text: (metadataName, typeKeyword) = (escapedSortName, "gauge")
            case .openMetrics:
                (metadataName, typeKeyword) = (FamilyPlan.dropping("_info", from: escapedSortName), "info")
            }
        default:
            base = name
            sortName = name
            metadataName = escaping.escapeMetricName(name)
            switch format {
            case .text: typeKeyword = family.type.textKeyword ?? "gauge"
            case .openMetrics: typeKeyword = family.type.openMetricsKeyword
            }
        }
        // Only the types with suffixed samples compare against these names (a counter only its `_created`), so
        // gauges and the like skip building them.
        let isGauge = family.type == .gaugeHistogram
        let hasSuffixedSamples =
            switch family.type {
            case .histogram, .gaugeHistogram, .summary: true
            default: false
            }
        bucketName = hasSuffixedSamples ? base + "_bucket" : ""
        sumName = hasSuffixedSamples ? base + (isGauge ? "_gsum" : "_sum") : ""
        countName = hasSuffixedSamples ? base + (isGauge ? "_gcount" : "_count") : ""
        createdName = hasSuffixedSamples || family.type == .counter ? base + "_created" : ""
        if format == .openMetrics, let unit = family.unit, !unit.isEmpty, metadataName.hasSuffix("_" + unit) {
            self.unit = unit
        } else {
            unit = nil
        }
    }

    private static func dropping(_ suffix: String, from name: String) -> String {
        name.hasSuffix(suffix) ? String(name.dropLast(suffix.count)) : name
    }

    /// The part a sample plays in its family.
    func role(of sample: Sample) -> SampleRole {
        let name = sample.name
        switch type {
        case .counter:
            guard name == createdName else { return SampleRole(rank: 0, allowsExemplar: true) }
            return SampleRole(rank: 3, isOmitted: format == .text)
        case .histogram, .gaugeHistogram:
            if name == bucketName {
                return SampleRole(rank: 0, suffix: "_bucket", boundLabel: "le", isCount: true, allowsExemplar: true)
            }
            return rankedRole(name)
        case .summary:
            return name == base ? SampleRole(rank: 0, boundLabel: "quantile") : rankedRole(name)
        default:
            return SampleRole(rank: 0)
        }
    }

    private func rankedRole(_ name: String) -> SampleRole {
        let isGauge = type == .gaugeHistogram
        if name == sumName { return SampleRole(rank: 1, suffix: isGauge ? "_gsum" : "_sum") }
        if name == countName { return SampleRole(rank: 2, suffix: isGauge ? "_gcount" : "_count", isCount: true) }
        if name == createdName && !isGauge {
            return SampleRole(rank: 3, suffix: "_created", isOmitted: format == .text)
        }
        return SampleRole(rank: 0)
    }

    /// The sample name as written: escaped whole, or as the escaped family name plus the role's suffix.
    func writtenName(of sample: Sample, role: SampleRole) -> String {
        guard let suffix = role.suffix else { return escaping.escapeMetricName(sample.name) }
        return escaping.escapeMetricName(base) + suffix
    }
}

/// The part a sample plays in its family, as far as writing it is concerned.
struct SampleRole {
    /// Where it goes among the samples of one series: value or buckets, then sum, count, created.
    var rank: UInt8
    /// The suffix client_golang appends to the escaped family name (`_bucket`, `_sum`, ...), or `nil` when the
    /// sample's whole name is escaped.
    var suffix: String? = nil
    /// `le` or `quantile`: written last, its value in canonical float form.
    var boundLabel: String? = nil
    /// Bucket and count values: OpenMetrics writes integral ones without `.0`, like client_golang's uint64s.
    var isCount = false
    /// Counter values and buckets may carry an OpenMetrics exemplar; other samples may not.
    var allowsExemplar = false
    /// Not written in this format (`_created` in text 0.0.4).
    var isOmitted = false
}

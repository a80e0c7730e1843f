/// What the OpenMetrics rules need to know about one sample, and the per-sample rules.
struct SampleFacts: Sendable {
    let name: String
    let family: String
    let type: MetricType
    /// The part of the sample name after the family name (`""`, `_total`, `_bucket`, ...).
    let suffix: Substring
    let labels: Labels
    let value: Double
    let timestampMilliseconds: Int64?
    let hasExemplar: Bool
    let exemplarRuneCount: Int
    let position: SourcePosition

    init(parser: ExpositionParser, family: String, type: MetricType, at position: SourcePosition) {
        name = parser.metricName
        self.family = family
        self.type = type
        suffix = name.dropFirst(family.count)
        labels = parser.labels
        value = parser.value
        timestampMilliseconds = parser.timestampMilliseconds
        hasExemplar = parser.exemplar != nil
        exemplarRuneCount = parser.exemplarLabelRuneCount
        self.position = position
    }

    var isHistogram: Bool { type == .histogram || type == .gaugeHistogram }

    /// The labels that identify the sample's group: all labels except `le` on buckets, `quantile` on summary
    /// quantiles and the state label of a stateset; info families form one group.
    var groupKey: Labels {
        guard type != .info else { return Labels() }
        let excluded: String? =
            switch type {
            case .summary where suffix.isEmpty: "quantile"
            case .stateset: family
            case .histogram where suffix == "_bucket", .gaugeHistogram where suffix == "_bucket": "le"
            default: nil
            }
        return Labels(labels.sorted().filter { $0.name != excluded })
    }

    func failure(expected: String, found: String) -> ExpositionError {
        ExpositionError(position: position, expected: expected, found: found)
    }

    /// The rules that one sample satisfies or breaks on its own.
    func check() throws(ExpositionError) {
        if let reserved = labels.first(where: { MetricName.isReservedLabelName($0.name) }) {
            throw failure(expected: "label names not starting with __ (reserved)", found: "\"\(reserved.name)\"")
        }
        try checkExemplar()
        try checkValue()
        if isHistogram, suffix == "_bucket" {
            _ = try bucketBound()
        }
        if type == .summary, suffix.isEmpty {
            let quantile = labels["quantile"].flatMap(Self.number)
            guard let quantile, quantile >= 0, quantile <= 1 else {
                throw failure(
                    expected: "a quantile label between 0 and 1 on summary \"\(family)\"",
                    found: labels["quantile"].map { "\"\($0)\"" } ?? "none")
            }
        }
        if type == .stateset, labels[family] == nil {
            throw failure(expected: "a \"\(family)\" label on each stateset sample", found: "none")
        }
    }

    private func checkExemplar() throws(ExpositionError) {
        guard hasExemplar else { return }
        guard (type == .counter && suffix == "_total") || (isHistogram && suffix == "_bucket") else {
            throw failure(
                expected: "exemplars only on counter _total and histogram _bucket samples",
                found: "an exemplar on \(type.openMetricsKeyword) sample \"\(name)\"")
        }
        guard exemplarRuneCount <= 128 else {
            throw failure(
                expected: "exemplar labels of at most 128 code points", found: "\(exemplarRuneCount) code points")
        }
    }

    private func checkValue() throws(ExpositionError) {
        let isCounterLike =
            switch (type, suffix) {
            case (.counter, "_total"), (.histogram, "_bucket"), (.histogram, "_count"), (.histogram, "_sum"),
                (.gaugeHistogram, "_bucket"), (.gaugeHistogram, "_gcount"), (.summary, "_count"), (.summary, "_sum"):
                true
            default: false
            }
        if isCounterLike, value.isNaN || value < 0 {
            throw failure(expected: "a counter value that is neither NaN nor negative", found: "\(value)")
        }
        let mustBeInteger = suffix == "_bucket" || suffix == "_count" || suffix == "_gcount"
        if type != .untyped, type != .gauge, mustBeInteger, !Self.isInteger(value) {
            throw failure(expected: "an integer count", found: "\(value)")
        }
        switch type {
        case .gaugeHistogram where suffix == "_gsum" && value.isNaN:
            throw failure(expected: "a _gsum that is not NaN", found: "NaN")
        case .summary where suffix.isEmpty && value < 0:
            throw failure(expected: "a quantile value that is not negative", found: "\(value)")
        case .info where value != 1:
            throw failure(expected: "info value 1", found: "\(value)")
        case .stateset where value != 0 && value != 1:
            throw failure(expected: "stateset value 0 or 1", found: "\(value)")
        default:
            break
        }
    }

    /// Whether `value` is a whole number (without libm: every double of magnitude 2^52 or more is whole).
    static func isInteger(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        return value.magnitude >= 0x1p52 || Double(Int64(value)) == value
    }

    /// The bucket's `le` bound; infinite bounds must be spelled `+Inf` or `-Inf`.
    func bucketBound() throws(ExpositionError) -> Double {
        let text = labels["le"]
        guard let text, let bound = Self.number(text), !bound.isNaN,
            bound.isFinite || text == "+Inf" || text == "-Inf"
        else {
            throw failure(
                expected: "an le label with a number on each bucket of \"\(family)\"",
                found: text.map { "\"\($0)\"" } ?? "none")
        }
        return bound
    }

    /// A label value read as a number with the rules of sample values.
    static func number(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return try? bytes.withUnsafeBufferPointer { GoFloatParser.parse($0) }.get()
    }
}

/// The samples of one label group of a family, checked as a whole when the group ends.
struct LabelGroup: Sendable {
    let key: Labels
    private var timestampMilliseconds: Int64?
    private var hasSamples = false
    private var sawHistogramSample = false
    private var lastBound: Double?
    private var lastBucketValue = 0.0
    private var hasNegativeBucket = false
    private var count: Double?
    private var hasSum = false
    private var hasGaugeSum = false
    private var hasNegativeGaugeSum = false

    init(key: Labels, timestampMilliseconds: Int64?) {
        self.key = key
        self.timestampMilliseconds = timestampMilliseconds
    }

    mutating func observe(_ sample: SampleFacts) throws(ExpositionError) {
        if hasSamples {
            guard (sample.timestampMilliseconds == nil) == (timestampMilliseconds == nil) else {
                throw sample.failure(
                    expected: "all or none of the samples of a label group with timestamps", found: "a mix")
            }
            if let previous = timestampMilliseconds, let current = sample.timestampMilliseconds,
                current < previous, sample.type != .info
            {
                throw sample.failure(
                    expected: "timestamps that do not go backwards within a label group",
                    found: "\(current) ms after \(previous) ms")
            }
        }
        hasSamples = true
        timestampMilliseconds = sample.timestampMilliseconds
        guard sample.isHistogram, !sample.suffix.isEmpty else { return }
        sawHistogramSample = true
        switch sample.suffix {
        case "_bucket":
            let bound = try sample.bucketBound()
            hasNegativeBucket = hasNegativeBucket || bound < 0
            if let lastBound, bound <= lastBound {
                throw sample.failure(
                    expected: "buckets in increasing le order", found: "le \(bound) after \(lastBound)")
            }
            guard sample.value >= lastBucketValue else {
                throw sample.failure(
                    expected: "cumulative bucket counts", found: "\(sample.value) after \(lastBucketValue)")
            }
            lastBound = bound
            lastBucketValue = sample.value
        case "_count", "_gcount":
            count = sample.value
        case "_sum":
            hasSum = true
        case "_gsum":
            hasGaugeSum = true
            hasNegativeGaugeSum = hasNegativeGaugeSum || sample.value < 0
        default:
            break
        }
    }

    /// The rules on a complete histogram or gauge histogram group.
    func finish(family: String, type: MetricType, at position: SourcePosition) throws(ExpositionError) {
        guard sawHistogramSample else { return }
        func failure(_ expected: String, _ found: String) -> ExpositionError {
            ExpositionError(position: position, expected: "\(expected) in \"\(family)\"", found: found)
        }
        let countName = type == .gaugeHistogram ? "_gcount" : "_count"
        let sumName = type == .gaugeHistogram ? "_gsum" : "_sum"
        guard lastBound == .infinity else { throw failure("a +Inf bucket as the last bucket", "none") }
        if let count, count != lastBucketValue {
            throw failure("\(countName) equal to the +Inf bucket", "\(count) and \(lastBucketValue)")
        }
        guard (hasSum || hasGaugeSum) == (count != nil) else {
            throw failure("both \(countName) and \(sumName) or neither", "only one of them")
        }
        if hasNegativeBucket, hasSum {
            throw failure("no _sum next to buckets with negative bounds", "a _sum")
        }
        if !hasNegativeBucket, hasNegativeGaugeSum {
            throw failure("a non-negative _gsum when no bucket bound is negative", "a negative _gsum")
        }
    }
}

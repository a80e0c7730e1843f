/// A pull parser for the Prometheus text format 0.0.4 and OpenMetrics 1.0.0, over raw bytes.
///
/// Call ``next()`` until it returns `nil`; after each call the accessors (``metricName``, ``labels``, ``value``,
/// ``help``, ...) describe the entry it returned and stay valid until the following call, as in Prometheus's
/// `model/textparse` parsers. Lines are not turned into strings: a sample costs no allocation until a
/// `String`-valued accessor is read. Any byte sequence is safe to feed; every rejection is an
/// ``ExpositionError`` with the position of the offending byte, after which the parser stays finished.
///
/// ```swift
/// var parser = ExpositionParser(bytes: body, format: .text)
/// while let entry = try parser.next() {
///     if entry == .sample { print(parser.metricName, parser.value) }
/// }
/// ```
public struct ExpositionParser: Sendable {
    /// The format being parsed.
    public let format: ExpositionFormat
    /// How strictly the format's rules are applied.
    public let strictness: ExpositionStrictness

    let bytes: [UInt8]
    /// Offset of the next unread byte.
    var index = 0
    var isFinished = false

    /// Offset where the current entry's line starts.
    var entryStart = 0
    var nameSpan = ByteSpan.empty
    var textSpan = ByteSpan.empty
    var labelSpans: [LabelSpan] = []
    var exemplarSpans: [LabelSpan] = []
    var hasExemplar = false
    var exemplarValue = 0.0
    var exemplarTimestamp: Int64?
    var specValidator: OpenMetricsSpecValidator?

    /// The type on the current `# TYPE` line (OpenMetrics `unknown` and text `untyped` are both `.untyped`).
    public internal(set) var metricType = MetricType.untyped
    /// The current sample's value.
    public internal(set) var value = 0.0
    /// The current sample's explicit timestamp in milliseconds, or `nil`. OpenMetrics seconds are converted as
    /// Prometheus does, with Go's truncating `int64(seconds * 1000)`.
    public internal(set) var timestampMilliseconds: Int64?

    /// Creates a parser over a copy of `bytes`.
    public init(
        bytes: some Collection<UInt8>, format: ExpositionFormat, strictness: ExpositionStrictness = .prometheus
    ) {
        self.bytes = Array(bytes)
        self.format = format
        self.strictness = strictness
        if strictness == .openMetricsSpec && format == .openMetrics {
            specValidator = OpenMetricsSpecValidator()
        }
    }

    /// Moves to the next entry and returns its kind, or `nil` at the end of the exposition.
    ///
    /// Blank lines (text format) and the `# EOF` line (OpenMetrics) are consumed without an entry. After an error
    /// or the end, further calls return `nil`.
    public mutating func next() throws(ExpositionError) -> ExpositionEntry? {
        guard !isFinished else { return nil }
        do {
            let entry =
                switch format {
                case .text: try nextTextEntry()
                case .openMetrics: try nextOpenMetricsEntry()
                }
            if entry == nil { isFinished = true }
            if var validator = specValidator {
                // Moved out while it runs so the check does not copy the validator's tables.
                specValidator = nil
                defer { specValidator = validator }
                if let entry {
                    try validator.observe(entry, of: self)
                } else {
                    try validator.finish(at: position(of: index))
                }
            }
            return entry
        } catch {
            isFinished = true
            throw error
        }
    }

    /// The metric name of the current sample, `# HELP`, `# TYPE` or `# UNIT` line, with quoted-name escapes undone.
    public var metricName: String { bytes.string(nameSpan, escapes: .labelValue) }

    /// The current sample's labels in the order written, without `__name__`.
    public var labels: Labels { labels(of: labelSpans) }

    /// The current `# HELP` text, unescaped (`\\` and `\n`; OpenMetrics also `\"`).
    public var help: String { bytes.string(textSpan, escapes: format == .text ? .textHelp : .labelValue) }

    /// The current `# UNIT` text.
    public var unit: String { bytes.string(textSpan, escapes: .none) }

    /// The current comment line, including its leading `#`.
    public var comment: String { bytes.string(textSpan, escapes: .none) }

    /// The current sample's exemplar, if it has one (OpenMetrics only). Prometheus's exemplar storage drops an
    /// exemplar whose label names and values exceed 128 code points without failing the scrape, so the parser
    /// returns it regardless; ``ExpositionStrictness/openMetricsSpec`` rejects it.
    public var exemplar: Exemplar? {
        guard hasExemplar else { return nil }
        return Exemplar(
            labels: labels(of: exemplarSpans), value: exemplarValue, timestampMilliseconds: exemplarTimestamp)
    }

    /// The current sample as a model value.
    public var sample: Sample {
        Sample(
            name: metricName, labels: labels, value: value, timestampMilliseconds: timestampMilliseconds,
            exemplar: exemplar)
    }

    /// Where the current entry's line starts.
    public var entryPosition: SourcePosition { position(of: entryStart) }

    /// The number of code points in the exemplar's label names and values, which Prometheus limits to 128.
    var exemplarLabelRuneCount: Int {
        exemplarSpans.reduce(0) { count, label in
            count + runeCount(of: label.name) + runeCount(of: label.value)
        }
    }

    private func runeCount(of span: ByteSpan) -> Int {
        guard span.isEscaped else { return UTF8Validation.runeCount(bytes, span.start..<span.end) }
        return bytes.string(span, escapes: .labelValue).unicodeScalars.count
    }

    private func labels(of spans: [LabelSpan]) -> Labels {
        Labels(
            spans.map {
                Label(bytes.string($0.name, escapes: .labelValue), bytes.string($0.value, escapes: .labelValue))
            })
    }

    func position(of offset: Int) -> SourcePosition {
        SourcePosition(offset: offset, in: bytes)
    }
}

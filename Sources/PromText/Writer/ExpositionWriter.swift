/// Writes metric families in the Prometheus text format 0.0.4 or OpenMetrics 1.0.0, byte for byte as
/// client_golang's `expfmt` writes them (`text_create.go`, `openmetrics_create.go`).
///
/// - Families are sorted by name and the series of a family by their labels (client_golang's Gatherer order);
///   input that is already in that order is not re-sorted. The samples of one series stay together in the order
///   value or buckets, `_sum`, `_count`, `_created`; labels are sorted by name with `le`/`quantile` last, and
///   `le`/`quantile` values are rewritten in canonical float form (`1`/`1.0`, `+Inf`). Families without samples
///   are left out, as client_golang's Gatherer leaves them out.
/// - `# HELP` (if the family has help) comes before `# TYPE`, then `# UNIT` (OpenMetrics). Help text escapes `\`
///   and newline (and `"` in OpenMetrics); label values escape `\`, `"` and newline, so no label value can break
///   a scrape.
/// - Values use ``GoFloat``: the text format writes `writeFloat` forms (`1e+06`, `NaN`, `+Inf`); OpenMetrics adds
///   `.0` to integral values except integral bucket and count values, which client_golang writes as integers.
/// - Timestamps are written in milliseconds (text) or seconds (OpenMetrics, e.g. `1.520879607789e+09`). A
///   negative timestamp is not written at all: Prometheus would store it far in the past, and the sample is
///   worth more stamped with the scrape time.
/// - Exemplars are written in OpenMetrics only, and only on counter values and buckets, as the OpenMetrics
///   specification allows; an exemplar without labels is left out, as client_golang leaves it out.
/// - Names valid in the legacy character set are written bare. Others are escaped with `escaping`, or, with
///   ``NameEscapingScheme/allowUTF8``, quoted in the Prometheus 3 syntax: `{"my.metric","a.b"="c"} 1`.
/// - OpenMetrics output ends with `# EOF`.
///
/// Sample names are never changed, so a series keeps its identity in both formats. Text 0.0.4 names a counter
/// family like its samples (`# TYPE http_requests_total counter`), writes `info` as a `gauge` named like its
/// `_info` samples, `stateset` and `gaugehistogram` as `gauge`, `unknown` as `untyped`, and leaves out
/// `_created` samples (client_golang never writes them there). OpenMetrics names a counter family without
/// `_total`, writes a counter whose samples are not all `<family>_total`/`_created` as `unknown`, and writes
/// `# UNIT` only when the family name ends in `_<unit>`.
public struct ExpositionWriter: Sendable {
    private let format: ExpositionFormat
    private let escaping: NameEscapingScheme
    /// The last sample name written and its rendering, reused while consecutive samples share a name.
    private var cachedSampleName: String?
    private var cachedSampleNameBytes: [UInt8] = []
    private var cachedSampleNameIsBare = true
    /// The current family's name as written on its HELP, TYPE and UNIT lines (checked once per family).
    private var metadataNameBytes: [UInt8] = []
    private var metadataNameIsBare = true
    /// Label names already found valid in the legacy set, checked by `==` before validating again.
    private var legacyLabelNames: [String] = []

    private init(format: ExpositionFormat, escaping: NameEscapingScheme) {
        self.format = format
        self.escaping = escaping
    }

    /// Appends the exposition of `families` to `buffer` (the buffer is not cleared first, so a caller can reuse
    /// one buffer's capacity across scrapes with `removeAll(keepingCapacity: true)`).
    ///
    /// - Parameters:
    ///   - families: the families to write, in any order.
    ///   - format: the negotiated format.
    ///   - escaping: how to write names outside the legacy character set (see ``ContentNegotiation``).
    ///   - buffer: receives UTF-8 bytes.
    public static func write(
        _ families: [MetricFamily],
        format: ExpositionFormat,
        escaping: NameEscapingScheme = .default,
        into buffer: inout [UInt8]
    ) {
        var writer = ExpositionWriter(format: format, escaping: escaping)
        let plans = families.map { FamilyPlan($0, format: format, escaping: escaping) }
        var order = Array(families.indices)
        let isSorted = zip(order, order.dropFirst()).allSatisfy {
            ExpositionBytes.compare(plans[$0].sortName, plans[$1].sortName) <= 0
        }
        if !isSorted {
            order.sort {
                let comparison = ExpositionBytes.compare(plans[$0].sortName, plans[$1].sortName)
                return comparison != 0 ? comparison < 0 : $0 < $1
            }
        }
        for index in order where !families[index].samples.isEmpty {
            writer.writeFamily(families[index], plans[index], into: &buffer)
        }
        if format == .openMetrics {
            buffer.append(contentsOf: "# EOF\n".utf8)
        }
    }

    private mutating func writeFamily(_ family: MetricFamily, _ plan: FamilyPlan, into buffer: inout [UInt8]) {
        cachedSampleName = nil
        metadataNameBytes.removeAll(keepingCapacity: true)
        metadataNameIsBare = appendMetadataName(plan.metadataName, to: &metadataNameBytes)
        if let help = family.help {
            buffer.append(contentsOf: "# HELP ".utf8)
            buffer.append(contentsOf: metadataNameBytes)
            buffer.append(UInt8(ascii: " "))
            ExpositionBytes.appendEscaped(help, escapingQuotes: format == .openMetrics, to: &buffer)
            buffer.append(UInt8(ascii: "\n"))
        }
        buffer.append(contentsOf: "# TYPE ".utf8)
        buffer.append(contentsOf: metadataNameBytes)
        buffer.append(UInt8(ascii: " "))
        buffer.append(contentsOf: plan.typeKeyword.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if let unit = plan.unit {
            buffer.append(contentsOf: "# UNIT ".utf8)
            buffer.append(contentsOf: metadataNameBytes)
            buffer.append(UInt8(ascii: " "))
            ExpositionBytes.appendEscaped(unit, escapingQuotes: true, to: &buffer)
            buffer.append(UInt8(ascii: "\n"))
        }
        let order = SeriesOrder(family.samples, plan: plan)
        for entry in order.entries {
            let role = plan.role(of: family.samples[entry.index])
            if !role.isOmitted {
                writeSample(family.samples, entry, role, order, plan, into: &buffer)
            }
        }
    }

    /// Appends an already escaped metric name, quoted when it is outside the legacy set; returns whether it was
    /// written bare.
    @discardableResult
    private func appendMetadataName(_ name: String, to buffer: inout [UInt8]) -> Bool {
        if MetricName.isValidLegacyMetricName(name) {
            buffer.append(contentsOf: name.utf8)
            return true
        }
        ExpositionBytes.appendQuoted(name, to: &buffer)
        return false
    }

    /// Writes `samples[entry.index]` (read in place: copying a `Sample` costs reference counting per field).
    private mutating func writeSample(
        _ samples: [Sample], _ entry: SeriesOrder.Entry, _ role: SampleRole, _ order: SeriesOrder,
        _ plan: FamilyPlan, into buffer: inout [UInt8]
    ) {
        let index = entry.index
        if samples[index].name != cachedSampleName {
            cachedSampleName = samples[index].name
            cachedSampleNameBytes.removeAll(keepingCapacity: true)
            if role.suffix == nil && samples[index].name == plan.metadataName {
                // Most samples are named like their family's metadata line, and escaping leaves an escaped name
                // as it is: reuse the rendering instead of escaping and checking the name again.
                cachedSampleNameBytes.append(contentsOf: metadataNameBytes)
                cachedSampleNameIsBare = metadataNameIsBare
            } else {
                cachedSampleNameIsBare = appendMetadataName(
                    plan.writtenName(of: samples[index], role: role), to: &cachedSampleNameBytes)
            }
        }
        var separator = UInt8(ascii: "{")
        if !cachedSampleNameIsBare {
            buffer.append(separator)
            separator = UInt8(ascii: ",")
        }
        buffer.append(contentsOf: cachedSampleNameBytes)
        order.labels[index].withUnsafeBufferPointer { labels in
            for position in labels.indices {
                buffer.append(separator)
                separator = UInt8(ascii: ",")
                appendLabel(labels[position], to: &buffer)
            }
        }
        if let bound = order.bounds[index] {
            buffer.append(separator)
            separator = UInt8(ascii: ",")
            appendBound(bound, value: entry.boundValue, to: &buffer)
        }
        if separator == UInt8(ascii: ",") {
            buffer.append(UInt8(ascii: "}"))
        }
        buffer.append(UInt8(ascii: " "))
        appendValue(samples[index].value, isCount: role.isCount, to: &buffer)
        if let timestamp = samples[index].timestampMilliseconds, timestamp >= 0 {
            buffer.append(UInt8(ascii: " "))
            switch format {
            case .text: GoFloat.appendInteger(timestamp, to: &buffer)
            case .openMetrics: GoFloat.appendOpenMetrics(Self.openMetricsSeconds(timestamp), to: &buffer)
            }
        }
        if format == .openMetrics, role.allowsExemplar, let exemplar = samples[index].exemplar,
            !exemplar.labels.isEmpty
        {
            appendExemplar(exemplar, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    private func appendValue(_ value: Double, isCount: Bool, to buffer: inout [UInt8]) {
        switch format {
        case .text:
            GoFloat.appendExposition(value, to: &buffer)
        case .openMetrics:
            if isCount, value >= 0, value < 18_446_744_073_709_551_616, case let count = UInt64(value),
                Double(count) == value
            {
                GoFloat.appendInteger(count, to: &buffer)
            } else {
                GoFloat.appendOpenMetrics(value, to: &buffer)
            }
        }
    }

    private mutating func appendLabel(_ label: Label, to buffer: inout [UInt8]) {
        appendLabelName(label.name, to: &buffer)
        buffer.append(UInt8(ascii: "="))
        buffer.append(UInt8(ascii: "\""))
        ExpositionBytes.appendEscaped(label.value, escapingQuotes: true, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func appendLabelName(_ name: String, to buffer: inout [UInt8]) {
        if legacyLabelNames.contains(name) {
            ExpositionBytes.appendUTF8(name, to: &buffer)
        } else if MetricName.isValidLegacyLabelName(name) {
            if legacyLabelNames.count < 16 { legacyLabelNames.append(name) }
            ExpositionBytes.appendUTF8(name, to: &buffer)
        } else if escaping == .allowUTF8 {
            ExpositionBytes.appendQuoted(name, to: &buffer)
        } else {
            ExpositionBytes.appendUTF8(escaping.escapeLabelName(name), to: &buffer)
        }
    }

    /// `le` or `quantile`, its value rewritten in this format's float form when it is a number.
    private mutating func appendBound(_ label: Label, value: Double?, to buffer: inout [UInt8]) {
        guard let bound = value else {
            appendLabel(label, to: &buffer)
            return
        }
        ExpositionBytes.appendUTF8(label.name, to: &buffer)
        buffer.append(UInt8(ascii: "="))
        buffer.append(UInt8(ascii: "\""))
        switch format {
        case .text: GoFloat.appendExposition(bound, to: &buffer)
        case .openMetrics: GoFloat.appendOpenMetrics(bound, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func appendExemplar(_ exemplar: Exemplar, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: " # ".utf8)
        var separator = UInt8(ascii: "{")
        for label in exemplar.labels {
            buffer.append(separator)
            separator = UInt8(ascii: ",")
            appendLabel(label, to: &buffer)
        }
        buffer.append(UInt8(ascii: "}"))
        buffer.append(UInt8(ascii: " "))
        GoFloat.appendOpenMetrics(exemplar.value, to: &buffer)
        if let milliseconds = exemplar.timestampMilliseconds, milliseconds >= 0 {
            buffer.append(UInt8(ascii: " "))
            GoFloat.appendOpenMetrics(Self.openMetricsSeconds(milliseconds), to: &buffer)
        }
    }

    /// The seconds to write for a millisecond timestamp so that Prometheus, which reads OpenMetrics timestamps as
    /// `int64(seconds * 1000)` (truncating), gets exactly `milliseconds` back: `ms / 1000` itself when that
    /// survives, otherwise the next larger doubles (whose shortest forms round-trip too).
    static func openMetricsSeconds(_ milliseconds: Int64) -> Double {
        var seconds = Double(milliseconds) / 1000
        guard milliseconds < 1 << 53 else { return seconds }
        for _ in 0..<4 where Int64(seconds * 1000) < milliseconds {
            seconds = seconds.nextUp
        }
        return seconds
    }
}

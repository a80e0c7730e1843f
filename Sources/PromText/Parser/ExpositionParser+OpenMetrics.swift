/// OpenMetrics 1.0.0, following Prometheus's `openmetricslex.l`/`openmetricsparse.go` as of 2.42 (single spaces,
/// tight label sets, mandatory `# EOF`, exemplars on `_total` and `_bucket` samples) plus Prometheus 3's quoted
/// UTF-8 names and the scrape-path checks.
extension ExpositionParser {
    mutating func nextOpenMetricsEntry() throws(ExpositionError) -> ExpositionEntry? {
        entryStart = index
        guard index < bytes.count else {
            throw error(at: index, expected: "'# EOF' as the last line")
        }
        let first = bytes[index]
        if first == UInt8(ascii: "#") {
            return try openMetricsMetadata(at: index)
        }
        guard first == UInt8(ascii: "{") || Self.isMetricNameStart(first) else {
            throw error(at: index, expected: "metric name or '#' at the start of the line")
        }
        try openMetricsSample(at: index)
        return .sample
    }

    /// `# HELP`, `# TYPE`, `# UNIT` or `# EOF`; returns `nil` for `# EOF`, which must end the input.
    private mutating func openMetricsMetadata(at hash: Int) throws(ExpositionError) -> ExpositionEntry? {
        guard hash + 1 < bytes.count, bytes[hash + 1] == Self.space else {
            throw error(at: hash + 1, expected: "' ' after '#'")
        }
        let word = hash + 2
        if matches("EOF", at: word) {
            var end = word + 3
            if end < bytes.count, bytes[end] == Self.newline { end += 1 }
            guard end == bytes.count else { throw error(at: end, expected: "end of input after '# EOF'") }
            index = end
            return nil
        }
        let keywords: [(StaticString, ExpositionEntry)] = [("HELP", .help), ("TYPE", .type), ("UNIT", .unit)]
        guard
            let (keyword, entry) = keywords.first(where: { keyword, _ in
                matches(keyword, at: word) && word + 4 < bytes.count && bytes[word + 4] == Self.space
            })
        else {
            throw error(at: word, expected: "HELP, TYPE, UNIT or EOF after '# '")
        }
        let nameStart = word + 5
        guard
            let name = legacyName(at: nameStart, allowsColon: true)
                ?? quotedString(at: nameStart, allowsNewline: true, allowsNUL: false)
        else {
            throw error(at: nameStart, expected: "metric name after \(keyword)")
        }
        nameSpan = name
        try rejectQuotedNameForSpec(name, what: "metric name")
        let separator = Self.end(of: name)
        guard separator < bytes.count, bytes[separator] == Self.space else {
            throw error(at: separator, expected: "' ' and text after the metric name in \(keyword)")
        }
        let lineEnd = endOfLine(from: separator + 1)
        guard lineEnd < bytes.count else { throw error(at: lineEnd, expected: "end of line after \(keyword)") }
        textSpan = ByteSpan(
            start: separator + 1, end: lineEnd, isEscaped: bytes[separator + 1..<lineEnd].contains(Self.backslash),
            isQuoted: false)
        index = lineEnd + 1
        switch entry {
        case .type:
            guard let type = MetricType(openMetricsKeyword: bytes.string(textSpan, escapes: .none)) else {
                throw error(
                    at: textSpan.start,
                    expected:
                        "metric type counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown",
                    found: quoted(textSpan))
            }
            metricType = type
        case .help:
            guard UTF8Validation.isValid(bytes, textSpan.start..<textSpan.end) else {
                throw error(at: textSpan.start, expected: "UTF-8 help text", found: quoted(textSpan))
            }
        default:
            try validateUnit()
        }
        return entry
    }

    /// Prometheus requires a non-empty unit to be a `_`-separated suffix of the metric name.
    private func validateUnit() throws(ExpositionError) {
        guard textSpan.count > 0 else { return }
        let name = Array(metricName.utf8)
        let unit = bytes[textSpan.start..<textSpan.end]
        guard name.count > unit.count, name[name.count - unit.count - 1] == UInt8(ascii: "_"),
            name.suffix(unit.count).elementsEqual(unit)
        else {
            throw error(
                at: textSpan.start, expected: "a unit that is a suffix of the metric name \(quoted(nameSpan))",
                found: quoted(textSpan))
        }
    }

    /// `name{labels} value [timestamp] [# {labels} value [timestamp]]`, single spaces, line feed at the end.
    private mutating func openMetricsSample(at start: Int) throws(ExpositionError) {
        labelSpans.removeAll(keepingCapacity: true)
        hasExemplar = false
        timestampMilliseconds = nil
        var name = legacyName(at: start, allowsColon: true)
        var cursor = name?.end ?? start
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "{") {
            cursor = try openMetricsLabels(from: cursor + 1, into: &labelSpans, name: &name)
        }
        guard let name else {
            throw error(at: start, expected: "a quoted metric name inside the braces", found: "none")
        }
        nameSpan = name
        let valueRange = try spaceSeparatedToken(at: cursor, expected: "' ' and a sample value")
        value = try parseFloat(valueRange, what: "sample value")
        cursor = valueRange.upperBound
        if try !atExemplarOrLineEnd(cursor) {
            let timestampRange = try spaceSeparatedToken(at: cursor, expected: "timestamp, '# {' or end of line")
            timestampMilliseconds = try secondsTimestamp(timestampRange, what: "timestamp")
            cursor = timestampRange.upperBound
            guard try atExemplarOrLineEnd(cursor) else {
                throw error(at: cursor, expected: "end of line or '# {' after the timestamp")
            }
        }
        if bytes[cursor] == Self.space {
            cursor = try openMetricsExemplar(at: cursor)
        }
        index = cursor + 1
        try validateSeries()
    }

    /// Whether `offset` holds the line feed or the ` # {` that may follow a value or timestamp. Throws when the
    /// input ends there, or on ` # ` without `{` (Prometheus's lexer does not back off from that prefix).
    private func atExemplarOrLineEnd(_ offset: Int) throws(ExpositionError) -> Bool {
        guard offset < bytes.count else { throw error(at: offset, expected: "'# EOF' as the last line") }
        if bytes[offset] == Self.newline { return true }
        guard offset + 2 < bytes.count, bytes[offset] == Self.space, bytes[offset + 1] == UInt8(ascii: "#"),
            bytes[offset + 2] == Self.space
        else { return false }
        guard offset + 3 < bytes.count, bytes[offset + 3] == UInt8(ascii: "{") else {
            throw error(at: offset + 3, expected: "'{' to open the exemplar labels")
        }
        return true
    }

    /// A token `' '[^ \n]+` at `offset`: one space, then bytes up to a space, line feed, NUL or the end.
    private func spaceSeparatedToken(at offset: Int, expected: String) throws(ExpositionError) -> Range<Int> {
        guard offset < bytes.count, bytes[offset] == Self.space else { throw error(at: offset, expected: expected) }
        var end = offset + 1
        while end < bytes.count, bytes[end] != Self.space, bytes[end] != Self.newline, bytes[end] != 0 { end += 1 }
        guard end > offset + 1 else { throw error(at: offset + 1, expected: expected) }
        return offset + 1..<end
    }

    /// Float seconds to milliseconds as Prometheus does: `int64(seconds * 1000)`, truncating; out-of-range
    /// products give Go's (amd64) minimum int64.
    private func secondsTimestamp(_ range: Range<Int>, what: String) throws(ExpositionError) -> Int64 {
        let seconds = try parseFloat(range, what: what)
        guard seconds.isFinite else { throw error(at: range.lowerBound, expected: "finite \(what)") }
        let milliseconds = seconds * 1000
        guard milliseconds > -9.223_372_036_854_775_808e18, milliseconds < 9.223_372_036_854_775_808e18 else {
            return .min
        }
        return Int64(milliseconds)
    }

    /// The exemplar after ` # {` at `offset`; returns the offset of the line feed ending it.
    private mutating func openMetricsExemplar(at offset: Int) throws(ExpositionError) -> Int {
        let name = metricName
        guard name.hasUTF8Suffix("_total") || name.hasUTF8Suffix("_bucket") else {
            throw error(
                at: offset + 1, expected: "exemplars only on _total or _bucket samples", found: quoted(nameSpan))
        }
        exemplarSpans.removeAll(keepingCapacity: true)
        var noName: ByteSpan?
        var cursor = try openMetricsLabels(from: offset + 4, into: &exemplarSpans, name: &noName, allowsName: false)
        let valueRange = try spaceSeparatedToken(at: cursor, expected: "' ' and an exemplar value")
        exemplarValue = try parseFloat(valueRange, what: "exemplar value")
        cursor = valueRange.upperBound
        exemplarTimestamp = nil
        guard cursor < bytes.count else { throw error(at: cursor, expected: "'# EOF' as the last line") }
        if bytes[cursor] != Self.newline {
            let timestampRange = try spaceSeparatedToken(at: cursor, expected: "exemplar timestamp or end of line")
            exemplarTimestamp = try secondsTimestamp(timestampRange, what: "exemplar timestamp")
            cursor = timestampRange.upperBound
            guard cursor < bytes.count else { throw error(at: cursor, expected: "'# EOF' as the last line") }
            guard bytes[cursor] == Self.newline else {
                throw error(at: cursor, expected: "end of line after the exemplar timestamp")
            }
        }
        hasExemplar = true
        return cursor
    }

    /// A tight label list after `{` up to and including `}`: `name="value"` pairs separated by single commas,
    /// no blanks, no trailing comma, no raw line feed in values. Where `allowsName`, a quoted string followed by
    /// `,` or `}` is the metric name (Prometheus 3).
    private func openMetricsLabels(
        from offset: Int, into spans: inout [LabelSpan], name: inout ByteSpan?, allowsName: Bool = true
    ) throws(ExpositionError) -> Int {
        var cursor = offset
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") { return cursor + 1 }
        while true {
            guard
                let labelName = legacyName(at: cursor, allowsColon: false)
                    ?? quotedString(at: cursor, allowsNewline: allowsName, allowsNUL: false)
            else {
                throw error(at: cursor, expected: "label name")
            }
            let tokenStart = cursor
            cursor = Self.end(of: labelName)
            if allowsName, labelName.isQuoted, cursor < bytes.count,
                bytes[cursor] == UInt8(ascii: ",") || bytes[cursor] == UInt8(ascii: "}")
            {
                guard name == nil else {
                    throw error(at: tokenStart, expected: "'=' after the label name", found: quoted(labelName))
                }
                name = labelName
            } else {
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else {
                    throw error(at: cursor, expected: "'=' after the label name")
                }
                guard let labelValue = quotedString(at: cursor + 1, allowsNewline: false, allowsNUL: true) else {
                    throw error(at: cursor + 1, expected: "quoted label value")
                }
                guard UTF8Validation.isValid(bytes, labelValue.start..<labelValue.end) else {
                    throw error(at: labelValue.start, expected: "UTF-8 label value", found: quoted(labelValue))
                }
                spans.append(LabelSpan(name: labelName, value: labelValue))
                cursor = labelValue.end + 1
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") else {
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else {
                    throw error(at: cursor, expected: "',' or '}' after the label")
                }
                return cursor + 1
            }
            cursor += 1
        }
    }
}

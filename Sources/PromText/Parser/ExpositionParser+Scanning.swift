/// Byte-level scanners shared by the two formats, and the checks Prometheus's scrape path applies to every
/// series after parsing.
extension ExpositionParser {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")

    /// An error at `offset`, describing the bytes found there.
    func error(at offset: Int, expected: String) -> ExpositionError {
        error(at: offset, expected: expected, found: describeToken(at: offset))
    }

    /// An error at `offset` with an explicit description of what was found.
    func error(at offset: Int, expected: String, found: String) -> ExpositionError {
        ExpositionError(position: position(of: offset), expected: expected, found: found)
    }

    /// A short, printable description of the token starting at `offset`.
    func describeToken(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        switch bytes[offset] {
        case Self.newline: return "end of line"
        case Self.space: return "space"
        case Self.tab: return "tab"
        case 0: return "NUL byte"
        default:
            var end = offset
            while end < bytes.count, end - offset < 24, !Self.isTokenEnd(bytes[end]) { end += 1 }
            return quoted(offset..<end)
        }
    }

    /// The bytes of `range` in double quotes, with non-printable bytes as `\xNN`.
    func quoted(_ range: Range<Int>) -> String {
        var text = "\""
        for byte in bytes[range] {
            switch byte {
            case 0x20..<0x7F where byte != Self.quote && byte != Self.backslash: text.unicodeScalars.append(.init(byte))
            case Self.quote: text += "\\\""
            case Self.backslash: text += "\\\\"
            default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return text + "\""
    }

    /// The span's bytes in double quotes, for messages.
    func quoted(_ span: ByteSpan) -> String { quoted(span.start..<span.end) }

    static func isTokenEnd(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == 0
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    static func isLabelNameStart(_ byte: UInt8) -> Bool {
        byte | 0x20 &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
    }

    static func isMetricNameStart(_ byte: UInt8) -> Bool {
        isLabelNameStart(byte) || byte == UInt8(ascii: ":")
    }

    /// Whether the bytes at `offset` are exactly `text` (false when the input ends first).
    func matches(_ text: StaticString, at offset: Int) -> Bool {
        let end = offset + text.utf8CodeUnitCount
        guard end <= bytes.count else { return false }
        return bytes.span(ByteSpan(start: offset, end: end, isEscaped: false, isQuoted: false), equals: text)
    }

    /// The offset of the first byte at or after `offset` that is not a space or tab.
    func skippingBlanks(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
        return index
    }

    /// The offset of the next line feed at or after `offset`, or the end of the input.
    func endOfLine(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] != Self.newline { index += 1 }
        return index
    }

    /// The legacy name `[a-zA-Z_:][a-zA-Z0-9_:]*` (metric) or `[a-zA-Z_][a-zA-Z0-9_]*` (label) at `offset`.
    func legacyName(at offset: Int, allowsColon: Bool) -> ByteSpan? {
        guard offset < bytes.count,
            allowsColon ? Self.isMetricNameStart(bytes[offset]) : Self.isLabelNameStart(bytes[offset])
        else { return nil }
        var end = offset + 1
        while end < bytes.count {
            let byte = bytes[end]
            guard Self.isLabelNameStart(byte) || Self.isDigit(byte) || (allowsColon && byte == UInt8(ascii: ":"))
            else { break }
            end += 1
        }
        return ByteSpan(start: offset, end: end, isEscaped: false, isQuoted: false)
    }

    /// The inside of the double-quoted string `"(\\.|[^\\"])*"` starting at `offset`, or `nil` if it does not
    /// close. `.` is any byte but a line feed; `allowsNewline` lets raw line feeds stand inside the quotes and
    /// `allowsNUL` lets NUL bytes through (Prometheus's lexers skip them only in label values and help text).
    func quotedString(at offset: Int, allowsNewline: Bool, allowsNUL: Bool) -> ByteSpan? {
        guard offset < bytes.count, bytes[offset] == Self.quote else { return nil }
        var index = offset + 1
        var isEscaped = false
        while index < bytes.count {
            switch bytes[index] {
            case Self.quote:
                return ByteSpan(start: offset + 1, end: index, isEscaped: isEscaped, isQuoted: true)
            case Self.backslash:
                guard index + 1 < bytes.count, bytes[index + 1] != Self.newline else { return nil }
                isEscaped = true
                index += 2
            case Self.newline where !allowsNewline, 0 where !allowsNUL:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// The offset just past a quoted span's closing quote, or past an unquoted span.
    static func end(of span: ByteSpan) -> Int { span.isQuoted ? span.end + 1 : span.end }

    /// Parses a sample value, reporting Go's `strconv.ParseFloat` failures.
    func parseFloat(_ range: Range<Int>, what: String) throws(ExpositionError) -> Double {
        let result = bytes.withUnsafeBufferPointer { GoFloatParser.parse(UnsafeBufferPointer(rebasing: $0[range])) }
        switch result {
        case .success(let number): return number
        case .failure(.unsupportedCharacter):
            throw error(at: range.lowerBound, expected: "\(what) without 'p', 'P' or '_'", found: quoted(range))
        case .failure(.invalidSyntax):
            throw error(at: range.lowerBound, expected: "\(what) as a floating-point number", found: quoted(range))
        case .failure(.outOfRange):
            throw error(at: range.lowerBound, expected: "\(what) within the float64 range", found: quoted(range))
        }
    }

    /// The scrape-path checks that fail a scrape after the parser accepted a line: quoted names must be non-empty
    /// valid UTF-8, and a label name may appear once (`__name__` is always taken by the metric name). Long label
    /// lists are checked through a set so a hostile line cannot make this quadratic.
    func validateSeries() throws(ExpositionError) {
        if nameSpan.isQuoted {
            try validateQuotedName(nameSpan, what: "metric name")
        }
        let usesSet = labelSpans.count > 16
        var seenNames: Set<String> = []
        for (position, label) in labelSpans.enumerated() {
            if label.name.isQuoted {
                try validateQuotedName(label.name, what: "label name")
            }
            let isRepeated =
                usesSet
                ? !seenNames.insert(bytes.string(label.name, escapes: .labelValue)).inserted
                : labelSpans[..<position].contains { bytes.spansEqual($0.name, label.name) }
            if isRepeated || bytes.span(label.name, equals: "__name__") {
                throw error(
                    at: label.name.start, expected: "a label name that appears once", found: quoted(label.name))
            }
        }
    }

    /// OpenMetrics 1.0 has no quoted names; only Prometheus 3's reading of it does.
    func rejectQuotedNameForSpec(_ span: ByteSpan, what: String) throws(ExpositionError) {
        guard span.isQuoted, strictness == .openMetricsSpec, format == .openMetrics else { return }
        throw error(
            at: span.start - 1, expected: "an unquoted \(what) (OpenMetrics 1.0 has no quoted names)",
            found: quoted(span))
    }

    private func validateQuotedName(_ span: ByteSpan, what: String) throws(ExpositionError) {
        try rejectQuotedNameForSpec(span, what: what)
        guard span.count > 0, UTF8Validation.isValid(bytes, span.start..<span.end) else {
            throw error(at: span.start - 1, expected: "a non-empty UTF-8 \(what)", found: quoted(span))
        }
    }
}

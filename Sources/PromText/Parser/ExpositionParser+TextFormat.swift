/// The text format 0.0.4, following Prometheus 3's `promlex.l`/`promparse.go` token for token (spaces and tabs
/// between tokens, optional commas between labels, quoted UTF-8 names) plus the scrape-path checks.
extension ExpositionParser {
    mutating func nextTextEntry() throws(ExpositionError) -> ExpositionEntry? {
        while true {
            entryStart = index
            let start = skippingBlanks(from: index)
            guard start < bytes.count else { return nil }
            switch bytes[start] {
            case 0:
                // Prometheus's lexer reads a NUL at the start of a token as the end of the input.
                return nil
            case Self.newline:
                index = start + 1
            case UInt8(ascii: "#"):
                return try textComment(at: start)
            case UInt8(ascii: "{"):
                // Prometheus 3 takes the name from the quotes, so leading blanks do not end up in it.
                try textSample(at: start)
                return .sample
            case let byte where Self.isMetricNameStart(byte):
                guard start == entryStart else {
                    // The scrape takes the whitespace into the name and rejects it as an invalid metric name.
                    throw error(at: entryStart, expected: "metric name at the start of the line")
                }
                try textSample(at: start)
                return .sample
            default:
                throw error(at: start, expected: "metric name, '#' or end of line")
            }
        }
    }

    /// A line starting with `#`: `# HELP`, `# TYPE` or a comment. Returns `nil` when a NUL byte ends the input
    /// inside the comment, as Prometheus's `consumeComment` does.
    private mutating func textComment(at hash: Int) throws(ExpositionError) -> ExpositionEntry? {
        let lineEnd = endOfLine(from: hash)
        let afterHash = hash + 1
        if afterHash < bytes.count, Self.isBlank(bytes[afterHash]) {
            let word = skippingBlanks(from: afterHash)
            if word < bytes.count, bytes[word] == 0 { return nil }
            let keywords: [(StaticString, ExpositionEntry)] = [("HELP", .help), ("TYPE", .type)]
            for (keyword, entry) in keywords where keywordFollowedByBlank(keyword, at: word) {
                try textMetadata(entry, nameAt: skippingBlanks(from: word + 4))
                return entry
            }
        } else if bytes[afterHash..<lineEnd].contains(0) {
            return nil
        }
        textSpan = ByteSpan(start: hash, end: lineEnd, isEscaped: false, isQuoted: false)
        index = lineEnd + 1
        return .comment
    }

    private func keywordFollowedByBlank(_ keyword: StaticString, at offset: Int) -> Bool {
        let end = offset + keyword.utf8CodeUnitCount
        return matches(keyword, at: offset) && end < bytes.count && Self.isBlank(bytes[end])
    }

    /// The rest of a `# HELP` or `# TYPE` line: a name, then text that loses exactly its first byte.
    private mutating func textMetadata(_ entry: ExpositionEntry, nameAt offset: Int) throws(ExpositionError) {
        let keyword = entry == .help ? "HELP" : "TYPE"
        guard
            let name = legacyName(at: offset, allowsColon: true)
                ?? quotedString(at: offset, allowsNewline: true, allowsNUL: false)
        else {
            throw error(at: offset, expected: "metric name after \(keyword)")
        }
        nameSpan = name
        let textStart = Self.end(of: name)
        let lineEnd = endOfLine(from: textStart)
        if textStart < lineEnd, bytes[textStart] == 0 {
            throw error(at: textStart, expected: "end of line after the metadata")
        }
        // A rest of only blanks lexes as whitespace followed by empty text; anything else loses its first byte.
        let isBlankRest = bytes[textStart..<lineEnd].allSatisfy(Self.isBlank)
        let start = isBlankRest ? lineEnd : textStart + 1
        textSpan = ByteSpan(
            start: start, end: lineEnd, isEscaped: bytes[start..<lineEnd].contains(Self.backslash), isQuoted: false)
        index = lineEnd + 1
        if entry == .type {
            guard let type = MetricType(textKeyword: bytes.string(textSpan, escapes: .none)) else {
                throw error(
                    at: textStart, expected: "metric type counter, gauge, histogram, summary or untyped",
                    found: quoted(textSpan))
            }
            metricType = type
        } else if !UTF8Validation.isValid(bytes, textSpan.start..<textSpan.end) {
            throw error(at: textSpan.start, expected: "UTF-8 help text", found: quoted(textSpan))
        }
    }

    /// A sample line: `name{labels} value [timestamp]`, or `{"quoted.name", labels} value [timestamp]`.
    private mutating func textSample(at start: Int) throws(ExpositionError) {
        labelSpans.removeAll(keepingCapacity: true)
        hasExemplar = false
        var name = legacyName(at: start, allowsColon: true)
        var cursor = skippingBlanks(from: name?.end ?? start)
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "{") {
            cursor = skippingBlanks(from: try textLabels(from: cursor + 1, name: &name))
        }
        guard let name else {
            throw error(at: start, expected: "a quoted metric name inside the braces", found: "none")
        }
        nameSpan = name
        let valueEnd = valueTokenEnd(from: cursor)
        guard valueEnd > cursor else { throw error(at: cursor, expected: "sample value") }
        value = try parseFloat(cursor..<valueEnd, what: "sample value")
        cursor = skippingBlanks(from: valueEnd)
        timestampMilliseconds = nil
        if cursor < bytes.count, Self.isDigit(bytes[cursor]) {
            var digitsEnd = cursor
            while digitsEnd < bytes.count, Self.isDigit(bytes[digitsEnd]) { digitsEnd += 1 }
            timestampMilliseconds = try integerTimestamp(cursor..<digitsEnd)
            cursor = skippingBlanks(from: digitsEnd)
            guard cursor == bytes.count || bytes[cursor] == Self.newline else {
                throw error(at: cursor, expected: "end of line after the timestamp")
            }
        } else if cursor < bytes.count, bytes[cursor] != Self.newline {
            throw error(at: cursor, expected: "integer timestamp or end of line")
        }
        index = cursor + 1
        try validateSeries()
    }

    /// The end of a value token `[^{ \t\n]+` (NUL bytes end it too).
    private func valueTokenEnd(from offset: Int) -> Int {
        var end = offset
        while end < bytes.count, !Self.isTokenEnd(bytes[end]), bytes[end] != UInt8(ascii: "{") { end += 1 }
        return end
    }

    /// Go's `strconv.ParseInt(digits, 10, 64)` over bytes already known to be digits.
    private func integerTimestamp(_ digits: Range<Int>) throws(ExpositionError) -> Int64 {
        var result: Int64 = 0
        for byte in bytes[digits] {
            let (shifted, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflowA, !overflowB else {
                throw error(at: digits.lowerBound, expected: "timestamp within the int64 range", found: quoted(digits))
            }
            result = sum
        }
        return result
    }

    /// The label list after `{`, up to and including `}`; blanks may stand between all tokens, commas are
    /// optional and one may trail. A quoted string followed by `,` or `}` is the metric name.
    private mutating func textLabels(from offset: Int, name: inout ByteSpan?) throws(ExpositionError) -> Int {
        var cursor = skippingBlanks(from: offset)
        while true {
            guard cursor < bytes.count, bytes[cursor] != UInt8(ascii: "}") else {
                guard cursor < bytes.count else { throw error(at: cursor, expected: "label name or '}'") }
                return cursor + 1
            }
            guard
                let labelName = legacyName(at: cursor, allowsColon: false)
                    ?? quotedString(at: cursor, allowsNewline: true, allowsNUL: false)
            else {
                throw error(at: cursor, expected: "label name")
            }
            let tokenStart = cursor
            cursor = skippingBlanks(from: Self.end(of: labelName))
            if labelName.isQuoted, cursor < bytes.count,
                bytes[cursor] == UInt8(ascii: ",") || bytes[cursor] == UInt8(ascii: "}")
            {
                guard name == nil else {
                    throw error(at: tokenStart, expected: "'=' after the label name", found: quoted(labelName))
                }
                name = labelName
                if bytes[cursor] == UInt8(ascii: "}") { return cursor + 1 }
                cursor = skippingBlanks(from: cursor + 1)
                continue
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else {
                throw error(at: cursor, expected: "'=' after the label name")
            }
            cursor = skippingBlanks(from: cursor + 1)
            guard let labelValue = quotedString(at: cursor, allowsNewline: true, allowsNUL: true) else {
                throw error(at: cursor, expected: "quoted label value")
            }
            guard UTF8Validation.isValid(bytes, labelValue.start..<labelValue.end) else {
                throw error(at: labelValue.start, expected: "UTF-8 label value", found: quoted(labelValue))
            }
            labelSpans.append(LabelSpan(name: labelName, value: labelValue))
            cursor = skippingBlanks(from: labelValue.end + 1)
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") {
                cursor = skippingBlanks(from: cursor + 1)
            }
        }
    }
}

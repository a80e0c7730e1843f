import PromText

extension YAMLParser {
    /// Parses a plain, single-quoted or double-quoted scalar at the cursor.
    ///
    /// - Parameters:
    ///   - parentIndent: continuation lines of a multi-line scalar must be indented more than this.
    ///   - flow: whether the scalar is inside a flow collection, where `,[]{}` end a plain scalar.
    mutating func parseScalar(parentIndent: Int, flow: Bool) throws(YAMLError) -> YAMLNode {
        let start = here
        switch current {
        case UInt8(ascii: "\""):
            return YAMLNode(.scalar(YAMLScalar(text: try scanDoubleQuoted(), style: .doubleQuoted)), at: start)
        case UInt8(ascii: "'"):
            return YAMLNode(.scalar(YAMLScalar(text: try scanSingleQuoted(), style: .singleQuoted)), at: start)
        default:
            try checkPlainStart(flow: flow)
            return YAMLNode(
                .scalar(YAMLScalar(text: scanPlain(parentIndent: parentIndent, flow: flow), style: .plain)), at: start)
        }
    }

    /// Rejects the characters that cannot start a plain scalar, naming the unsupported feature when there is one.
    func checkPlainStart(flow: Bool) throws(YAMLError) {
        guard let byte = current else { throw error("expected a value, found end of input") }
        let next = peek(1)
        // Inside flow collections Go's YAML reads `?` and `:` as indicators wherever a token starts.
        let endsIndicator = flow || isBlankOrEnd(next)
        switch byte {
        case UInt8(ascii: "&"): throw error("anchors (&) are not supported")
        case UInt8(ascii: "*"): throw error("aliases (*) are not supported")
        case UInt8(ascii: "!"): throw error("tags (!) are not supported")
        case UInt8(ascii: "?") where endsIndicator:
            throw error("complex mapping keys (?) are not supported")
        case UInt8(ascii: ":") where endsIndicator:
            throw error("found ':' without a mapping key before it")
        case UInt8(ascii: "-") where flow && isBlankOrEnd(next):
            throw error("block sequence entries are not allowed inside flow collections")
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            throw error("block scalars are not allowed inside flow collections")
        case UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"):
            throw error("found \(foundDescription), which cannot start a plain scalar; quote the value")
        default:
            if isBreak(byte) || isInlineWhitespace(byte) {
                throw error("expected a value, found \(foundDescription)")
            }
        }
    }

    /// Scans a plain scalar, folding continuation lines; the cursor ends just after its last non-space character.
    mutating func scanPlain(parentIndent: Int, flow: Bool) -> String {
        var text: [UInt8] = []
        while true {
            let segmentStart = index
            var segmentEnd = index
            while let byte = current, !isBreak(byte) {
                if byte == UInt8(ascii: ":") && isBlankOrEnd(peek(1)) { break }
                if byte == UInt8(ascii: "#") && index > segmentStart && isInlineWhitespace(bytes[index - 1]) { break }
                if flow && endsFlowPlainScalar(byte) { break }
                advance()
                if !isInlineWhitespace(byte) { segmentEnd = index }
            }
            text.append(contentsOf: bytes[segmentStart..<segmentEnd])
            let endOfSegment = Mark(index: segmentEnd, line: line, lineStart: lineStart)
            guard let byte = current, isBreak(byte) else {
                mark = endOfSegment
                break
            }
            var lineBreaks = 0
            var indentation = 0
            var tabInIndentation = false
            while let byte = current, isBreak(byte) {
                consumeBreak()
                lineBreaks += 1
                while current == UInt8(ascii: " ") { advance() }
                indentation = column
                tabInIndentation = tabInIndentation || (current == UInt8(ascii: "\t") && column <= parentIndent)
                skipInlineWhitespace()
            }
            guard let next = current, indentation > parentIndent, !tabInIndentation, next != UInt8(ascii: "#"),
                !(indentation == 0 && atDocumentMarkerAfterIndentation),
                !(flow && endsFlowPlainScalar(next)),
                !(next == UInt8(ascii: ":") && isBlankOrEnd(peek(1)))
            else {
                mark = endOfSegment
                break
            }
            if lineBreaks == 1 {
                text.append(UInt8(ascii: " "))
            } else {
                text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: lineBreaks - 1))
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Inside flow collections a plain scalar ends at `,[]{}` and, as in Go's YAML, at `?` (a `:` ends it only
    /// before whitespace, so `[a:b]` and `{a:}` keep the colon).
    private func endsFlowPlainScalar(_ byte: UInt8) -> Bool {
        isFlowIndicator(byte) || byte == UInt8(ascii: "?")
    }

    /// Whether a line whose first token is at the cursor is a document marker (the cursor may follow whitespace).
    private var atDocumentMarkerAfterIndentation: Bool {
        index == lineStart && atDocumentMarker()
    }

    /// Scans `'...'`; `''` stands for one quote and line breaks fold as in plain scalars.
    mutating func scanSingleQuoted() throws(YAMLError) -> String {
        let start = here
        advance()
        var text: [UInt8] = []
        while true {
            guard let byte = current else {
                throw error("unterminated single-quoted string: expected ' before the end of input", at: start)
            }
            switch byte {
            case UInt8(ascii: "'"):
                advance()
                guard current == UInt8(ascii: "'") else { return String(decoding: text, as: UTF8.self) }
                text.append(byte)
                advance()
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try scanQuotedWhitespace(into: &text)
            default:
                text.append(byte)
                advance()
            }
        }
    }

    /// Scans `"..."` with YAML 1.2 escapes.
    mutating func scanDoubleQuoted() throws(YAMLError) -> String {
        let start = here
        advance()
        var text: [UInt8] = []
        while true {
            guard let byte = current else {
                throw error("unterminated double-quoted string: expected \" before the end of input", at: start)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try scanEscape(into: &text)
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                try scanQuotedWhitespace(into: &text)
            default:
                text.append(byte)
                advance()
            }
        }
    }

    /// Whitespace inside quotes: kept within a line, trimmed around line breaks, and breaks folded
    /// (one break becomes a space, each empty line a line feed).
    private mutating func scanQuotedWhitespace(into text: inout [UInt8]) throws(YAMLError) {
        let start = index
        skipInlineWhitespace()
        guard let byte = current, isBreak(byte) else {
            text.append(contentsOf: bytes[start..<index])
            return
        }
        consumeBreak()
        let emptyLines = try skipQuotedLinePrefixes()
        if emptyLines == 0 {
            text.append(UInt8(ascii: " "))
        } else {
            text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: emptyLines))
        }
    }

    /// After a line break inside quotes: skips leading whitespace and empty lines, returning how many empty
    /// lines there were; a document marker here means the closing quote is missing.
    private mutating func skipQuotedLinePrefixes() throws(YAMLError) -> Int {
        var emptyLines = 0
        while true {
            if atDocumentMarker() {
                throw error("found a document marker inside a quoted string; is a closing quote missing?")
            }
            skipInlineWhitespace()
            guard let byte = current, isBreak(byte) else { return emptyLines }
            consumeBreak()
            emptyLines += 1
        }
    }

    private mutating func scanEscape(into text: inout [UInt8]) throws(YAMLError) {
        let start = here
        advance()
        guard let escape = current else {
            throw error("unterminated double-quoted string: expected \" before the end of input")
        }
        if isBreak(escape) {
            consumeBreak()
            let emptyLines = try skipQuotedLinePrefixes()
            text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: emptyLines))
            return
        }
        advance()
        let simple: UInt32? =
            switch escape {
            case UInt8(ascii: "0"): 0x00
            case UInt8(ascii: "a"): 0x07
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "t"), UInt8(ascii: "\t"): 0x09
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "v"): 0x0B
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "e"): 0x1B
            case UInt8(ascii: " "): 0x20
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "'"): 0x27
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "N"): 0x85
            case UInt8(ascii: "_"): 0xA0
            case UInt8(ascii: "L"): 0x2028
            case UInt8(ascii: "P"): 0x2029
            default: nil
            }
        let value: UInt32
        if let simple {
            value = simple
        } else {
            let digits: Int
            switch escape {
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default:
                index -= 1
                throw error("unknown escape sequence '\\\(foundDescription.dropFirst().dropLast())'", at: start)
            }
            value = try scanHexDigits(digits, escape: escape, start: start)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("escape sequence is not a valid Unicode code point", at: start)
        }
        UTF8.encode(scalar) { text.append($0) }
    }

    private mutating func scanHexDigits(_ count: Int, escape: UInt8, start: SourcePosition) throws(YAMLError) -> UInt32
    {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let byte = current, let digit = hexValue(byte) else {
                throw error(
                    "expected \(count) hexadecimal digits after '\\\(Character(Unicode.Scalar(escape)))'", at: start)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    // MARK: - Block scalars

    private enum Chomping {
        case strip, clip, keep
    }

    private enum BlockLine {
        case empty
        case content([UInt8])
    }

    /// Parses a `|` or `>` block scalar; the cursor is on the indicator.
    mutating func parseBlockScalar(parentIndent: Int) throws(YAMLError) -> YAMLNode {
        let start = here
        let folded = current == UInt8(ascii: ">")
        advance()
        var chomping: Chomping?
        var increment: Int?
        for _ in 0..<2 {
            switch current {
            case UInt8(ascii: "-") where chomping == nil: chomping = .strip
            case UInt8(ascii: "+") where chomping == nil: chomping = .keep
            case .some(let byte) where increment == nil && byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9"):
                increment = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "0"):
                throw error("a block scalar's indentation indicator must be between 1 and 9")
            default: continue
            }
            advance()
        }
        skipInlineWhitespace()
        if current == UInt8(ascii: "#") {
            try skipComment()
        } else if let byte = current, !isBreak(byte) {
            throw error("expected a comment or a line break after the block scalar header, found \(foundDescription)")
        }
        consumeBreak()
        let contentIndent: Int
        if let increment {
            contentIndent = max(parentIndent, 0) + increment
        } else {
            contentIndent = try detectBlockIndentation(parentIndent: parentIndent)
        }
        var lines: [BlockLine] = []
        var lastHadBreak = false
        while current != nil {
            let lineBegin = mark
            var spaces = 0
            while current == UInt8(ascii: " ") && spaces < contentIndent {
                advance()
                spaces += 1
            }
            guard let byte = current else { break }
            if isBreak(byte) {
                lines.append(.empty)
                consumeBreak()
                continue
            }
            if spaces < contentIndent {
                mark = lineBegin
                break
            }
            let textStart = index
            while let byte = current, !isBreak(byte) { advance() }
            lines.append(.content(Array(bytes[textStart..<index])))
            lastHadBreak = current != nil
            consumeBreak()
        }
        let text = composeBlockScalar(lines, folded: folded, chomping: chomping ?? .clip, lastHadBreak: lastHadBreak)
        return YAMLNode(.scalar(YAMLScalar(text: text, style: folded ? .folded : .literal)), at: start)
    }

    /// Finds the indentation of a block scalar from its first non-empty line, without moving the cursor.
    private mutating func detectBlockIndentation(parentIndent: Int) throws(YAMLError) -> Int {
        let begin = mark
        defer { mark = begin }
        var widestEmptyLine = 0
        var widestEmptyPosition = here
        while current != nil {
            while current == UInt8(ascii: " ") { advance() }
            if current == UInt8(ascii: "\t") {
                throw error("found a tab character where an indentation space is expected")
            }
            if let byte = current, !isBreak(byte) { break }
            if column > widestEmptyLine {
                widestEmptyLine = column
                widestEmptyPosition = here
            }
            consumeBreak()
        }
        let minimum = max(parentIndent + 1, 1)
        guard current != nil, column >= minimum else {
            // No content line: the longest empty line sets the indentation, as YAML 1.2 specifies.
            return max(widestEmptyLine, minimum)
        }
        if widestEmptyLine > column {
            throw error(
                "a leading empty line of a block scalar is indented more than its first line",
                at: widestEmptyPosition)
        }
        return column
    }

    private func composeBlockScalar(_ lines: [BlockLine], folded: Bool, chomping: Chomping, lastHadBreak: Bool)
        -> String
    {
        var text: [UInt8] = []
        var emptyLines = 0
        var previous: [UInt8]?
        for line in lines {
            guard case .content(let content) = line else {
                emptyLines += 1
                continue
            }
            if let previous {
                let moreIndented =
                    previous.first.map(isInlineWhitespace) == true || content.first.map(isInlineWhitespace) == true
                if !folded || moreIndented {
                    text.append(UInt8(ascii: "\n"))
                } else if emptyLines == 0 {
                    text.append(UInt8(ascii: " "))
                }
            }
            text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: emptyLines))
            text.append(contentsOf: content)
            emptyLines = 0
            previous = content
        }
        switch chomping {
        case .strip:
            break
        case .clip:
            if previous != nil && lastHadBreak { text.append(UInt8(ascii: "\n")) }
        case .keep:
            if previous != nil && lastHadBreak { text.append(UInt8(ascii: "\n")) }
            text.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: emptyLines))
        }
        return String(decoding: text, as: UTF8.self)
    }
}

private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

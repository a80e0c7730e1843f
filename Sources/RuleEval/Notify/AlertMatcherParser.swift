import PromText

/// Parses Alertmanager's matcher syntax, as `amtool`, silences and the `matchers:` configuration field accept it:
/// `foo="bar"`, `foo!=bar`, `foo=~"re.*"`, `foo!~re`, several separated by commas, optionally inside `{...}`.
///
/// Names are classic label names or double-quoted strings. Values are double-quoted (escapes `\"`, `\\`, `\n`;
/// any other backslash stays literal, as in `pkg/labels`) or unquoted, running to the next `,` or `}` with
/// surrounding blanks dropped.
public enum AlertMatcherParser {
    /// Parses a matcher list (braces optional). An empty text or `{}` gives no matchers.
    public static func parse(_ text: String) throws(AlertMatcherError) -> [AlertMatcher] {
        var cursor = Cursor(text)
        cursor.skipBlanks()
        let braced = cursor.take(UInt8(ascii: "{"))
        var matchers: [AlertMatcher] = []
        while true {
            cursor.skipBlanks()
            if cursor.atEnd || cursor.peek == UInt8(ascii: "}") { break }
            matchers.append(try parseOne(&cursor))
            cursor.skipBlanks()
            if !cursor.take(UInt8(ascii: ",")) { break }
        }
        cursor.skipBlanks()
        if braced {
            guard cursor.take(UInt8(ascii: "}")) else { throw cursor.error(expected: "\",\" or \"}\"") }
            cursor.skipBlanks()
        }
        guard cursor.atEnd else { throw cursor.error(expected: braced ? "end of input" : "\",\" or end of input") }
        return matchers
    }

    /// Parses exactly one matcher, e.g. `severity=~"critical|page"`.
    public static func parseMatcher(_ text: String) throws(AlertMatcherError) -> AlertMatcher {
        var cursor = Cursor(text)
        cursor.skipBlanks()
        let matcher = try parseOne(&cursor)
        cursor.skipBlanks()
        guard cursor.atEnd else { throw cursor.error(expected: "end of input") }
        return matcher
    }

    private static func parseOne(_ cursor: inout Cursor) throws(AlertMatcherError) -> AlertMatcher {
        let name = try parseName(&cursor)
        cursor.skipBlanks()
        let type: AlertMatcher.MatchType
        if cursor.take("=~") {
            type = .regexMatch
        } else if cursor.take("!~") {
            type = .regexNoMatch
        } else if cursor.take("!=") {
            type = .notEqual
        } else if cursor.take("=") {
            type = .equal
        } else {
            throw cursor.error(expected: "one of \"=\", \"!=\", \"=~\", \"!~\"")
        }
        cursor.skipBlanks()
        let valueStart = cursor.offset
        let value = cursor.peek == UInt8(ascii: "\"") ? try cursor.quoted() : try cursor.unquotedValue()
        do {
            return try AlertMatcher(name: name, type: type, value: value)
        } catch {
            throw AlertMatcherError(message: error.message, position: cursor.position(of: valueStart))
        }
    }

    private static func parseName(_ cursor: inout Cursor) throws(AlertMatcherError) -> String {
        if cursor.peek == UInt8(ascii: "\"") {
            let name = try cursor.quoted()
            guard !name.isEmpty else { throw cursor.error(expected: "non-empty label name") }
            return name
        }
        let start = cursor.offset
        while let byte = cursor.peek, isNameByte(byte, first: cursor.offset == start) { cursor.advance() }
        guard cursor.offset > start else { throw cursor.error(expected: "label name") }
        return cursor.text(from: start)
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
            UInt8(ascii: ":"):
            true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): !first
        default: false
        }
    }

    /// A position in the UTF-8 bytes of the text being parsed.
    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool { offset >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[offset] }

        mutating func advance() { offset += 1 }

        mutating func skipBlanks() {
            while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            advance()
            return true
        }

        mutating func take(_ token: String) -> Bool {
            let count = token.utf8.count
            guard offset + count <= bytes.count, bytes[offset..<offset + count].elementsEqual(token.utf8) else {
                return false
            }
            offset += count
            return true
        }

        func text(from start: Int) -> String { String(decoding: bytes[start..<offset], as: UTF8.self) }

        /// A double-quoted string starting at the cursor, unescaped as `pkg/labels` does.
        mutating func quoted() throws(AlertMatcherError) -> String {
            let start = offset
            advance()
            var value: [UInt8] = []
            while let byte = peek {
                advance()
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: value, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { continue }
                    advance()
                    switch escaped {
                    case UInt8(ascii: "n"): value.append(0x0A)
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(escaped)
                    default: value += [UInt8(ascii: "\\"), escaped]
                    }
                default:
                    value.append(byte)
                }
            }
            throw AlertMatcherError(message: "unterminated quoted string", position: position(of: start))
        }

        /// An unquoted value: everything up to the next `,` or `}`, surrounding blanks dropped.
        mutating func unquotedValue() throws(AlertMatcherError) -> String {
            let start = offset
            var end = offset
            while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}") {
                if byte == UInt8(ascii: "\"") { throw error(expected: "\",\" or \"}\" before a double quote") }
                advance()
                if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { end = offset }
            }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        func position(of byteOffset: Int) -> SourcePosition { SourcePosition(offset: byteOffset, in: bytes) }

        func error(expected: String) -> AlertMatcherError {
            let found: String
            if peek != nil {
                let end = bytes[offset...].firstIndex { $0 == 0x20 || $0 == UInt8(ascii: ",") } ?? bytes.count
                found = GoString.quoted(String(decoding: bytes[offset..<max(end, offset + 1)], as: UTF8.self))
            } else {
                found = "end of input"
            }
            return AlertMatcherError(message: "expected \(expected), found \(found)", position: position(of: offset))
        }
    }
}

/// A run of bytes inside the parser's input, recorded instead of a `String` so a sample costs no allocation
/// until a caller asks for its text.
struct ByteSpan: Sendable, Hashable {
    /// Offset of the first byte.
    var start: Int
    /// Offset just past the last byte.
    var end: Int
    /// Whether the bytes contain a backslash, so decoding has escapes to undo.
    var isEscaped: Bool
    /// Whether the span is the inside of a quoted string (a Prometheus 3 quoted name or a label value).
    var isQuoted: Bool

    static let empty = ByteSpan(start: 0, end: 0, isEscaped: false, isQuoted: false)

    var count: Int { end - start }
}

/// A label pair as two spans: the name and the value (without quotes).
struct LabelSpan: Sendable, Hashable {
    var name: ByteSpan
    var value: ByteSpan
}

/// Which backslash escapes a span's text undoes; any other backslash is kept literally, as Go's
/// `strings.Replacer` in Prometheus does.
enum EscapeStyle {
    /// Label values, quoted names and OpenMetrics help text: `\\`, `\"` and `\n`.
    case labelValue
    /// Text-format 0.0.4 help text: only `\\` and `\n`.
    case textHelp
    /// No escapes: the bytes as they are.
    case none
}

extension [UInt8] {
    /// The span's text with `style`'s escapes undone.
    func string(_ span: ByteSpan, escapes style: EscapeStyle) -> String {
        guard span.isEscaped, style != .none else {
            return String(decoding: self[span.start..<span.end], as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(span.count)
        var index = span.start
        while index < span.end {
            let byte = self[index]
            if byte == UInt8(ascii: "\\"), index + 1 < span.end {
                switch self[index + 1] {
                case UInt8(ascii: "\\"):
                    decoded.append(byte)
                    index += 2
                    continue
                case UInt8(ascii: "n"):
                    decoded.append(UInt8(ascii: "\n"))
                    index += 2
                    continue
                case UInt8(ascii: "\"") where style == .labelValue:
                    decoded.append(UInt8(ascii: "\""))
                    index += 2
                    continue
                default:
                    break
                }
            }
            decoded.append(byte)
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Whether two spans decode to the same label-value text (byte comparison when neither has escapes).
    func spansEqual(_ lhs: ByteSpan, _ rhs: ByteSpan) -> Bool {
        guard lhs.isEscaped || rhs.isEscaped else {
            return lhs.count == rhs.count && self[lhs.start..<lhs.end].elementsEqual(self[rhs.start..<rhs.end])
        }
        return string(lhs, escapes: .labelValue) == string(rhs, escapes: .labelValue)
    }

    /// Whether the span's bytes are exactly `text`.
    func span(_ span: ByteSpan, equals text: StaticString) -> Bool {
        span.count == text.utf8CodeUnitCount
            && self[span.start..<span.end].elementsEqual(
                UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

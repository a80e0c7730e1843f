import PromText

/// Expands the promtool series notation used by `input_series` values, as Prometheus's series-description grammar
/// does: `_` (one omitted step), `_xN` (N omitted), `stale`, a number, `axN` (N+1 copies of a), `a+bxN` and `a-bxN`
/// (N+1 values a, a±b, …, accumulated by repeated float addition).
public enum SeriesNotation {
    /// The largest expansion accepted, to keep a typo like `1x99999999999` from exhausting memory.
    public static let maximumValues = 10_000_000

    /// Expands `text` into one slot per step.
    public static func expand(_ text: String) throws(SeriesNotationError) -> [SeriesValue] {
        var result: [SeriesValue] = []
        var offset = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += word.utf8.count + 1 }
            guard !word.isEmpty else { continue }
            try expandItem(word, at: offset, into: &result)
            guard result.count <= maximumValues else {
                throw error(at: offset, "expected at most \(maximumValues) values, found more")
            }
        }
        return result
    }

    private static func expandItem(_ item: Substring, at offset: Int, into result: inout [SeriesValue])
        throws(SeriesNotationError)
    {
        let (head, repeatText) = splitRepeat(item)
        let repeatCount: Int?
        if let repeatText {
            guard let count = Int(repeatText), count >= 0, repeatText.allSatisfy(\.isASCII) else {
                throw error(
                    at: offset + head.utf8.count + 1, "expected a repeat count after 'x', found \"\(repeatText)\"")
            }
            repeatCount = count
        } else {
            repeatCount = nil
        }
        guard repeatCount ?? 0 <= maximumValues else {
            throw error(at: offset, "expected at most \(maximumValues) values, found more")
        }
        if head == "_" {
            result += repeatElement(.omitted, count: repeatCount ?? 1)
            return
        }
        let (startText, incrementText) = splitIncrement(head)
        guard let start = number(startText) else {
            throw error(at: offset, "expected a number, '_' or 'stale', found \"\(startText)\"")
        }
        guard let incrementText else {
            result += repeatElement(.value(start), count: (repeatCount ?? 0) + 1)
            return
        }
        guard let increment = number(incrementText), let repeatCount else {
            throw error(at: offset, "expected 'a+bxN' or 'a-bxN', found \"\(item)\"")
        }
        var current = start
        result.append(.value(current))
        for _ in 0..<repeatCount {
            current += increment
            result.append(.value(current))
        }
    }

    /// Splits `a+bxN` into `a+b` and `N` at the last `x` that is followed by digits only.
    private static func splitRepeat(_ item: Substring) -> (Substring, Substring?) {
        guard let index = item.lastIndex(of: "x") else { return (item, nil) }
        let tail = item[item.index(after: index)...]
        guard !tail.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }) else { return (item, nil) }
        return (item[..<index], tail)
    }

    /// Splits `a+b` / `a-b` at the sign that starts the increment (not a leading sign, not an exponent's sign).
    private static func splitIncrement(_ head: Substring) -> (Substring, Substring?) {
        var previous: Character?
        for index in head.indices where index != head.startIndex {
            let character = head[index]
            defer { previous = character }
            guard character == "+" || character == "-" else { continue }
            if previous == "e" || previous == "E" { continue }
            return (head[..<index], head[index...])
        }
        return (head, nil)
    }

    /// A value as Prometheus's series lexer reads it: decimal numbers (no hex: `0x3` means "0 three more times"),
    /// `Inf`/`NaN` in any case, `stale`.
    private static func number(_ text: Substring) -> Double? {
        if text == "stale" { return StaleMarker.value }
        var body = text
        var sign = 1.0
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || ".eE+-".contains($0)) }),
            let value = Double(body)
        else { return nil }
        return sign * value
    }

    private static func error(at offset: Int, _ message: String) -> SeriesNotationError {
        SeriesNotationError(position: SourcePosition(offset: offset, line: 1, column: offset + 1), message: message)
    }
}

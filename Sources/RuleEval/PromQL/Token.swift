import PromText

/// One lexical token of a PromQL expression.
struct Token: Sendable, Equatable {
    /// The token's category; symbols and keywords are told apart by their text.
    enum Kind: Sendable, Equatable {
        /// A word without `:` outside braces (may be a keyword), or a label name inside braces.
        case identifier
        /// A word containing `:` (only valid as a metric name).
        case metricIdentifier
        case number
        case duration
        case string
        /// Punctuation or an operator: `( ) { } [ ] , : = @ + - * / % ^ == != < <= > >= =~ !~`.
        case symbol
        case endOfInput
        /// A lexical error; `text` holds the message.
        case error
    }

    var kind: Kind
    /// The source text of the token (for `.error`, the message).
    var text: String
    /// The unquoted value of a `.string` token.
    var value: String = ""
    var start: Int
    var end: Int

    var range: PositionRange { PositionRange(start: start, end: end) }

    /// Whether this is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

    /// The lower-cased keyword this identifier spells (keywords are case-insensitive), if it is one.
    var keyword: String? {
        guard kind == .identifier else { return nil }
        let lowered = text.lowercased()
        return Token.keywords.contains(lowered) ? lowered : nil
    }

    /// Whether this is the keyword `word` in any letter case.
    func isKeyword(_ word: String) -> Bool { keyword == word }

    static let keywords: Set<String> = Set(
        [
            "and", "or", "unless", "atan2", "offset", "by", "without", "on", "ignoring", "group_left", "group_right",
            "bool",
        ]
            + AggregationOperator.allCases.map(\.rawValue) + ["limitk", "limit_ratio", "inf", "nan"])

    /// The text quoted, cut to its first 10 characters with `...` when longer (Go's `%.10q...`).
    private var shortQuoted: String {
        text.unicodeScalars.count > 10
            ? GoString.quoted(String(String.UnicodeScalarView(text.unicodeScalars.prefix(10)))) + "..."
            : GoString.quoted(text)
    }

    /// How Prometheus names the token in "unexpected ..." messages.
    var description: String {
        switch kind {
        case .endOfInput: return "end of input"
        case .error: return text
        case .identifier:
            guard let keyword else { return "identifier \(GoString.quoted(text))" }
            if keyword == "inf" || keyword == "nan" { return "number \(GoString.quoted(text))" }
            if ["and", "or", "unless", "atan2"].contains(keyword) { return "<op:\(text)>" }
            if AggregationOperator(rawValue: keyword) != nil || keyword == "limitk" || keyword == "limit_ratio" {
                return "<aggr:\(text)>"
            }
            return "<\(text)>"
        case .metricIdentifier: return "metric identifier \(GoString.quoted(text))"
        case .number: return "number \(shortQuoted)"
        case .duration: return "duration \(shortQuoted)"
        case .string: return "string \(shortQuoted)"
        case .symbol:
            let punctuation: Set<String> = ["(", ")", "{", "}", "[", "]", ",", ":", "="]
            return punctuation.contains(text) ? GoString.quoted(text) : "<op:\(text)>"
        }
    }
}

/// A regular expression that must match a whole string, as Alertmanager compiles matcher regexes
/// (`^(?:pattern)$`). The single place where Notify touches a regex engine, so the shared RE2 layer can replace it.
struct MatcherRegex: @unchecked Sendable {
    // @unchecked: `Regex` is an immutable value after construction and only ever read here.
    private let regex: Regex<AnyRegexOutput>

    /// Compiles `pattern`; throws when it is not a valid regular expression.
    init(_ pattern: String) throws {
        self.regex = try Regex("(?:" + pattern + ")").matchingSemantics(.unicodeScalar)
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}

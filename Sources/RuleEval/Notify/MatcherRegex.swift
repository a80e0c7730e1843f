/// A regular expression that must match a whole string, as Alertmanager compiles matcher regexes
/// (`^(?:pattern)$`, so `.` does not match a line feed), with RE2 syntax and semantics from the shared
/// ``RE2Regex``.
struct MatcherRegex: Sendable {
    private let regex: RE2Regex

    /// Compiles `pattern`; throws when RE2 rejects it.
    init(_ pattern: String) throws {
        regex = try RE2Regex("^(?-s:" + pattern + ")$")
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        regex.matches(text)
    }
}

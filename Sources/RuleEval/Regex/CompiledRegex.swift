/// The Swift `Regex` an RE2 pattern was translated to, matched whole with RE2's semantics (Unicode scalars, ASCII
/// word characters, simple word boundaries); used by PromQL matchers (`RE2Regex`) and relabeling (`AnchoredRegex`).
///
/// `@unchecked Sendable`: `Regex` is not declared `Sendable`, but it is never mutated after `init` and its compiled
/// program is created lazily with an atomic store, so matching from several threads is safe.
final class CompiledRegex: @unchecked Sendable {
    private let regex: Regex<AnyRegexOutput>
    /// Whether the empty string matches, known from the pattern's structure. The parser asks this of every
    /// regex matcher; answering it without the backtracking engine keeps patterns like `(|){50}x` from taking
    /// exponential time.
    private let matchesEmpty: Bool

    init?(_ pattern: String, matchesEmpty: Bool) {
        self.matchesEmpty = matchesEmpty
        guard let regex = try? Regex(pattern) else { return nil }
        self.regex = regex.matchingSemantics(.unicodeScalar).asciiOnlyWordCharacters().wordBoundaryKind(.simple)
    }

    /// Whether the whole of `text` matches.
    func wholeMatch(_ text: String) -> Bool {
        if text.isEmpty { return matchesEmpty }
        return (try? regex.wholeMatch(in: text)) != nil
    }

    /// The groups of the whole match (group 0 first), or `nil`.
    func groups(_ text: String) -> [(name: String?, value: Substring?)]? {
        guard let match = try? regex.wholeMatch(in: text) else { return nil }
        return match.output.map { ($0.name, $0.substring) }
    }
}

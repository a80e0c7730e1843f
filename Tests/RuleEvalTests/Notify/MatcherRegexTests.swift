import RuleEval
import Testing

/// Alertmanager matcher regexes are RE2 (Go's `regexp`, `^(?:pattern)$`): what RE2 rejects is an invalid
/// matcher, and `.` does not match a line feed.
@Suite struct MatcherRegexTests {
    @Test(arguments: ["(a)\\1", "a(?!b)", "a{2,1}"])
    func rejectsWhatRE2Rejects(pattern: String) {
        #expect(throws: AlertMatcherError.self) { try AlertMatcher(name: "a", type: .regexMatch, value: pattern) }
    }

    @Test(arguments: [
        ("cri.*", "critical", true),
        ("a.b", "a\nb", false),
        ("\\d", "\u{0661}", false),
        ("warn|crit", "warning", false),
    ])
    func matchesWholeValuesWithRE2Semantics(pattern: String, value: String, matches: Bool) throws {
        let matcher = try AlertMatcher(name: "severity", type: .regexMatch, value: pattern)
        #expect(matcher.matches(value: value) == matches)
    }
}

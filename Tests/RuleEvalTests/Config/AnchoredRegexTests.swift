import RuleEval
import Testing

/// Relabeling regexes have RE2 syntax and semantics (Prometheus compiles `^(?:pattern)$` with Go's `regexp`).
@Suite struct AnchoredRegexTests {
    @Test(arguments: [
        ("(a)\\1", "error parsing regexp: invalid escape sequence: `\\1`"),
        ("a(?=b)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
        ("a(", "error parsing regexp: missing closing ): `^(?:a()$`"),
        ("a++", "error parsing regexp: invalid nested repetition operator: `++`"),
    ])
    func rejectsWhatRE2RejectsWithGoMessages(pattern: String, message: String) {
        let error = #expect(throws: AnchoredRegexError.self) { try AnchoredRegex(pattern) }
        #expect(error?.message == message)
    }

    @Test(arguments: [
        ("\\d+", "123", true),
        ("\\d+", "\u{0661}\u{0662}", false),  // Arabic-Indic digits are not RE2's \d
        ("\\w+", "caf\u{E9}", false),
        ("[[:alpha:]]+", "abc", true),
        ("a.b", "a\nb", false),
        ("(?s:a.b)", "a\nb", true),
        ("\\pL+", "caf\u{E9}", true),
        ("a|ab", "ab", true),
        ("", "", true),
    ])
    func matchesWithRE2Semantics(pattern: String, text: String, matches: Bool) throws {
        #expect(try AnchoredRegex(pattern).matches(text) == matches)
    }

    @Test func keepsNumberedAndNamedCaptureGroups() throws {
        let regex = try AnchoredRegex("(?i)(?P<host>[a-z.]+):(\\d+)(?:/(x))?")
        let match = try #require(regex.match("Example.COM:9090"))
        #expect(match.group(0) == "Example.COM:9090")
        #expect(match.group(1) == "Example.COM")
        #expect(match.group("host") == "Example.COM")
        #expect(match.group(2) == "9090")
        #expect(match.group(3) == nil)
        #expect(regex.expand("${host}-$2", with: match) == "Example.COM-9090")
    }
}

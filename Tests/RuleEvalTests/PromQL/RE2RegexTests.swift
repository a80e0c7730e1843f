import Testing

@testable import RuleEval

@Suite struct RE2RegexTests {
    /// Pattern, input, whether the fully anchored pattern matches.
    static let matching: [(String, String, Bool)] = [
        ("foo", "foo", true), ("foo", "foobar", false), ("", "", true), ("", "x", false),
        ("a|b|c", "b", true), ("a|b|c", "ab", false), ("foo.*", "foobar", true), ("foo.*", "xfoo", false),
        (".*bar", "foobar", true), (".*bar", "barx", false), (".*", "", true), (".*", "a\nb", true),
        (".+", "", false), (".+", "x", true), ("a.c", "a\nc", true), ("(?-s)a.c", "a\nc", false),
        ("fo+", "fooo", true), ("fo?", "f", true), ("f(o|a){2,3}", "foao", true), ("f(o|a){2,3}", "fo", false),
        ("a{2}", "aa", true), ("a{2,}", "aaaa", true), ("a{,2}", "a{,2}", true), ("[a-c]+", "abcab", true),
        ("[^a-c]", "d", true), ("[^a-c]", "b", false), ("[]a]", "]", true), ("[a-]", "-", true),
        ("\\d+", "123", true), ("\\d", "٣", false), ("\\w+", "a_1", true), ("\\w", "é", false),
        ("\\s", " ", true), ("\\S", " ", false), ("[\\d.]+", "1.5", true), ("[[:alpha:]]+", "abC", true),
        ("[[:^digit:]]", "5", false), ("(?i)foo", "FoO", true), ("(?i:a)b", "Ab", true), ("(?i:a)b", "AB", false),
        ("a\\.b", "a.b", true), ("a\\.b", "axb", false), ("\\x41\\x{42}", "AB", true), ("\\101", "A", true),
        ("\\Qa.b\\E", "a.b", true), ("\\Qa.b\\E", "axb", false), ("\\pL+", "héllo", true), ("\\p{Greek}", "α", true),
        ("\\PL", "a", false), ("e.", "e\u{301}", true), ("é", "e\u{301}", false), ("(?P<x>a)b", "ab", true),
        ("^foo$", "foo", true), ("a$b", "ab", false), ("a*?", "aaa", true), ("\\Afoo\\z", "foo", true),
        ("5..", "503", true), ("api.*", "api-server", true), ("x|", "", true), ("\\bfoo\\b", "foo", true),
        ("(?i)k", "\u{212A}", true), ("(?i)s", "\u{17F}", true), ("(?i)[a-z]+", "\u{212A}\u{17F}", true),
        ("(?i)σ", "ς", true), ("(?i)[^a]", "A", false), ("(?i)\\w", "\u{17F}", true), ("(?i)i", "ı", false),
        ("(?i)[[:upper:]]", "q", true), ("(?i:a)(?-i)b", "AB", false), ("(?i)straße", "STRASSE", false),
        ("(|){100}x", "", false), ("(|){100}x?", "", true), ("^$", "", true), ("a*(b|)\\Q\\E", "", true),
        ("a+", "", false), ("a{0,2}", "", true), ("\\b", "", false), ("\\B", "", true), ("(?i)", "", true),
        ("a\\bb", "ab", false), ("a\\Bb", "ab", true), ("é\\bx", "éx", true), ("(?U)a+b", "aab", true),
    ]

    @Test(arguments: matching)
    func matchesFullyAnchored(_ pattern: String, _ input: String, _ expected: Bool) throws {
        #expect(try RE2Regex(pattern).matches(input) == expected)
    }

    /// Patterns RE2 rejects, with Go's message.
    static let invalid: [(String, String)] = [
        ("(", "missing closing ): `(`"), ("a)", "unexpected ): `a)`"), ("[a", "missing closing ]: `[a`"),
        ("*", "missing argument to repetition operator: `*`"), ("a**", "invalid nested repetition operator: `**`"),
        ("a*+", "invalid nested repetition operator: `*+`"), ("a{1001}", "invalid repeat count: `{1001}`"),
        ("a{2,1}", "invalid repeat count: `{2,1}`"), ("\\1", "invalid escape sequence: `\\1`"),
        ("\\k", "invalid escape sequence: `\\k`"), ("(?=a)", "invalid or unsupported Perl syntax: `(?=`"),
        ("(?<!a)", "invalid named capture: `(?<!a)`"), ("[z-a]", "invalid character class range: `z-a`"),
        ("(?i", "missing closing ): `(?i`"), ("a(b", "missing closing ): `a(b`"),
        ("{2}", "missing argument to repetition operator: `{2}`"), ("(a{100}){11}", "invalid repeat count: `{11}`"),
        ("a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
        (
            String(repeating: "(", count: 300) + String(repeating: ")", count: 300),
            "expression nests too deeply: `" + String(repeating: "(", count: 300) + String(repeating: ")", count: 300)
                + "`"
        ), ("\\p{Nope}", "invalid character class range: `\\p{Nope}`"),
    ]

    @Test(arguments: invalid)
    func rejectsWhatRE2Rejects(_ pattern: String, _ message: String) {
        #expect {
            try RE2Regex(pattern)
        } throws: { error in
            (error as? RE2Regex.SyntaxError)?.message == message
        }
    }

    @Test(arguments: ["(?m)^a$", "\\C", "(?i)\\p{Lu}", "(?i)[\\pL]"])
    func rejectsWhatCannotBeMatchedFaithfully(_ pattern: String) {
        #expect {
            try RE2Regex(pattern)
        } throws: { error in
            (error as? RE2Regex.SyntaxError)?.isUnsupported == true
        }
    }
}

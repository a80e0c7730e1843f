import Testing

@testable import RuleEval

/// Parse and execution errors carry Go's text. Go's parse errors name only the line (parse.go errorf uses
/// `t.token[0].line`); execution errors name line and 0-based byte column of the node (parse.go ErrorContext),
/// counting the preamble Prometheus prepends.
@Suite struct TemplateErrorTests {
    @Test(arguments: [
        ("{{ $labels.job }", "1: unexpected \"}\" in operand"),
        ("{{ if $value }}x", "1: unexpected EOF"),
        ("{{ end }}", "1: unexpected {{end}}"),
        ("x{{ else }}", "1: unexpected {{else}}"),
        ("{{ $nope }}", "1: undefined variable \"$nope\""),
        ("{{ with $x := 1 }}{{ end }}{{ $x }}", "1: undefined variable \"$x\""),
        ("{{ nofunc 1 }}", "1: function \"nofunc\" not defined"),
        ("{{ 1 | 2 }}", "1: non executable command in pipeline stage 2"),
        ("{{ $value | humanize | \"a\" }}", "1: non executable command in pipeline stage 3"),
        ("{{ }}", "1: missing value for command"),
        ("{{ if }}{{ end }}", "1: missing value for if"),
        ("{{ \"abc }}", "1: unterminated quoted string"),
        ("{{ `abc }}", "1: unterminated raw quoted string"),
        ("{{ $value+1 }}", "1: bad character U+002B '+'"),
        // The lexer reports a stray ")" itself (lex.go lexInsideAction).
        ("{{ printf \"%d\" 1 ) }}", "1: unexpected right paren"),
        ("{{ ) }}", "1: unexpected right paren"),
        // A single "}" does not end a name; only the "}}" delimiter does (lex.go atTerminator).
        ("{{ .Labels.job} }}", "1: bad character U+007D '}'"),
        ("{{ (1 }}", "1: unclosed left paren"),
        ("{{ break }}", "1: {{break}} outside {{range}}"),
        ("{{ range 3 }}{{ continue }}{{ end }}{{ continue }}", "1: {{continue}} outside {{range}}"),
        ("a\n{{ $value\n", "3: unclosed action started at __alert_Test:2"),
        ("a\n\n{{ nofunc }}", "3: function \"nofunc\" not defined"),
        ("{{ range $a, $b, $c := $labels }}{{ end }}", "1: too many declarations in range"),
        ("{{ $x, $y := 1 }}", "1: too many declarations in command"),
        ("{{ \"a\".x }}", "1: unexpected . after term \"\\\"a\\\"\""),
        ("{{ 0x }}", "1: illegal number syntax: \"0x\""),
        ("{{ 99999999999999999999 }}", "1: integer overflow: 99999999999999999999"),
        ("{{ 'ab' }}", "1: malformed character constant: 'ab'"),
        ("{{ \"\\q\" }}", "1: invalid syntax"),
        ("{{/* unclosed", "1: unclosed comment"),
        ("{{/* c */ x }}", "1: comment ends before closing delimiter"),
        ("{{ 1a }}", "1: bad number syntax: \"1a\""),
        ("{{ $value := }}", "1: missing value for command"),
        ("{{ if 1 }}{{ else }}{{ else }}{{ end }}", "1: expected end; found {{else}}"),
        ("{{ printf \"%s\" # }}", "1: unexpected \"#\" in operand"),
        ("{{ \"this is long\" x }}", "1: function \"x\" not defined"),
        ("{{ len 1 2 3 4 5 6 7 8 9 10 11 12 }", "1: unexpected \"}\" in operand"),
        ("{{ \u{7} }}", "1: unrecognized character in action: U+0007"),
        ("{{ define \"x\" }}y{{ end }}", "1: {{define}} is not supported in alert templates"),
        ("{{ template \"x\" }}", "1: {{template}} is not supported in alert templates"),
    ])
    func parseErrors(text: String, expected: String) {
        #expect(TemplateFixture.parseError(text) == "template: __alert_Test:" + expected)
    }

    /// The error's position is the token Go's message names (its `t.token[0]`); line-1 columns count the preamble.
    @Test(arguments: [
        ("ok\n{{ nofunc }}", "2: function \"nofunc\" not defined", 2, 4),
        ("{{ nofunc }}", "1: function \"nofunc\" not defined", 1, TemplateFixture.preambleLength + 4),
        ("{{ $labels.job }", "1: unexpected \"}\" in operand", 1, TemplateFixture.preambleLength + 16),
        ("{{ if 1 }}\n\n{{ end }}{{ end }}", "3: unexpected {{end}}", 3, 17),
    ])
    func parseErrorKeepsTheExactPosition(text: String, message: String, line: Int, column: Int) throws {
        let error = #expect(throws: TemplateError.self) { try AlertTemplate.parse(text, name: "Test") }
        #expect(error?.message == "template: __alert_Test:" + message)
        #expect(error?.phase == .parsing)
        #expect(error?.position.line == line)
        #expect(error?.position.column == column)
    }

    @Test func parseFailureExpandsToPrometheusText() {
        #expect(
            TemplateFixture.expand("{{ $labels.job }")
                == "<error expanding template: error parsing template __alert_Test: template: __alert_Test:1: "
                + "unexpected \"}\" in operand>")
    }

    /// Execution errors: `(template text, column of the reported node, context, message)`.
    @Test(arguments: [
        ("{{ $value | toUpper }}", 12, "toUpper", "wrong type for value; expected string; got float64"),
        (
            "{{ humanize \"abc\" }}", 3, "humanize \"abc\"",
            "error calling humanize: strconv.ParseFloat: parsing \"abc\": invalid syntax"
        ),
        (
            "{{ humanizeDuration \"not-a-number\" }}", 3, "humanizeDuration \"not-a-number\"",
            "error calling humanizeDuration: strconv.ParseFloat: parsing \"not-a-number\": invalid syntax"
        ),
        (
            "{{ if gt $value 10 }}x{{ end }}", 6, "gt $value 10",
            "error calling gt: incompatible types for comparison: float64 and int"
        ),
        ("{{ lt true false }}", 3, "lt true false", "error calling lt: invalid type for comparison"),
        ("{{ eq 1 }}", 3, "eq 1", "error calling eq: missing argument for comparison"),
        (
            "{{ .Nope }}", 3, ".Nope",
            "can't evaluate field Nope in type struct { Labels map[string]string; ExternalLabels "
                + "map[string]string; ExternalURL string; Value interface {} }"
        ),
        ("{{ $value.x }}", 9, "$value.x", "can't evaluate field x in type float64"),
        ("{{ $labels.job 1 }}", 10, "$labels.job", "job is not a method but has arguments"),
        ("{{ $value 1 }}", 3, "$value", "can't give argument to non-function $value"),
        ("{{ nil }}", 3, "nil", "nil is not a command"),
        ("{{ toUpper 1 }}", 11, "1", "expected string; found 1"),
        ("{{ humanize }}", 3, "humanize", "wrong number of args for humanize: want 1 got 0"),
        ("{{ index $labels 1 }}", 3, "index $labels 1", "error calling index: value has type int; should be string"),
        ("{{ len 3 }}", 3, "len 3", "error calling len: len of type int"),
        ("{{ index \"abc\" 3 }}", 3, "index \"abc\" 3", "error calling index: reflect: string index out of range"),
        ("{{ eq \"a\" 1 }}", 3, "eq \"a\" 1", "error calling eq: incompatible types for comparison: string and int"),
        ("{{ slice \"abc\" 2 1 }}", 3, "slice \"abc\" 2 1", "error calling slice: invalid slice index: 2 > 1"),
        ("{{ index \"abc\" 4 }}", 3, "index \"abc\" 4", "error calling index: index out of range: 4"),
        ("{{ range $value }}{{ end }}", 9, "$value", "range can't iterate over 1234.5"),
        (
            "{{ label \"x\" nil }}", 3, "label \"x\" nil",
            "error calling label: runtime error: invalid memory address or nil pointer dereference"
        ),
        (
            "{{ first (query \"none\") }}", 3, "first (query \"none\")",
            "error calling first: first() called on vector with no elements"
        ),
        ("{{ toTime \"NaN\" }}", 3, "toTime \"NaN\"", "error calling toTime: value is NaN or Inf"),
        (
            "{{ parseDuration \"1x\" }}", 3, "parseDuration \"1x\"",
            "error calling parseDuration: unknown unit \"x\" in duration \"1x\""
        ),
        (
            "{{ parseDuration \"30m1h\" }}", 3, "parseDuration \"30m1h\"",
            "error calling parseDuration: not a valid duration string: \"30m1h\""
        ),
    ])
    func executionErrors(text: String, column: Int, context: String, message: String) {
        let query: TemplateQueryFunction = { _ in [] }
        #expect(
            TemplateFixture.expand(text, query: query)
                == TemplateFixture.executionFailure(column: column, context: context, message: message))
    }

    /// Go positions a field chain at its second field (parse.go operand: `newField(chain.Position(), ...)`).
    @Test func executionErrorOnALaterLineCountsColumnsFromThatLine() {
        #expect(
            TemplateFixture.expand("x\n  {{ .Nope.x }}").hasPrefix(
                "<error expanding template: error executing template __alert_Test: template: __alert_Test:2:10: "
                    + "executing \"__alert_Test\" at <.Nope.x>: can't evaluate field Nope"))
    }

    @Test func queryWithoutEngineIsAnExecutionError() {
        #expect(
            TemplateFixture.expand("{{ query \"up\" }}")
                == TemplateFixture.executionFailure(
                    column: 3, context: "query \"up\"",
                    message: "error calling query: no query engine is attached to this template expansion"))
    }

    @Test func queryEngineErrorsAreReported() {
        struct EngineFailure: Error, CustomStringConvertible {
            var description: String { "parse error: unexpected end of input" }
        }
        let query: TemplateQueryFunction = { _ in throw EngineFailure() }
        #expect(
            TemplateFixture.expand("{{ query \"up{\" }}", query: query)
                == TemplateFixture.executionFailure(
                    column: 3, context: "query \"up{\"",
                    message: "error calling query: parse error: unexpected end of input"))
    }

    @Test func runawayRangesStopWithAnError() {
        let result = TemplateFixture.expand("{{ range 1000 }}{{ range 1000 }}{{ end }}{{ end }}")
        #expect(result.hasSuffix("range iterations exceed the limit of 100000>"))
    }

    @Test func outputIsBounded() {
        let result = TemplateFixture.expand(
            "{{ range 100000 }}{{ printf \"%100s\" \"x\" }}{{ end }}")
        #expect(result.hasSuffix("template output exceeds 1048576 bytes>"))
    }

    @Test func functionResultsAreBounded() {
        let result = TemplateFixture.expand("{{ range 100 }}{{ $x := printf \"%1000000d\" 1 }}{{ end }}")
        #expect(result.hasSuffix("template functions produced more than 16777216 bytes>"))
    }

    @Test func deepNestingIsRejected() {
        let depth = TemplateParser.maximumDepth + 1
        let text = "{{ " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " }}"
        #expect(TemplateFixture.parseError(text) == "template: __alert_Test:1: max expression depth exceeded")
    }
}

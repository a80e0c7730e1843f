import Testing

@testable import RuleEval

/// Invalid expressions in the spirit of Prometheus's `parse_test.go`, with the error Prometheus reports.
@Suite struct PromQLErrorTests {
    static let invalid: [(String, String)] = [
        ("", "1:1: parse error: no expression found in input"),
        ("(", "1:2: parse error: unclosed left parenthesis"),
        ("1)", "1:3: parse error: unexpected right parenthesis ')'"),
        ("(1))", "1:5: parse error: unexpected right parenthesis ')'"),
        (".", "1:1: parse error: unexpected character: '.'"),
        ("2.5.", "1:1: parse error: bad number or duration syntax: \"2.5.\""),
        ("100..4", "1:1: parse error: bad number or duration syntax: \"100..\""),
        ("0deadbeef", "1:1: parse error: bad number or duration syntax: \"0de\""),
        ("*1", "1:1: parse error: unexpected <op:*>"),
        ("@@", "1:1: parse error: unexpected <op:@>"),
        (
            String(repeating: "9", count: 309),
            "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \""
                + String(repeating: "9", count: 309)
                + "\": value out of range"
        ),
        (
            "0xffffffffffffffffff",
            "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0xffffffffffffffffff\": invalid syntax"
        ),
        ("a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>"),
        ("some_metric{a=b}", "1:15: parse error: unexpected identifier \"b\" in label matching, expected string"),
        ("some_metric{a:b=\"b\"}", "1:14: parse error: unexpected character inside braces: ':'"),
        ("}", "1:1: parse error: unexpected character: '}'"),
        ("((1)", "1:5: parse error: unclosed left parenthesis"),
        ("foo $", "1:5: parse error: unexpected character: '$'"),
        ("1 + ", "1:5: parse error: unexpected end of input"),
        ("1 !~ 1", "1:3: parse error: unexpected character after '!': '~'"),
        ("1 =~ 1", "1:3: parse error: unexpected character after '=': '~'"),
        ("foo bar", "1:5: parse error: unexpected identifier \"bar\""),
        ("1 and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression"),
        ("1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        ("foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators"),
        ("foo and on(a) group_left(b) bar", "1:1: parse error: no grouping allowed for \"and\" operation"),
        (
            "foo + on(a) group_left(a) bar",
            "1:5: parse error: label \"a\" must not occur in ON and GROUP clause at once"
        ),
        ("1 + on(a) foo", "1:1: parse error: vector matching only allowed between instant vectors"),
        ("foo[5m] + 1", "1:1: parse error: binary expression must contain only scalar and instant vector types"),
        (
            "-\"str\"",
            "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""
        ),
        ("rate(foo)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        (
            "abs(foo[5m])",
            "1:5: parse error: expected type instant vector in call to function \"abs\", got range vector"
        ),
        ("rate()", "1:1: parse error: expected 1 argument(s) in call to \"rate\", got 0"),
        ("round(a, 1, 2)", "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3"),
        ("label_join(a)", "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1"),
        ("rate(foo[5m],)", "1:13: parse error: trailing commas not allowed in function call args"),
        ("non_existent(foo)", "1:1: parse error: unknown function with name \"non_existent\""),
        ("sum(foo[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector"),
        ("topk(\"x\", foo)", "1:6: parse error: expected type scalar in aggregation parameter, got string"),
        ("count_values(1, foo)", "1:14: parse error: expected type string in aggregation parameter, got scalar"),
        (
            "topk(foo)",
            "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"
        ),
        (
            "sum(a, b)",
            "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2"
        ),
        ("sum()", "1:1: parse error: no arguments for aggregate expression provided"),
        (
            "sum by (a:b) (foo)",
            "1:9: parse error: unexpected metric identifier \"a:b\" in grouping opts, expected label"
        ),
        ("sum by a (foo)", "1:8: parse error: unexpected identifier \"a\" in grouping opts, expected \"(\""),
        ("sum some_metric by (test)", "1:5: parse error: unexpected identifier \"some_metric\""),
        ("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{a=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{a=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\""),
        ("foo{a}", "1:6: parse error: unexpected \"}\" in label matching, expected label matching operator"),
        ("foo{a=1}", "1:7: parse error: unexpected character inside braces: '1'"),
        (
            "foo{a=\"b\" c=\"d\"}",
            "1:11: parse error: unexpected identifier \"c\" in label matching, expected \",\" or \"}\""
        ),
        ("foo{", "1:5: parse error: unexpected end of input inside braces"),
        ("foo{a=~\"(\"}", "1:5: parse error: error parsing regexp: missing closing ): `(`"),
        ("foo{a=~\"a**\"}", "1:5: parse error: error parsing regexp: invalid nested repetition operator: `**`"),
        ("foo{a=~\"\\\\1\"}", "1:5: parse error: error parsing regexp: invalid escape sequence: `\\1`"),
        ("foo{a=~\"(?=x)\"}", "1:5: parse error: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
        ("\"unterminated", "1:1: parse error: unterminated quoted string"),
        ("`unterminated", "1:1: parse error: unterminated raw string"),
        ("\"\\q\"", "1:1: parse error: unknown escape sequence U+0071 'q'"),
        ("\"\\xZZ\"", "1:1: parse error: illegal character U+005A 'Z' in escape sequence"),
        ("1a", "1:1: parse error: bad number or duration syntax: \"1\""),
        ("1__2", "1:1: parse error: bad number or duration syntax: \"1__\""),
        ("foo[5y1y]", "1:5: parse error: bad number or duration syntax: \"5y1\""),
        ("foo[5mm]", "1:5: parse error: bad number or duration syntax: \"5mm\""),
        ("foo[5m1h]", "1:5: parse error: not a valid duration string: \"5m1h\""),
        ("foo[5m", "1:7: parse error: unclosed left bracket"),
        ("foo{bar=\"baz\"}[", "1:16: parse error: unexpected end of input in duration expression"),
        ("MIN keep_common (some_metric)", "1:5: parse error: unexpected identifier \"keep_common\""),
        ("sum without (test) (some_metric) by (test)", "1:34: parse error: unexpected <by>"),
        ("topk(some_metric,)", "1:17: parse error: trailing commas not allowed in function call args"),
        (
            "rate(some_metric[5m]) @ 1234",
            "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        ("-=", "1:2: parse error: unexpected \"=\""),
        ("foo \"a long string\"", "1:5: parse error: unexpected string \"\\\"a long st\"..."),
        ("foo 12345678901", "1:5: parse error: unexpected number \"1234567890\"..."),
        ("++-++-+-+-<", "1:11: parse error: unexpected <op:<>"),
        ("a>b()", "1:3: parse error: unknown function with name \"b\""),
        ("rate(avg)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        ("\"\\", "1:1: parse error: escape sequence not terminated"),
        ("`\\``", "1:4: parse error: unterminated raw string"),
        (
            "foo[]",
            "1:5: parse error: unexpected \"]\" in subquery or range selector, expected number, duration, step(), or range()"
        ),
        ("foo[5y1hs]", "1:5: parse error: unknown unit \"hs\" in duration \"5y1hs\""),
        ("foo[5m1m]", "1:5: parse error: not a valid duration string: \"5m1m\""),
        ("foo[5m:1m1]", "1:8: parse error: bad number or duration syntax: \"1m1\""),
        ("foo[0m]", "1:5: parse error: duration must be greater than 0"),
        ("foo[-1]", "1:5: parse error: duration must be greater than 0"),
        ("foo[\"5m\"]", "1:5: parse error: unexpected character in duration expression: '\"'"),
        (
            "some_metric[5m] OFFSET",
            "1:23: parse error: unexpected end of input in offset, expected number, duration, step(), or range()"
        ),
        ("some_metric[5m] OFFSET 1mm", "1:24: parse error: bad number or duration syntax: \"1mm\""),
        ("some_metric[5m] @", "1:18: parse error: unexpected end of input in @, expected timestamp"),
        ("sum by (\"foo)(some_metric{})", "1:9: parse error: unterminated quoted string"),
        (
            "test[5d] OFFSET 10s [10m:5s]",
            "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"
        ),
        ("rate(food[1m])[1h] offset 1h", "1:15: parse error: ranges only allowed for vector selectors"),
        ("foo]", "1:4: parse error: unexpected right bracket ']'"),
        ("foo[5m][5m]", "1:8: parse error: ranges only allowed for vector selectors"),
        ("foo[5m][5m:]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead"),
        ("1[5m]", "1:2: parse error: ranges only allowed for vector selectors"),
        ("(foo)[5m]", "1:6: parse error: ranges only allowed for vector selectors"),
        ("foo offset 5m[5m]", "1:14: parse error: no offset modifiers allowed before range"),
        ("foo @ 100 [5m]", "1:11: parse error: no @ modifiers allowed before range"),
        ("foo offset 1m offset 2m", "1:1: parse error: offset may not be set multiple times"),
        ("foo @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times"),
        (
            "1 offset 5m",
            "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        (
            "sum(foo) @ 100",
            "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery"
        ),
        (
            "foo offset bar",
            "1:12: parse error: unexpected identifier \"bar\" in offset, expected number, duration, step(), or range()"
        ),
        ("foo @ bar", "1:7: parse error: unexpected identifier \"bar\" in @, expected timestamp"),
        ("foo @ Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf"),
        ("foo @ -1e17", "1:1: parse error: timestamp out of bounds for @ modifier: -100000000000000000.000000"),
        ("a + group_left b", "1:5: parse error: unexpected <group_left>"),
    ]

    @Test(arguments: invalid)
    func rejects(_ input: String, _ expected: String) {
        #expect {
            try PromQLParser.parse(input)
        } throws: { error in
            guard let error = error as? PromQLError else { return false }
            #expect(error.description == expected)
            return error.kind != .unsupported
        }
    }

    static let experimental: [String] = [
        "info(foo)", "first_over_time(foo[5m])", "sort_by_label(foo, \"a\")", "mad_over_time(foo[5m])",
        "limitk(2, foo)", "limit_ratio(0.5, foo)", "foo + fill(0) bar", "foo * on(a) fill_left(1) bar",
        "rate(foo[5m] anchored)", "foo smoothed", "foo[5m+1m]", "foo[step()]", "foo[(5m)]", "foo offset (1h)",
        "foo[1h:5m*2]", "step()", "double_exponential_smoothing(foo[5m], 0.5, 0.5)", "foo{a=~\"(?m)^x\"}",
    ]

    @Test(arguments: experimental)
    func rejectsExperimentalFeatures(_ input: String) {
        #expect {
            try PromQLParser.parse(input)
        } throws: { error in
            guard let error = error as? PromQLError else { return false }
            return error.kind == .unsupported && error.message.contains("not supported")
        }
    }

    @Test func limitsNestingDepth() {
        for input in [
            String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
            String(repeating: "-", count: 5000) + "foo",
            Array(repeating: "a", count: 5000).joined(separator: " + "),
            String(repeating: "abs(", count: 5000) + "foo" + String(repeating: ")", count: 5000),
            "foo" + String(repeating: "[5m:]", count: 5000),
        ] {
            #expect(throws: PromQLError.self) { try PromQLParser.parse(input) }
        }
        #expect(throws: Never.self) {
            try PromQLParser.parse(Array(repeating: "a", count: 100).joined(separator: " + "))
        }
    }

    /// Expressions just inside the nesting limit parse, print and compare without exhausting the stack.
    @Test func handlesExpressionsAtTheNestingLimit() throws {
        let levels = PromQLParser.maximumDepth / 2 - 2
        for input in [
            String(repeating: "(", count: levels) + "1" + String(repeating: ")", count: levels),
            String(repeating: "-", count: levels) + "foo",
            Array(repeating: "a", count: levels).joined(separator: " + "),
            Array(repeating: "2", count: levels).joined(separator: " ^ "),
            String(repeating: "abs(", count: levels) + "foo" + String(repeating: ")", count: levels),
            "foo" + String(repeating: "[5m:]", count: levels),
        ] {
            let parsed: Expression
            do {
                parsed = try PromQLParser.parse(input)
            } catch {
                #expect(error.kind == .type, "\(error)")
                continue
            }
            #expect(try PromQLParser.parse(parsed.description).strippingPositions() == parsed.strippingPositions())
        }
    }

    @Test func carriesOffendingToken() throws {
        #expect {
            try PromQLParser.parse("foo bar")
        } throws: { error in
            (error as? PromQLError)?.token == "bar" && (error as? PromQLError)?.position.column == 5
        }
    }
}

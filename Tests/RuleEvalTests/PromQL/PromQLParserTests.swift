import Testing

@testable import RuleEval

@Suite struct PromQLParserTests {
    /// Input and the canonical text it prints as.
    static let canonical: [(String, String)] = [
        ("1", "1"), ("0x1f", "31"), ("1e3", "1000"), (".5", "0.5"), ("5.", "5"), ("1_000", "1000"), ("017", "15"),
        ("Inf", "+Inf"), ("Inf ^ Inf", "Inf ^ +Inf"), ("x % Inf ^ 2", "x % Inf ^ 2"), ("-inf", "-Inf"), ("NaN", "NaN"),
        ("1e-7", "0.0000001"), ("2e6", "2000000"),
        ("1.5e300", "15" + String(repeating: "0", count: 299)), ("-5", "-5"),
        ("5m", "5m"), ("90m", "1h30m"), ("-1h", "-1h"),
        (#""a\nb""#, #""a\nb""#), ("'it\\'s'", #""it's""#), ("`raw\\n`", #""raw\\n""#), (#""\u00e9\x41""#, #""éA""#),
        ("foo", "foo"), ("foo{}", "foo"),
        (#"foo{g!~"h",c!="d",e=~"f.*",a="b"}"#, #"foo{a="b",c!="d",e=~"f.*",g!~"h"}"#),
        (#"{__name__="foo"}"#, #"{__name__="foo"}"#), (#"{"my.metric"}"#, #"{__name__="my.metric"}"#),
        (#"{"my.metric", "a.b"="c"}"#, #"{"a.b"="c",__name__="my.metric"}"#), ("a:b:c", "a:b:c"),
        (#"foo{job="x",}"#, #"foo{job="x"}"#), ("foo{by=\"x\", and=\"y\"}", #"foo{and="y",by="x"}"#),
        ("foo[5m]", "foo[5m]"), ("foo[1h30m]", "foo[1h30m]"), ("foo[300]", "foo[5m]"), ("foo[1.5]", "foo[1s500ms]"),
        ("foo offset 5m", "foo offset 5m"), ("foo offset -5m", "foo offset -5m"), ("foo offset 50", "foo offset 50s"),
        ("foo @ 100", "foo @ 100.000"), ("foo @ -1.5", "foo @ -1.500"), ("foo @ 1m40s", "foo @ 100.000"),
        ("foo @ start()", "foo @ start()"), ("foo @ END()", "foo @ end()"),
        ("foo offset 5m @ 100", "foo @ 100.000 offset 5m"), ("foo[5m] @ 100 offset 1m", "foo[5m] @ 100.000 offset 1m"),
        ("foo[1h:5m]", "foo[1h:5m]"), ("foo[1h:]", "foo[1h:]"),
        ("rate(foo[5m])[30m:1m] offset 1m", "rate(foo[5m])[30m:1m] offset 1m"),
        ("sum(foo)", "sum(foo)"), ("SUM BY (job) (foo)", "sum by (job) (foo)"),
        ("sum(foo) by (job)", "sum by (job) (foo)"),
        ("sum without (a, b,) (foo)", "sum without (a, b) (foo)"), ("sum by () (foo)", "sum(foo)"),
        ("sum without () (foo)", "sum without () (foo)"), (#"sum by ("a.b") (foo)"#, #"sum by ("a.b") (foo)"#),
        ("topk(3, foo)", "topk(3, foo)"), ("quantile(0.9, foo)", "quantile(0.9, foo)"),
        (#"count_values("v", foo)"#, #"count_values("v", foo)"#),
        ("bottomk by (a) (1, foo)", "bottomk by (a) (1, foo)"),
        ("group(foo)", "group(foo)"), ("stddev(foo)", "stddev(foo)"),
        ("a + on(b) group_left(c) d", "a + on (b) group_left (c) d"),
        ("a * ignoring(b) group_right d", "a * ignoring (b) group_right () d"),
        ("a == bool b", "a == bool b"), ("a and on() b", "a and on () b"), ("a + ignoring() b", "a + b"),
        ("-foo", "-foo"), ("+foo", "+foo"), ("- -1", "1"), ("(foo)", "(foo)"), ("time()", "time()"),
        ("round(foo)", "round(foo)"), ("round(foo, 5)", "round(foo, 5)"),
        (#"label_join(foo, "a", ",", "b", "c")"#, #"label_join(foo, "a", ",", "b", "c")"#),
        ("foo # comment\n + bar", "foo + bar"), ("sum", "sum"), ("SUM{a=\"b\"} offset 1m", "SUM{a=\"b\"} offset 1m"),
        ("offset + by", "offset + by"), ("min[5m]", "min[5m]"), ("rate(foo[5m] offset 1m)", "rate(foo[5m] offset 1m)"),
    ]

    @Test(arguments: canonical)
    func printsCanonically(_ input: String, _ expected: String) throws {
        let parsed = try PromQLParser.parse(input)
        #expect(parsed.description == expected)
        #expect(try PromQLParser.parse(parsed.description).strippingPositions() == parsed.strippingPositions())
    }

    /// Input and the same expression with the grouping the precedence rules imply made explicit.
    static let precedence: [(String, String)] = [
        ("a + b * c", "a + (b * c)"), ("a * b + c", "(a * b) + c"), ("a - b - c", "(a - b) - c"),
        ("a ^ b ^ c", "a ^ (b ^ c)"), ("a / b ^ c", "a / (b ^ c)"), ("a or b and c", "a or (b and c)"),
        ("a and b or c", "(a and b) or c"), ("a unless b and c", "(a unless b) and c"),
        ("a == b + c", "a == (b + c)"), ("a > b or c < d", "(a > b) or (c < d)"),
        ("a atan2 b * c", "(a atan2 b) * c"), ("a % b + c", "(a % b) + c"), ("a + b and c", "(a + b) and c"),
        ("-a ^ b", "-(a ^ b)"), ("-a * b", "(-a) * b"), ("-a + b", "(-a) + b"), ("2 ^ -1 ^ 2", "2 ^ (-(1 ^ 2))"),
        ("a + b offset 5m", "a + (b offset 5m)"), ("a offset 2 ^ 2", "(a offset 2) ^ 2"),
        ("a offset -2 * 2", "(a offset -2) * 2"), ("-foo offset 5m", "-(foo offset 5m)"),
    ]

    @Test(arguments: precedence)
    func groupsByPrecedence(_ input: String, _ explicit: String) throws {
        #expect(try shape(PromQLParser.parse(input)) == shape(PromQLParser.parse(explicit)))
    }

    /// The tree with parentheses removed, so implicit and explicit grouping compare equal.
    private func shape(_ expression: Expression) -> Expression {
        switch expression.strippingPositions() {
        case .parenthesized(let paren): return shape(paren.expression)
        case .binary(var binary):
            binary.lhs = shape(binary.lhs)
            binary.rhs = shape(binary.rhs)
            return .binary(binary)
        case .unary(var unary):
            unary.expression = shape(unary.expression)
            if case .number(var literal) = unary.expression {
                literal.value = unary.op == .minus ? -literal.value : literal.value
                return .number(literal)
            }
            return .unary(unary)
        case .subquery(var subquery):
            subquery.expression = shape(subquery.expression)
            return .subquery(subquery)
        case let other: return other
        }
    }

    @Test func recordsPositions() throws {
        let parsed = try PromQLParser.parse("sum(rate(foo{a=\"b\"}[5m])) > 1")
        guard case .binary(let binary) = parsed, case .aggregation(let sum) = binary.lhs,
            case .call(let rate) = sum.expression, case .matrixSelector(let matrix) = rate.arguments[0]
        else {
            Issue.record("unexpected tree \(parsed)")
            return
        }
        #expect(binary.positionRange == PositionRange(start: 0, end: 29))
        #expect(sum.positionRange == PositionRange(start: 0, end: 25))
        #expect(rate.positionRange == PositionRange(start: 4, end: 24))
        #expect(matrix.positionRange == PositionRange(start: 9, end: 23))
        #expect(matrix.selector.matchers[0].positionRange == PositionRange(start: 13, end: 18))
        #expect(binary.rhs.positionRange == PositionRange(start: 28, end: 29))
    }

    @Test func modelsSetOperatorsAsManyToMany() throws {
        guard case .binary(let binary) = try PromQLParser.parse("a and on(x) b") else {
            Issue.record("not a binary expression")
            return
        }
        #expect(binary.matching == VectorMatching(cardinality: .manyToMany, matchingLabels: ["x"], on: true))
    }

    @Test func typesExpressions() throws {
        #expect(try PromQLParser.parse("1 + 2").type == .scalar)
        #expect(try PromQLParser.parse("foo + 2").type == .instantVector)
        #expect(try PromQLParser.parse("foo[5m]").type == .rangeVector)
        #expect(try PromQLParser.parse("scalar(foo)").type == .scalar)
        #expect(try PromQLParser.parse("\"x\"").type == .string)
    }
}

import Testing

@testable import PromText

/// The text format 0.0.4 rules of Prometheus's scrape parser, one input per rule.
@Suite struct TextFormatParserTests {
    @Test(arguments: [
        ("m 1", ["sample m 1.0"]),
        ("m{a=\"1\" b=\"2\"} 1", ["sample m{a=\"1\",b=\"2\"} 1.0"]),
        ("m { a = \"1\" , b = \"2\" , } 1", ["sample m{a=\"1\",b=\"2\"} 1.0"]),
        ("m{}1", ["sample m 1.0"]),
        ("m\t1\t1395066363000\t", ["sample m 1.0 @1395066363000"]),
        ("m{x=\"a\\tb\\\\c\\\"d\\ne\"} 1", ["sample m{x=\"a\\\\tb\\\\c\\\"d\\ne\"} 1.0"]),
        ("m{x=\"line1\nline2\"} 1", ["sample m{x=\"line1\\nline2\"} 1.0"]),
        ("a 1\n\n  \n\t\nb 2\n", ["sample a 1.0", "sample b 2.0"]),
        ("m 1\n\0garbage {", ["sample m 1.0"]),
        ("#comment\0 m 1\nm 2", []),
        ("# comment\0 m 1\nm 2", ["comment # comment\0 m 1", "sample m 2.0"]),
        ("  # indented comment\n#\n## x", ["comment # indented comment", "comment #", "comment ## x"]),
        ("# HELP m  leading space", ["help m  leading space"]),
        ("# HELP m", ["help m "]),
        ("# HELP m \t ", ["help m "]),
        ("# HELP m a\\nb\\\\c\\\"d", ["help m a\nb\\c\\\"d"]),
        ("# HELP m{a=\"1\"} help", ["help m a=\"1\"} help"]),
        ("# TYPE\tm\tuntyped", ["type m unknown"]),
        ("# TYPE m gauge\n# TYPE m counter", ["type m gauge", "type m counter"]),
        (
            "#TYPE m gauge\n# UNIT m s\n# HELP\n# TYPE",
            ["comment #TYPE m gauge", "comment # UNIT m s", "comment # HELP", "comment # TYPE"]
        ),
        ("# EOF\nm 1", ["comment # EOF", "sample m 1.0"]),
        ("m{__reserved=\"x\",a=\"\"} 1", ["sample m{__reserved=\"x\",a=\"\"} 1.0"]),
        (
            "m Inf\nm -infinity\nm nan\nm 1e-400\nm .5\nm 5.\nm +1\nm -0",
            [
                "sample m inf", "sample m -inf", "sample m nan", "sample m 0.0", "sample m 0.5", "sample m 5.0",
                "sample m 1.0", "sample m -0.0",
            ]
        ),
        ("{\"my.metric\", \"a.b\"=\"c\"} 1", ["sample my.metric{a.b=\"c\"} 1.0"]),
        ("{a=\"b\", \"my.metric\"} 1", ["sample my.metric{a=\"b\"} 1.0"]),
        (
            "# TYPE \"my.metric\" gauge\n# HELP \"my.metric\" Dotted.",
            ["type my.metric gauge", "help my.metric Dotted."]
        ),
        ("m 1 9223372036854775807", ["sample m 1.0 @9223372036854775807"]),
    ])
    func accepts(_ input: String, _ expected: [String]) {
        #expect(ParseOutcome(input, format: .text) == ParseOutcome.expecting(expected), "\(input.debugDescription)")
    }

    /// Bad inputs with the exact position and message of the error.
    @Test(arguments: [
        (#"m{a="1",,b="2"} 1"#, #"1:9: expected label name, found ",b=\"2\"}""#),
        ("m{,} 1", "1:3: expected label name, found \",}\""),
        (#"m{a "1"} 1"#, #"1:5: expected '=' after the label name, found "\"1\"}""#),
        (#"m{a:b="x"} 1"#, #"1:4: expected '=' after the label name, found ":b=\"x\"}""#),
        (#"m{a="1"#, #"1:5: expected quoted label value, found "\"1""#),
        ("m 1e", "1:3: expected sample value as a floating-point number, found \"1e\""),
        ("m 1_000", "1:3: expected sample value without 'p', 'P' or '_', found \"1_000\""),
        ("m 1e309", "1:3: expected sample value within the float64 range, found \"1e309\""),
        ("m -NaN", "1:3: expected sample value as a floating-point number, found \"-NaN\""),
        ("m 0x1A", "1:3: expected sample value as a floating-point number, found \"0x1A\""),
        ("a 1\r\n", "1:3: expected sample value as a floating-point number, found \"1\\x0d\""),
        ("m 1\0", "1:4: expected integer timestamp or end of line, found NUL byte"),
        ("m 1 2 3", "1:7: expected end of line after the timestamp, found \"3\""),
        ("m 1 -5", "1:5: expected integer timestamp or end of line, found \"-5\""),
        ("m 1 1.5", "1:6: expected end of line after the timestamp, found \".5\""),
        ("m 1 99999999999999999999", "1:5: expected timestamp within the int64 range, found \"99999999999999999999\""),
        ("a 1\n m 1", "2:1: expected metric name at the start of the line, found space"),
        ("1m 1", "1:1: expected metric name, '#' or end of line, found \"1m\""),
        ("\u{FEFF}m 1", "1:1: expected metric name, '#' or end of line, found \"\\xef\\xbb\\xbfm\""),
        ("{__name__=\"m\"} 1", "1:1: expected a quoted metric name inside the braces, found none"),
        ("m{__name__=\"x\"} 1", "1:3: expected a label name that appears once, found \"__name__\""),
        ("m{a=\"1\",a=\"2\"} 1", "1:9: expected a label name that appears once, found \"a\""),
        ("{\"m\", \"n\"} 1", "1:7: expected '=' after the label name, found \"n\""),
        ("{\"\"} 1", "1:2: expected a non-empty UTF-8 metric name, found \"\""),
        (
            "# TYPE m  gauge",
            "1:9: expected metric type counter, gauge, histogram, summary or untyped, found \" gauge\""
        ),
        (
            "# TYPE m unknown",
            "1:9: expected metric type counter, gauge, histogram, summary or untyped, found \"unknown\""
        ),
        ("# TYPE m", "1:9: expected metric type counter, gauge, histogram, summary or untyped, found \"\""),
        ("# TYPE 1m gauge", "1:8: expected metric name after TYPE, found \"1m\""),
        ("# HELP ", "1:8: expected metric name after HELP, found end of input"),
        ("m", "1:2: expected sample value, found end of input"),
    ])
    func rejects(_ input: String, _ message: String) {
        #expect(ParseOutcome(input, format: .text).error?.description == message, "\(input.debugDescription)")
    }

    @Test func invalidUTF8InLabelValueIsRejected() {
        let outcome = ParseOutcome([UInt8]("m{a=\"".utf8) + [0xFF] + [UInt8]("\"} 1".utf8), format: .text)
        #expect(outcome.error?.description == "1:6: expected UTF-8 label value, found \"\\xff\"")
    }

    @Test func invalidUTF8InHelpIsRejected() {
        let outcome = ParseOutcome([UInt8]("# HELP m ".utf8) + [0xC3], format: .text)
        #expect(outcome.error?.description == "1:10: expected UTF-8 help text, found \"\\xc3\"")
    }

    @Test func accessorsDescribeTheCurrentEntryOnly() throws {
        var parser = ExpositionParser(bytes: Array("# HELP m h\nm{a=\"1\"} 2 3\n".utf8), format: .text)
        #expect(try parser.next() == .help)
        #expect(parser.metricName == "m" && parser.help == "h" && parser.labels.isEmpty)
        #expect(try parser.next() == .sample)
        #expect(parser.sample == Sample(name: "m", labels: ["a": "1"], value: 2, timestampMilliseconds: 3))
        #expect(parser.entryPosition.line == 2)
        #expect(try parser.next() == nil)
        #expect(try parser.next() == nil)
    }
}

extension ParseOutcome {
    /// The outcome of a parse that yields exactly `entries`.
    static func expecting(_ entries: [String]) -> ParseOutcome {
        var outcome = ParseOutcome([], format: .text)
        outcome.entries = entries
        return outcome
    }
}

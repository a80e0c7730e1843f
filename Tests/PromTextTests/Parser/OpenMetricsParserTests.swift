import Testing

@testable import PromText

/// The OpenMetrics 1.0.0 rules of Prometheus's scrape parser, one input per rule.
@Suite struct OpenMetricsParserTests {
    @Test(arguments: [
        ("m 1\n# EOF\n", ["sample m 1.0"]),
        ("m 1\n# EOF", ["sample m 1.0"]),
        ("# EOF\n", []),
        (
            #"c_total 5 1520879607.5 # {a="b"} 1 1520879600"# + "\n# EOF\n",
            [#"sample c_total 5.0 @1520879607500 # {a="b"} 1.0 @1520879600000"#]
        ),
        (#"c_total 5 # {} 1"# + "\n# EOF\n", ["sample c_total 5.0 #  1.0"]),
        (
            #"h_bucket{le="+Inf"} 1 # {"trace.id"="x"} 0.5"# + "\n# EOF\n",
            [#"sample h_bucket{le="+Inf"} 1.0 # {trace.id="x"} 0.5"#]
        ),
        (
            "m 1 1.005\nm 1 -0.0015\nm 1 1.520879607789e9\n# EOF\n",
            [
                "sample m 1.0 @1004", "sample m 1.0 @-1", "sample m 1.0 @1520879607789",
            ]
        ),
        ("m 1 12345678901234567890.1\n# EOF\n", ["sample m 1.0 @-9223372036854775808"]),
        (#"# HELP m a\"b\\c\nd\q"# + "\n# EOF\n", ["help m a\"b\\c\nd\\q"]),
        ("# HELP m \n# UNIT m \n# EOF\n", ["help m ", "unit m "]),
        (
            "# TYPE m_seconds gaugehistogram\n# UNIT m_seconds seconds\n# EOF\n",
            [
                "type m_seconds gaugehistogram", "unit m_seconds seconds",
            ]
        ),
        (
            "# TYPE m unknown\n# TYPE s stateset\n# TYPE i info\n# EOF\n",
            ["type m unknown", "type s stateset", "type i info"]
        ),
        (#"m{a="x\ty",b="\z"} 1"# + "\n# EOF\n", [#"sample m{a="x\\ty",b="\\z"} 1.0"#]),
        ("m{a=\"x\0y\"} 1\n# EOF\n", ["sample m{a=\"x\\0y\"} 1.0"]),
        (#"{"my.metric",a="1"} 1"# + "\n# EOF\n", [#"sample my.metric{a="1"} 1.0"#]),
        (#"# TYPE "my.metric" gauge"# + "\n# EOF\n", ["type my.metric gauge"]),
        ("g 1\ng 2\n# TYPE g counter\n# EOF\n", ["sample g 1.0", "sample g 2.0", "type g counter"]),
    ])
    func accepts(_ input: String, _ expected: [String]) {
        #expect(
            ParseOutcome(input, format: .openMetrics) == ParseOutcome.expecting(expected), "\(input.debugDescription)")
    }

    @Test(arguments: [
        ("m 1\n", "2:1: expected '# EOF' as the last line, found end of input"),
        ("m 1", "1:4: expected '# EOF' as the last line, found end of input"),
        ("# EOF\nm 1\n", "2:1: expected end of input after '# EOF', found \"m\""),
        ("# EOF\n\n", "2:1: expected end of input after '# EOF', found end of line"),
        ("a 1\n\nb 2\n# EOF\n", "2:1: expected metric name or '#' at the start of the line, found end of line"),
        (" m 1\n# EOF\n", "1:1: expected metric name or '#' at the start of the line, found space"),
        ("# hello\n# EOF\n", "1:3: expected HELP, TYPE, UNIT or EOF after '# ', found \"hello\""),
        ("#TYPE m gauge\n# EOF\n", "1:2: expected ' ' after '#', found \"TYPE\""),
        ("# HELP m\n# EOF\n", "1:9: expected ' ' and text after the metric name in HELP, found end of line"),
        (
            "# TYPE m gauge \n# EOF\n",
            #"1:10: expected metric type counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown, found "gauge ""#
        ),
        (
            "# TYPE m untyped\n# EOF\n",
            #"1:10: expected metric type counter, gauge, histogram, gaugehistogram, summary, info, stateset or unknown, found "untyped""#
        ),
        (
            "# UNIT lat seconds\n# EOF\n",
            #"1:12: expected a unit that is a suffix of the metric name "lat", found "seconds""#
        ),
        (
            "# UNIT seconds seconds\n# EOF\n",
            #"1:16: expected a unit that is a suffix of the metric name "seconds", found "seconds""#
        ),
        (#"m{a="1",} 1"# + "\n# EOF\n", #"1:9: expected label name, found "}""#),
        (#"m{a="1" ,b="2"} 1"# + "\n# EOF\n", "1:8: expected ',' or '}' after the label, found space"),
        (#"m{a = "1"} 1"# + "\n# EOF\n", "1:4: expected '=' after the label name, found space"),
        (#"m{a="1"}1"# + "\n# EOF\n", #"1:9: expected ' ' and a sample value, found "1""#),
        ("m{a=\"x\ny\"} 1\n# EOF\n", #"1:5: expected quoted label value, found "\"x""#),
        ("m  1\n# EOF\n", "1:3: expected ' ' and a sample value, found space"),
        ("m 1 2 3\n# EOF\n", #"1:6: expected end of line or '# {' after the timestamp, found space"#),
        ("m 1 NaN\n# EOF\n", #"1:5: expected finite timestamp, found "NaN""#),
        ("m 1 z\n# EOF\n", #"1:5: expected timestamp as a floating-point number, found "z""#),
        ("m 1 # x\n# EOF\n", #"1:7: expected '{' to open the exemplar labels, found "x""#),
        ("m 1 #{a=\"b\"} 1\n# EOF\n", ##"1:5: expected timestamp as a floating-point number, found "#{a=\"b\"}""##),
        (#"g 5 # {a="b"} 1"# + "\n# EOF\n", #"1:5: expected exemplars only on _total or _bucket samples, found "g""#),
        (#"c_total 5 # {a="b"}"# + "\n# EOF\n", "1:20: expected ' ' and an exemplar value, found end of line"),
        (#"c_total 5 # {a="b"} 1 NaN"# + "\n# EOF\n", #"1:23: expected finite exemplar timestamp, found "NaN""#),
        (
            #"c_total 5 # {a="b"} 1 2 3"# + "\n# EOF\n",
            "1:24: expected end of line after the exemplar timestamp, found space"
        ),
        (#"c_total 5 # {"x"} 1"# + "\n# EOF\n", #"1:17: expected '=' after the label name, found "}""#),
        (#"a{a="1",a="1"} 1"# + "\n# EOF\n", #"1:9: expected a label name that appears once, found "a""#),
        ("m 1_000\n# EOF\n", #"1:3: expected sample value without 'p', 'P' or '_', found "1_000""#),
        ("\0\nm 1\n# EOF\n", "1:1: expected metric name or '#' at the start of the line, found NUL byte"),
    ])
    func rejects(_ input: String, _ message: String) {
        #expect(ParseOutcome(input, format: .openMetrics).error?.description == message, "\(input.debugDescription)")
    }

    @Test func specStrictnessRejectsQuotedNames() {
        let outcome = ParseOutcome(
            #"{"my.metric"} 1"# + "\n# EOF\n", format: .openMetrics, strictness: .openMetricsSpec)
        #expect(
            outcome.error?.message
                == #"expected an unquoted metric name (OpenMetrics 1.0 has no quoted names), found "my.metric""#)
    }
}

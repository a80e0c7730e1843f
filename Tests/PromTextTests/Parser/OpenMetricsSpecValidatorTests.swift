import Testing

@testable import PromText

/// The OpenMetrics 1.0 semantic rules of `.openMetricsSpec`, which `.prometheus` tolerates.
@Suite struct OpenMetricsSpecValidatorTests {
    /// Payloads Prometheus accepts but the specification forbids, with the rule each breaks.
    @Test(arguments: [
        ("# TYPE a counter\n# TYPE a counter\n", "expected one TYPE line for family \"a\""),
        ("# TYPE a_created gauge\n# TYPE a counter\n", "expected family names that do not clash"),
        ("a{__x=\"1\"} 1\n", "expected label names not starting with __ (reserved)"),
        ("# TYPE a counter\na_total -1\n", "expected a counter value that is neither NaN nor negative"),
        ("# TYPE a counter\na 1\n", "expected the lines of family \"a\" together"),
        ("# TYPE a gauge\na 1\n# HELP a x\n", "expected HELP before the samples of family \"a\""),
        ("# HELP a x\n# HELP a x\n", "expected one HELP line for family \"a\""),
        ("# TYPE a_u info\n# UNIT a_u u\n", "expected UNIT only on families that are not info or stateset"),
        ("a 1\nb 1\na 1\n", "expected the lines of family \"a\" together"),
        (
            "a{x=\"1\"} 1\na{x=\"2\"} 1\na{x=\"1\"} 1\n",
            "expected the samples of each label set of family \"a\" together"
        ),
        ("a 1 2\na 1 1\n", "expected timestamps that do not go backwards within a label group"),
        ("a 1\na 1 1\n", "expected all or none of the samples of a label group with timestamps"),
        ("# TYPE a histogram\na_bucket{le=\"1\"} 1\n", "expected a +Inf bucket as the last bucket in \"a\""),
        ("# TYPE a histogram\na_bucket{le=\"2\"} 1\na_bucket{le=\"1\"} 1\n", "expected buckets in increasing le order"),
        ("# TYPE a histogram\na_bucket{le=\"1\"} 2\na_bucket{le=\"+Inf\"} 1\n", "expected cumulative bucket counts"),
        (
            "# TYPE a histogram\na_bucket{le=\"+Inf\"} 1\na_count 2\na_sum 1\n",
            "expected _count equal to the +Inf bucket"
        ),
        ("# TYPE a histogram\na_bucket{le=\"+Inf\"} 1\na_sum 1\n", "expected both _count and _sum or neither"),
        ("# TYPE a histogram\na_bucket 1\n", "expected an le label with a number on each bucket of \"a\""),
        ("# TYPE a histogram\na_bucket{le=\"+INF\"} 1\n", "expected an le label with a number on each bucket of \"a\""),
        ("# TYPE a histogram\na_bucket{le=\"+Inf\"} 1.5\n", "expected an integer count"),
        ("# TYPE a gaugehistogram\na_bucket{le=\"+Inf\"} 1\na_gcount 1\na_gsum -1\n", "expected a non-negative _gsum"),
        ("# TYPE a summary\na{quantile=\"1.5\"} 1\n", "expected a quantile label between 0 and 1 on summary \"a\""),
        ("# TYPE a summary\na{quantile=\"0.5\"} -1\n", "expected a quantile value that is not negative"),
        ("# TYPE a info\na_info 2\n", "expected info value 1"),
        ("# TYPE a stateset\na{a=\"x\"} 2\n", "expected stateset value 0 or 1"),
        ("# TYPE a stateset\na 1\n", "expected a \"a\" label on each stateset sample"),
        (
            "# TYPE a_bucket gauge\na_bucket 1 # {x=\"y\"} 1\n",
            "expected exemplars only on counter _total and histogram _bucket samples"
        ),
        (
            "# TYPE a counter\na_total 1 # {x=\"" + String(repeating: "y", count: 128) + "\"} 1\n",
            "expected exemplar labels of at most 128 code points"
        ),
    ])
    func rejectsWhatTheSpecificationForbids(_ body: String, _ message: String) {
        let payload = body + "# EOF\n"
        #expect(ParseOutcome(payload, format: .openMetrics).error == nil, "Prometheus accepts \(body.debugDescription)")
        let error = ParseOutcome(payload, format: .openMetrics, strictness: .openMetricsSpec).error
        #expect(
            error?.message.hasPrefix(message) == true, "\(body.debugDescription): \(error?.description ?? "accepted")")
    }

    @Test(arguments: [
        "# TYPE a counter\n# HELP a h\n# UNIT a_seconds seconds\n",
        "# TYPE a_seconds counter\n# UNIT a_seconds seconds\na_seconds_total 1 # {t=\"x\"} 1\na_seconds_created 1\n",
        "# TYPE a histogram\na_bucket{le=\"-1\"} 0\na_bucket{le=\"1e1\"} 1\na_bucket{le=\"+Inf\"} 3\n",
        "# TYPE a summary\na_count 1\na_sum 2\na{quantile=\"0.5\"} NaN\n",
        "# TYPE a info\na_info{x=\"1\"} 1 1\na_info{x=\"2\"} 1 0\n",
        "# TYPE a gauge\na{x=\"1\"} 1 0\na{x=\"1\"} 2 0\na{x=\"2\"} 3\n",
        "# TYPE a stateset\na{a=\"x\"} 0\na{a=\"y\"} 1.0\n",
        "# TYPE a gaugehistogram\na_bucket{le=\"-1\"} 1\na_bucket{le=\"+Inf\"} 2\na_gcount 2\na_gsum -5\n",
    ])
    func acceptsWhatTheSpecificationAllows(_ body: String) {
        let error = ParseOutcome(body + "# EOF\n", format: .openMetrics, strictness: .openMetricsSpec).error
        #expect(error == nil, "\(body.debugDescription): \(error?.description ?? "")")
    }

    @Test func errorsPointAtTheOffendingLine() {
        let error = ParseOutcome(
            "# TYPE a counter\na_total 1\na_total -1\n# EOF\n", format: .openMetrics,
            strictness: .openMetricsSpec
        ).error
        #expect(error?.position == SourcePosition(offset: 27, line: 3, column: 1))
    }

    @Test func textFormatIgnoresTheOpenMetricsRules() {
        #expect(
            ParseOutcome("# TYPE a counter\na -1\na -2\n", format: .text, strictness: .openMetricsSpec).error == nil)
    }
}

import Testing

@testable import PromText

@Suite struct MetricLinterTests {
    private func problems(_ name: String, _ type: MetricType, help: String? = "h", labels: Labels = [:]) -> [String] {
        let family = MetricFamily(
            name: name,
            type: type,
            help: help,
            samples: [Sample(name: name, labels: labels, value: 1)]
        )
        return MetricLinter.lint([family]).map(\.text)
    }

    @Test func cleanFamiliesHaveNoProblems() {
        #expect(problems("http_requests_total", .counter).isEmpty)
        #expect(problems("process_resident_memory_bytes", .gauge).isEmpty)
        #expect(problems("request_duration_seconds", .histogram, labels: ["le": "1"]).isEmpty)
        #expect(problems("anything_total", .untyped).isEmpty)
    }

    @Test(arguments: [
        ("requests", MetricType.counter, #"counter metrics should have "_total" suffix"#),
        ("temperature_total", .gauge, #"non-counter metrics should not have "_total" suffix"#),
        ("latency_milliseconds", .gauge, #"use base unit "seconds" instead of "milliseconds""#),
        ("disk_kilobytes", .gauge, #"use base unit "bytes" instead of "kilobytes""#),
        ("queue_bucket", .gauge, #"non-histogram metrics should not have "_bucket" suffix"#),
        ("queue_count", .gauge, #"non-histogram and non-summary metrics should not have "_count" suffix"#),
        ("queue_sum", .counter, #"non-histogram and non-summary metrics should not have "_sum" suffix"#),
        ("errors_gauge", .gauge, "metric name should not include type 'gauge'"),
        ("job:errors:rate5m", .gauge, "metric names should not contain ':'"),
        ("requestCount", .gauge, "metric names should be written in 'snake_case' not 'camelCase'"),
        ("latency_ms", .gauge, "metric names should not contain abbreviated units"),
    ])
    func findsPromlintProblems(name: String, type: MetricType, expected: String) {
        #expect(problems(name, type).contains(expected))
    }

    @Test func missingHelpIsReported() {
        #expect(problems("up", .gauge, help: nil) == ["no help text"])
        #expect(problems("up", .gauge, help: "").isEmpty)
    }

    @Test func reservedAndCamelCaseLabelsAreReported() {
        #expect(problems("x", .gauge, labels: ["le": "1"]) == [#"non-histogram metrics should not have "le" label"#])
        #expect(
            problems("x", .gauge, labels: ["quantile": "1"]) == [
                #"non-summary metrics should not have "quantile" label"#
            ])
        #expect(
            problems("x", .gauge, labels: ["myLabel": "1"]) == [
                "label names should be written in 'snake_case' not 'camelCase'"
            ])
    }

    @Test func thermometersAreNotMeters() {
        #expect(problems("room_thermometers", .gauge).isEmpty)
    }

    @Test func problemsAreSortedByMetricThenText() {
        let families = [
            MetricFamily(name: "b_total", type: .gauge),
            MetricFamily(name: "a", type: .counter),
        ]
        #expect(
            MetricLinter.lint(families).map(\.description) == [
                #"a counter metrics should have "_total" suffix"#,
                "a no help text",
                "b_total no help text",
                #"b_total non-counter metrics should not have "_total" suffix"#,
            ])
    }
}

import Testing

@testable import PromText

@Suite struct NameEscapingSchemeTests {
    /// Prometheus `model.EscapeName` results for metric names.
    @Test(arguments: [
        (NameEscapingScheme.underscores, "my.metric", "my_metric"),
        (.underscores, "http_requests_total", "http_requests_total"),
        (.underscores, "9lives", "_lives"),
        (.underscores, "temp°C", "temp_C"),
        (.underscores, "a:b", "a:b"),
        (.dots, "my.metric_name", "my_dot_metric__name"),
        (.dots, "legacy_name", "legacy_name"),
        (.dots, "a-b", "a__b"),
        (.values, "my.metric", "U__my_2e_metric"),
        (.values, "my.metric_x", "U__my_2e_metric__x"),
        (.values, "temp°C", "U__temp_b0_C"),
        (.values, "🙂", "U___1f642_"),
        (.values, "ok_name", "ok_name"),
        (.allowUTF8, "my.metric", "my.metric"),
        (.underscores, "", ""),
    ])
    func escapesMetricNames(_ scheme: NameEscapingScheme, _ name: String, _ expected: String) {
        #expect(scheme.escapeMetricName(name) == expected)
    }

    /// A colon is not valid in a label name, so it is escaped there (unlike in a metric name).
    @Test(arguments: [
        (NameEscapingScheme.underscores, "a:b", "a_b"),
        (.dots, "a.b:c", "a_dot_b__c"),
        (.values, "a:b", "U__a_3a_b"),
        (.underscores, "le", "le"),
    ])
    func escapesLabelNames(_ scheme: NameEscapingScheme, _ name: String, _ expected: String) {
        #expect(scheme.escapeLabelName(name) == expected)
    }

    @Test func parameterValuesRoundTrip() {
        for scheme in NameEscapingScheme.allCases {
            #expect(NameEscapingScheme(parameterValue: scheme.parameterValue) == scheme)
        }
        #expect(NameEscapingScheme(parameterValue: "Underscores") == nil)
        #expect(NameEscapingScheme.default == .underscores)
    }
}

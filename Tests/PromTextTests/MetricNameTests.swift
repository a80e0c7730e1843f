import Testing

@testable import PromText

@Suite struct MetricNameTests {
    @Test(arguments: ["a", "_a", ":a", "a:b_c9", "http_requests_total"])
    func acceptsLegacyMetricNames(_ name: String) {
        #expect(MetricName.isValidLegacyMetricName(name))
    }

    @Test(arguments: ["", "9a", "a-b", "a.b", "é", " a"])
    func rejectsInvalidMetricNames(_ name: String) {
        #expect(!MetricName.isValidLegacyMetricName(name))
    }

    @Test(arguments: ["a", "_a", "a9", "__name__"])
    func acceptsLegacyLabelNames(_ name: String) {
        #expect(MetricName.isValidLegacyLabelName(name))
    }

    @Test(arguments: ["", "9a", "a:b", "a-b", "a.b"])
    func rejectsInvalidLabelNames(_ name: String) {
        #expect(!MetricName.isValidLegacyLabelName(name))
    }

    @Test func reservedLabelNamesStartWithTwoUnderscores() {
        #expect(MetricName.isReservedLabelName("__name__"))
        #expect(!MetricName.isReservedLabelName("_a"))
    }

    @Test func positionCountsLinesAndColumns() {
        let text = Array("ab\ncd\nef".utf8)
        #expect(SourcePosition(offset: 4, in: text) == SourcePosition(offset: 4, line: 2, column: 2))
        #expect(SourcePosition(offset: 0, in: text).description == "1:1")
    }
}

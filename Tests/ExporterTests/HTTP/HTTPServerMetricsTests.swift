import PromText
import Testing

@testable import Exporter

@Suite struct HTTPServerMetricsTests {
    @Test func collectsCounterAndCumulativeHistogram() throws {
        let metrics = HTTPServerMetrics(namespace: "tocsin_exporter", durationBuckets: [0.1, 1])
        metrics.observe(handler: "/metrics", code: 200, duration: .milliseconds(50))
        metrics.observe(handler: "/metrics", code: 200, duration: .milliseconds(500))
        metrics.observe(handler: "/metrics", code: 503, duration: .seconds(3))
        let families = metrics.collect()
        #expect(
            families.map(\.name) == [
                "tocsin_exporter_http_requests_total", "tocsin_exporter_http_request_duration_seconds",
            ])
        #expect(families[0].type == .counter)
        #expect(
            families[0].samples == [
                Sample(
                    name: "tocsin_exporter_http_requests_total", labels: ["code": "200", "handler": "/metrics"],
                    value: 2),
                Sample(
                    name: "tocsin_exporter_http_requests_total", labels: ["code": "503", "handler": "/metrics"],
                    value: 1),
            ])
        let histogram = families[1]
        #expect(histogram.type == .histogram)
        #expect(
            histogram.samples.map(\.name).map { $0.split(separator: "_").last ?? "" } == [
                "bucket", "bucket", "bucket", "sum", "count",
            ])
        #expect(histogram.samples.map { $0.labels["le"] } == ["0.1", "1", "+Inf", nil, nil])
        #expect(histogram.samples.map(\.value) == [1, 2, 3, 3.55, 3])
    }

    @Test func nothingIsReportedBeforeTheFirstRequest() {
        let families = HTTPServerMetrics(namespace: "x").collect()
        #expect(families.allSatisfy { $0.samples.isEmpty })
    }
}

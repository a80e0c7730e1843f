import Testing

@testable import PromText

/// The scrape picks its parser from the response Content-Type as Prometheus 3's `textparse.New` does.
@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("application/openmetrics-text; version=1.0.0; charset=utf-8", ExpositionFormat.openMetrics),
        ("application/openmetrics-text", .openMetrics),
        ("Application/OpenMetrics-Text;version=0.0.1", .openMetrics),
        ("text/plain; version=0.0.4; charset=utf-8", .text),
        ("text/plain", .text),
        ("  TEXT/PLAIN ; charset=\"utf-8\"", .text),
        ("text/plain; version=0.0.4;", .text),
        ("text/plain; version=1.0.0; escaping=allow-utf-8", .text),
    ])
    func picksTheFormat(_ contentType: String, _ format: ExpositionFormat) {
        #expect(ExpositionFormat(contentType: contentType) == format)
    }

    @Test(arguments: [
        "", "application/json", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily",
        "text/html", "text/plain; version", "text/plain; a=1; a=2", "text/plain; a=\"unterminated", "text/",
        "text plain", "text/plain/x", "text/plain; ;x=1",
    ])
    func rejectsMissingOrUnknown(_ contentType: String) {
        #expect(ExpositionFormat(contentType: contentType) == nil)
    }

    @Test func writerContentTypesRoundTrip() {
        for format in ExpositionFormat.allCases {
            #expect(ExpositionFormat(contentType: format.contentType) == format)
        }
    }
}

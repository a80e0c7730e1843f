import Foundation
import PromText
import TestSupport
import Testing

// docs/instrumenting.md: begin
/// The metrics behind Tocsin's `HTTPHighErrorRate` and `HTTPHighLatency` alerts, for one HTTP server.
final class HTTPServerMetrics: Sendable {
    /// Everything the server's `/metrics` endpoint shows.
    let registry = Registry()
    /// `http_requests_total{code, method}`: one increment per answered request.
    let requests: CounterFamily
    /// `http_request_duration_seconds{method}`: how long answering took; the buckets bracket the 1s alert.
    let duration: HistogramFamily

    init() throws(RegistrationError) {
        requests = try registry.register(
            CounterFamily(
                name: "http_requests_total",
                help: "HTTP requests answered, by status code and method.",
                labelNames: ["code", "method"]
            )
        )
        duration = try registry.register(
            HistogramFamily(
                name: "http_request_duration_seconds",
                help: "Time taken to answer an HTTP request.",
                labelNames: ["method"],
                buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
            )
        )
    }

    /// Counts and times one answered request.
    func record(method: String, code: Int, elapsed: Duration) {
        let (seconds, attoseconds) = elapsed.components
        requests.labels(String(code), method).increment()
        duration.labels(method).observe(Double(seconds) + Double(attoseconds) * 1e-18)
    }

    /// Runs `handler`, which answers a request and returns its status code, and records it; a handler that
    /// throws is recorded as a 500 before the error goes on.
    func instrument(method: String, _ handler: () throws -> Int) rethrows -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let code = try handler()
            record(method: method, code: code, elapsed: clock.now - start)
            return code
        } catch {
            record(method: method, code: 500, elapsed: clock.now - start)
            throw error
        }
    }

    /// The answer to a scrape of `/metrics` whose request carried this `Accept` header (`nil` if none).
    func scrape(accept: String?) -> (contentType: String, body: [UInt8]) {
        let negotiated = ContentNegotiation(accept: accept)
        var body: [UInt8] = []
        ExpositionWriter.write(
            registry.collect(),
            format: negotiated.format,
            escaping: negotiated.escaping,
            into: &body
        )
        return (negotiated.contentType, body)
    }
}
// docs/instrumenting.md: end

/// The example of docs/instrumenting.md, compiled and run: it must expose exactly what the shipped alert rules
/// query.
@Suite("docs/instrumenting.md example")
struct InstrumentingExampleTests {
    private struct HandlerFailure: Error {}

    /// Three fast GETs, one slow failing GET, one POST whose handler throws.
    private func exampleTraffic() throws -> HTTPServerMetrics {
        let metrics = try HTTPServerMetrics()
        for _ in 0..<3 {
            #expect(metrics.instrument(method: "GET") { 200 } == 200)
        }
        metrics.record(method: "GET", code: 503, elapsed: .milliseconds(1500))
        #expect(throws: HandlerFailure.self) {
            try metrics.instrument(method: "POST") { throw HandlerFailure() }
        }
        return metrics
    }

    @Test("the text exposition has the series the HTTP alerts query")
    func exposesTheAlertedSeries() throws {
        let (contentType, body) = try exampleTraffic().scrape(accept: "text/plain;version=0.0.4")
        #expect(contentType == "text/plain; version=0.0.4; charset=utf-8")
        let lines = Set(String(decoding: body, as: UTF8.self).split(separator: "\n").map(String.init))
        let expected = [
            "# TYPE http_requests_total counter",
            #"http_requests_total{code="200",method="GET"} 3"#,
            #"http_requests_total{code="503",method="GET"} 1"#,
            #"http_requests_total{code="500",method="POST"} 1"#,
            "# TYPE http_request_duration_seconds histogram",
            #"http_request_duration_seconds_bucket{method="GET",le="1"} 3"#,
            #"http_request_duration_seconds_bucket{method="GET",le="2.5"} 4"#,
            #"http_request_duration_seconds_bucket{method="GET",le="+Inf"} 4"#,
            #"http_request_duration_seconds_count{method="GET"} 4"#,
            #"http_request_duration_seconds_count{method="POST"} 1"#,
        ]
        for line in expected {
            #expect(lines.contains(line), "missing \(line)")
        }
    }

    @Test("an OpenMetrics scraper gets OpenMetrics")
    func negotiatesOpenMetrics() throws {
        let (contentType, body) = try exampleTraffic()
            .scrape(accept: "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
        #expect(contentType == "application/openmetrics-text; version=1.0.0; charset=utf-8")
        #expect(String(decoding: body, as: UTF8.self).hasSuffix("# EOF\n"))
    }

    @Test("promtool check metrics finds no problem", .enabled(if: Peers.available("promtool")))
    func passesPromtoolLint() throws {
        let (_, body) = try exampleTraffic().scrape(accept: nil)
        let promtool = try #require(Peers.path(of: "promtool"))
        let result = try ProcessRunner.run(promtool, ["check", "metrics"], input: Data(body), timeout: 30)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.isEmpty && result.standardError.isEmpty, "\(result.standardError)")
    }

    @Test("docs/instrumenting.md shows exactly this code")
    func documentationMatches() throws {
        let root = Paths.packageRoot
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let document = try String(contentsOf: root.appendingPathComponent("docs/instrumenting.md"), encoding: .utf8)
        let example = try #require(
            Self.text(in: source, between: "// docs/instrumenting.md: begin\n", and: "// docs/instrumenting.md: end\n"))
        let shown = try #require(Self.text(in: document, between: "```swift\n", and: "```\n"))
        #expect(shown == "import PromText\n\n" + example)
    }

    private static func text(in whole: String, between start: String, and end: String) -> String? {
        guard let from = whole.range(of: start), let to = whole.range(of: end, range: from.upperBound..<whole.endIndex)
        else { return nil }
        return String(whole[from.upperBound..<to.lowerBound])
    }
}

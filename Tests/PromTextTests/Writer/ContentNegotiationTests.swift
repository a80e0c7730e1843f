import Testing

@testable import PromText

@Suite struct ContentNegotiationTests {
    static let text = "text/plain; version=0.0.4; charset=utf-8"
    static let openMetrics1 = "application/openmetrics-text; version=1.0.0; charset=utf-8"
    static let openMetrics0 = "application/openmetrics-text; version=0.0.1; charset=utf-8"

    /// What real scrapers send, and what client_golang's promhttp (OpenMetrics enabled) answers.
    static let cases: [(accept: String, contentType: String)] = [
        // Prometheus 2.42 (2.36 … 2.48 send the same header).
        (
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
            openMetrics1
        ),
        // Prometheus 3.x default scrape_protocols, UTF-8 names allowed.
        (
            "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
                + "application/openmetrics-text;version=0.0.1;q=0.5,"
                + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
            "application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=allow-utf-8"
        ),
        // Prometheus 3.x with metric_name_escaping_scheme: dots.
        (
            "application/openmetrics-text;version=1.0.0;escaping=dots;q=0.6,"
                + "application/openmetrics-text;version=0.0.1;q=0.5,"
                + "text/plain;version=1.0.0;escaping=dots;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
            "application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=dots"
        ),
        // Prometheus 3.x with scrape_protocols: [PrometheusText0.0.4].
        ("text/plain;version=0.0.4;q=0.6,*/*;q=0.5", text),
        // Prometheus 3.x with protobuf first: Tocsin has no protobuf, the next clause wins.
        (
            "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,"
                + "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,*/*;q=0.1",
            "application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=allow-utf-8"
        ),
        // Prometheus 2.33 and older.
        ("application/openmetrics-text; version=0.0.1,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", openMetrics0),
        // curl, browsers, nothing at all.
        ("*/*", text),
        ("", text),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", text),
        ("text/plain", text),
        ("application/openmetrics-text", openMetrics0),
        ("application/openmetrics-text;version=2.0.0", text),
        ("text/plain;version=1.0.0", text),
        // q-values decide, not header order.
        ("text/plain;version=0.0.4;q=0.3,application/openmetrics-text;version=1.0.0;q=0.9", openMetrics1),
        ("application/openmetrics-text;version=1.0.0;q=0.2,text/plain;version=0.0.4", text),
        // An unparsable q counts as 0.
        ("application/openmetrics-text;version=1.0.0;q=high,text/plain;q=0.1", text),
        // Unknown escaping values are ignored; a known one applies even from a clause that did not match.
        ("text/plain;escaping=bogus", text),
        (
            "text/plain;version=1.0.0;escaping=values,text/plain;version=0.0.4;q=0.5",
            "text/plain; version=0.0.4; charset=utf-8; escaping=values"
        ),
        // The charset parameter is not compared.
        ("application/openmetrics-text;version=1.0.0;charset=latin1", openMetrics1),
    ]

    @Test(arguments: cases)
    func negotiatesLikePromhttp(_ accept: String, _ contentType: String) {
        #expect(ContentNegotiation(accept: accept).contentType == contentType)
    }

    @Test func absentHeaderGivesTextWithDefaultEscaping() {
        let negotiated = ContentNegotiation(accept: nil)
        #expect(negotiated.format == .text)
        #expect(negotiated.escaping == .underscores)
        #expect(negotiated.contentType == Self.text)
    }

    @Test func prometheus3GetsOpenMetricsWithUTF8Names() {
        let negotiated = ContentNegotiation(
            accept: "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,*/*;q=0.2")
        #expect(negotiated.format == .openMetrics)
        #expect(negotiated.escaping == .allowUTF8)
    }

    /// goautoneg puts a concrete type before a wildcard even against q; Go's insertion sort fixes the outcome.
    @Test func wildcardOrderingFollowsGoautoneg() {
        let clauses = AcceptClause.parseHeader("*/*;q=0.9, text/plain;q=0.1, application/json;q=0.5")
        #expect(clauses.map { "\($0.type)/\($0.subtype)" } == ["application/json", "text/plain", "*/*"])
    }

    @Test func parsesParametersLikeGoautoneg() {
        let clauses = AcceptClause.parseHeader(" text/plain ; version = 0.0.4 ;q=0.5, bogus, */* ")
        #expect(clauses.count == 2)
        #expect(clauses[0].type == "*" && clauses[0].subtype == "*" && clauses[0].quality == 1)
        #expect(clauses[1].parameter("version") == "0.0.4")
        #expect(clauses[1].quality == 0.5)
    }
}

import Testing

@testable import PromText

/// `parseFamilies` groups samples into families by name and metadata, as Prometheus's metadata matching does.
@Suite struct ParseFamiliesTests {
    @Test func groupsOpenMetricsSamplesBySuffix() throws {
        let payload = """
            # TYPE req counter
            # HELP req Requests.
            # UNIT req_seconds seconds
            req_total{code="200"} 3 # {trace_id="x"} 1
            req_created 1.6e9
            # TYPE lat histogram
            lat_bucket{le="+Inf"} 2
            lat_count 2
            lat_sum 0.5
            bare 1
            # EOF

            """
        let families = try ExpositionParser.parseFamilies(Array(payload.utf8), format: .openMetrics)
        #expect(families.map(\.name) == ["req", "req_seconds", "lat", "bare"])
        #expect(families[0].type == .counter && families[0].help == "Requests.")
        #expect(families[0].samples.map(\.name) == ["req_total", "req_created"])
        #expect(families[0].samples[0].exemplar == Exemplar(labels: ["trace_id": "x"], value: 1))
        #expect(families[1].unit == "seconds" && families[1].type == .untyped)
        #expect(families[2].samples.count == 3 && families[2].type == .histogram)
        #expect(families[3] == MetricFamily(name: "bare", type: .untyped, samples: [Sample(name: "bare", value: 1)]))
    }

    @Test func textFamiliesKeepTheirOwnNames() throws {
        let payload = """
            # HELP http_requests_total Total requests.
            # TYPE http_requests_total counter
            http_requests_total{method="get"} 10 1395066363000
            # TYPE rpc summary
            rpc{quantile="0.5"} 0.2
            rpc_sum 1
            rpc_count 2
            rpc_info 1
            # TYPE m gauge
            # TYPE m untyped
            m 1
            """
        let families = try ExpositionParser.parseFamilies(Array(payload.utf8), format: .text)
        #expect(families.map(\.name) == ["http_requests_total", "rpc", "m"])
        #expect(
            families[0].samples == [
                Sample(
                    name: "http_requests_total", labels: ["method": "get"], value: 10,
                    timestampMilliseconds: 1_395_066_363_000)
            ])
        #expect(families[1].samples.map(\.name) == ["rpc", "rpc_sum", "rpc_count", "rpc_info"])
        #expect(families[2].type == .untyped)
    }

    @Test func errorsCarryTheirPosition() {
        #expect(throws: ExpositionError.self) {
            try ExpositionParser.parseFamilies(Array("m 1\nm{".utf8), format: .text)
        }
    }
}

@testable import PromText

/// Metric families exercising every rule of the writer, shared by the golden-file tests.
enum ExpositionFixtures {
    /// One family of every type, in scrambled order, with escaping hazards, timestamps and exemplars.
    static let everyType: [MetricFamily] = [
        MetricFamily(
            name: "http_requests", type: .counter,
            help: "Requests served, by \"code\".\nSecond line with a \\ backslash.",
            samples: [
                Sample(
                    name: "http_requests_total", labels: ["path": "/b", "code": "200"], value: 7,
                    exemplar: Exemplar(
                        labels: ["trace_id": "abc123"], value: 0.25, timestampMilliseconds: 1_520_879_607_789)),
                Sample(name: "http_requests_created", labels: ["code": "200", "path": "/b"], value: 1_520_000_000),
                Sample(name: "http_requests_total", labels: ["code": "200", "path": "/a"], value: 1e6),
                Sample(name: "http_requests_total", labels: ["code": "500", "path": "/a"], value: 0),
            ]),
        MetricFamily(
            name: "temperature_celsius", type: .gauge, help: "Temperature.", unit: "celsius",
            samples: [
                Sample(name: "temperature_celsius", labels: ["room": "a\\b \"quoted\"\nnext"], value: -0.0),
                Sample(
                    name: "temperature_celsius", labels: ["room": "kitchen"], value: 21.5,
                    timestampMilliseconds: 1_700_000_000_123),
                Sample(name: "temperature_celsius", labels: ["room": "cellar"], value: .nan),
                Sample(name: "temperature_celsius", labels: ["room": "oven"], value: .infinity),
                Sample(name: "temperature_celsius", labels: ["room": "void"], value: -.infinity),
                Sample(name: "temperature_celsius", labels: ["room": "ünïcödé ☃"], value: 1_234_567),
                Sample(name: "temperature_celsius", labels: ["room": "past"], value: 3, timestampMilliseconds: -5),
            ]),
        MetricFamily(
            name: "request_duration_seconds", type: .histogram, help: "Latency.", unit: "seconds",
            samples: [
                Sample(name: "request_duration_seconds_bucket", labels: ["method": "GET", "le": "0.1"], value: 3),
                Sample(
                    name: "request_duration_seconds_bucket", labels: ["method": "GET", "le": "1.0"], value: 5,
                    exemplar: Exemplar(labels: ["trace_id": "x"], value: 0.5)),
                Sample(name: "request_duration_seconds_bucket", labels: ["le": "+Inf", "method": "GET"], value: 6),
                Sample(name: "request_duration_seconds_sum", labels: ["method": "GET"], value: 2.75),
                Sample(name: "request_duration_seconds_count", labels: ["method": "GET"], value: 6),
                Sample(name: "request_duration_seconds_created", labels: ["method": "GET"], value: 1_520_000_000.5),
            ]),
        MetricFamily(
            name: "rpc_latency", type: .summary, help: "RPC latency.", unit: "seconds",
            samples: [
                Sample(name: "rpc_latency_sum", value: 12.5),
                Sample(name: "rpc_latency_count", value: 2_000_000),
                Sample(name: "rpc_latency", labels: ["quantile": "0.5"], value: 0.01),
                Sample(name: "rpc_latency", labels: ["quantile": "0.99"], value: 0.2),
            ]),
        MetricFamily(
            name: "legacy_thing", type: .untyped,
            samples: [Sample(name: "legacy_thing", value: 42)]),
        MetricFamily(
            name: "build", type: .info, help: "Build information.",
            samples: [Sample(name: "build_info", labels: ["version": "1.2.3", "revision": "abc"], value: 1)]),
        MetricFamily(
            name: "door", type: .stateset,
            samples: [
                Sample(name: "door", labels: ["door": "open"], value: 0),
                Sample(name: "door", labels: ["door": "closed"], value: 1),
            ]),
        MetricFamily(
            name: "queue_size", type: .gaugeHistogram,
            samples: [
                Sample(name: "queue_size_bucket", labels: ["le": "10"], value: 4),
                Sample(name: "queue_size_bucket", labels: ["le": "+Inf"], value: 9),
                Sample(name: "queue_size_gsum", value: 51),
                Sample(name: "queue_size_gcount", value: 9),
            ]),
        MetricFamily(
            name: "odd_counter", type: .counter, help: "A counter whose samples lack _total.",
            samples: [Sample(name: "odd_counter", value: 3)]),
        MetricFamily(name: "empty_family", type: .gauge, help: "No samples: not written."),
    ]

    /// Names outside the legacy character set, for the escaping schemes.
    static let utf8Names: [MetricFamily] = [
        MetricFamily(
            name: "my.metric", type: .gauge, help: "A dotted name.",
            samples: [
                Sample(name: "my.metric", labels: ["a.b": "c", "host:port": "x", "plain": "y"], value: 1),
                Sample(name: "my.metric", value: 2),
            ]),
        MetricFamily(
            name: "requests.served", type: .counter,
            samples: [Sample(name: "requests.served_total", labels: ["code": "200"], value: 5)]),
        MetricFamily(
            name: "température", type: .gauge,
            samples: [Sample(name: "température", labels: ["lieu": "cave"], value: 12)]),
        MetricFamily(
            name: "io.wait", type: .histogram,
            samples: [
                Sample(name: "io.wait_bucket", labels: ["le": "+Inf"], value: 1),
                Sample(name: "io.wait_sum", value: 0.5),
                Sample(name: "io.wait_count", value: 1),
            ]),
    ]
}

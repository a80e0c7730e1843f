import PromText

/// A registry that exercises every instrument type, labelled and not, with awkward label values.
enum RegistryFixture {
    static func make() throws -> Registry {
        let registry = Registry()
        let requests = try registry.register(
            CounterFamily(name: "http_requests_total", help: "Requests served.", labelNames: ["code", "method"]))
        requests.labels("200", "GET").increment(by: 42)
        requests.labels("500", "POST").increment()
        let temperature = try registry.register(GaugeFamily(name: "room_temperature_celsius", help: "Temperature."))
        temperature.labels().set(-3.25)
        let latency = try registry.register(
            HistogramFamily(
                name: "http_request_duration_seconds", help: "Request latency.", labelNames: ["handler"]))
        for value in [0.003, 0.04, 0.2, 1.5, 12] { latency.labels("/api").observe(value) }
        let sizes = try registry.register(
            SummaryFamily(
                name: "response_size_bytes", help: "Response sizes.", labelNames: ["path"],
                objectives: [0.5: 0.05, 0.99: 0.001]))
        for value in stride(from: 100.0, through: 1000, by: 100) {
            sizes.labels("/a \"quoted\"\\path\n").observe(value)
        }
        _ = try registry.register(
            Info(name: "build", help: "Build facts.", labels: ["version": "1.0", "revision": "abc"]))
        return registry
    }
}

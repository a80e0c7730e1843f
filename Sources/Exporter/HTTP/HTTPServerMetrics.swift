import PromText

/// Request counts and durations of an HTTP server, exposed as a ``Collector``.
///
/// Produces `<namespace>_http_requests_total{code,handler}` (counter) and
/// `<namespace>_http_request_duration_seconds{handler}` (histogram), the shape of client_golang's promhttp
/// instrumentation, with PromText's lock-free instruments. `handler` is the route path (or
/// ``Router/unmatchedHandlerName``).
public final class HTTPServerMetrics: Collector {
    /// The metric name prefix, e.g. `tocsin_exporter`.
    public let namespace: String
    private let requests: CounterFamily
    private let durations: HistogramFamily

    /// Creates the metrics; the default buckets are Prometheus's `DefBuckets` (5 ms to 10 s).
    public init(namespace: String, durationBuckets: [Double] = Histogram.defaultBuckets) {
        self.namespace = namespace
        requests = CounterFamily(
            name: "\(namespace)_http_requests_total", help: "Total number of HTTP requests by handler and status code.",
            labelNames: ["code", "handler"])
        durations = HistogramFamily(
            name: "\(namespace)_http_request_duration_seconds", help: "Duration of HTTP requests in seconds.",
            labelNames: ["handler"], buckets: durationBuckets)
    }

    /// Records one served request.
    public func observe(handler: String, code: Int, duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        requests.labels(String(code), handler).increment()
        durations.labels(handler).observe(seconds)
    }

    /// The request counter family, then the duration histogram family.
    public func collect() -> [MetricFamily] {
        requests.collect() + durations.collect()
    }
}

import PromText
import Synchronization

/// Request counts and durations of an HTTP server, exposed as a ``Collector``.
///
/// Produces `<namespace>_http_requests_total{code,handler}` (counter) and
/// `<namespace>_http_request_duration_seconds{handler}` (histogram), the shape of client_golang's promhttp
/// instrumentation. `handler` is the route path (or ``Router/unmatchedHandlerName``).
public final class HTTPServerMetrics: Collector {
    private struct RequestKey: Hashable {
        var handler: String
        var code: Int
    }

    private struct Histogram {
        var bucketCounts: [UInt64]
        var sum = 0.0
        var count: UInt64 = 0
    }

    private struct State {
        var requests: [RequestKey: UInt64] = [:]
        var durations: [String: Histogram] = [:]
    }

    /// The metric name prefix, e.g. `tocsin_exporter`.
    public let namespace: String
    /// The histogram's upper bounds in seconds (without `+Inf`).
    public let durationBuckets: [Double]
    private let state = Mutex(State())

    /// Creates the metrics; the default buckets are Prometheus's `DefBuckets` (5 ms to 10 s).
    public init(
        namespace: String, durationBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    ) {
        self.namespace = namespace
        self.durationBuckets = durationBuckets.sorted()
    }

    /// Records one served request.
    public func observe(handler: String, code: Int, duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        state.withLock { state in
            state.requests[RequestKey(handler: handler, code: code), default: 0] += 1
            var histogram =
                state.durations[handler] ?? Histogram(bucketCounts: Array(repeating: 0, count: durationBuckets.count))
            if let bucket = durationBuckets.firstIndex(where: { seconds <= $0 }) { histogram.bucketCounts[bucket] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.durations[handler] = histogram
        }
    }

    /// The number of requests recorded for `handler` with status `code`.
    public func requestCount(handler: String, code: Int) -> UInt64 {
        state.withLock { $0.requests[RequestKey(handler: handler, code: code)] ?? 0 }
    }

    /// The two metric families, series sorted by label values.
    public func collect() -> [MetricFamily] {
        let snapshot = state.withLock { $0 }
        let requestsName = "\(namespace)_http_requests_total"
        let requests = snapshot.requests.sorted { ($0.key.handler, $0.key.code) < ($1.key.handler, $1.key.code) }
            .map { key, count in
                Sample(
                    name: requestsName, labels: ["code": String(key.code), "handler": key.handler], value: Double(count)
                )
            }
        let durationName = "\(namespace)_http_request_duration_seconds"
        let durations = snapshot.durations.sorted { $0.key < $1.key }.flatMap { handler, histogram in
            var cumulative: UInt64 = 0
            var samples = zip(durationBuckets, histogram.bucketCounts).map { bound, count in
                cumulative += count
                return Sample(
                    name: durationName + "_bucket", labels: ["handler": handler, "le": formatBound(bound)],
                    value: Double(cumulative))
            }
            samples.append(
                Sample(
                    name: durationName + "_bucket", labels: ["handler": handler, "le": "+Inf"],
                    value: Double(histogram.count)))
            samples.append(Sample(name: durationName + "_sum", labels: ["handler": handler], value: histogram.sum))
            samples.append(
                Sample(name: durationName + "_count", labels: ["handler": handler], value: Double(histogram.count)))
            return samples
        }
        return [
            MetricFamily(
                name: requestsName, type: .counter, help: "Total number of HTTP requests by handler and status code.",
                samples: requests),
            MetricFamily(
                name: durationName, type: .histogram, help: "Duration of HTTP requests in seconds.", unit: "seconds",
                samples: durations),
        ]
    }

    /// A bucket bound as Prometheus writes `le`: shortest decimal form, integers without `.0`.
    private func formatBound(_ bound: Double) -> String {
        bound == bound.rounded() && abs(bound) < 1e15 ? String(Int64(bound)) : String(bound)
    }
}

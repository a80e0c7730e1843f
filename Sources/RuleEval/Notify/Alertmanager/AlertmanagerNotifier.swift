import Dispatch
import Exporter
import PromText
import Synchronization

/// Sends alerts to Alertmanagers as Prometheus's notifier manager does: ``send(_:)`` adds external labels,
/// applies the global alert relabeling and queues the alerts (a bounded queue that drops the oldest on
/// overflow); one sender loop posts batches of at most ``maximumBatchSize`` to every endpoint in parallel, each
/// with its own relabeling and timeout. ``stop(drainingFor:)`` sends what is queued until a deadline.
///
/// Metrics (``collect()``) mirror `prometheus_notifications_*` under the `tocsin_` prefix.
public final class AlertmanagerNotifier: Collector {
    /// Prometheus's `maxBatchSize`.
    public static let maximumBatchSize = 64

    private struct State {
        var queue: [AlertmanagerAlert] = []
        var queueStart = 0
        var senderRunning = false
        var stopped = false
        var drainDeadline: ContinuousClock.Instant?

        var queuedCount: Int { queue.count - queueStart }

        mutating func takeBatch(_ size: Int) -> [AlertmanagerAlert] {
            let end = min(queue.count, queueStart + size)
            let batch = Array(queue[queueStart..<end])
            queueStart = end
            if queueStart == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueStart = 0
            }
            return batch
        }

        mutating func dropOldest(_ count: Int) {
            queueStart += count
            if queueStart >= queue.count {
                queue.removeAll(keepingCapacity: true)
                queueStart = 0
            }
        }
    }

    private let endpoints: [AlertmanagerEndpoint]
    private let externalLabels: Labels
    private let alertRelabelConfigs: [RelabelConfiguration]
    private let capacity: Int
    private let state = Mutex(State())
    private let senderFinished = DispatchSemaphore(value: 0)
    private let senderQueue = DispatchQueue(label: "tocsin.alertmanager-notifier")

    private let sent = CounterFamily(
        name: "tocsin_notifications_sent_total", help: "Total number of alerts sent.", labelNames: ["alertmanager"])
    private let errors = CounterFamily(
        name: "tocsin_notifications_errors_total",
        help: "Total number of errors sending alert notifications.", labelNames: ["alertmanager"])
    private let dropped = CounterFamily(
        name: "tocsin_notifications_dropped_total",
        help: "Total number of alerts dropped due to errors when sending to Alertmanager.")
    private let queueLength = GaugeFamily(
        name: "tocsin_notifications_queue_length", help: "The number of alert notifications in the queue.")
    private let queueCapacity = GaugeFamily(
        name: "tocsin_notifications_queue_capacity", help: "The capacity of the alert notifications queue.")
    /// A summary with Prometheus's objectives, as `prometheus_notifications_latency_seconds` is.
    private let latency = SummaryFamily(
        name: "tocsin_notifications_latency_seconds", help: "Latency quantiles for sending alert notifications.",
        labelNames: ["alertmanager"], objectives: [0.5: 0.05, 0.9: 0.01, 0.99: 0.001])

    /// Creates a notifier for `endpoints`; `capacity` is `--alertmanager.notification-queue-capacity`.
    public init(
        endpoints: [AlertmanagerEndpoint], externalLabels: Labels = [:],
        alertRelabelConfigs: [RelabelConfiguration] = [],
        capacity: Int = 10_000
    ) {
        self.endpoints = endpoints
        self.externalLabels = externalLabels
        self.alertRelabelConfigs = alertRelabelConfigs
        self.capacity = max(1, capacity)
        queueCapacity.labels([String]()).set(Double(self.capacity))
        _ = dropped.labels([String]())
        for endpoint in endpoints {
            _ = sent.labels(endpoint.url)
            _ = errors.labels(endpoint.url)
            _ = latency.labels(endpoint.url)
        }
    }

    /// Creates a notifier for every static Alertmanager of `configuration`, with the global external labels.
    public convenience init(configuration: AlertingConfiguration, externalLabels: Labels, capacity: Int = 10_000) {
        self.init(
            endpoints: configuration.alertmanagers.flatMap(AlertmanagerEndpoint.endpoints(of:)),
            externalLabels: externalLabels, alertRelabelConfigs: configuration.alertRelabelConfigs, capacity: capacity)
    }

    /// Queues alerts for sending (`notifier.Manager.Send`); ignored after ``stop(drainingFor:)``.
    public func send(_ alerts: [AlertmanagerAlert]) {
        let prepared = alerts.compactMap {
            $0.prepared(externalLabels: externalLabels, relabelConfigs: alertRelabelConfigs)
        }
        guard !prepared.isEmpty else { return }
        let (startSender, droppedCount) = state.withLock { state -> (Bool, Int) in
            guard !state.stopped else { return (false, 0) }
            var incoming = prepared[...]
            var droppedCount = 0
            if incoming.count > capacity {
                droppedCount += incoming.count - capacity
                incoming = incoming.suffix(capacity)
            }
            let overflow = state.queuedCount + incoming.count - capacity
            if overflow > 0 {
                state.dropOldest(overflow)
                droppedCount += overflow
            }
            state.queue += incoming
            let start = !state.senderRunning
            state.senderRunning = true
            return (start, droppedCount)
        }
        if droppedCount > 0 { dropped.labels([String]()).increment(by: Double(droppedCount)) }
        if startSender { senderQueue.async { self.runSender() } }
    }

    /// The number of alerts waiting to be sent.
    public var queuedCount: Int { state.withLock { $0.queuedCount } }

    /// Stops accepting alerts and waits up to `drainTimeout` while the queued ones are sent; whatever is still
    /// queued at the deadline is dropped (and counted).
    public func stop(drainingFor drainTimeout: Duration) {
        let deadline = ContinuousClock.now + drainTimeout
        let running = state.withLock { state -> Bool in
            state.stopped = true
            state.drainDeadline = deadline
            return state.senderRunning
        }
        guard running else { return }
        let remaining = (deadline - .now).components
        let nanoseconds = max(0, remaining.seconds * 1_000_000_000 + remaining.attoseconds / 1_000_000_000)
        _ = senderFinished.wait(timeout: .now() + .nanoseconds(Int(clamping: nanoseconds)))
    }

    /// Sends batches until the queue is empty (or the drain deadline has passed), then signals a waiting stop.
    private func runSender() {
        while true {
            let batch = state.withLock { state -> [AlertmanagerAlert]? in
                if let deadline = state.drainDeadline, ContinuousClock.now >= deadline, state.queuedCount > 0 {
                    dropped.labels([String]()).increment(by: Double(state.queuedCount))
                    state.dropOldest(state.queuedCount)
                }
                guard state.queuedCount > 0 else {
                    state.senderRunning = false
                    return nil
                }
                return state.takeBatch(Self.maximumBatchSize)
            }
            guard let batch else { break }
            sendToAll(batch)
        }
        if state.withLock({ $0.stopped }) { senderFinished.signal() }
    }

    /// Posts `batch` to every endpoint in parallel (`sendAll`); every post is counted in `sent`, failures also
    /// in `errors`.
    private func sendToAll(_ batch: [AlertmanagerAlert]) {
        DispatchQueue.concurrentPerform(iterations: endpoints.count) { index in
            let endpoint = endpoints[index]
            let alerts = batch.compactMap {
                $0.prepared(externalLabels: [:], relabelConfigs: endpoint.alertRelabelConfigs)
            }
            guard !alerts.isEmpty else { return }
            let begin = ContinuousClock.now
            if !post(AlertmanagerAlert.requestBody(alerts), to: endpoint) {
                errors.labels(endpoint.url).increment(by: Double(alerts.count))
            }
            let elapsed = ContinuousClock.now - begin
            latency.labels(endpoint.url).observe(
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            sent.labels(endpoint.url).increment(by: Double(alerts.count))
        }
    }

    /// One POST; success is a 2xx answer (`sendOne`).
    private func post(_ body: [UInt8], to endpoint: AlertmanagerEndpoint) -> Bool {
        let client = HTTPClient(
            timeout: endpoint.timeout, maximumBodySize: 1 << 20,
            transport: TLSTransport.forScheme(endpoint.scheme, configuration: endpoint.tlsConfig))
        var headers: HTTPHeaders = [
            "Content-Type": "application/json", "User-Agent": "tocsin-ruleeval/\(BuildInfo.version)",
        ]
        do {
            if let credentials = try CredentialHeader.value(
                basicAuth: endpoint.basicAuth, authorization: endpoint.authorization)
            {
                headers.add(name: "Authorization", value: credentials)
            }
            let response = try client.send(
                .post, host: endpoint.host, port: endpoint.port, target: endpoint.path, headers: headers, body: body)
            return (200..<300).contains(response.status)
        } catch {
            return false
        }
    }

    /// The notification metrics; the queue length is read at collection time (a `GaugeFunc` in Prometheus).
    public func collect() -> [MetricFamily] {
        queueLength.labels([String]()).set(Double(queuedCount))
        let instruments: [any Collector] = [queueLength, queueCapacity, dropped, sent, errors, latency]
        return instruments.flatMap { $0.collect() }
    }
}

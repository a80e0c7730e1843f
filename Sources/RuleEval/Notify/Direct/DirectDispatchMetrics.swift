import PromText

/// The metrics of direct notification dispatch, named after Alertmanager's `alertmanager_notifications_*`
/// under the `tocsin_` prefix; `integration` is `webhook`, `slack`, `pagerduty` or `email`.
struct DirectDispatchMetrics: Sendable {
    /// Notifications delivered (once each, however many attempts it took).
    let sent = CounterFamily(
        name: "tocsin_notifications_total", help: "The total number of notifications delivered.",
        labelNames: ["integration"])
    /// Notifications given up on (not retryable, or retried for too long).
    let failed = CounterFamily(
        name: "tocsin_notifications_failed_total",
        help: "The total number of notifications that could not be delivered.",
        labelNames: ["integration"])
    /// Delivery attempts (HTTP requests or SMTP sessions).
    let requests = CounterFamily(
        name: "tocsin_notification_requests_total", help: "The total number of attempted notification requests.",
        labelNames: ["integration"])
    /// Notifications waiting in the durable outbox.
    let outboxLength = GaugeFamily(
        name: "tocsin_notification_outbox_length", help: "The number of notifications in the outbox.")
    /// The duration of each attempt, with Alertmanager's buckets.
    let latency = HistogramFamily(
        name: "tocsin_notification_latency_seconds", help: "The latency of notification requests.",
        labelNames: ["integration"], buckets: [1, 5, 10, 15, 20])

    init() {
        for kind in [Notification.Integration.Kind.webhook, .slack, .pagerduty, .email] {
            for family in [sent, failed, requests] { _ = family.labels(kind.rawValue) }
            _ = latency.labels(kind.rawValue)
        }
    }

    /// Every family, the outbox gauge set to `outboxCount` first.
    func collect(outboxCount: Int) -> [MetricFamily] {
        outboxLength.labels([String]()).set(Double(outboxCount))
        let collectors: [any Collector] = [sent, failed, requests, outboxLength, latency]
        return collectors.flatMap { $0.collect() }
    }
}

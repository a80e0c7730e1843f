import PromText

/// The alert instances of one alerting rule and their lifecycle: a pure value stepped by evaluation results.
///
/// Semantics follow Prometheus's `rules/alerting.go`: a new result series becomes pending; pending turns firing
/// once active for the hold duration (at once when it is zero); a series that disappears drops a pending alert,
/// and resolves a firing one unless `keep_firing_for` still holds it; resolved alerts are kept for
/// ``resolvedRetention`` so the resolution can be re-sent, then forgotten. A failed query must not call
/// ``evaluate(results:at:limit:)`` at all, which leaves the state untouched.
public struct AlertTable: Sendable, Hashable {
    /// How long a resolved alert is kept (Prometheus: 15 minutes).
    public static let resolvedRetention: Int64 = 15 * 60 * 1000

    /// The rule's `for`, in milliseconds.
    public var holdDuration: Int64
    /// The rule's `keep_firing_for`, in milliseconds.
    public var keepFiringFor: Int64
    /// Alert instances keyed by their labels.
    public private(set) var alerts: [Labels: Alert] = [:]
    /// The time up to which ``alerts`` is known: the last evaluation, or the restore of persisted state; `nil`
    /// before either. Persisting the table records it, so a later restore knows how long the outage lasted.
    public private(set) var stateTime: Int64?

    /// Creates an empty table for a rule.
    public init(holdDuration: Int64, keepFiringFor: Int64) {
        self.holdDuration = holdDuration
        self.keepFiringFor = keepFiringFor
    }

    /// One series the rule's expression returned, with its alert labels and annotations already expanded.
    public struct Result: Sendable {
        /// The alert's identifying labels.
        public var labels: Labels
        /// The expanded annotations.
        public var annotations: Labels
        /// The sample value.
        public var value: Double

        /// Creates a result.
        public init(labels: Labels, annotations: Labels, value: Double) {
            self.labels = labels
            self.annotations = annotations
            self.value = value
        }
    }

    /// Applies one evaluation at `time`. Throws ``AlertLimitError`` (after dropping every alert, as Prometheus does)
    /// when more than `limit` alerts are pending or firing; `limit` 0 means no limit.
    public mutating func evaluate(results: [Result], at time: Int64, limit: Int = 0) throws(AlertLimitError) {
        stateTime = time
        var seen = Set<Labels>()
        for result in results {
            let key = result.labels.sorted()
            seen.insert(key)
            if var existing = alerts[key], existing.state != .inactive {
                existing.value = result.value
                existing.annotations = result.annotations
                alerts[key] = existing
            } else {
                alerts[key] = Alert(
                    labels: key, annotations: result.annotations, value: result.value, activeAt: time)
            }
        }

        var activeCount = 0
        for key in Array(alerts.keys) {
            guard var alert = alerts[key] else { continue }
            if seen.contains(key) {
                alert.keepFiringSince = nil
            } else {
                var keepFiring = false
                if alert.state == .firing && keepFiringFor > 0 {
                    let since = alert.keepFiringSince ?? time
                    alert.keepFiringSince = since
                    keepFiring = time - since < keepFiringFor
                }
                if alert.state == .pending
                    || (alert.resolvedAt.map { time - $0 > Self.resolvedRetention } ?? false)
                {
                    alerts[key] = nil
                    continue
                }
                if alert.state != .inactive && !keepFiring {
                    alert.state = .inactive
                    alert.resolvedAt = time
                }
                if !keepFiring {
                    alerts[key] = alert
                    continue
                }
            }
            activeCount += 1
            if alert.state == .pending && time - alert.activeAt >= holdDuration {
                alert.state = .firing
                alert.firedAt = time
            }
            alerts[key] = alert
        }

        if limit > 0 && activeCount > limit {
            alerts = [:]
            throw AlertLimitError(limit: limit, count: activeCount)
        }
    }

    /// Pending and firing alerts (the ones `ALERTS` reports), sorted by labels for stable output.
    public var activeAlerts: [Alert] {
        alerts.values.filter { $0.state != .inactive }.sorted {
            $0.labels.pairs.lexicographicallyPrecedes($1.labels.pairs)
        }
    }

    /// The highest state of any instance (the rule's state on the status page).
    public var state: AlertState {
        alerts.values.map(\.state).max() ?? .inactive
    }

    /// Records that `alert` was handed to the notifier at `time`, valid until `validUntil`.
    public mutating func markSent(_ labels: Labels, at time: Int64, validUntil: Int64) {
        alerts[labels]?.lastSentAt = time
        alerts[labels]?.validUntil = validUntil
    }

    /// Replaces the table's instances with `restored` (persisted state, already adjusted for the outage) as known
    /// at `time`.
    public mutating func restore(_ restored: [Alert], at time: Int64) {
        alerts = Dictionary(restored.map { ($0.labels, $0) }, uniquingKeysWith: { _, last in last })
        stateTime = time
    }
}

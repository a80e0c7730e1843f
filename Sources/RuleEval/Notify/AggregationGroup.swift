import PromText

/// The alerts of one route that share group labels, and the timer deciding when they are flushed
/// (Alertmanager's `aggrGroup`): the first flush `group_wait` after the group was created (at once if an alert
/// already started longer ago than that), then every `group_interval`.
public struct AggregationGroup: Sendable {
    /// The route the group belongs to.
    public let route: RouteTree.Node
    /// The group labels.
    public let labels: Labels
    /// The alerts, by fingerprint, as last inserted.
    public private(set) var alerts: [LabelSetFingerprint: NotifierAlert] = [:]
    /// When the group is next flushed.
    public private(set) var nextFlush: Int64
    /// Whether the group has been flushed at least once.
    public private(set) var hasFlushed = false

    /// A new, empty group created at `now`.
    public init(route: RouteTree.Node, labels: Labels, now: Int64) {
        self.route = route
        self.labels = labels.byteSorted
        self.nextFlush = now + route.groupWait
    }

    /// `aggrGroup.GroupKey()`: the route key and the group labels, `{}/{env="prod"}:{alertname="Down"}`.
    public var groupKey: String { route.key + ":" + labels.goLabelSetText }

    /// Whether the group holds no alerts.
    public var isEmpty: Bool { alerts.isEmpty }

    /// Adds or replaces an alert; before the first flush, an alert that started more than `group_wait` ago makes
    /// the group flush at once.
    public mutating func insert(_ alert: NotifierAlert, now: Int64) {
        alerts[alert.fingerprint] = alert
        if !hasFlushed, alert.startsAt + route.groupWait < now { nextFlush = now }
    }

    /// When due at `now`, moves the timer on by `group_interval` and returns the alerts to notify about: sorted
    /// as Alertmanager sorts them (`job`, `instance`, then labels), firing ones with `endsAt` cleared. `nil` when
    /// not due or empty.
    public mutating func flush(now: Int64) -> [NotifierAlert]? {
        guard now >= nextFlush else { return nil }
        nextFlush = now + route.groupInterval
        hasFlushed = true
        guard !alerts.isEmpty else { return nil }
        let snapshot = alerts.values.map { alert in
            var copy = alert
            if !alert.isResolved(at: now) { copy.endsAt = nil }
            return copy
        }
        return snapshot.sorted(by: Self.alertmanagerOrder)
    }

    /// Removes the resolved alerts a successful flush delivered, unless they were replaced since
    /// (`DeleteIfNotModified`).
    public mutating func removeDelivered(_ delivered: [NotifierAlert]) {
        for alert in delivered where alert.endsAt != nil && alerts[alert.fingerprint] == alert {
            alerts[alert.fingerprint] = nil
        }
    }

    /// `types.AlertSlice.Less`: by `job`, then `instance` (an alert with the label first), then
    /// `LabelSet.Before` (fewer labels first, then the first differing pair in name order).
    static func alertmanagerOrder(_ lhs: NotifierAlert, _ rhs: NotifierAlert) -> Bool {
        for key in ["job", "instance"] {
            switch (lhs.labels[key], rhs.labels[key]) {
            case (nil, nil): continue
            case (nil, _): return false
            case (_, nil): return true
            case (let left?, let right?):
                if left != right { return GoString.less(left, right) }
            }
        }
        let left = lhs.labels, right = rhs.labels
        if left.count != right.count { return left.count < right.count }
        let names = (left.pairs.map(\.name) + right.pairs.map(\.name)).sorted(by: GoString.less)
        for name in names {
            guard let leftValue = left[name] else { return true }
            guard let rightValue = right[name] else { return false }
            if leftValue != rightValue { return GoString.less(leftValue, rightValue) }
        }
        return false
    }
}

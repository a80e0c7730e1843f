import PromText

/// One alert instance of an alerting rule: its identity (labels), what it says (annotations), and its lifecycle
/// timestamps, all in milliseconds since the epoch.
public struct Alert: Sendable, Hashable {
    /// The identifying labels: the result series' labels, the rule's labels, and `alertname`.
    public var labels: Labels
    /// The expanded annotations.
    public var annotations: Labels
    /// The current state.
    public var state: AlertState
    /// The expression's value at the last evaluation that returned this series.
    public var value: Double
    /// When the series first appeared in this run of activity.
    public var activeAt: Int64
    /// When it turned firing, if it did.
    public var firedAt: Int64?
    /// When it resolved, if it did.
    public var resolvedAt: Int64?
    /// When the expression stopped returning the series while `keep_firing_for` holds the alert.
    public var keepFiringSince: Int64?
    /// When it was last handed to the notifier.
    public var lastSentAt: Int64?
    /// The `endsAt` last sent for a firing alert.
    public var validUntil: Int64?

    /// Creates a pending alert that became active at `activeAt`.
    public init(labels: Labels, annotations: Labels, value: Double, activeAt: Int64) {
        self.labels = labels
        self.annotations = annotations
        self.state = .pending
        self.value = value
        self.activeAt = activeAt
    }

    /// Whether the notifier should be given this alert now (Prometheus's `needsSending`): never while pending;
    /// at once after a resolution not yet sent; otherwise when `resendDelay` has passed since the last send.
    public func needsSending(at time: Int64, resendDelay: Int64) -> Bool {
        guard state != .pending else { return false }
        if let resolvedAt, resolvedAt > (lastSentAt ?? Int64.min) { return true }
        guard let lastSentAt else { return true }
        return lastSentAt + resendDelay < time
    }
}

import PromText

/// One message to deliver: what one integration of one receiver must be told about one aggregation group.
public struct Notification: Sendable, Hashable {
    /// Which integration of a receiver delivers a notification.
    public struct Integration: Sendable, Hashable, CustomStringConvertible {
        /// The integration kinds Notify can build payloads for.
        public enum Kind: String, Sendable, Hashable {
            /// `webhook_configs`
            case webhook
            /// `slack_configs`
            case slack
            /// `pagerduty_configs`
            case pagerduty
            /// `email_configs`
            case email
        }

        /// The kind, named as Alertmanager names integrations.
        public var kind: Kind
        /// The position in the receiver's list of that kind.
        public var index: Int

        /// Creates an integration reference.
        public init(kind: Kind, index: Int) {
            self.kind = kind
            self.index = index
        }

        /// `webhook[0]`, as Alertmanager logs integrations.
        public var description: String { "\(kind.rawValue)[\(index)]" }
    }

    /// The receiver's name.
    public var receiver: String
    /// The integration that delivers this notification.
    public var integration: Integration
    /// The ID of the route the group belongs to.
    public var routeID: String
    /// The aggregation group's key (`{}/{env="prod"}:{alertname="Down"}`).
    public var groupKey: String
    /// The labels the group is keyed by.
    public var groupLabels: Labels
    /// The alerts to send, in Alertmanager's order; firing alerts have no `endsAt`.
    public var alerts: [NotifierAlert]
    /// `firing` if any alert fires, else `resolved`.
    public var status: NotificationStatus
    /// When the group was flushed (the pipeline's "now").
    public var flushedAt: Int64
    /// Fingerprints of the firing and resolved alerts of the flush (before `send_resolved` filtering), which the
    /// notification log records once delivery succeeded.
    var firing: Set<LabelSetFingerprint>, resolved: Set<LabelSetFingerprint>
    /// Which flush of the group this came from.
    var flushID: Int

    /// A stable key for receivers that deduplicate: SHA-256 hex of the receiver, integration, group key, status and
    /// the sorted fingerprints of the alerts sent, so a retried delivery carries the same key.
    public var idempotencyKey: String {
        let fingerprints = alerts.map(\.fingerprint).sorted().map(\.description).joined(separator: ",")
        return SHA256.hexDigest(
            [receiver, integration.description, groupKey, status.rawValue, fingerprints].joined(separator: "\n"))
    }
}

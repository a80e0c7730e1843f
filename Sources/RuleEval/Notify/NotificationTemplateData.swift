import PromText

/// What Alertmanager hands to notification templates and webhook bodies (`template.Data`): the receiver, the
/// group's status, the alerts, and the labels and annotations all alerts share.
public struct NotificationTemplateData: Sendable {
    /// The receiver name, regex-escaped as Alertmanager does (`regexp.QuoteMeta`).
    public var receiver: String
    /// `firing` if any alert fires, else `resolved`.
    public var status: NotificationStatus
    /// The alerts, each with its own status at the flush time.
    public var alerts: [(alert: NotifierAlert, status: NotificationStatus)]
    /// The group labels.
    public var groupLabels: Labels
    /// Labels with the same value in every alert.
    public var commonLabels: Labels
    /// Annotations with the same value in every alert.
    public var commonAnnotations: Labels
    /// Alertmanager's external URL.
    public var externalURL: String

    /// Builds the data for `alerts` of `notification` (the notification's own alerts unless truncated).
    public init(notification: Notification, alerts: [NotifierAlert], externalURL: String) {
        self.receiver = GoText.quoteMeta(notification.receiver)
        self.alerts = alerts.map { ($0, $0.status(at: notification.flushedAt)) }
        self.status = self.alerts.contains { $0.status == .firing } ? .firing : .resolved
        self.groupLabels = notification.groupLabels.byteSorted
        self.commonLabels = Self.common(alerts.map(\.labels))
        self.commonAnnotations = Self.common(alerts.map(\.annotations))
        self.externalURL = externalURL
    }

    /// The firing alerts.
    public var firing: [NotifierAlert] { alerts.filter { $0.status == .firing }.map(\.alert) }
    /// The resolved alerts.
    public var resolved: [NotifierAlert] { alerts.filter { $0.status == .resolved }.map(\.alert) }

    /// Pairs present with equal values in every set.
    private static func common(_ sets: [Labels]) -> Labels {
        guard let first = sets.first else { return [:] }
        return Labels(
            first.pairs.filter { pair in sets.dropFirst().allSatisfy { $0.value(of: pair.name) == pair.value } })
    }
}

extension Labels {
    /// A JSON object of the pairs, keys sorted as Go sorts a map.
    var jsonObject: JSONValue {
        .object(pairs.sorted { GoString.less($0.name, $1.name) }.map { ($0.name, JSONValue.string($0.value)) })
    }
}

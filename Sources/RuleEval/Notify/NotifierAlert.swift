import PromText

/// An alert as Alertmanager receives it: identity labels, annotations, the active interval and a link back to the
/// rule. Times are milliseconds since the Unix epoch.
public struct NotifierAlert: Sendable, Hashable {
    /// The identifying labels, kept sorted by name.
    public private(set) var labels: Labels
    /// Descriptive annotations, kept sorted by name.
    public private(set) var annotations: Labels
    /// When the alert started firing.
    public var startsAt: Int64
    /// When the alert stops being considered firing; `nil` when unset (Go's zero time).
    public var endsAt: Int64?
    /// Link to the expression that produced the alert.
    public var generatorURL: String
    /// `labels`' fingerprint, Alertmanager's alert identity.
    public private(set) var fingerprint: LabelSetFingerprint

    /// Creates an alert; labels and annotations are stored sorted by name.
    public init(
        labels: Labels, annotations: Labels = [:], startsAt: Int64, endsAt: Int64? = nil, generatorURL: String = ""
    ) {
        self.labels = labels.byteSorted
        self.annotations = annotations.byteSorted
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
        self.fingerprint = LabelSetFingerprint(of: labels)
    }

    /// Whether the alert is resolved at `now`: `endsAt` is set and not after `now` (`types.Alert.ResolvedAt`).
    public func isResolved(at now: Int64) -> Bool {
        guard let endsAt else { return false }
        return endsAt <= now
    }

    /// `firing` or `resolved` at `now`.
    public func status(at now: Int64) -> NotificationStatus {
        isResolved(at: now) ? .resolved : .firing
    }
}

/// Whether an alert, or a notification about a group of alerts, is firing or resolved.
public enum NotificationStatus: String, Sendable, Hashable {
    /// At least one alert is firing.
    case firing
    /// Every alert is resolved.
    case resolved
}

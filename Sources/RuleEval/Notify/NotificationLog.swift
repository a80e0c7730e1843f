/// What was last delivered for each group and integration (Alertmanager's `nflog`), and the rule deciding
/// whether a flush needs a new notification (`DedupStage.needsUpdate`).
public struct NotificationLog: Sendable {
    /// One delivered notification's record.
    public struct Entry: Sendable, Hashable {
        /// Fingerprints of the alerts that were firing.
        public var firing: Set<LabelSetFingerprint>
        /// Fingerprints of the alerts that were resolved.
        public var resolved: Set<LabelSetFingerprint>
        /// When the delivery was logged.
        public var timestamp: Int64
        /// When the entry is forgotten.
        public var expiresAt: Int64
    }

    struct Key: Sendable, Hashable {
        var groupKey: String
        var receiver: String
        var integration: Notification.Integration
    }

    /// How long entries are kept at most (`--data.retention`, 120h).
    public var retention: Int64 = 120 * 3_600_000
    var entries: [Key: Entry] = [:]

    /// An empty log.
    public init() {}

    func entry(for key: Key) -> Entry? { entries[key] }

    /// Records a delivery at `now`; the entry lives for twice the repeat interval, capped by the retention.
    mutating func log(
        _ key: Key, firing: Set<LabelSetFingerprint>, resolved: Set<LabelSetFingerprint>, repeatInterval: Int64,
        now: Int64
    ) {
        let lifetime = repeatInterval > 0 ? min(retention, 2 * repeatInterval) : retention
        entries[key] = Entry(firing: firing, resolved: resolved, timestamp: now, expiresAt: now + lifetime)
    }

    /// Forgets entries that expired before `now`.
    mutating func collectGarbage(now: Int64) {
        entries = entries.filter { $0.value.expiresAt >= now }
    }

    /// `DedupStage.needsUpdate`: notify a new group only if something fires; after that when a firing alert is
    /// new, when everything resolved (and something was firing), when `sendResolved` and a resolved alert is
    /// new, or when the last notification is older than `repeatInterval`.
    static func needsUpdate(
        entry: Entry?,
        firing: Set<LabelSetFingerprint>,
        resolved: Set<LabelSetFingerprint>,
        sendResolved: Bool,
        repeatInterval: Int64,
        now: Int64
    ) -> Bool {
        guard let entry else { return !firing.isEmpty }
        if !firing.isSubset(of: entry.firing) { return true }
        if firing.isEmpty { return !entry.firing.isEmpty }
        if sendResolved, !resolved.isSubset(of: entry.resolved) { return true }
        return entry.timestamp < now - repeatInterval
    }
}

/// The alerts Alertmanager has received, merged as its in-memory provider merges a re-sent alert with the one
/// it already holds (`provider/mem.Put`, `types.Alert.Merge`), so that a re-sent alert keeps its earliest start
/// and an explicit end is not lost to a timeout-derived one.
struct ReceivedAlerts: Sendable {
    private struct Entry: Sendable {
        var alert: NotifierAlert
        /// Whether `endsAt` was filled in from `resolve_timeout` rather than sent.
        var timeout: Bool
    }

    private var entries: [LabelSetFingerprint: Entry] = [:]

    /// Records `alert` received at `now` and returns the alert to dispatch. A missing `endsAt` becomes
    /// `now + resolveTimeout`; an alert whose active range overlaps the stored one is merged with it.
    mutating func receive(_ alert: NotifierAlert, now: Int64, resolveTimeout: Int64) -> NotifierAlert {
        var incoming = Entry(alert: alert, timeout: alert.endsAt == nil)
        if incoming.timeout { incoming.alert.endsAt = now + resolveTimeout }
        if let old = entries[alert.fingerprint], Self.overlaps(incoming.alert, old.alert) {
            incoming = Self.merge(old, into: incoming, now: now)
        }
        entries[alert.fingerprint] = incoming
        return incoming.alert
    }

    /// Forgets alerts resolved at `now`.
    mutating func collectGarbage(now: Int64) {
        entries = entries.filter { !$0.value.alert.isResolved(at: now) }
    }

    /// `mem.Put`'s condition: the new alert ends, or starts, inside the stored alert's range.
    private static func overlaps(_ new: NotifierAlert, _ old: NotifierAlert) -> Bool {
        let oldEnd = old.endsAt ?? .max
        let newEnd = new.endsAt ?? .max
        return (newEnd > old.startsAt && newEnd < oldEnd) || (new.startsAt > old.startsAt && new.startsAt < oldEnd)
    }

    /// `Alert.Merge` with `new` the younger alert: the earliest start; when `new` is resolved the later of two
    /// resolutions, otherwise the later end unless the older one only came from a timeout.
    private static func merge(_ old: Entry, into new: Entry, now: Int64) -> Entry {
        var result = new
        result.alert.startsAt = min(old.alert.startsAt, new.alert.startsAt)
        let oldEnd = old.alert.endsAt ?? .max
        let newEnd = new.alert.endsAt ?? .max
        if new.alert.isResolved(at: now) {
            if old.alert.isResolved(at: now), oldEnd > newEnd { result.alert.endsAt = old.alert.endsAt }
        } else if oldEnd > newEnd, !old.timeout {
            result.alert.endsAt = old.alert.endsAt
        }
        return result
    }
}

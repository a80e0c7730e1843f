/// How persisted alerts come back after a restart: Prometheus's `for`-state restoration for pending alerts
/// (`rules/group.go` `RestoreForState`), plus restoration of firing and recently resolved alerts.
///
/// A pending alert keeps the time it had already spent pending, provided the outage (restore time minus the time
/// the state was saved) is no longer than ``outageTolerance`` (`--rules.alert.for-outage-tolerance`) and the rule's
/// `for` is at least ``gracePeriod`` (`--rules.alert.for-grace-period`): its `activeAt` moves forward by the outage,
/// but never so far that it fires sooner than ``gracePeriod`` after the restart. Otherwise it is dropped and the
/// first evaluation starts it afresh, as Prometheus does.
///
/// Beyond Prometheus (prometheus/prometheus#13957, #15175): a firing alert is restored unchanged, whatever the
/// outage, so it stays firing with the same `activeAt`, `firedAt`, `lastSentAt` (not notified as new) and
/// `keepFiringSince` (its `keep_firing_for` keeps counting); a resolved alert still within
/// ``AlertTable/resolvedRetention`` of its resolution is restored so an unsent resolution is still delivered.
/// The first evaluation after the restore then decides, as usual, whether each alert is still active.
public struct AlertRestorePolicy: Sendable, Hashable {
    /// Prometheus's default `--rules.alert.for-outage-tolerance`: one hour, in milliseconds.
    public static let defaultOutageTolerance: Int64 = 3_600_000
    /// Prometheus's default `--rules.alert.for-grace-period`: ten minutes, in milliseconds.
    public static let defaultGracePeriod: Int64 = 600_000

    /// The longest outage across which a pending alert keeps its `for` progress, in milliseconds.
    public var outageTolerance: Int64
    /// The least time between the restart and a restored pending alert firing, in milliseconds; rules whose `for`
    /// is shorter do not have their pending alerts restored.
    public var gracePeriod: Int64

    /// Creates a policy; the defaults are Prometheus's.
    public init(outageTolerance: Int64 = defaultOutageTolerance, gracePeriod: Int64 = defaultGracePeriod) {
        self.outageTolerance = outageTolerance
        self.gracePeriod = gracePeriod
    }

    /// The alert as it should be restored at `now`, or `nil` when it is not restored.
    ///
    /// - Parameters:
    ///   - alert: the persisted alert.
    ///   - savedAt: the time up to which the persisted state was known (``AlertTable/stateTime``).
    ///   - now: the restore time.
    ///   - holdDuration: the rule's current `for`, in milliseconds.
    public func restored(_ alert: Alert, savedAt: Int64, now: Int64, holdDuration: Int64) -> Alert? {
        switch alert.state {
        case .firing:
            return alert
        case .inactive:
            guard let resolvedAt = alert.resolvedAt, now - resolvedAt <= AlertTable.resolvedRetention else {
                return nil
            }
            return alert
        case .pending:
            let outage = max(0, now - savedAt)
            guard outage <= outageTolerance, holdDuration >= gracePeriod else { return nil }
            let remainingPending = holdDuration - (savedAt - alert.activeAt)
            var restored = alert
            if remainingPending <= 0 {
                return restored
            } else if remainingPending < gracePeriod {
                restored.activeAt = now + gracePeriod - holdDuration
            } else {
                restored.activeAt = alert.activeAt + outage
            }
            return restored
        }
    }
}

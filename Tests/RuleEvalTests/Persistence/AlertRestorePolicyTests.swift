import PromText
import Testing

@testable import RuleEval

@Suite struct AlertRestorePolicyTests {
    private let minute: Int64 = 60_000
    private let policy = AlertRestorePolicy()

    private func alert(_ state: AlertState, activeAt: Int64) -> Alert {
        var alert = Alert(labels: ["alertname": "Down"], annotations: [:], value: 1, activeAt: activeAt)
        alert.state = state
        return alert
    }

    /// Pending since minute 0, saved at minute 10, restored after an outage; `for` 30m.
    @Test(arguments: [
        // A 5-minute outage: the 10 minutes spent pending are kept, so it fires 20 minutes after the restart.
        (restoreAt: 15 as Int64, activeAt: 5 as Int64?),
        // The outage may last up to the tolerance (1h) exactly.
        (restoreAt: 70, activeAt: 60),
        // Longer than the tolerance: progress is dropped and the first evaluation starts afresh.
        (restoreAt: 71, activeAt: nil),
    ])
    func pendingAlertKeepsItsProgressAcrossAShortOutage(restoreAt: Int64, activeAt: Int64?) {
        let restored = policy.restored(
            alert(.pending, activeAt: 0), savedAt: 10 * minute, now: restoreAt * minute, holdDuration: 30 * minute)
        #expect(restored?.activeAt == activeAt.map { $0 * minute })
        #expect(restored.map { $0.state } ?? .pending == .pending)
    }

    @Test func pendingAlertCloseToFiringWaitsTheGracePeriod() {
        // 25 of 30 minutes spent: 5 remain, less than the 10-minute grace period, so it fires 10 minutes after
        // the restart at minute 40.
        let restored = policy.restored(
            alert(.pending, activeAt: 0), savedAt: 25 * minute, now: 40 * minute, holdDuration: 30 * minute)
        #expect(restored?.activeAt == 20 * minute)
        #expect(restored.map { $0.activeAt + 30 * minute } == 40 * minute + policy.gracePeriod)
    }

    @Test func holdDurationShorterThanTheGracePeriodIsNotRestored() {
        let restored = policy.restored(
            alert(.pending, activeAt: 0), savedAt: minute, now: 2 * minute, holdDuration: 5 * minute)
        #expect(restored == nil)
    }

    @Test func customToleranceAndGracePeriodApply() {
        let strict = AlertRestorePolicy(outageTolerance: 2 * minute, gracePeriod: 0)
        let pending = alert(.pending, activeAt: 0)
        #expect(strict.restored(pending, savedAt: minute, now: 4 * minute, holdDuration: minute * 5) == nil)
        #expect(
            strict.restored(pending, savedAt: minute, now: 3 * minute, holdDuration: 5 * minute)?.activeAt
                == 2 * minute)
    }

    @Test func firingAlertIsRestoredUnchangedWhateverTheOutage() {
        var firing = alert(.firing, activeAt: 0)
        firing.firedAt = 5 * minute
        firing.lastSentAt = 6 * minute
        firing.validUntil = 10 * minute
        firing.keepFiringSince = 7 * minute
        let restored = policy.restored(firing, savedAt: 8 * minute, now: 24 * 60 * minute, holdDuration: 5 * minute)
        #expect(restored == firing)
    }

    @Test(arguments: [(restoreAfterResolution: 15 as Int64, restored: true), (16, false)])
    func resolvedAlertIsRestoredWithinTheRetention(restoreAfterResolution: Int64, restored: Bool) {
        var resolved = alert(.inactive, activeAt: 0)
        resolved.firedAt = 0
        resolved.resolvedAt = 10 * minute
        let result = policy.restored(
            resolved, savedAt: 10 * minute, now: (10 + restoreAfterResolution) * minute, holdDuration: 0)
        #expect((result == resolved) == restored)
        #expect((result == nil) == !restored)
    }
}

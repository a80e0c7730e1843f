/// The pure probe logic: lifecycle phase plus heartbeat watchdog, evaluated against a given instant.
///
/// Phases move only forward: `starting` → `ready` (``markStartupComplete()``) → `shuttingDown`
/// (``beginShutdown()``, also straight from `starting`). Heartbeats are named watchdogs: each must be renewed
/// within its own staleness limit, counted from registration until the first beat.
public struct HealthStateMachine: Sendable, Hashable {
    /// Where the application is in its life.
    public enum Phase: String, Sendable, Hashable {
        case starting
        case ready
        case shuttingDown = "shutting down"
    }

    private struct Heartbeat: Sendable, Hashable {
        var last: ContinuousClock.Instant
        var staleAfter: Duration
    }

    /// The current phase.
    public private(set) var phase = Phase.starting
    private var heartbeats: [String: Heartbeat] = [:]

    /// A state machine in the `starting` phase with no heartbeats.
    public init() {}

    /// `starting` → `ready`; no effect in any other phase.
    public mutating func markStartupComplete() {
        if phase == .starting { phase = .ready }
    }

    /// Any phase → `shuttingDown`.
    public mutating func beginShutdown() {
        phase = .shuttingDown
    }

    /// Adds (or resets) a watchdog called `name` that liveness fails on when not renewed within `staleAfter`.
    public mutating func registerHeartbeat(_ name: String, staleAfter: Duration, now: ContinuousClock.Instant) {
        heartbeats[name] = Heartbeat(last: now, staleAfter: staleAfter)
    }

    /// Renews the watchdog called `name`; unknown names are ignored.
    public mutating func recordHeartbeat(_ name: String, now: ContinuousClock.Instant) {
        heartbeats[name]?.last = now
    }

    /// The report for `probe` at `now`; `readinessChecks` are the app's named check results (used by readiness).
    public func report(
        for probe: HealthProbe, now: ContinuousClock.Instant, readinessChecks: [HealthReport.Check] = []
    ) -> HealthReport {
        switch probe {
        case .startup:
            return HealthReport(probe: probe, checks: [lifecycleCheck(passing: phase != .starting)])
        case .liveness:
            // A stopped loop during shutdown is not wedged, so the watchdog rests while the process drains.
            let checks = heartbeats.sorted { $0.key < $1.key }.map { name, heartbeat in
                let age = heartbeat.last.duration(to: now)
                let stale = phase != .shuttingDown && age > heartbeat.staleAfter
                return HealthReport.Check(
                    name: name,
                    result: stale ? .fail("no heartbeat for \(age) (limit \(heartbeat.staleAfter))") : .pass)
            }
            return HealthReport(probe: probe, checks: checks)
        case .readiness:
            return HealthReport(probe: probe, checks: [lifecycleCheck(passing: phase == .ready)] + readinessChecks)
        }
    }

    private func lifecycleCheck(passing: Bool) -> HealthReport.Check {
        HealthReport.Check(name: "lifecycle", result: passing ? .pass : .fail(phase.rawValue))
    }
}

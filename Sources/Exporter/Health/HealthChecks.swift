import Synchronization

/// The application's probe state, shared by the serving code and the probe endpoints.
///
/// ```swift
/// let health = HealthChecks()
/// health.registerHeartbeat("collection", staleAfter: .seconds(120))
/// health.registerReadinessCheck("rules") { rulesLoaded ? .pass : .fail("rules not loaded") }
/// health.register(on: &router)              // /health/startup, /health/live, /health/ready
/// // ... initialise ...
/// health.markStartupComplete()
/// // in the serving loop: health.heartbeat("collection")
/// ```
///
/// Readiness checks run on every readiness probe, on the probe's handler thread: keep them cheap and
/// non-blocking (report a cached state rather than dialling a dependency).
public final class HealthChecks: Sendable {
    private struct State {
        var machine = HealthStateMachine()
        var readinessChecks: [(name: String, check: @Sendable () -> HealthCheckResult)] = []
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> ContinuousClock.Instant

    /// Creates the probe state in the `starting` phase; `now` is the clock (injectable for tests).
    public init(now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.now = now
    }

    /// The current lifecycle phase.
    public var phase: HealthStateMachine.Phase { state.withLock { $0.machine.phase } }

    /// Marks initialisation complete: startup and readiness start passing.
    public func markStartupComplete() {
        state.withLock { $0.machine.markStartupComplete() }
    }

    /// Enters shutdown: readiness fails at once, liveness and startup keep passing.
    public func beginShutdown() {
        state.withLock { $0.machine.beginShutdown() }
    }

    /// Adds a watchdog: liveness fails when ``heartbeat(_:)`` is not called for `name` within `staleAfter`.
    public func registerHeartbeat(_ name: String, staleAfter: Duration) {
        let now = self.now()
        state.withLock { $0.machine.registerHeartbeat(name, staleAfter: staleAfter, now: now) }
    }

    /// Renews the watchdog called `name` (call it from the loop it guards).
    public func heartbeat(_ name: String) {
        let now = self.now()
        state.withLock { $0.machine.recordHeartbeat(name, now: now) }
    }

    /// Adds a named readiness check; registering a name again replaces the check.
    public func registerReadinessCheck(_ name: String, _ check: @escaping @Sendable () -> HealthCheckResult) {
        state.withLock { state in
            state.readinessChecks.removeAll { $0.name == name }
            state.readinessChecks.append((name, check))
        }
    }

    /// Evaluates `probe` now (readiness checks run outside the lock).
    public func report(for probe: HealthProbe) -> HealthReport {
        let (machine, checks) = state.withLock { ($0.machine, $0.readinessChecks) }
        let results = probe == .readiness ? checks.map { HealthReport.Check(name: $0.name, result: $0.check()) } : []
        return machine.report(for: probe, now: now(), readinessChecks: results)
    }

    /// The HTTP handler for `probe`: 200/503 with `ok` or the failures as text, or the JSON report for
    /// `?verbose` or `Accept: application/health+json`.
    public func handler(for probe: HealthProbe) -> HTTPHandler {
        { request in
            let wantsJSON = request.headers.listElements(for: "Accept").contains { element in
                element.split(separator: ";").first.map {
                    $0.trimmingHTTPWhitespace.equalsIgnoringASCIICase("application/health+json")
                } ?? false
            }
            return self.report(for: probe).response(
                verbose: request.query.contains("verbose") || wantsJSON, time: CalendarTime.now().rfc3339)
        }
    }

    /// Registers the three probe handlers on `router` for `GET` (and `HEAD`) at `endpoints`.
    public func register(on router: inout Router, endpoints: HealthEndpoints = HealthEndpoints()) {
        router.register(endpoints.startup, handler: handler(for: .startup))
        router.register(endpoints.liveness, handler: handler(for: .liveness))
        router.register(endpoints.readiness, handler: handler(for: .readiness))
    }
}

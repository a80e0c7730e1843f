import Dispatch
import Glibc
import Synchronization

/// Shuts a server down the way Kubernetes needs it, on `SIGTERM`/`SIGINT` or on request.
///
/// 1. Readiness fails at once (``HealthChecks/beginShutdown()``) while liveness keeps passing, so endpoints
///    controllers and load balancers stop sending traffic without the pod being restarted.
/// 2. The server keeps answering everything for ``drainDelay`` while that propagates.
/// 3. ``HTTPServer/shutdown(gracePeriod:)``: stop accepting, finish in-flight requests for at most
///    ``gracePeriod``, close the rest.
/// 4. ``wait()`` returns, and `main` exits 0.
///
/// With the defaults (5 s + 15 s) the process is gone well inside Kubernetes' 30 s termination grace period.
/// A second signal during the drain delay skips the rest of it.
public final class GracefulShutdown: Sendable {
    private enum Phase {
        case running, draining, stopping
    }

    /// How long the server keeps serving after readiness turned to failing.
    public let drainDelay: Duration
    /// How long in-flight requests may take once the server stops accepting.
    public let gracePeriod: Duration
    private let server: HTTPServer
    private let health: HealthChecks
    private let phase = Mutex(Phase.running)
    private let stopped = DispatchGroup()
    private let signalSources = Mutex(SignalSources())

    private struct SignalSources: @unchecked Sendable {  // Dispatch sources are thread-safe; kept under a Mutex.
        var sources: [any DispatchSourceSignal] = []
    }

    /// Creates the coordinator for `server` and `health`; nothing happens until a signal or
    /// ``requestShutdown()``.
    public init(
        server: HTTPServer, health: HealthChecks, drainDelay: Duration = .seconds(5),
        gracePeriod: Duration = .seconds(15)
    ) {
        self.server = server
        self.health = health
        self.drainDelay = drainDelay
        self.gracePeriod = gracePeriod
        stopped.enter()
    }

    /// Starts the shutdown on each of `signals`: their default action (terminate) is ignored first, then a
    /// Dispatch signal source calls ``requestShutdown()``. Returns once Dispatch has registered the sources
    /// (on Linux it then replaces the ignore disposition with its own forwarding handler), so a signal sent
    /// afterwards is never lost.
    public func installSignalHandlers(_ signals: [Int32] = [SIGTERM, SIGINT]) {
        let registered = DispatchGroup()
        let sources = signals.map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.requestShutdown() }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            return source
        }
        _ = registered.wait(timeout: .now() + .seconds(5))
        signalSources.withLock { $0.sources += sources }
    }

    /// Begins the shutdown sequence (idempotent); a second call during the drain delay stops the server now.
    public func requestShutdown() {
        let previous = phase.withLock { phase in
            defer { if phase == .running { phase = .draining } }
            return phase
        }
        switch previous {
        case .running:
            health.beginShutdown()
            DispatchQueue.global().asyncAfter(deadline: .now() + dispatchInterval(drainDelay)) { self.stopServer() }
        case .draining:
            DispatchQueue.global().async { self.stopServer() }
        case .stopping:
            break
        }
    }

    /// Blocks until the server has stopped.
    public func wait() {
        stopped.wait()
    }

    /// Blocks until the server has stopped or `timeout` passes; `true` when it stopped.
    public func wait(timeout: Duration) -> Bool {
        stopped.wait(timeout: .now() + dispatchInterval(timeout)) == .success
    }

    private func stopServer() {
        let isFirst = phase.withLock { phase in
            defer { phase = .stopping }
            return phase != .stopping
        }
        guard isFirst else { return }
        server.shutdown(gracePeriod: gracePeriod)
        signalSources.withLock { signalSources in
            for source in signalSources.sources { source.cancel() }
            signalSources.sources = []
        }
        stopped.leave()
    }

    private func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        .nanoseconds(Int(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000))
    }
}

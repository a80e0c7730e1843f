/// The three Kubernetes probes.
public enum HealthProbe: String, Sendable, Hashable, CaseIterable {
    /// Passes once the application has finished initialising; Kubernetes holds the other probes until then.
    case startup
    /// Fails only when the process is wedged (a stale heartbeat), never because a dependency is down:
    /// a failing liveness probe makes Kubernetes restart the container.
    case liveness
    /// Fails while starting, while shutting down, and while a registered readiness check fails:
    /// a failing readiness probe takes the pod out of its Service's endpoints.
    case readiness
}

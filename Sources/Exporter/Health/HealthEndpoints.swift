/// The paths the probe handlers are served on.
public struct HealthEndpoints: Sendable, Hashable {
    /// The startup probe path.
    public var startup: String
    /// The liveness probe path.
    public var liveness: String
    /// The readiness probe path.
    public var readiness: String

    /// Creates the paths; the defaults are Tocsin's `/health/startup`, `/health/live` and `/health/ready`.
    /// (Prometheus itself serves `/-/healthy` and `/-/ready`; pass those for a Prometheus-compatible API.)
    public init(
        startup: String = "/health/startup", liveness: String = "/health/live", readiness: String = "/health/ready"
    ) {
        self.startup = startup
        self.liveness = liveness
        self.readiness = readiness
    }
}

/// The paths the probe handlers are served on.
public struct HealthEndpoints: Sendable, Hashable {
    /// The startup probe path.
    public var startup: String
    /// The liveness probe path.
    public var liveness: String
    /// The readiness probe path.
    public var readiness: String

    /// Creates the paths; the defaults are Kubernetes' own names `/startupz`, `/livez` and `/readyz`.
    /// (Prometheus itself serves `/-/healthy` and `/-/ready`; pass those for a Prometheus-compatible API.)
    public init(startup: String = "/startupz", liveness: String = "/livez", readiness: String = "/readyz") {
        self.startup = startup
        self.liveness = liveness
        self.readiness = readiness
    }
}

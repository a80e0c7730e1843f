import Exporter
import RuleEval

/// What each Tocsin binary accepts and serves: its flags (from the binaries' own flag tables), HTTP paths and
/// default port. The shipped deployment files may only use these; `EvaluatorServiceTests` checks that the
/// evaluator really answers on every path listed here.
struct DocumentedInterface: Sendable {
    /// The program name, e.g. `tocsin-exporter`.
    let program: String
    /// Flags taking a value or not, without the leading `--` (e.g. `web.listen-address`).
    let flags: Set<String>
    /// Prefixes of flag families such as `collector.` (`--collector.cpu`, `--no-collector.cpu`).
    let flagPrefixes: [String]
    /// Paths its HTTP server answers (API paths with a minimal valid query string).
    let paths: Set<String>
    /// The liveness, readiness and startup probe paths (Kubernetes probes must use exactly these).
    let livenessPath: String
    let readinessPath: String
    let startupPath: String
    /// The default port of `--web.listen-address`.
    let defaultPort: Int

    /// Whether `flag` (without `--` and without `=value`) is documented.
    func documents(flag: String) -> Bool {
        flags.contains(flag) || flagPrefixes.contains { flag.hasPrefix($0) && flag.count > $0.count }
    }

    /// `tocsin-exporter`: node_exporter's flags, health probes and `/metrics`.
    static let exporter = DocumentedInterface(
        program: "tocsin-exporter",
        flags: Set(ExporterConfiguration.flags.map(\.name)),
        flagPrefixes: ["collector.", "no-collector."],
        paths: ["/metrics", "/health/live", "/health/ready", "/health/startup"],
        livenessPath: "/health/live",
        readinessPath: "/health/ready",
        startupPath: "/health/startup",
        defaultPort: 9813
    )

    /// `tocsin-ruleeval`: the evaluator's flags, health probes, Prometheus lifecycle endpoints and API.
    static let ruleEvaluator = DocumentedInterface(
        program: "tocsin-ruleeval",
        flags: Set(EvaluatorConfiguration.flags.map(\.name)),
        flagPrefixes: [],
        paths: [
            "/", "/metrics", "/health/live", "/health/ready", "/health/startup", "/-/healthy", "/-/ready", "/-/reload",
            "/api/v1/query?query=up", "/api/v1/query_range?query=up&start=0&end=60&step=15",
            "/api/v1/series?match[]=up",
            "/api/v1/labels", "/api/v1/label/job/values", "/api/v1/targets", "/api/v1/rules", "/api/v1/alerts",
            "/api/v1/status/buildinfo",
        ],
        livenessPath: "/health/live",
        readinessPath: "/health/ready",
        startupPath: "/health/startup",
        defaultPort: 9814
    )
}

/// What one named check reports: a status and, when it is not plainly passing, a human-readable reason.
public struct HealthCheckResult: Sendable, Hashable {
    /// The check's status.
    public var status: HealthStatus
    /// Why the check warns or fails (the draft's `output`), or `nil`.
    public var output: String?

    /// Creates a result.
    public init(status: HealthStatus, output: String? = nil) {
        self.status = status
        self.output = output
    }

    /// A passing result.
    public static let pass = HealthCheckResult(status: .pass)

    /// A failing result with its reason.
    public static func fail(_ output: String) -> HealthCheckResult {
        HealthCheckResult(status: .fail, output: output)
    }

    /// A warning: still healthy, with a reason.
    public static func warn(_ output: String) -> HealthCheckResult {
        HealthCheckResult(status: .warn, output: output)
    }
}

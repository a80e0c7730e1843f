/// The outcome of a health check, named as in the IETF health-check response draft
/// (draft-inadarei-api-health-check): `pass`, `warn` (healthy with a concern) or `fail`.
public enum HealthStatus: String, Sendable, Hashable {
    case pass
    case warn
    case fail

    /// The worse of two statuses (`fail` over `warn` over `pass`).
    func worse(_ other: HealthStatus) -> HealthStatus {
        self == .fail || other == .fail ? .fail : (self == .warn || other == .warn ? .warn : .pass)
    }
}

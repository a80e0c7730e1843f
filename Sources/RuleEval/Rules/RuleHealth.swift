/// Whether a rule's last evaluation succeeded, as the rules API reports it (`health`).
public enum RuleHealth: String, Sendable, Hashable {
    /// Not evaluated yet.
    case unknown
    /// The last evaluation succeeded.
    case ok
    /// The last evaluation failed; the status carries the error.
    case err
}

/// Why a silence was rejected, in Alertmanager's words.
public struct SilenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, e.g. `at least one matcher must not match the empty string`.
    public var message: String
    /// Whether the silence does not exist (HTTP 404 rather than 400).
    public var isNotFound: Bool

    /// Creates an error.
    public init(_ message: String, isNotFound: Bool = false) {
        self.message = message
        self.isNotFound = isNotFound
    }

    /// The message.
    public var description: String { message }
}

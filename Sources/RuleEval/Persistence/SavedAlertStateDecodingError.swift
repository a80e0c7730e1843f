/// Why an `alerts.json` document could not be read: the part and what is wrong with it, e.g.
/// `group 0 rule 1 alert 2: missing activeAt`.
public struct SavedAlertStateDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

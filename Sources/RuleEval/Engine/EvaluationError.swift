/// Why a PromQL evaluation failed, with the message Prometheus's engine reports.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, e.g. `found duplicate series for the match group {a="1"} on the right hand-side of the
    /// operation: [...];many-to-many matching not allowed: matching labels must be unique on one side`.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

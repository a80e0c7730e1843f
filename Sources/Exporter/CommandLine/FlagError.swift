/// A command line that does not fit the declared flags.
public struct FlagError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, e.g. `unknown long flag '--web.listen-adress'`.
    public var message: String

    /// Creates an error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message followed by the usual hint, as kingpin prints it.
    public var description: String { "\(message), try --help" }
}

import PromText

/// The one error the PromQL lexer, parser and type checker throw.
///
/// It carries where the problem is (a byte offset resolved to line and column), the offending token text, and a
/// message modelled on Prometheus's: `description` prints `1:5: parse error: unexpected ...`.
public struct PromQLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is.
    public enum Kind: Sendable, Equatable {
        /// The text is not valid PromQL.
        case syntax
        /// The expression is well formed but its types do not fit (Prometheus's `checkAST`).
        case type
        /// The expression uses an experimental Prometheus feature this implementation does not support.
        case unsupported
    }

    /// Where the offending text starts.
    public var position: SourcePosition
    /// The offending token's text (empty at end of input).
    public var token: String
    /// The message without the position prefix.
    public var message: String
    /// Whether the input is malformed, mistyped, or uses an unsupported feature.
    public var kind: Kind

    /// Creates an error at `offset` of `input`.
    init(_ kind: Kind, _ message: String, at offset: Int, token: String = "", in input: [UInt8]) {
        self.kind = kind
        self.message = message
        self.token = token
        self.position = SourcePosition(offset: offset, in: input)
    }

    /// `line:col: parse error: message`, as Prometheus prints parse errors.
    public var description: String { "\(position): parse error: \(message)" }
}

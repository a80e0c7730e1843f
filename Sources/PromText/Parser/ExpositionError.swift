/// Why an exposition was rejected: where, what the parser expected there, and what it found.
///
/// Printed as `line:col: expected X, found Y`. The position is kept as a byte offset as well, so a caller can
/// point into the original payload.
public struct ExpositionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the offending token starts.
    public var position: SourcePosition
    /// What the parser expected, e.g. `label name`.
    public var expected: String
    /// What it found instead, e.g. `"1e"` or `end of line`.
    public var found: String

    /// Creates an error from its parts.
    public init(position: SourcePosition, expected: String, found: String) {
        self.position = position
        self.expected = expected
        self.found = found
    }

    /// `expected X, found Y`, without the position.
    public var message: String { "expected \(expected), found \(found)" }

    /// `line:col: expected X, found Y`.
    public var description: String { "\(position): \(message)" }
}

import PromText

/// Why a request head could not be accepted, with the status to answer and where in the head it went wrong.
///
/// Printed as `line:col: expected X, found Y`, the position counted from the first byte of the request.
public struct HTTPRequestParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status the server answers with before closing the connection (400, 411, 413, 414, 417, 431, 501, 505).
    public var status: HTTPStatus
    /// Where in the request head the problem was found.
    public var position: SourcePosition
    /// What the parser expected there.
    public var expected: String
    /// What it found instead.
    public var found: String

    /// Creates an error.
    public init(status: HTTPStatus, position: SourcePosition, expected: String, found: String) {
        self.status = status
        self.position = position
        self.expected = expected
        self.found = found
    }

    /// `line:col: expected X, found Y`.
    public var description: String { "\(position): expected \(expected), found \(found)" }
}

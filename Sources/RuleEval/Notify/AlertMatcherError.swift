import PromText

/// Why a matcher text could not be parsed or compiled, and where in the text.
public struct AlertMatcherError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was expected and what was found, e.g. `expected label name, found "="`.
    public var message: String
    /// Where in the matcher text the problem is (1:1 for a matcher built in code).
    public var position: SourcePosition

    /// Creates an error at `position`.
    public init(message: String, position: SourcePosition = SourcePosition(offset: 0, line: 1, column: 1)) {
        self.message = message
        self.position = position
    }

    /// `line:col: message`.
    public var description: String { "\(position): \(message)" }
}

import PromText

/// A malformed `values:` string of an `input_series` entry.
public struct SeriesNotationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the values string (1-based column on line 1).
    public var position: SourcePosition
    /// What was expected and found.
    public var message: String

    public var description: String { "\(position): \(message)" }
}

import PromText

/// A template that failed to parse or to execute, with the message Go's `text/template` prints.
///
/// `description` is byte-identical to Go's error text (`template: __alert_X:1: unexpected "}" in operand`, or
/// `template: __alert_X:1:107: executing "__alert_X" at <humanize $x>: error calling humanize: ...`), so it can be
/// embedded in `<error expanding template: ...>` exactly as Prometheus does. Go prints only the line for parse
/// errors; ``position`` keeps the exact byte offset, line and column for tools.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether parsing or executing failed; Prometheus prefixes the two differently.
    public enum Phase: Sendable, Hashable {
        /// The text is not a valid template.
        case parsing
        /// The template is valid but failed while running over the data.
        case execution
    }

    /// Parsing or execution.
    public var phase: Phase
    /// Go's complete error text.
    public var message: String
    /// Where in the template text (including any prepended preamble) the error was found.
    public var position: SourcePosition

    /// Creates an error from its parts.
    public init(phase: Phase, message: String, position: SourcePosition) {
        self.phase = phase
        self.message = message
        self.position = position
    }

    /// Go's error text.
    public var description: String { message }
}

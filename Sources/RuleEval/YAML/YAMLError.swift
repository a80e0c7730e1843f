import PromText

/// An error in a YAML file: where it is and what is wrong, printed as `file:line:col: message`.
///
/// The YAML parser, the typed decoding layer and the configuration and rule-file validation all throw this one
/// type, so every message a user sees has the same shape.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the text came from (may be empty for text that did not come from a file).
    public var fileName: String
    /// Where the problem is.
    public var position: SourcePosition
    /// One sentence saying what is wrong or what was expected.
    public var message: String

    /// Creates an error.
    public init(fileName: String, position: SourcePosition, message: String) {
        self.fileName = fileName
        self.position = position
        self.message = message
    }

    /// `file:line:col: message`, or `line:col: message` without a file name; an error about the whole file
    /// (``SourcePosition/wholeFile``) prints as `file: message`.
    public var description: String {
        if position == .wholeFile { return "\(fileName): \(message)" }
        return fileName.isEmpty ? "\(position): \(message)" : "\(fileName):\(position): \(message)"
    }
}

extension SourcePosition {
    /// The position of an error about a whole file (one that cannot be read): line and column 0.
    public static let wholeFile = SourcePosition(offset: 0, line: 0, column: 0)
}

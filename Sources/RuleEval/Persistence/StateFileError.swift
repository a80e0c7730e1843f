/// Why a state file under `--storage.path` (`alerts.json`, `silences.json`) could not be read or written: the file
/// and what was wrong, e.g.
/// `data/alerts.json: group 0 rule 1 alert 2: missing activeAt`.
public struct StateFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The state file.
    public var path: String
    /// What was wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

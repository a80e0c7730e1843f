/// Identifies a rule group across restarts and reloads: the rule file it is defined in and its name (Prometheus's
/// group key, `file;name`).
public struct RuleGroupKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The rule file's path as given in `rule_files` (after glob expansion).
    public var file: String
    /// The group's `name`.
    public var name: String

    /// Creates a key.
    public init(file: String, name: String) {
        self.file = file
        self.name = name
    }

    /// `file;name`, as Prometheus prints a group key.
    public var description: String { "\(file);\(name)" }

    /// Orders by file, then name (the order groups are written in the state file).
    public static func < (lhs: RuleGroupKey, rhs: RuleGroupKey) -> Bool {
        (lhs.file, lhs.name) < (rhs.file, rhs.name)
    }
}

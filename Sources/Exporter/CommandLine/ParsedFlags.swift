/// Flag values after parsing: explicit values, else defaults.
public struct ParsedFlags: Sendable {
    /// The last value given per flag name (repeated flags keep all of them in ``allValues``).
    var values: [String: String]
    /// Every value given for repeated flags, in order.
    var allValues: [String: [String]]
    /// The names given on the command line (not defaulted).
    var explicit: Set<String>
    /// Arguments that are not flags, in order (subcommands, file names).
    public var positional: [String]

    /// The value of `name` (explicit or default), or `nil` when it has neither.
    public func string(_ name: String) -> String? { values[name] }

    /// Whether the boolean flag `name` is set.
    public func bool(_ name: String) -> Bool { values[name] == "true" }

    /// Every value given for the repeated flag `name` (its default alone when none was given).
    public func strings(_ name: String) -> [String] { allValues[name] ?? values[name].map { [$0] } ?? [] }

    /// Whether `name` was given on the command line rather than defaulted.
    public func isExplicit(_ name: String) -> Bool { explicit.contains(name) }
}

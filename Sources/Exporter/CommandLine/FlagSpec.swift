/// The declaration of one Prometheus-style command-line flag (`--web.listen-address=:9100`).
public struct FlagSpec: Sendable, Hashable {
    /// What values a flag takes.
    public enum Kind: Sendable, Hashable {
        /// `--name=value` or `--name value`.
        case value
        /// `--name` sets true, `--no-name` sets false (kingpin's boolean flags).
        case boolean
        /// Like ``value`` but may be given several times; all values are kept in order.
        case repeated
    }

    /// The flag name without the leading `--`.
    public var name: String
    /// What values it takes.
    public var kind: Kind
    /// The default value as text (`"true"`/`"false"` for booleans), or `nil` for none.
    public var defaultValue: String?
    /// One line for `--help`.
    public var help: String

    /// Declares a flag.
    public init(_ name: String, kind: Kind = .value, default defaultValue: String? = nil, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }
}

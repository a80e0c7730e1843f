import Exporter

/// promtool's `--lint` and `--lint-fatal` flags, shared by `check rules` and `check config`.
public struct RuleLintSettings: Sendable, Hashable {
    /// The flags, with promtool's defaults.
    public static let flags = [
        FlagSpec(
            "lint", default: "duplicate-rules",
            help: "Linting checks to apply: all, duplicate-rules, none (comma separated)."),
        FlagSpec("lint-fatal", kind: .boolean, default: "false", help: "Make lint errors exit with exit code 3."),
    ]

    /// Whether duplicate rules are reported.
    public var checksDuplicateRules: Bool
    /// Whether lint problems make the command exit 3 (otherwise they are printed and it exits 0).
    public var isFatal: Bool
    /// `WARNING: unknown lint option X` lines for standard output, as promtool prints them.
    public var warnings: String

    /// Reads `--lint` (each comma-separated option: `all` and `duplicate-rules` enable the duplicate-rule
    /// check, `none` adds nothing, anything else is warned about and ignored) and `--lint-fatal`.
    public init(flags: ParsedFlags) {
        checksDuplicateRules = false
        warnings = ""
        for option in (flags.string("lint") ?? "").split(separator: ",", omittingEmptySubsequences: false) {
            switch option {
            case "all", "duplicate-rules": checksDuplicateRules = true
            case "none": break
            default: warnings += "WARNING: unknown lint option \(option)\n"
            }
        }
        isFatal = flags.bool("lint-fatal")
    }
}

/// The flags every Tocsin server shares, with Prometheus's names: `--log.level`, `--log.format`, `--version` and
/// `--help`.
public enum CommonFlags {
    /// Their declarations, to append to a program's own flags.
    public static let specs: [FlagSpec] = [
        FlagSpec("log.level", default: "info", help: "Only log messages with the given severity or above."),
        FlagSpec("log.format", default: "logfmt", help: "Output format of log messages (logfmt or json)."),
        FlagSpec("version", kind: .boolean, default: "false", help: "Show application version."),
        FlagSpec("help", kind: .boolean, default: "false", help: "Show this help."),
    ]

    /// The logging settings `flags` ask for, checked.
    public static func logging(_ flags: ParsedFlags) throws(FlagError) -> (level: LogLevel, format: LogFormat) {
        guard let level = LogLevel(rawValue: flags.string("log.level") ?? "") else {
            throw FlagError("invalid value for --log.level: expected one of debug, info, warn, error")
        }
        guard let format = LogFormat(rawValue: flags.string("log.format") ?? "") else {
            throw FlagError("invalid value for --log.format: expected logfmt or json")
        }
        return (level, format)
    }
}

import Exporter
import Glibc

/// `tocsin-ruleeval check rules FILE...`: validates rule files as `promtool check rules` does.
///
/// For each file it prints `Checking FILE`, then `  SUCCESS: N rules found` or `  FAILED:` and every problem on
/// standard error, then an empty line. Problems are YAML, decoding and validation errors (PromQL expressions
/// and alert templates are parsed) and, with `--lint=duplicate-rules` (the default), rules that produce the
/// same series. The exit code is 1 when any file has an error, 3 when only lint problems were found and
/// `--lint-fatal` is set, and 0 otherwise.
public struct CheckRulesCommand: Sendable {
    /// The flags this subcommand accepts.
    public static let flags = RuleLintSettings.flags

    /// The rule files to check, in order.
    public var files: [String]
    /// What to lint and how seriously.
    public var lint: RuleLintSettings

    /// Reads the subcommand's flags and file arguments.
    public init(flags: ParsedFlags) throws(FlagError) {
        guard !flags.positional.isEmpty else { throw FlagError("required argument 'rule-files' not provided") }
        try Self.requireExistingFiles(flags.positional)
        files = flags.positional
        lint = RuleLintSettings(flags: flags)
    }

    /// Checks every file.
    public func run() -> CommandResult {
        var report = RuleCheckReport(output: lint.warnings)
        for file in files { report.checkRuleFile(file, lint: lint, errorIndent: "") }
        return report.result(lint: lint)
    }

    /// promtool's argument check (kingpin's `ExistingFiles`): every path exists and is not a directory.
    static func requireExistingFiles(_ paths: [String]) throws(FlagError) {
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else { throw FlagError("path '\(path)' does not exist") }
            if status.st_mode & S_IFMT == S_IFDIR { throw FlagError("'\(path)' is a directory") }
        }
    }
}

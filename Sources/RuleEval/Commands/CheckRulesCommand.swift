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

/// What `check rules` and `check config` have printed so far and whether anything failed.
struct RuleCheckReport {
    var output = ""
    var error = ""
    /// A file had an error other than a lint problem.
    var hasErrors = false
    /// A file had lint problems.
    var hasLintProblems = false

    /// Checks one rule file and reports it; `errorIndent` goes in front of each problem (`check config`
    /// indents them by five spaces, `check rules` not at all).
    mutating func checkRuleFile(_ path: String, lint: RuleLintSettings, errorIndent: String) {
        output += "Checking \(path)\n"
        var problems: [String] = []
        do throws(RuleFileError) {
            let file = try RuleFile.load(fileAt: path, checks: .promtool)
            let duplicates = lint.checksDuplicateRules ? file.duplicateRules() : []
            if duplicates.isEmpty {
                output += "  SUCCESS: \(file.groups.reduce(0) { $0 + $1.rules.count }) rules found\n"
            } else {
                hasLintProblems = true
                problems = ["lint error " + RuleFile.duplicateRulesMessage(duplicates)]
            }
        } catch {
            hasErrors = true
            problems = error.errors.map(Self.promtoolText)
        }
        if !problems.isEmpty {
            self.error += "  FAILED:\n" + problems.map { errorIndent + $0 + "\n" }.joined()
        }
        output += "\n"
    }

    /// The exit code promtool gives: 1 for errors, 3 for lint problems under `--lint-fatal`, else 0.
    func result(lint: RuleLintSettings) -> CommandResult {
        let exitCode =
            hasErrors ? ExitCode.failure : hasLintProblems && lint.isFatal ? ExitCode.lintProblems : ExitCode.success
        return CommandResult(exitCode: exitCode, output: output, error: error)
    }

    /// An error as promtool prints rule file errors: `file: line:col: message` (`file: message` for an
    /// error about the whole file).
    private static func promtoolText(_ error: YAMLError) -> String {
        error.position == .wholeFile
            ? "\(error.fileName): \(error.message)" : "\(error.fileName): \(error.position): \(error.message)"
    }
}

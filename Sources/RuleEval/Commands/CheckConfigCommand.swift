import Exporter
import Glibc

/// `tocsin-ruleeval check config FILE...`: validates Prometheus configuration files and the rule files they
/// name, as `promtool check config` does.
///
/// For each configuration it prints `Checking FILE`, `  SUCCESS: N rule files found` (when there are any) and
/// ` SUCCESS: FILE is valid prometheus config file syntax`, then checks each rule file (glob patterns resolved
/// relative to the configuration file) as `check rules` does, with problems indented by five spaces. A
/// configuration that does not parse, or names a rule file that does not exist, prints `  FAILED: <error>`
/// on standard error and its rule files are not checked; file discovery patterns that match nothing are
/// `  WARNING:` lines. Exit codes are those of ``CheckRulesCommand``.
/// Fields Prometheus has and Tocsin does not support fail with `... is not supported by Tocsin`.
/// A file in Alertmanager's format (a top-level `route:` or `receivers:`) is checked as the notification
/// configuration of direct dispatch instead (see ``NotifyConfiguration/parse(_:fileName:)``).
public struct CheckConfigCommand: Sendable {
    /// The flags this subcommand accepts.
    public static let flags =
        RuleLintSettings.flags + [
            FlagSpec(
                "syntax-only", kind: .boolean, default: "false",
                help: "Only check the config file syntax, not the rule files it names.")
        ]

    /// The configuration files to check, in order.
    public var files: [String]
    /// What to lint in the rule files and how seriously.
    public var lint: RuleLintSettings
    /// Whether to skip the rule files.
    public var isSyntaxOnly: Bool

    /// Reads the subcommand's flags and file arguments.
    public init(flags: ParsedFlags) throws(FlagError) {
        guard !flags.positional.isEmpty else { throw FlagError("required argument 'config-files' not provided") }
        try CheckRulesCommand.requireExistingFiles(flags.positional)
        files = flags.positional
        lint = RuleLintSettings(flags: flags)
        isSyntaxOnly = flags.bool("syntax-only")
    }

    /// Checks every configuration and its rule files.
    public func run() -> CommandResult {
        var report = RuleCheckReport(output: lint.warnings)
        for file in files {
            report.output += "Checking \(file)\n"
            if let bytes = try? readFile(atPath: file), NotifyConfiguration.isAlertmanagerFormat(bytes) {
                checkAlertmanagerFile(file, bytes: bytes, into: &report)
                continue
            }
            let referenced: PrometheusConfiguration.ReferencedFiles
            do {
                let configuration = try PrometheusConfiguration.load(fileAt: file)
                referenced =
                    isSyntaxOnly ? .init(ruleFiles: [], warnings: []) : try configuration.referencedFiles()
            } catch {
                report.hasErrors = true
                report.error += "  FAILED: \(error)\n"
                report.output += "\n"
                continue
            }
            report.output += referenced.warnings.map { "  WARNING: \($0)\n" }.joined()
            let ruleFiles = referenced.ruleFiles
            if !ruleFiles.isEmpty { report.output += "  SUCCESS: \(ruleFiles.count) rule files found\n" }
            report.output += " SUCCESS: \(file) is valid prometheus config file syntax\n\n"
            for ruleFile in ruleFiles { report.checkRuleFile(ruleFile, lint: lint, errorIndent: "     ") }
        }
        return report.result(lint: lint)
    }

    /// Checks an `alertmanager.yml` as `amtool check-config` does, with Tocsin's supported subset.
    private func checkAlertmanagerFile(_ file: String, bytes: [UInt8], into report: inout RuleCheckReport) {
        do {
            let configuration = try NotifyConfiguration.parse(bytes, fileName: file)
            report.output +=
                " SUCCESS: \(file) is valid alertmanager config file syntax (\(configuration.receivers.count) "
                + "receivers, \(configuration.inhibitRules.count) inhibit rules)\n\n"
        } catch {
            report.hasErrors = true
            report.error += "  FAILED: \(error)\n"
            report.output += "\n"
        }
    }
}

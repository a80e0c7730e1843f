import Exporter

/// The `tocsin-ruleeval` subcommands: `check metrics|config|rules` and `test rules` (flags alone start the
/// evaluator service, see ``EvaluatorCommand``).
public enum RuleEvalCommandLine {
    /// Runs the command named by `arguments` (without the program name), reading standard input where the
    /// subcommand needs it, and returns what to print and the exit code.
    public static func run(_ arguments: [String], readInput: () -> [UInt8]) -> CommandResult {
        if arguments == ["--version"] {
            return CommandResult(exitCode: ExitCode.success, output: RuleEvalVersion.banner + "\n")
        }
        if let result = runFileCheck(arguments) { return result }
        if arguments.count >= 2, arguments[0] == "test", arguments[1] == "rules" {
            do {
                let flags = try FlagParser(TestRulesCommand.flags).parse(Array(arguments.dropFirst(2)))
                return try TestRulesCommand(flags: flags).run()
            } catch {
                return CommandResult(exitCode: ExitCode.usage, error: "tocsin-ruleeval: error: \(error)\n")
            }
        }
        guard arguments.count >= 2, arguments[0] == "check", arguments[1] == "metrics" else {
            return CommandResult(exitCode: ExitCode.usage, error: usage)
        }
        do {
            let flags = try FlagParser(CheckMetricsCommand.flags).parse(Array(arguments.dropFirst(2)))
            guard flags.positional.isEmpty else { throw FlagError("unexpected argument '\(flags.positional[0])'") }
            return try CheckMetricsCommand(flags: flags).run(input: readInput())
        } catch {
            return CommandResult(exitCode: ExitCode.usage, error: "tocsin-ruleeval: error: \(error)\n")
        }
    }

    static let usage = """
        usage: tocsin-ruleeval [--config.file=prometheus.yml] [<flags>]    run the evaluator (see --help)
               tocsin-ruleeval <command> [<flags>]

        Commands:
          check metrics [--content-type=TYPE] [--format=text|json]
              Lint exposition text read from standard input, as promtool check metrics does.
          check config [--lint=duplicate-rules|all|none] [--lint-fatal] [--syntax-only] FILE...
              Check Prometheus configuration files and the rule files they name, as promtool does;
              an Alertmanager-format file (top-level route:/receivers:) is checked for direct dispatch.
          check rules [--lint=duplicate-rules|all|none] [--lint-fatal] FILE...
              Check rule files, as promtool check rules does.
          test rules FILE... [--run=REGEX]
              Run rule unit-test files, as promtool test rules does.

        """
}

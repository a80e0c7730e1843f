import Exporter

/// `tocsin-ruleeval test rules FILE... [--run REGEX]`: runs promtool rule unit-test files, printing promtool's
/// `Unit Testing:  FILE` / `  SUCCESS` / `  FAILED:` report; exits 0 only when every file passes.
public struct TestRulesCommand: Sendable {
    /// The flags this subcommand accepts.
    public static let flags = [
        FlagSpec("run", help: "If set, will only run test groups whose names match the regular expression.")
    ]

    /// The test files.
    public var files: [String]
    /// The `--run` pattern.
    public var runPattern: String?

    /// Reads the subcommand's flags and files.
    public init(flags: ParsedFlags) throws(FlagError) {
        guard !flags.positional.isEmpty else { throw FlagError("required argument 'test-rule-file' not provided") }
        files = flags.positional
        runPattern = flags.string("run")
        if let runPattern, GoRegex(runPattern) == nil {
            throw FlagError("invalid value '\(runPattern)' for --run: not a regular expression")
        }
    }

    /// Runs every file.
    public func run() -> CommandResult {
        let runner = RuleTestRunner(runPattern: runPattern)
        var result = CommandResult(exitCode: ExitCode.success)
        for file in files {
            let fileResult = runner.run(fileAt: file)
            result.output += fileResult.output
            result.error += fileResult.error
            if !fileResult.passed { result.exitCode = ExitCode.failure }
        }
        return result
    }
}

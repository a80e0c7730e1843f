/// Exit codes of the `tocsin-ruleeval` subcommands, promtool's convention.
public enum ExitCode {
    /// Everything checked out.
    public static let success: Int32 = 0
    /// A check or test failed, or the input could not be read or parsed.
    public static let failure: Int32 = 1
    /// The command line was wrong.
    public static let usage: Int32 = 2
    /// Only lint problems were found.
    public static let lintProblems: Int32 = 3
}

/// What a subcommand produced: its exit code and what it printed, so tests can check both without a process.
public struct CommandResult: Sendable, Hashable {
    /// The process exit code.
    public var exitCode: Int32
    /// Text for standard output.
    public var output: String
    /// Text for standard error.
    public var error: String

    /// Creates a result.
    public init(exitCode: Int32, output: String = "", error: String = "") {
        self.exitCode = exitCode
        self.output = output
        self.error = error
    }
}

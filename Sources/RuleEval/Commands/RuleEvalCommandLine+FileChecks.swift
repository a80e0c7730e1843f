import Exporter

extension RuleEvalCommandLine {
    /// Runs `check config FILE...` or `check rules FILE...`, or returns `nil` for any other command.
    ///
    /// A bad command line (unknown flag, no files, a path that does not exist) exits 1 with
    /// `tocsin-ruleeval: error: ..., try --help`, as promtool's argument parser does.
    static func runFileCheck(_ arguments: [String]) -> CommandResult? {
        guard arguments.count >= 2, arguments[0] == "check" else { return nil }
        let rest = Array(arguments.dropFirst(2))
        do {
            switch arguments[1] {
            case "config": return try CheckConfigCommand(flags: FlagParser(CheckConfigCommand.flags).parse(rest)).run()
            case "rules": return try CheckRulesCommand(flags: FlagParser(CheckRulesCommand.flags).parse(rest)).run()
            default: return nil
            }
        } catch {
            return CommandResult(exitCode: ExitCode.failure, error: "tocsin-ruleeval: error: \(error)\n")
        }
    }
}

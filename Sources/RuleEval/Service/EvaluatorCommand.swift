import Exporter

/// `tocsin-ruleeval [--config.file=...] [flags]`: runs the evaluator service until SIGTERM or SIGINT.
public enum EvaluatorCommand {
    /// Whether `arguments` start the service rather than a subcommand (`check ...`, `test ...`): no arguments,
    /// or flags only.
    public static func isServiceInvocation(_ arguments: [String]) -> Bool {
        arguments != ["--version"] && arguments.allSatisfy { $0.hasPrefix("-") }
    }

    /// Parses the flags, runs the service and returns the exit code: 0 after a clean shutdown, 1 when the
    /// configuration cannot be loaded or the listener cannot be bound, 2 for bad flags.
    public static func run(_ arguments: [String]) -> Int32 {
        let parser = FlagParser(EvaluatorConfiguration.flags)
        let configuration: EvaluatorConfiguration
        do {
            let flags = try parser.parse(arguments)
            if flags.bool("help") {
                StandardStreams.writeOutput(
                    parser.usage(
                        program: "tocsin-ruleeval",
                        summary: "The Tocsin rule evaluator: scrapes targets, evaluates rules, sends alerts.")
                        + "\n" + RuleEvalCommandLine.usage)
                return 0
            }
            if flags.bool("version") {
                StandardStreams.writeOutput(RuleEvalVersion.banner + "\n")
                return 0
            }
            configuration = try EvaluatorConfiguration(flags: flags)
        } catch {
            StandardStreams.writeError("tocsin-ruleeval: error: \(error)\n")
            return 2
        }
        let logger = Logger(level: configuration.logLevel, format: configuration.logFormat)
        MallocArenas.limit()
        do {
            let service = try EvaluatorService(configuration: configuration, logger: logger)
            _ = try service.start()
            return service.runUntilSignalled()
        } catch {
            logger.error("Error loading config", ["file": configuration.configFile, "err": "\(error)"])
            return 1
        }
    }
}

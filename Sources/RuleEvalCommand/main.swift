import Exporter
import Glibc
import RuleEval

let result = RuleEvalCommandLine.run(Array(CommandLine.arguments.dropFirst()), readInput: StandardStreams.readInput)
StandardStreams.writeOutput(result.output)
StandardStreams.writeError(result.error)
exit(result.exitCode)
